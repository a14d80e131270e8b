import { describe, expect, it } from 'vitest';
import { dataVolumeDef } from '../cdi/resources.js';
import { snapshotResources } from '../snapshot-kubevirt/resources.js';
import { virtualMachineDef, virtualMachineInstanceDef, virtualMachineInstanceMigrationDef } from './resources.js';

const names = (d: { printerColumns: { name: string; priority?: number }[] }, wide = false) =>
  d.printerColumns.filter((c) => wide || !c.priority).map((c) => c.name.toUpperCase());

describe('KubeVirt and CDI printer columns', () => {
  it('prints what `oc get vm,vmi,dv,vmim,vmsnapshot` shows', () => {
    expect(names(virtualMachineDef)).toEqual(['AGE', 'STATUS', 'READY']);
    expect(names(virtualMachineInstanceDef)).toEqual(['AGE', 'PHASE', 'IP', 'NODENAME', 'READY']);
    expect(names(virtualMachineInstanceDef, true)).toEqual(['AGE', 'PHASE', 'IP', 'NODENAME', 'READY', 'LIVE-MIGRATABLE', 'PAUSED']);
    expect(names(dataVolumeDef)).toEqual(['PHASE', 'PROGRESS', 'RESTARTS', 'AGE']);
    expect(names(virtualMachineInstanceMigrationDef)).toEqual(['PHASE', 'VMI']);
    const snap = snapshotResources.find((d) => d.kind === 'VirtualMachineSnapshot' && d.version === 'v1beta1')!;
    expect(names(snap)).toEqual(['SOURCEKIND', 'SOURCENAME', 'PHASE', 'READYTOUSE', 'CREATIONTIME', 'ERROR']);
  });

  it('reads the VM status and ready cells from the paths KubeVirt uses', () => {
    const paths = virtualMachineDef.printerColumns.map((c) => c.jsonPath);
    expect(paths).toEqual(['.metadata.creationTimestamp', '.status.printableStatus', ".status.conditions[?(@.type=='Ready')].status"]);
  });

  it('serves VMs with a status subresource but VMIs without one, as the real CRDs do', () => {
    expect(virtualMachineDef.subresources).toEqual(['status']);
    expect(virtualMachineInstanceDef.subresources).toBeUndefined();
    expect(virtualMachineInstanceDef.nonSpecFields).toEqual(['metadata']);
  });
});

describe('virtualMachineDef.defaults', () => {
  it('fills architecture and the q35 machine type only when unset', () => {
    const vm = {
      apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', metadata: { name: 'a' },
      spec: { template: { spec: { domain: { devices: {} } } } },
    };
    virtualMachineDef.defaults!(vm, { operation: 'CREATE' });
    expect(vm.spec.template.spec).toEqual({ architecture: 'amd64', domain: { devices: {}, machine: { type: 'q35' } } });
  });

  it('leaves status writes alone', () => {
    const vm = { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', metadata: {}, spec: { template: { spec: { domain: { devices: {} } } } } };
    virtualMachineDef.defaults!(vm, { operation: 'UPDATE', subresource: 'status' });
    expect(vm.spec.template.spec).toEqual({ domain: { devices: {} } });
  });
});
