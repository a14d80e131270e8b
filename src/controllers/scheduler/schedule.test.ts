import { describe, it, expect } from 'vitest';
import { NO_NODES_AVAILABLE, assume, numFeasibleNodesToFind, scheduleOne, selectHost } from './schedule.js';
import { NodeSnapshot } from './snapshot.js';
import { launcherPod, makeNode, makePod, storyNodes } from './synthetic.js';
import type { NodeInfo } from './node-info.js';

const TAINT3 = '3 node(s) had untolerated taint {node-role.kubernetes.io/master: }';

/** A deterministic RNG: a linear congruential sequence in [0, 1). */
function seeded(seed = 1): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('numFeasibleNodesToFind()', () => {
  it.each([
    [12, 0, 12],
    [99, 0, 99],
    [100, 0, 100],
    [500, 0, 230],
    [1000, 0, 420],
    [5000, 0, 500],
    [6000, 0, 300],
    [15000, 0, 750],
    [5000, 30, 1500],
    [200, 10, 100],
  ])('%d nodes at %d%% -> %d', (n, pct, want) => expect(numFeasibleNodesToFind(n, pct)).toBe(want));
});

describe('scheduleOne() on ove-prod-01', () => {
  it('places a virt-launcher pod on a worker, never on a control-plane node', () => {
    const snap = NodeSnapshot.from(storyNodes());
    const r = scheduleOne(launcherPod('test-linux-01'), snap, { rng: seeded() });
    expect('node' in r && r.node).toMatch(/^worker-\d$/);
    expect(r).toMatchObject({ feasibleNodes: 9, evaluatedNodes: 12 });
  });

  it("prints kube 1.32's FailedScheduling message when no worker has the memory", () => {
    const snap = NodeSnapshot.from(storyNodes());
    const r = scheduleOne(launcherPod('huge', { memory: '2Ti' }), snap, { rng: seeded() });
    expect(r).toEqual({
      error:
        `0/12 nodes are available: ${TAINT3}, 9 Insufficient memory. ` +
        'preemption: 0/12 nodes are available: 3 Preemption is not helpful for scheduling, 9 No preemption victims found for incoming pod.',
    });
  });

  it('says preemption is not helpful anywhere when every rejection is unresolvable', () => {
    const snap = NodeSnapshot.from(storyNodes());
    const pod = makePod({ name: 'gpu', spec: { nodeSelector: { 'nvidia.com/gpu.present': 'true' } } });
    expect(scheduleOne(pod, snap, { rng: seeded() })).toEqual({
      error:
        `0/12 nodes are available: ${TAINT3}, 9 node(s) didn't match Pod's node affinity/selector. ` +
        'preemption: 0/12 nodes are available: 12 Preemption is not helpful for scheduling.',
    });
  });

  it('reports cordoned workers and kvm exhaustion together', () => {
    const nodes = storyNodes().map((n) => (n.metadata.name === 'worker-1' ? { ...n, spec: { unschedulable: true } } : n));
    const snap = NodeSnapshot.from(nodes);
    for (let w = 2; w <= 9; w++) snap.setNode(makeNode({ name: `worker-${w}`, cpu: '191500m', memory: '1006Gi', pods: '250', kvm: '0' }));
    const r = scheduleOne(launcherPod('vm'), snap, { rng: seeded(), preemption: false });
    expect(r).toEqual({ error: `0/12 nodes are available: 1 node(s) were unschedulable, ${TAINT3}, 8 Insufficient devices.kubevirt.io/kvm.` });
  });

  it('refuses preemption for preemptionPolicy Never', () => {
    const snap = NodeSnapshot.from(storyNodes());
    const pod = launcherPod('huge', { memory: '2Ti' });
    (pod.spec as Record<string, unknown>).preemptionPolicy = 'Never';
    const r = scheduleOne(pod, snap, { rng: seeded() });
    expect('error' in r && r.error).toBe(`0/12 nodes are available: ${TAINT3}, 9 Insufficient memory. preemption: not eligible due to preemptionPolicy=Never.`);
  });

  it('nominates a node and the fewest lowest-priority victims when preemption helps', () => {
    const nodes = [makeNode({ name: 'n1', cpu: '4', memory: '16Gi' }), makeNode({ name: 'n2', cpu: '4', memory: '16Gi' })];
    const pods = [
      makePod({ name: 'n1-low', cpu: '2', nodeName: 'n1', priority: 10 }),
      makePod({ name: 'n1-mid', cpu: '2', nodeName: 'n1', priority: 500 }),
      makePod({ name: 'n2-high', cpu: '3', nodeName: 'n2', priority: 2000 }),
      makePod({ name: 'n2-low', cpu: '1', nodeName: 'n2', priority: 10 }),
    ];
    const snap = NodeSnapshot.from(nodes, pods);
    const r = scheduleOne(makePod({ name: 'urgent', cpu: '2', priority: 1000 }), snap, { rng: seeded() });
    expect(r).toMatchObject({ error: '0/2 nodes are available: 2 Insufficient cpu.', nominatedNode: 'n1' });
    expect('victims' in r && r.victims!.map((v) => v.metadata.name)).toEqual(['n1-low']);
    // The dry run leaves the snapshot as it was.
    expect(snap.get('n1')!.requested.milliCPU).toBe(4000);
    expect(snap.get('n2')!.pods.size).toBe(2);
  });

  it('names the narrowing plugin for nodes PreFilter left out', () => {
    const snap = NodeSnapshot.from(storyNodes());
    const pod = makePod({
      name: 'pinned',
      spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['ctrl-1'] }] }] } } } },
    });
    expect(scheduleOne(pod, snap, { rng: seeded() })).toEqual({
      error:
        "0/12 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/master: }, 11 node(s) didn't satisfy plugin(s) [NodeAffinity]. " +
        'preemption: 0/12 nodes are available: 12 Preemption is not helpful for scheduling.',
    });
  });

  it('returns no nodes available on an empty cluster', () => {
    expect(scheduleOne(makePod({ name: 'p' }), new NodeSnapshot())).toEqual({ error: NO_NODES_AVAILABLE });
  });
});

