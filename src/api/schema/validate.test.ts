import { describe, expect, it } from 'vitest';
import { invalid } from '../errors.js';
import type { FieldCause, JSONSchema } from '../types.js';
import { SchemaRegistry } from './resolver.js';
import { validateAgainstSchema } from './validate.js';

// Expected strings are assembled from kube's format strings:
// - kube-openapi pkg/validation/errors/schema.go (typeFailWithData "%s in %s must be of type %s: %q",
//   maxIncFail, minIncFail, tooShortMessage, patternFail, minItemsFail, uniqueFail ...);
// - apiextensions-apiserver pkg/apiserver/validation/validation.go kubeOpenAPIResultToFieldErrors
//   (which field.* constructor each code becomes);
// - apimachinery pkg/util/validation/field/errors.go (ErrorBody, NotSupported, TooMany, TooLong in 1.32).
const registry = new SchemaRegistry();

const crontab: JSONSchema = {
  type: 'object',
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      required: ['cronSpec'],
      properties: {
        cronSpec: { type: 'string', pattern: '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$' },
        image: { type: 'string', minLength: 3, maxLength: 10 },
        replicas: { type: 'integer', minimum: 1, maximum: 10 },
        ratio: { type: 'number', maximum: 1.5, exclusiveMaximum: true },
        policy: { type: 'string', enum: ['Allow', 'Forbid'] },
        level: { type: 'integer', enum: [1, 2] },
        tags: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 2 },
        uniq: { type: 'array', items: { type: 'string' }, uniqueItems: true },
        when: { type: 'string', format: 'date-time' },
        data: { type: 'string', format: 'byte' },
        maxUnavailable: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] },
        labels: { type: 'object', additionalProperties: { type: 'string' }, maxProperties: 2 },
        optional: { type: 'string', nullable: true },
      },
    },
  },
};

function check(spec: Record<string, unknown>): FieldCause[] {
  return validateAgainstSchema({ apiVersion: 'stable.example.com/v1', kind: 'CronTab', metadata: { name: 'c' }, spec: { cronSpec: '* * * * *', ...spec } }, crontab, registry);
}

