import { describe, it, expect } from 'vitest';
import { NodeSnapshot, zoneKey } from './snapshot.js';
import { makeNode, makePod, storyNodes, launcherPod } from './synthetic.js';

describe('NodeSnapshot', () => {
  it('sums the requests of the pods bound to each node', () => {
    const s = NodeSnapshot.from([makeNode({ name: 'n1' })], [makePod({ name: 'a', cpu: '1', memory: '1Gi', nodeName: 'n1' }), makePod({ name: 'b', cpu: '500m', nodeName: 'n1' }), makePod({ name: 'pending', cpu: '3' })]);
    const n = s.get('n1')!;
    expect(n.requested.milliCPU).toBe(1500);
    expect(n.requested.memory).toBe(2 ** 30);
    expect(n.pods.size).toBe(2);
    // b has no memory request: it counts 200MB for scoring only.
    expect(n.nonZeroMemory).toBe(2 ** 30 + 200 * 2 ** 20);
  });

  it('keeps accounting through pod updates, finishes and deletes', () => {
    const s = NodeSnapshot.from([makeNode({ name: 'n1' })]);
    const pod = makePod({ name: 'a', cpu: '1', nodeName: 'n1' });
    s.addPod(pod);
    s.updatePod(pod);
    expect(s.get('n1')!.requested.milliCPU).toBe(1000);
    s.updatePod({ ...pod, status: { phase: 'Succeeded' } });
    expect(s.get('n1')!.requested.milliCPU).toBe(0);
    s.addPod(pod);
    s.removePod(pod);
    expect(s.get('n1')!.pods.size).toBe(0);
  });

  it('assumes a pod before its bind lands, then takes the informer copy in its place', () => {
    const s = NodeSnapshot.from([makeNode({ name: 'n1' })]);
    const pod = launcherPod('vm-a');
    s.assume(pod, 'n1');
    expect(s.isAssumed('sandbox/virt-launcher-vm-a-abcde')).toBe(true);
    expect(s.get('n1')!.requested.scalar.get('devices.kubevirt.io/kvm')).toBe(1);
    s.addPod({ ...pod, spec: { ...(pod.spec as object), nodeName: 'n1' } });
    expect(s.isAssumed('sandbox/virt-launcher-vm-a-abcde')).toBe(false);
    expect(s.get('n1')!.requested.scalar.get('devices.kubevirt.io/kvm')).toBe(1);
  });

  it('updates nodes in place and hides removed ones while their pods remain', () => {
    const s = NodeSnapshot.from([makeNode({ name: 'n1' })], [makePod({ name: 'a', cpu: '1', nodeName: 'n1' })]);
    s.setNode(makeNode({ name: 'n1', cpu: '8', unschedulable: true }));
    expect(s.get('n1')!.allocatable.milliCPU).toBe(8000);
    expect(s.get('n1')!.unschedulable).toBe(true);
    s.removeNode('n1');
    expect(s.get('n1')).toBeUndefined();
    expect(s.size).toBe(0);
    s.setNode(makeNode({ name: 'n1' }));
    expect(s.get('n1')!.requested.milliCPU).toBe(1000);
  });

  it('lists nodes interleaved across zones like the node tree', () => {
    const s = NodeSnapshot.from(storyNodes());
    expect(s.list().map((n) => n.name)).toEqual([
      'ctrl-1', 'worker-4', 'ctrl-2', 'worker-5', 'ctrl-3', 'worker-6', 'worker-1', 'worker-7', 'worker-2', 'worker-8', 'worker-3', 'worker-9',
    ]);
  });

  it('zoneKey() joins region and zone', () => {
    expect(zoneKey({ 'topology.kubernetes.io/region': 'ch', 'topology.kubernetes.io/zone': 'B-14' })).toBe('ch:\x00:B-14');
    expect(zoneKey({})).toBe('');
  });
});
