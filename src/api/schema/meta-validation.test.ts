import { describe, expect, it } from 'vitest';
import type { ObjectMeta } from '../types.js';
import { generateObjectName } from './generate-name.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './meta-validation.js';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, nameIsDNSLabel, nameIsDNSSubdomain } from './name-validation.js';

// Messages: apimachinery pkg/util/validation/validation.go (RegexError, MaxLenError, the *ErrMsg/*Fmt
// constants), pkg/api/validation/objectmeta.go and generic.go.
const LABEL_ERR = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_ERR = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const QNAME_ERR = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_ERR = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('name validators', () => {
  it.each<[string, (v: string) => string[], string, string[]]>([
    ['label ok', isDNS1123Label, 'my-name', []],
    ['label upper', isDNS1123Label, 'My-Name', [LABEL_ERR]],
    ['label dots', isDNS1123Label, 'a.b', ['must not contain dots']],
    ['label long', isDNS1123Label, 'a'.repeat(64), ['must be no more than 63 characters']],
    ['subdomain ok', isDNS1123Subdomain, 'a.b-c.d', []],
    ['subdomain bad', isDNS1123Subdomain, 'A_b', [SUBDOMAIN_ERR]],
    ['subdomain long', isDNS1123Subdomain, 'a'.repeat(254), ['must be no more than 253 characters']],
    ['qualified ok', isQualifiedName, 'app.kubernetes.io/name', []],
    ['qualified bad name', isQualifiedName, 'foo/-bar', [QNAME_ERR]],
    ['qualified empty prefix', isQualifiedName, '/bar', ['prefix part must be non-empty']],
    ['label value ok', isValidLabelValue, '', []],
    ['label value bad', isValidLabelValue, 'a b', [VALUE_ERR]],
  ])('%s', (_n, fn, value, want) => {
    expect(fn(value)).toEqual(want);
  });

  it('masks a trailing dash in generateName prefixes (generic.go maskTrailingDash)', () => {
    expect(nameIsDNSSubdomain('web-', true)).toEqual([]);
    expect(nameIsDNSSubdomain('web-', false)).toEqual([SUBDOMAIN_ERR]);
    expect(nameIsDNSLabel('Web-', true)).toEqual([LABEL_ERR]);
  });
});

const opts = { namespaced: true, nameFn: nameIsDNSSubdomain };

