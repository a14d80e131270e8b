import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../types.js';
import { customResourceDefinitionDef as def } from './custom-resource-definition.js';

const crd = (name: string): KubeObject => ({
  apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name, creationTimestamp: '2026-01-01T11:00:00Z' },
  spec: { group: 'kubevirt.io', scope: 'Namespaced', names: { plural: 'virtualmachines', kind: 'VirtualMachine' }, versions: [{ name: 'v1', served: true, storage: true }, { name: 'v1alpha3', served: true, storage: false }] },
});

describe('custom resource definitions', () => {
  it('default names and conversion and record the storage version', () => {
    const c = crd('virtualmachines.kubevirt.io');
    def.defaults!(c, { operation: 'CREATE' });
    expect(c.spec).toMatchObject({ names: { singular: 'virtualmachine', listKind: 'VirtualMachineList' }, conversion: { strategy: 'None' } });
    expect(c.status).toEqual({ acceptedNames: { kind: '', plural: '' }, storedVersions: ['v1'] });
    expect(def.cells!(c, 0)).toEqual(['2026-01-01T11:00:00Z']);
  });
  it('must be named plural.group', () => {
    expect(def.validate!(crd('vms.kubevirt.io'), { operation: 'CREATE' }).map((x) => `${x.field}: ${x.message}`)).toEqual([
      'metadata.name: Invalid value: "vms.kubevirt.io": must be spec.names.plural+"."+spec.group',
    ]);
  });
});