describe('scheduleOne() at scale', () => {
  const cluster = (n: number) => NodeSnapshot.from(Array.from({ length: n }, (_, i) => makeNode({ name: `node-${String(i).padStart(4, '0')}`, cpu: '32', memory: '128Gi' })));

  it('stops after numFeasibleNodesToFind and rotates the start index', () => {
    const snap = cluster(1000);
    const first = scheduleOne(makePod({ name: 'a', cpu: '1' }), snap, { rng: seeded() });
    expect(first).toMatchObject({ feasibleNodes: 420, evaluatedNodes: 420 });
    expect(snap.nextStartNodeIndex).toBe(420);
    scheduleOne(makePod({ name: 'b', cpu: '1' }), snap, { rng: seeded() });
    scheduleOne(makePod({ name: 'c', cpu: '1' }), snap, { rng: seeded() });
    expect(snap.nextStartNodeIndex).toBe(260);
  });

  it('assume() keeps a batch from overcommitting before binds land', () => {
    const snap = NodeSnapshot.from([makeNode({ name: 'n1', cpu: '2', memory: '8Gi' }), makeNode({ name: 'n2', cpu: '2', memory: '8Gi' })]);
    const placed: string[] = [];
    for (let i = 0; i < 5; i++) {
      const pod = makePod({ name: `p${i}`, cpu: '1' });
      const r = scheduleOne(pod, snap, { rng: seeded(i + 1), preemption: false });
      if ('node' in r) {
        assume(snap, pod, r.node);
        placed.push(r.node);
      } else placed.push(r.error);
    }
    expect(placed.filter((p) => p === 'n1')).toHaveLength(2);
    expect(placed.filter((p) => p === 'n2')).toHaveLength(2);
    expect(placed[4]).toBe('0/2 nodes are available: 2 Insufficient cpu.');
  });

  it('spreads equal pods across equal nodes (LeastAllocated) and breaks ties with the RNG', () => {
    const snap = cluster(4);
    const seen = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const pod = makePod({ name: `p${i}`, cpu: '4', memory: '16Gi' });
      const r = scheduleOne(pod, snap, { rng: seeded(7) });
      if (!('node' in r)) throw new Error(r.error);
      seen.add(r.node);
      assume(snap, pod, r.node);
    }
    expect(seen.size).toBe(4);
  });
});

describe('selectHost()', () => {
  const infos = ['a', 'b', 'c', 'd'].map((name) => ({ name }) as NodeInfo);
  it('picks the single best', () => expect(selectHost(infos, [1, 9, 3, 2], () => 0.5).name).toBe('b'));
  it('with rng 0 the last of the tied nodes wins (each replaces with probability 1/count)', () => expect(selectHost(infos, [5, 9, 9, 9], () => 0).name).toBe('d'));
  it('with rng near 1 the first tied node stays', () => expect(selectHost(infos, [5, 9, 9, 9], () => 0.99).name).toBe('b'));
});
