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
