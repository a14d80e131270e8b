import { describe, it, expect } from 'vitest';
import type { Vm } from './kubevirt-types.js';
import { commonInstancetypes } from './common-instancetypes.js';
import { plan } from './plan.js';

const NOW = Date.UTC(2026, 2, 4, 9, 0, 0);
const types = new Map(commonInstancetypes().map((t) => [t.metadata.name!, t]));
const vm = (domain: Vm['spec']['template']['spec']['domain'] = {}): Vm => ({
  apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', metadata: { name: 'web-1', namespace: 'apps', uid: 'u', generation: 1 },
  spec: { runStrategy: 'Always', instancetype: { name: 'u1.large' }, template: { spec: { domain } } },
});
const world = (v: Vm, found = true) => ({ vm: v, dataVolumes: new Map(), pvcs: new Map(), now: NOW, instancetype: found ? types.get(v.spec.instancetype!.name) : null });

describe('common instance types', () => {
  it('ships u1, cx1 and m1 with the published sizes', () => {
    expect(types.get('u1.medium')!.spec).toEqual({ cpu: { guest: 1 }, memory: { guest: '4Gi' } });
    expect(types.get('u1.2xmedium')!.spec).toEqual({ cpu: { guest: 2 }, memory: { guest: '4Gi' } });
    expect(types.get('cx1.xlarge')!.spec).toMatchObject({ cpu: { guest: 4, dedicatedCPUPlacement: true }, memory: { guest: '8Gi', hugepages: { pageSize: '2Mi' } } });
    expect(types.get('m1.large')!.spec).toMatchObject({ cpu: { guest: 2 }, memory: { guest: '16Gi' } });
    expect(types.size).toBe(21);
  });
});

describe('plan() with an instance type', () => {
  it('expands cpu (as sockets) and memory into the VMI and records the reference', () => {
    const p = plan(world(vm()));
    const a = p.actions[0];
    expect(a.kind).toBe('createVmi');
    if (a.kind !== 'createVmi') return;
    expect(a.vmi.spec.domain.cpu).toEqual({ sockets: 2, cores: 1, threads: 1 });
    expect(a.vmi.spec.domain.memory).toEqual({ guest: '8Gi' });
    expect(p.status.instancetypeRef).toEqual({ name: 'u1.large', kind: 'VirtualMachineClusterInstancetype' });
  });

  it('refuses a template that sets what the instance type decides, and a missing instance type', () => {
    const p = plan(world(vm({ cpu: { cores: 4 }, memory: { guest: '2Gi' } })));
    expect(p.actions).toEqual([]);
    expect(p.status.conditions?.find((c) => c.type === 'Failure')?.message).toBe('VM field(s) spec.template.spec.domain.cpu.cores, spec.template.spec.domain.memory.guest conflicts with selected instance type');
    const missing = plan(world(vm(), false));
    expect(missing.actions).toEqual([]);
    expect(missing.status.conditions?.find((c) => c.type === 'Failure')?.message).toBe('Failure to find instancetype: virtualmachineclusterinstancetypes.instancetype.kubevirt.io "u1.large" not found');
  });
});