describe('validateAgainstSchema()', () => {
  it('accepts a valid object', () => {
    expect(check({ replicas: 3, image: 'nginx', policy: 'Allow', tags: ['a'], when: '2024-01-02T03:04:05Z', maxUnavailable: '25%', optional: null })).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, FieldCause[]]>([
    ['type', { replicas: 'string' }, [{ reason: 'FieldValueTypeInvalid', field: 'spec.replicas', message: 'Invalid value: "string": spec.replicas in body must be of type integer: "string"' }]],
    ['float for integer', { replicas: 1.5 }, [{ reason: 'FieldValueTypeInvalid', field: 'spec.replicas', message: 'Invalid value: "number": spec.replicas in body must be of type integer: "number"' }]],
    ['maximum', { replicas: 15 }, [{ reason: 'FieldValueInvalid', field: 'spec.replicas', message: 'Invalid value: 15: spec.replicas in body should be less than or equal to 10' }]],
    ['minimum', { replicas: 0 }, [{ reason: 'FieldValueInvalid', field: 'spec.replicas', message: 'Invalid value: 0: spec.replicas in body should be greater than or equal to 1' }]],
    ['exclusive maximum on a float', { ratio: 1.5 }, [{ reason: 'FieldValueInvalid', field: 'spec.ratio', message: 'Invalid value: 1.5: spec.ratio in body should be less than 1.5' }]],
    ['pattern', { cronSpec: '* * * *' }, [{ reason: 'FieldValueInvalid', field: 'spec.cronSpec', message: "Invalid value: \"* * * *\": spec.cronSpec in body should match '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$'" }]],
    ['minLength', { image: 'ng' }, [{ reason: 'FieldValueInvalid', field: 'spec.image', message: 'Invalid value: "ng": spec.image in body should be at least 3 chars long' }]],
    ['maxLength', { image: 'registry.example.com/nginx' }, [{ reason: 'FieldValueTooLong', field: 'spec.image', message: 'Too long: may not be more than 10 bytes' }]],
    ['enum', { policy: 'Foo' }, [{ reason: 'FieldValueNotSupported', field: 'spec.policy', message: 'Unsupported value: "Foo": supported values: "Allow", "Forbid"' }]],
    ['integer enum', { level: 3 }, [{ reason: 'FieldValueNotSupported', field: 'spec.level', message: 'Unsupported value: 3: supported values: "1", "2"' }]],
    ['minItems', { tags: [] }, [{ reason: 'FieldValueInvalid', field: 'spec.tags', message: 'Invalid value: 0: spec.tags in body should have at least 1 items' }]],
    ['maxItems', { tags: ['a', 'b', 'c'] }, [{ reason: 'FieldValueTooMany', field: 'spec.tags', message: 'Too many: 3: must have at most 2 items' }]],
    ['item type', { tags: ['a', 7] }, [{ reason: 'FieldValueTypeInvalid', field: 'spec.tags[1]', message: 'Invalid value: "integer": spec.tags[1] in body must be of type string: "integer"' }]],
    ['uniqueItems', { uniq: ['a', 'a'] }, [{ reason: 'FieldValueInvalid', field: 'spec.uniq', message: 'Invalid value: "": spec.uniq in body shouldn\'t contain duplicates' }]],
    ['date-time format', { when: 'yesterday' }, [{ reason: 'FieldValueTypeInvalid', field: 'spec.when', message: 'Invalid value: "yesterday": spec.when in body must be of type date-time: "yesterday"' }]],
    ['byte format', { data: 'not base64!' }, [{ reason: 'FieldValueTypeInvalid', field: 'spec.data', message: 'Invalid value: "not base64!": spec.data in body must be of type byte: "not base64!"' }]],
    ['maxProperties', { labels: { a: '1', b: '2', c: '3' } }, [{ reason: 'FieldValueTooMany', field: 'spec.labels', message: 'Too many: 3: must have at most 2 items' }]],
    ['additionalProperties type', { labels: { a: 1 } }, [{ reason: 'FieldValueTypeInvalid', field: 'spec.labels.a', message: 'Invalid value: "integer": spec.labels.a in body must be of type string: "integer"' }]],
    ['null when not nullable', { image: null }, [{ reason: 'FieldValueTypeInvalid', field: 'spec.image', message: 'Invalid value: "null": spec.image in body must be of type string: "null"' }]],
  ])('reports %s', (_name, spec, want) => {
    expect(check(spec)).toEqual(want);
  });

  it('reports a missing required field as Required value', () => {
    const causes = validateAgainstSchema({ spec: {} }, crontab, registry);
    expect(causes).toEqual([{ reason: 'FieldValueRequired', field: 'spec.cronSpec', message: 'Required value' }]);
    expect(invalid('stable.example.com', 'CronTab', 'c', causes).message).toBe('CronTab.stable.example.com "c" is invalid: spec.cronSpec: Required value');
  });

  it('reports int-or-string mismatches with the type and the anyOf errors', () => {
    // type [integer,string] from x-kubernetes-int-or-string (ConvertJSONSchemaPropsWithPostProcess),
    // then schema_props.go anyOf: MustValidateAtLeastOneSchemaError plus the first branch's errors.
    expect(check({ maxUnavailable: true })).toEqual([
      { reason: 'FieldValueTypeInvalid', field: 'spec.maxUnavailable', message: 'Invalid value: "boolean": spec.maxUnavailable in body must be of type integer,string: "boolean"' },
      { reason: 'FieldValueInvalid', field: '', message: 'Invalid value: "": "spec.maxUnavailable" must validate at least one schema (anyOf)' },
      { reason: 'FieldValueTypeInvalid', field: 'spec.maxUnavailable', message: 'Invalid value: "boolean": spec.maxUnavailable in body must be of type integer: "boolean"' },
    ]);
  });

  it('follows $ref into registered components', () => {
    const reg = new SchemaRegistry().add('io.example.Port', { type: 'object', properties: { port: { type: 'integer', format: 'int32' } }, required: ['port'] });
    const schema = { type: 'object', properties: { ports: { type: 'array', items: { $ref: '#/components/schemas/io.example.Port' } } } };
    expect(validateAgainstSchema({ ports: [{ port: 80 }, {}] }, schema, reg)).toEqual([{ reason: 'FieldValueRequired', field: 'ports[1].port', message: 'Required value' }]);
  });

  it('reports the Go format when an int32 field holds a float', () => {
    const schema = { type: 'object', properties: { n: { type: 'integer', format: 'int32' } } };
    expect(validateAgainstSchema({ n: 1.5 }, schema, registry)).toEqual([
      { reason: 'FieldValueTypeInvalid', field: 'n', message: 'Invalid value: "float64": n in body must be of type int32: "float64"' },
    ]);
  });
});

describe('list types and embedded resources', () => {
  const schema: JSONSchema = {
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        properties: {
          ports: {
            type: 'array',
            'x-kubernetes-list-type': 'map',
            'x-kubernetes-list-map-keys': ['name'],
            items: { type: 'object', properties: { name: { type: 'string' }, port: { type: 'integer' } } },
          },
          hosts: { type: 'array', 'x-kubernetes-list-type': 'set', items: { type: 'string' } },
          template: { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true },
        },
      },
    },
  };

  it('reports duplicate map keys and set items at their second occurrence (listtype/validation.go)', () => {
    const obj = { spec: { ports: [{ name: 'http', port: 80 }, { name: 'http', port: 8080 }, { name: 'http' }], hosts: ['a', 'b', 'a'] } };
    expect(validateAgainstSchema(obj, schema, registry)).toEqual([
      { reason: 'FieldValueDuplicate', field: 'spec.ports[1]', message: 'Duplicate value: map[string]interface {}{"name":"http"}' },
      { reason: 'FieldValueDuplicate', field: 'spec.hosts[2]', message: 'Duplicate value: "a"' },
    ]);
  });

  it('treats a missing key as the unspecified key and compares multi-field keys together', () => {
    const multi: JSONSchema = {
      type: 'object',
      properties: {
        ports: { type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['port', 'protocol'], items: { type: 'object' } },
        named: { type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'], items: { type: 'object' } },
      },
    };
    const obj = { ports: [{ port: 53, protocol: 'UDP' }, { protocol: 'UDP', port: 53 }, { port: 53, protocol: 'TCP' }], named: [{}, null] };
    expect(validateAgainstSchema(obj, multi, registry)).toEqual([
      { reason: 'FieldValueTypeInvalid', field: 'named[1]', message: 'Invalid value: "null": named[1] in body must be of type object: "null"' },
      { reason: 'FieldValueDuplicate', field: 'ports[1]', message: 'Duplicate value: map[string]interface {}{"port":53, "protocol":"UDP"}' },
      { reason: 'FieldValueDuplicate', field: 'named[1]', message: 'Duplicate value: map[string]interface {}{}' },
    ]);
  });

  it('requires apiVersion and kind of embedded resources (objectmeta/validation.go)', () => {
    const obj = { spec: { template: { metadata: { name: 'a/b' } } } };
    expect(validateAgainstSchema(obj, schema, registry)).toEqual([
      { reason: 'FieldValueRequired', field: 'spec.template.apiVersion', message: 'Required value' },
      { reason: 'FieldValueRequired', field: 'spec.template.kind', message: 'Required value' },
      { reason: 'FieldValueInvalid', field: 'spec.template.metadata.name', message: 'Invalid value: "a/b": may not contain \'/\'' },
    ]);
  });

  it('accepts nulls for built-in kinds, which decode them as Go zero values', () => {
    expect(validateAgainstSchema({ spec: { hosts: null } }, schema, registry)).toHaveLength(1);
    expect(validateAgainstSchema({ spec: { hosts: null } }, schema, registry, { builtin: true })).toEqual([]);
  });

  it('leaves JSON types to Go decoding for built-in kinds but keeps enum and required', () => {
    const quantity = { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'number' }, { type: 'string', pattern: '^[0-9.]+[a-zA-Z]*$' }] };
    const s: JSONSchema = { type: 'object', required: ['policy'], properties: { cpu: quantity, policy: { type: 'string', enum: ['Always', 'Never'] } } };
    expect(validateAgainstSchema({ cpu: 0.5, policy: 'Always' }, s, registry, { builtin: true })).toEqual([]);
    expect(validateAgainstSchema({ cpu: 0.5 }, s, registry).map((c) => c.field)).toEqual(['cpu', 'policy']);
    expect(validateAgainstSchema({ cpu: '1', policy: 'Sometimes' }, s, registry, { builtin: true })).toEqual([
      { reason: 'FieldValueNotSupported', field: 'policy', message: 'Unsupported value: "Sometimes": supported values: "Always", "Never"' },
    ]);
    expect(validateAgainstSchema({}, s, registry, { builtin: true })).toEqual([{ reason: 'FieldValueRequired', field: 'policy', message: 'Required value' }]);
  });

  it('skips list-type and embedded checks for built-in kinds', () => {
    const obj = { spec: { hosts: ['a', 'a'], template: {} } };
    expect(validateAgainstSchema(obj, schema, registry, { builtin: true })).toEqual([]);
  });
});
