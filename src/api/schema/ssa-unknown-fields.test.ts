import { describe, expect, it } from 'vitest';
import type { JSONSchema } from '../types.js';
import { SchemaRegistry } from './resolver.js';
import { ssaUnknownFieldPaths, ssaUnknownFieldsMessage } from './ssa-unknown-fields.js';

const registry = new SchemaRegistry();
const schema: JSONSchema = {
  type: 'object',
  properties: {
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      properties: {
        containers: {
          type: 'array',
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['name'],
          items: { type: 'object', properties: { name: { type: 'string' }, image: { type: 'string' } } },
        },
        disks: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
        hyperv: { type: 'object', properties: { synictimer: { type: 'object' } } },
      },
    },
  },
};

describe('ssaUnknownFieldPaths()', () => {
  it('names fields by structured-merge-diff paths: keys for map lists, indexes for atomic lists', () => {
    const patch = {
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachine',
      metadata: { name: 'vm', labels: { a: 'b' }, bogus: 1 },
      spec: { containers: [{ name: 'web', image: 'nginx', port: 80 }], disks: [{ name: 'root', bus: 'virtio' }], hyperv: { stimer: {} } },
    };
    expect(ssaUnknownFieldPaths(patch, schema, registry)).toEqual([
      '.metadata.bogus',
      '.spec.containers[name="web"].port',
      '.spec.disks[0].bus',
      '.spec.hyperv.stimer',
    ]);
  });
});

describe('ssaUnknownFieldsMessage()', () => {
  const target = { namespace: 'vms', name: 'test-win-01', apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine' };

  it('prints one error inline (structuredmerge.go, typed ValidationErrors)', () => {
    expect(ssaUnknownFieldsMessage(['.spec.template.spec.domain.features.hyperv.stimer'], target)).toBe(
      'failed to create typed patch object (vms/test-win-01; kubevirt.io/v1, Kind=VirtualMachine): .spec.template.spec.domain.features.hyperv.stimer: field not declared in schema',
    );
  });

  it('lists several errors under "errors:" and writes the core group as an empty group', () => {
    expect(ssaUnknownFieldsMessage(['.a', '.b'], { namespace: 'default', name: 'cm', apiVersion: 'v1', kind: 'ConfigMap' })).toBe(
      'failed to create typed patch object (default/cm; /v1, Kind=ConfigMap): errors:\n  .a: field not declared in schema\n  .b: field not declared in schema',
    );
  });
});
