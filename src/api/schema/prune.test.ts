import { describe, expect, it } from 'vitest';
import type { JSONSchema } from '../types.js';
import { applyDefaults, pruneNonNullableNulls } from './defaults.js';
import { pruneUnknown } from './prune.js';
import { SchemaRegistry } from './resolver.js';

const registry = new SchemaRegistry();

const schema: JSONSchema = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      properties: {
        size: { type: 'string' },
        empty: { type: 'object' },
        free: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { known: { type: 'object', properties: { a: { type: 'string' } } } } },
        template: { type: 'object', 'x-kubernetes-embedded-resource': true, properties: { spec: { type: 'object', properties: { x: { type: 'string' } } } } },
        list: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
      },
    },
  },
};

describe('pruneUnknown()', () => {
  it('drops undeclared fields in place, following CRD pruning (pruning/algorithm.go)', () => {
    const obj = {
      apiVersion: 'example.com/v1',
      kind: 'Thing',
      metadata: { name: 'a', labels: { x: 'y' }, bogus: true },
      spec: {
        size: '1',
        extra: 1,
        empty: { anything: 1 },
        free: { kept: { deep: 1 }, known: { a: 'x', b: 'pruned' } },
        template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', junk: 1 }, spec: { x: '1', y: '2' }, other: 1 },
        list: [{ name: 'a', port: 1 }],
      },
      status: { phase: 'Running' },
    };
    const pruned = pruneUnknown(obj, schema, registry);
    expect(obj).toEqual({
      apiVersion: 'example.com/v1',
      kind: 'Thing',
      metadata: { name: 'a', labels: { x: 'y' }, creationTimestamp: null },
      spec: {
        size: '1',
        empty: {},
        free: { kept: { deep: 1 }, known: { a: 'x' } },
        template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', creationTimestamp: null }, spec: { x: '1' } },
        list: [{ name: 'a' }],
      },
    });
    expect(pruned).toContain('spec.template.metadata.junk');
    expect(pruned).toContain('status');
  });

  it('prunes built-in kinds as Go decoding does: unknown metadata fields and empty maps go', () => {
    const reg = new SchemaRegistry().add('Cm', { type: 'object', properties: { data: { type: 'object', additionalProperties: { type: 'string' } }, binaryData: {} } });
    const obj = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: {}, x: 1 }, data: { a: 'b' }, binaryData: { raw: { any: 1 } }, extra: 1 };
    expect(pruneUnknown(obj, { $ref: '#/components/schemas/Cm' }, reg, { builtin: true })).toEqual(['metadata.x', 'extra']);
    expect(obj).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', creationTimestamp: null }, data: { a: 'b' }, binaryData: { raw: { any: 1 } } });
  });

  it('writes creationTimestamp: null into nested ObjectMeta of built-ins (pod templates)', () => {
    const reg = new SchemaRegistry()
      .add('ObjectMeta', { type: 'object', properties: { name: { type: 'string' }, generateName: { type: 'string' }, creationTimestamp: { type: 'string' }, ownerReferences: { type: 'array' }, labels: { type: 'object', additionalProperties: { type: 'string' } } } })
      .add('Deployment', { type: 'object', properties: { spec: { type: 'object', properties: { template: { type: 'object', properties: { metadata: { $ref: '#/components/schemas/ObjectMeta' } } } } } } });
    const obj = { metadata: { name: 'd', creationTimestamp: '2024-01-01T00:00:00Z' }, spec: { template: { metadata: { labels: { app: 'web' } } } } };
    pruneUnknown(obj, { $ref: '#/components/schemas/Deployment' }, reg, { builtin: true });
    expect(obj.spec.template.metadata).toEqual({ labels: { app: 'web' }, creationTimestamp: null });
    expect(obj.metadata.creationTimestamp).toBe('2024-01-01T00:00:00Z');
  });
});

describe('applyDefaults()', () => {
  const defaulted: JSONSchema = {
    type: 'object',
    properties: {
      spec: {
        type: 'object',
        default: {},
        properties: {
          replicas: { type: 'integer', default: 1 },
          strategy: { type: 'object', default: { type: 'RollingUpdate' }, properties: { type: { type: 'string' }, maxSurge: { type: 'string', default: '25%' } } },
          ports: { type: 'array', items: { type: 'object', properties: { protocol: { type: 'string', default: 'TCP' } } } },
          nullable: { type: 'string', nullable: true, default: 'x' },
          notNullable: { type: 'string', default: 'y' },
          opaque: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
        },
      },
    },
  };

  it('fills absent fields of present objects, nested and inside defaults (defaulting/algorithm.go)', () => {
    const obj: Record<string, unknown> = { spec: { ports: [{}, { protocol: 'UDP' }], nullable: null, notNullable: null, opaque: { replicas: null } } };
    applyDefaults(obj, defaulted, registry);
    expect(obj).toEqual({
      spec: {
        replicas: 1,
        strategy: { type: 'RollingUpdate', maxSurge: '25%' },
        ports: [{ protocol: 'TCP' }, { protocol: 'UDP' }],
        nullable: null,
        notNullable: 'y',
        opaque: { replicas: null },
      },
    });
  });

  it('defaults an absent object that has a default, then its own fields', () => {
    const obj: Record<string, unknown> = {};
    applyDefaults(obj, defaulted, registry);
    expect(obj).toEqual({ spec: { replicas: 1, strategy: { type: 'RollingUpdate', maxSurge: '25%' }, notNullable: 'y', nullable: 'x' } });
  });

  it('copies defaults so objects never share them', () => {
    const a: Record<string, unknown> = {};
    const b: Record<string, unknown> = {};
    applyDefaults(a, defaulted, registry);
    applyDefaults(b, defaulted, registry);
    (a.spec as { strategy: { type: string } }).strategy.type = 'Recreate';
    expect((b.spec as { strategy: { type: string } }).strategy.type).toBe('RollingUpdate');
  });
});

describe('pruneNonNullableNulls()', () => {
  it('drops nulls of non-nullable fields without defaults (defaulting/prunenulls.go)', () => {
    const s: JSONSchema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string', nullable: true }, c: { type: 'string', default: 'c' }, m: { type: 'object', additionalProperties: { type: 'string' } } } };
    const obj = { a: null, b: null, c: null, m: { x: null, y: 'y' }, unknown: null };
    pruneNonNullableNulls(obj, s, registry);
    expect(obj).toEqual({ b: null, c: null, m: { y: 'y' }, unknown: null });
  });
});