describe('validateObjectMeta()', () => {

  it('accepts valid metadata', () => {
    expect(validateObjectMeta({ name: 'vm-1', namespace: 'vms', labels: { app: 'db' }, annotations: { 'example.com/x': 'y' }, finalizers: ['kubevirt.io/virtualMachineControllerFinalize'] }, opts)).toEqual([]);
  });

  it('requires a name or generateName and a namespace for namespaced kinds', () => {
    expect(validateObjectMeta({}, opts)).toEqual([
      { reason: 'FieldValueRequired', field: 'metadata.name', message: 'Required value: name or generateName is required' },
      { reason: 'FieldValueRequired', field: 'metadata.namespace', message: 'Required value' },
    ]);
  });

  it('forbids a namespace on cluster-scoped kinds', () => {
    expect(validateObjectMeta({ name: 'n', namespace: 'x' }, { namespaced: false, nameFn: nameIsDNSSubdomain })).toEqual([
      { reason: 'FieldValueForbidden', field: 'metadata.namespace', message: 'Forbidden: not allowed on this type' },
    ]);
  });

  it('names label errors on the map, with the offending key or value', () => {
    expect(validateObjectMeta({ name: 'n', namespace: 'ns', labels: { 'foo/-bar': 'a b' } }, opts)).toEqual([
      { reason: 'FieldValueInvalid', field: 'metadata.labels', message: `Invalid value: "foo/-bar": ${QNAME_ERR}` },
      { reason: 'FieldValueInvalid', field: 'metadata.labels', message: `Invalid value: "a b": ${VALUE_ERR}` },
    ]);
  });

  it('limits annotations to 256 KiB in total', () => {
    const meta: ObjectMeta = { name: 'n', namespace: 'ns', annotations: { big: 'x'.repeat(262141) } };
    expect(validateObjectMeta(meta, opts)).toEqual([]);
    meta.annotations = { big: 'x'.repeat(262141), b: '' };
    expect(validateObjectMeta(meta, opts)).toEqual([
      { reason: 'FieldValueTooLong', field: 'metadata.annotations', message: 'Too long: may not be more than 262144 bytes' },
    ]);
  });

  it('checks owner references and controller uniqueness', () => {
    const meta: ObjectMeta = {
      name: 'n',
      namespace: 'ns',
      ownerReferences: [
        { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', name: 'vm', uid: 'u1', controller: true },
        { apiVersion: '', kind: 'ReplicaSet', name: '', uid: 'u2', controller: true },
      ],
    };
    expect(validateObjectMeta(meta, opts)).toEqual([
      { reason: 'FieldValueInvalid', field: 'metadata.ownerReferences.apiVersion', message: 'Invalid value: "": version must not be empty' },
      { reason: 'FieldValueInvalid', field: 'metadata.ownerReferences.name', message: 'Invalid value: "": must not be empty' },
      expect.objectContaining({ field: 'metadata.ownerReferences', message: expect.stringContaining('Only one reference can have Controller set to true. Found "true" in references for VirtualMachine/vm and ReplicaSet/') }),
    ]);
  });

  it('rejects bad finalizers and the orphan+foreground pair', () => {
    const causes = validateObjectMeta({ name: 'n', namespace: 'ns', finalizers: ['orphan', 'foregroundDeletion', 'a//b'] }, opts);
    expect(causes.map((c) => c.field)).toEqual(['metadata.finalizers', 'metadata.finalizers']);
    expect(causes[0].message).toContain('Invalid value: "a//b": a qualified name must consist of');
    expect(causes[1].message).toContain('finalizer orphan and foregroundDeletion cannot be both set');
  });
});

describe('validateManagedFields() via validateObjectMeta()', () => {
  it('checks operation, fieldsType and manager (meta/v1/validation ValidateManagedFields)', () => {
    const meta: ObjectMeta = {
      name: 'n',
      namespace: 'ns',
      managedFields: [
        { manager: 'kubectl', operation: 'Apply', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: {} },
        { manager: 'bad\u0007', operation: 'Patch' as 'Apply', apiVersion: 'v1', fieldsType: 'FieldsV2' as 'FieldsV1', fieldsV1: {} },
      ],
    };
    expect(validateObjectMeta(meta, opts)).toEqual([
      { reason: 'FieldValueInvalid', field: 'metadata.managedFields[1].operation', message: 'Invalid value: "Patch": must be `Apply` or `Update`' },
      { reason: 'FieldValueInvalid', field: 'metadata.managedFields[1].fieldsType', message: 'Invalid value: "FieldsV2": must be `FieldsV1`' },
      { reason: 'FieldValueInvalid', field: 'metadata.managedFields[1].manager', message: 'Invalid value: "bad\\a": invalid character U+0007 (at position 3)' },
    ]);
  });

  it('generates names from generateName like SimpleNameGenerator', () => {
    let i = 0;
    const seq = [0, 0.5, 0.99, 0.1, 0.2];
    expect(generateObjectName('web-', () => seq[i++])).toBe('web-br9dh');
    expect(generateObjectName('x'.repeat(70), () => 0)).toBe(`${'x'.repeat(58)}bbbbb`);
  });
});

describe('validateObjectMetaUpdate()', () => {
  const old: ObjectMeta = { name: 'a', namespace: 'ns', uid: 'u-1', resourceVersion: '5', creationTimestamp: '2024-01-02T03:04:05Z', generation: 2 };

  it('reports immutable fields with the new value (ValidateImmutableField)', () => {
    const next: ObjectMeta = { ...old, uid: 'u-2', creationTimestamp: '2025-06-07T08:09:10Z', generation: 1 };
    expect(validateObjectMetaUpdate(next, old)).toEqual([
      { reason: 'FieldValueInvalid', field: 'metadata.generation', message: 'Invalid value: 1: must not be decremented' },
      { reason: 'FieldValueInvalid', field: 'metadata.uid', message: 'Invalid value: "u-2": field is immutable' },
      { reason: 'FieldValueInvalid', field: 'metadata.creationTimestamp', message: 'Invalid value: 2025-06-07 08:09:10 +0000 UTC: field is immutable' },
    ]);
  });

  it('requires a resourceVersion and blocks new finalizers while deleting', () => {
    const deleting = { ...old, deletionTimestamp: '2024-02-02T00:00:00Z', finalizers: ['a.io/x'] };
    const next = { ...deleting, resourceVersion: '', finalizers: ['a.io/x', 'b.io/y'] };
    expect(validateObjectMetaUpdate(next, deleting)).toEqual([
      { reason: 'FieldValueForbidden', field: 'metadata.finalizers', message: 'Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"b.io/y"}' },
      { reason: 'FieldValueInvalid', field: 'metadata.resourceVersion', message: 'Invalid value: "": must be specified for an update' },
    ]);
  });
});
