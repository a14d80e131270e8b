import { describe, expect, it } from 'vitest';
import { toV2Schema } from './v2-schema.js';

const conv = (s: Record<string, unknown>) => {
  const refs = new Set<string>();
  return { out: toV2Schema(s, refs), refs: [...refs] };
};

describe('toV2Schema', () => {
  it('rewrites references to #/definitions and keeps only description and extensions beside them', () => {
    expect(conv({ $ref: '#/components/schemas/io.k8s.api.core.v1.PodSpec', description: 'd', type: 'object' })).toEqual({
      out: { _ref: '#/definitions/io.k8s.api.core.v1.PodSpec', description: 'd' },
      refs: ['io.k8s.api.core.v1.PodSpec'],
    });
    // kube's v3 form of a reference with siblings: a one-element allOf.
    expect(conv({ allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity' }], default: {} }).out).toEqual({
      _ref: '#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity',
    });
  });

  it('maps keywords to gnostic fields, values to YAML-readable Any', () => {
    const { out } = conv({
      type: 'object', required: ['a'], description: 'x', 'x-kubernetes-map-type': 'atomic',
      properties: { a: { type: 'string', enum: ['p', 'q'], default: 'p', pattern: '^[pq]$', maxLength: 1 }, n: { type: 'integer', format: 'int32', minimum: 0, maximum: 10 } },
    });
    expect(out).toEqual({
      description: 'x',
      vendor_extension: [{ name: 'x-kubernetes-map-type', value: { yaml: '"atomic"' } }],
      type: { value: ['object'] },
      required: ['a'],
      properties: {
        additional_properties: [
          { name: 'a', value: { type: { value: ['string'] }, pattern: '^[pq]$', max_length: 1, default: { yaml: '"p"' }, enum: [{ yaml: '"p"' }, { yaml: '"q"' }] } },
          { name: 'n', value: { type: { value: ['integer'] }, format: 'int32', minimum: 0, maximum: 10 } },
        ],
      },
    });
  });

  it('wraps array items and map values', () => {
    expect(conv({ type: 'array', items: { type: 'string' } }).out).toEqual({ type: { value: ['array'] }, items: { schema: [{ type: { value: ['string'] } }] } });
    expect(conv({ type: 'object', additionalProperties: { type: 'string' } }).out).toEqual({ type: { value: ['object'] }, additional_properties: { schema: { type: { value: ['string'] } } } });
    expect(conv({ type: 'object', additionalProperties: false }).out).toEqual({ type: { value: ['object'] }, additional_properties: { boolean: false } });
  });

  it('applies the API server v2 rules: nullable and preserve-unknown-fields lose their shape, junctors go', () => {
    // nullable: no type, items or properties, and no longer required by the parent.
    expect(conv({ type: 'object', required: ['t', 'u'], properties: { t: { type: 'string', format: 'date-time', nullable: true }, u: { type: 'string' } } }).out).toEqual({
      type: { value: ['object'] },
      required: ['u'],
      properties: { additional_properties: [{ name: 't', value: { format: 'date-time' } }, { name: 'u', value: { type: { value: ['string'] } } }] },
    });
    const preserved = conv({ type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { a: { type: 'string' } } }).out;
    expect(preserved).toEqual({ vendor_extension: [{ name: 'x-kubernetes-preserve-unknown-fields', value: { yaml: 'true' } }] });
    expect(conv({ type: 'array', 'x-kubernetes-preserve-unknown-fields': true, items: { type: 'string' } }).out.type).toBeUndefined();
    // int-or-string: anyOf dropped, no type left, so kubectl accepts either.
    expect(conv({ 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] }).out).toEqual({
      vendor_extension: [{ name: 'x-kubernetes-int-or-string', value: { yaml: 'true' } }],
    });
  });
});
