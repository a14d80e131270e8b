import { describe, it, expect } from 'vitest';
import { isConfigMapKey, isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isPathSegmentName, isQualifiedName, validateObjectMeta } from './validation.js';

describe('name validators', () => {
  it('isDNS1123Subdomain() words its error as apimachinery', () => {
    expect(isDNS1123Subdomain('example.com')).toEqual([]);
    expect(isDNS1123Subdomain('Foo')).toEqual([
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
    expect(isDNS1123Subdomain('a'.repeat(254))[0]).toBe('must be no more than 253 characters');
  });
  it('isDNS1123Label() keeps the double space between examples', () => {
    expect(isDNS1123Label('a.b')).toEqual([
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });
  it('isDNS1035Label() refuses a leading digit', () => {
    expect(isDNS1035Label('1abc')).toHaveLength(1);
    expect(isDNS1035Label('abc-1')).toEqual([]);
  });
  it('isPathSegmentName() refuses dots and slashes', () => {
    expect(isPathSegmentName('..')).toEqual(["may not be '..'"]);
    expect(isPathSegmentName('system:a/b')).toEqual(["may not contain '/'"]);
    expect(isPathSegmentName('system:controller:x')).toEqual([]);
  });
  it('isQualifiedName() checks prefix and name parts', () => {
    expect(isQualifiedName('app.kubernetes.io/name')).toEqual([]);
    expect(isQualifiedName('/x')).toEqual(['prefix part must be non-empty']);
    expect(isQualifiedName('a/b/c')[0]).toMatch(/^a qualified name must consist/);
    expect(isQualifiedName('-x')[0]).toMatch(/^name part must consist/);
  });
  it('isConfigMapKey() refuses dot-dot prefixes', () => {
    expect(isConfigMapKey('..data')).toEqual(["must not start with '..'"]);
    expect(isConfigMapKey('a/b')).toHaveLength(1);
  });
});

describe('validateObjectMeta()', () => {
  it('reports an invalid name with the full message', () => {
    const causes = validateObjectMeta({ name: 'Foo', namespace: 'default' }, { namespaced: true });
    expect(causes).toEqual([{ reason: 'FieldValueInvalid', field: 'metadata.name', message: expect.stringMatching(/^Invalid value: "Foo": a lowercase RFC 1123 subdomain/) }]);
  });
  it('requires a name or generateName and a namespace', () => {
    const causes = validateObjectMeta({}, { namespaced: true });
    expect(causes.map((c) => `${c.field}: ${c.message}`)).toEqual(['metadata.name: Required value: name or generateName is required', 'metadata.namespace: Required value']);
  });
  it('checks label keys and values', () => {
    const causes = validateObjectMeta({ name: 'a', labels: { 'ok': 'bad value' } }, { namespaced: false });
    expect(causes).toHaveLength(1);
    expect(causes[0].field).toBe('metadata.labels');
    expect(causes[0].message).toMatch(/^Invalid value: "bad value": a valid label must be an empty string/);
  });
  it('masks a trailing dash of generateName', () => {
    expect(validateObjectMeta({ generateName: 'web-' }, { namespaced: false, name: isDNS1123Label })).toEqual([]);
  });
});
