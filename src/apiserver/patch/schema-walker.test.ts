import { describe, it, expect } from 'vitest';
import { deref, itemsSchema, makeResolver, nodeType, propertySchema, withObjectMeta } from './schema-walker.js';
import { DEPLOYMENT, resolve } from './test-schemas.js';

describe('schema walking', () => {
  it('follows $ref and one-element allOf, keeping the referring extensions', () => {
    const spec = propertySchema(deref(DEPLOYMENT, resolve), 'spec', resolve);
    const strategy = propertySchema(spec, 'strategy', resolve);
    expect(strategy?.['x-kubernetes-patch-strategy']).toBe('retainKeys');
    expect(propertySchema(strategy, 'type', resolve)).toEqual({ type: 'string' });
  });

  it('finds list items and map values', () => {
    const pod = propertySchema(propertySchema(propertySchema(deref(DEPLOYMENT, resolve), 'spec', resolve), 'template', resolve), 'spec', resolve);
    const containers = propertySchema(pod, 'containers', resolve);
    expect(propertySchema(itemsSchema(containers, resolve), 'image', resolve)).toEqual({ type: 'string' });
    const labels = propertySchema(propertySchema(withObjectMeta(DEPLOYMENT, resolve), 'metadata', resolve), 'labels', resolve);
    expect(propertySchema(labels, 'any-key', resolve)).toEqual({ type: 'string', default: '' });
  });

  it.each([
    { s: { type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name', 'port'] }, want: { kind: 'list', relation: 'map', keys: ['name', 'port'] } },
    { s: { type: 'array', 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-patch-merge-key': 'name' }, want: { kind: 'list', relation: 'map', keys: ['name'] } },
    { s: { type: 'array', 'x-kubernetes-patch-strategy': 'merge' }, want: { kind: 'list', relation: 'set', keys: [] } },
    { s: { type: 'array', 'x-kubernetes-patch-strategy': 'retainKeys' }, want: { kind: 'list', relation: 'atomic', keys: [] } },
    { s: { type: 'array' }, want: { kind: 'list', relation: 'atomic', keys: [] } },
    { s: { type: 'object', properties: {}, 'x-kubernetes-map-type': 'atomic' }, want: { kind: 'map', atomic: true, deduced: false } },
    { s: { 'x-kubernetes-int-or-string': true }, want: { kind: 'scalar' } },
    { s: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }, want: { kind: 'map', atomic: false, deduced: true } },
  ])('classifies $s like kube-openapi schemaconv', ({ s, want }) => {
    expect(nodeType(s, undefined)).toMatchObject(want);
  });

  it('treats untyped nodes by their value: lists atomic, maps granular', () => {
    expect(nodeType(undefined, [1])).toMatchObject({ kind: 'list', relation: 'atomic' });
    expect(nodeType(undefined, { a: 1 })).toMatchObject({ kind: 'map', deduced: true });
  });

  it('types an untyped CRD metadata as ObjectMeta', () => {
    const crd = { type: 'object', properties: { metadata: { type: 'object' }, spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } };
    const r = makeResolver({});
    const meta = propertySchema(withObjectMeta(crd, r), 'metadata', r);
    expect(propertySchema(meta, 'finalizers', r)?.['x-kubernetes-list-type']).toBe('set');
  });

  it('gives embedded resources (x-kubernetes-embedded-resource) an ObjectMeta', () => {
    const r = makeResolver({});
    const vm = { type: 'object', properties: { spec: { type: 'object', properties: { template: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { metadata: { type: 'object' } } } } } } };
    const tmpl = propertySchema(propertySchema(vm, 'spec', r), 'template', r);
    const labels = propertySchema(propertySchema(tmpl, 'metadata', r), 'labels', r);
    expect(labels?.additionalProperties).toEqual({ type: 'string' });
  });
});
