import { describe, expect, it } from 'vitest';
import type { JSONSchema } from '../types.js';
import { decodeObject } from './decode.js';
import { SchemaRegistry } from './resolver.js';

const registry = new SchemaRegistry();
const schema: JSONSchema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        runStrategy: { type: 'string', default: 'Halted' },
        memory: { type: 'string' },
      },
    },
  },
};

function body(): Record<string, unknown> {
  return { apiVersion: 'example.com/v1', kind: 'Thing', metadata: { name: 't' }, spec: { memory: null, bogus: 1 } };
}

describe('decodeObject()', () => {
  it('Warn: returns warnings, prunes, drops non-nullable nulls, defaults', () => {
    const obj = body();
    expect(decodeObject(obj, schema, registry, { fieldValidation: 'Warn' })).toEqual(['unknown field "spec.bogus"']);
    expect(obj).toEqual({ apiVersion: 'example.com/v1', kind: 'Thing', metadata: { name: 't', creationTimestamp: null }, spec: { runStrategy: 'Halted' } });
  });

  it('Strict: throws before modifying the object', () => {
    const obj = body();
    expect(() => decodeObject(obj, schema, registry, { fieldValidation: 'Strict', context: { kind: 'Thing', version: 'v1' } })).toThrow(
      'Thing in version "v1" cannot be handled as a Thing: strict decoding error: unknown field "spec.bogus"',
    );
    expect(obj).toEqual(body());
  });

  it('Ignore: prunes silently', () => {
    const obj = body();
    expect(decodeObject(obj, schema, registry, { fieldValidation: 'Ignore' })).toEqual([]);
    expect((obj.spec as Record<string, unknown>).bogus).toBeUndefined();
  });
});

describe('decodeObject() for built-in kinds', () => {
  const reg = new SchemaRegistry().add('io.k8s.api.core.v1.ConfigMap', { type: 'object', properties: { data: { type: 'object', additionalProperties: { type: 'string' } } } });
  const cm = { $ref: '#/components/schemas/io.k8s.api.core.v1.ConfigMap' };

  it('create/update: a Go type error is a 400 naming the kind (rest.go transformDecodeError)', () => {
    expect(() => decodeObject({ kind: 'ConfigMap', data: { a: 1 } }, cm, reg, { fieldValidation: 'Strict', builtin: true, context: { kind: 'ConfigMap', version: 'v1' } })).toThrow(
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string',
    );
  });

  it('patch: the error is 422 on the patched JSON, keys sorted (patch.go)', () => {
    try {
      decodeObject({ kind: 'ConfigMap', data: { a: 1 } }, cm, reg, { fieldValidation: 'Strict', builtin: true });
      expect.unreachable();
    } catch (err) {
      const s = (err as import('../errors.js').StatusError).toStatus();
      expect(s.code).toBe(422);
      expect(s.message).toBe(' "" is invalid: patch: Invalid value: "{\\"data\\":{\\"a\\":1},\\"kind\\":\\"ConfigMap\\"}": json: cannot unmarshal number into Go struct field ConfigMap.data of type string');
    }
  });
});
