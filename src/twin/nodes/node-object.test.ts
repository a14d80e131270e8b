import { describe, it, expect } from 'vitest';
import { resolve } from 'node:path';
import { loadClusterDefinition } from '../inventory/index.js';
import { nodeObject } from './node-object.js';
import { hostSubnet, podIpAt } from './pod-cidr.js';

describe('nodeObject()', async () => {
  const def = await loadClusterDefinition(resolve(import.meta.dirname, '../../../examples/ove-prod-01'));
  const worker = def.hardware.servers.find((s) => s.name === 'worker-1')!;
  const ctrl = def.hardware.servers.find((s) => s.name === 'ctrl-1')!;

  it('derives capacity and allocatable from the hardware minus OpenShift reservations', () => {
    const n = nodeObject(worker, 'basel-hall-b', '10.128.6.0/23');
    const st = n.status as { capacity: Record<string, string>; allocatable: Record<string, string> };
    // 2 sockets x 48 cores x 2 threads; 1 TiB of memory.
    expect(st.capacity.cpu).toBe('192');
    expect(st.capacity.memory).toBe(`${1024 * 1024 * 1024}Ki`);
    expect(st.allocatable.cpu).toBe('191500m');
    expect(st.allocatable.memory).toBe(`${1024 * 1024 * 1024 - 1024 * 1024 - 100 * 1024}Ki`);
    expect(st.allocatable['devices.kubevirt.io/kvm']).toBe('1k');
    expect(st.capacity.pods).toBe('250');
  });

  it('labels roles and topology, and taints the control plane', () => {
    const w = nodeObject(worker, 'basel-hall-b');
    expect(w.metadata.labels).toMatchObject({ 'node-role.kubernetes.io/worker': '', 'topology.kubernetes.io/zone': 'basel-hall-b', 'topology.ove.dev/rack': 'B-14' });
    expect((w.spec as { taints?: unknown }).taints).toBeUndefined();
    const c = nodeObject(ctrl, 'basel-hall-b');
    expect(c.metadata.labels).toMatchObject({ 'node-role.kubernetes.io/control-plane': '', 'node-role.kubernetes.io/master': '' });
    expect((c.spec as { taints: unknown[] }).taints).toEqual([{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }]);
    expect((c.status as { capacity: Record<string, string> }).capacity['devices.kubevirt.io/kvm']).toBeUndefined();
  });
});

describe('pod CIDRs', () => {
  it('carves /23 host subnets from 10.128.0.0/14 (512 of them) and skips .1 and .2', () => {
    expect(hostSubnet('10.128.0.0/14', 23, 0)).toBe('10.128.0.0/23');
    expect(hostSubnet('10.128.0.0/14', 23, 1)).toBe('10.128.2.0/23');
    expect(hostSubnet('10.128.0.0/14', 23, 511)).toBe('10.131.254.0/23');
    expect(hostSubnet('10.128.0.0/14', 23, 512)).toBeUndefined();
    expect(podIpAt('10.128.2.0/23', 0)).toBe('10.128.2.3');
    expect(podIpAt('10.128.2.0/23', 507)).toBe('10.128.3.254');
    expect(podIpAt('10.128.2.0/23', 508)).toBeUndefined();
  });
});
