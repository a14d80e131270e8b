import { describe, expect, it } from 'vitest';
import { goBadValue, goFloat, goQuote, goSyntax } from './go-format.js';
import { SchemaRegistry, isFreeForm, preservesUnknown } from './resolver.js';

describe('SchemaRegistry.resolve()', () => {
  const reg = new SchemaRegistry()
    .add('io.k8s.api.core.v1.PodSpec', { type: 'object', properties: { nodeName: { type: 'string' } } })
    .add('io.k8s.api.core.v1.PodTemplateSpec', { $ref: '#/components/schemas/io.k8s.api.core.v1.PodSpec', description: 'alias' })
    .add('loop', { $ref: '#/components/schemas/loop' });

  it('follows $ref and allOf:[{$ref}] with sibling keywords overriding', () => {
    expect(reg.resolve({ $ref: '#/components/schemas/io.k8s.api.core.v1.PodSpec' })).toEqual({ type: 'object', properties: { nodeName: { type: 'string' } } });
    expect(reg.resolve({ allOf: [{ $ref: '#/components/schemas/io.k8s.api.core.v1.PodSpec' }], default: {} })).toEqual({ type: 'object', properties: { nodeName: { type: 'string' } }, default: {} });
    expect(reg.resolve({ $ref: '#/components/schemas/io.k8s.api.core.v1.PodTemplateSpec' }).description).toBe('alias');
  });

  it('returns schemas without references unchanged', () => {
    const s = { type: 'string' };
    expect(reg.resolve(s)).toBe(s);
  });

  it('refuses unknown, remote and cyclic references', () => {
    expect(() => reg.resolve({ $ref: '#/components/schemas/nope' })).toThrow('unknown schema reference "#/components/schemas/nope"');
    expect(() => reg.resolve({ $ref: 'http://example.com/x.json' })).toThrow('only local component references are resolved');
    expect(() => reg.resolve({ $ref: '#/components/schemas/loop' })).toThrow('cyclic schema reference');
  });

  it('sees components added after a first resolution', () => {
    const r = new SchemaRegistry().add('a', { type: 'string' });
    const ref = { $ref: '#/components/schemas/a' };
    expect(r.resolve(ref).type).toBe('string');
    r.add('a', { type: 'integer' });
    expect(r.resolve(ref).type).toBe('integer');
  });

  it('tells free-form schemas from empty CRD objects', () => {
    expect(isFreeForm({ description: 'RawExtension' })).toBe(true);
    expect(isFreeForm({ type: 'object' })).toBe(false);
    expect(preservesUnknown({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true })).toBe(true);
    expect(preservesUnknown({ type: 'object', additionalProperties: true })).toBe(true);
    expect(preservesUnknown({ type: 'object', additionalProperties: { type: 'string' } })).toBe(false);
  });
});

describe('Go value printing (fmt %q, %v, %#v)', () => {
  it('quotes like strconv.Quote', () => {
    expect(goQuote('a"b\\c\n\u0001é')).toBe('"a\\"b\\\\c\\n\\x01é"');
    expect(goQuote('zero\u200bwidth\u0085')).toBe('"zero\\u200bwidth\\u0085"');
  });

  it('prints floats like %v', () => {
    expect(goFloat(1.5)).toBe('1.5');
    expect(goFloat(100000)).toBe('100000');
    expect(goFloat(1e6)).toBe('1e+06');
    expect(goFloat(1234567.5)).toBe('1.2345675e+06');
    expect(goFloat(0.00001)).toBe('1e-05');
  });

  it('prints decoded JSON maps and slices like %#v, keys sorted', () => {
    expect(goSyntax({ port: 80, name: 'http' })).toBe('map[string]interface {}{"name":"http", "port":80}');
    expect(goSyntax(['a', 1, null])).toBe('[]interface {}{"a", 1, interface {}(nil)}');
    expect(goBadValue(null)).toBe('null');
    expect(goBadValue(true)).toBe('true');
  });
});
