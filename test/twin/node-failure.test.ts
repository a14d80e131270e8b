import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { KubeObject } from '../../src/api/types.js';
import { eventually, startHarness, type Harness } from '../../src/twin/images/e2e-harness.js';

const NODES = { group: '', version: 'v1', plural: 'nodes', namespaced: false };
const PODS = { group: '', version: 'v1', plural: 'pods', namespaced: true };
const FAULTS = { group: 'twin.ove.dev', version: 'v1alpha1', plural: 'faults', namespaced: false };

describe('the twin in fast-forward: install, node failure and taint eviction with kube defaults', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
  });

  it('installs 12 Ready nodes, control plane first, with the story timeline', async () => {
    const nodes = (await h.cp.client.list(NODES)).items;
    expect(nodes.map((n) => n.metadata.name).sort()).toEqual(['ctrl-1', 'ctrl-2', 'ctrl-3', ...Array.from({ length: 9 }, (_, i) => `worker-${i + 1}`)].sort());
    const ready = (n: KubeObject) => (n.status as { conditions: { type: string; status: string }[] }).conditions.find((c) => c.type === 'Ready')!.status;
    expect(nodes.every((n) => ready(n) === 'True')).toBe(true);
    const created = (name: string) => Date.parse(nodes.find((n) => n.metadata.name === name)!.metadata.creationTimestamp!);
    // Chapter 2: ctrl-1 joins ~24 minutes before worker-1.
    expect(Math.round((created('worker-1') - created('ctrl-1')) / 60_000)).toBe(24);
    expect(h.progress.some((l) => l.includes('Waiting up to 40m0s'))).toBe(true);
  });

  it('a failed node goes Unknown after the 40 s grace period and its pods are evicted 300 s after the taint', async () => {
    const pod = await h.cp.client.create(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { nodeName: 'worker-3', containers: [{ name: 'web', image: 'registry.example/web:1' }] } });
    await eventually(async () => ((await h.cp.client.get(PODS, 'default', 'web')).status as { phase?: string }).phase === 'Running' || undefined, 'pod Running');
    const tolerations = (pod.spec as { tolerations?: { key: string; tolerationSeconds?: number }[] }).tolerations ?? [];
    expect(tolerations.find((t) => t.key === 'node.kubernetes.io/unreachable')?.tolerationSeconds).toBe(300);

    const fault = await h.cp.client.create(FAULTS, { apiVersion: 'twin.ove.dev/v1alpha1', kind: 'Fault', metadata: { name: 'worker-3-power' }, spec: { target: { kind: 'Node', name: 'worker-3' } } });
    const failedAt = Date.parse((fault as KubeObject).metadata.creationTimestamp!);
    const node = await eventually(async () => {
      const n = await h.cp.client.get(NODES, undefined, 'worker-3');
      const taints = (n.spec as { taints?: { key: string; effect: string; timeAdded?: string }[] }).taints ?? [];
      return taints.some((t) => t.effect === 'NoExecute') ? n : undefined;
    }, 'unreachable taint');
    const ready = (node.status as { conditions: { type: string; status: string; reason: string; lastTransitionTime: string }[] }).conditions.find((c) => c.type === 'Ready')!;
    expect(ready).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown' });
    const notReadyAfter = (Date.parse(ready.lastTransitionTime) - failedAt) / 1000;
    // The lease was last renewed up to 10 s before the fault; the monitor runs every 5 s.
    expect(notReadyAfter).toBeGreaterThan(30);
    expect(notReadyAfter).toBeLessThanOrEqual(46);

    const taint = (node.spec as { taints: { effect: string; timeAdded: string }[] }).taints.find((t) => t.effect === 'NoExecute')!;
    const evicted = await eventually(async () => {
      const p = await h.cp.client.get(PODS, 'default', 'web');
      return p.metadata.deletionTimestamp ? p : undefined;
    }, 'eviction');
    // Graceful deletion: deletionTimestamp = eviction time + 30 s grace; eviction = taint + 300 s.
    const evictedAt = Date.parse(evicted.metadata.deletionTimestamp!) - (evicted.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
    expect((evictedAt - Date.parse(taint.timeAdded)) / 1000).toBe(300);
    // The kubelet is dead, so the pod stays Terminating, as in Kubernetes.
    expect((await h.cp.client.get(PODS, 'default', 'web')).metadata.name).toBe('web');
  }, 120_000);

  it('repairing the node brings it back Ready and takes the taints off', async () => {
    await h.cp.client.delete(FAULTS, undefined, 'worker-3-power');
    const node = await eventually(async () => {
      const n = await h.cp.client.get(NODES, undefined, 'worker-3');
      const ready = (n.status as { conditions: { type: string; status: string }[] }).conditions.find((c) => c.type === 'Ready')!;
      return ready.status === 'True' && !((n.spec as { taints?: unknown[] }).taints ?? []).length ? n : undefined;
    }, 'node Ready again');
    expect(node.metadata.name).toBe('worker-3');
    // Back, the kubelet finishes the graceful deletion of the evicted pod.
    await eventually(async () => ((await h.cp.client.get(PODS, 'default', 'web').catch((e: { code?: number }) => (e.code === 404 ? null : Promise.reject(e)))) === null ? true : undefined), 'pod gone');
  }, 120_000);
});

describe('scheduling on the twin', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
  });

  it('binds a pod to a worker (never a tainted control-plane node) and it runs with an IP from that node', async () => {
    await h.cp.client.create(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'app', namespace: 'default' }, spec: { containers: [{ name: 'app', image: 'registry.example/app:1', resources: { requests: { cpu: '2', memory: '4Gi' } } }] } });
    const pod = await eventually(async () => {
      const p = await h.cp.client.get(PODS, 'default', 'app');
      return (p.status as { phase?: string }).phase === 'Running' ? p : undefined;
    }, 'pod Running');
    const node = (pod.spec as { nodeName: string }).nodeName;
    expect(node).toMatch(/^worker-\d$/);
    const nodeObj = await h.cp.client.get(NODES, undefined, node);
    const cidr = (nodeObj.spec as { podCIDR: string }).podCIDR;
    const ip = (pod.status as { podIP: string }).podIP;
    expect(ip.split('.').slice(0, 2).join('.')).toBe(cidr.split('.').slice(0, 2).join('.'));
  }, 60_000);

  it('explains an unschedulable pod with kube-scheduler\'s message', async () => {
    await h.cp.client.create(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'huge', namespace: 'default' }, spec: { containers: [{ name: 'huge', image: 'x', resources: { requests: { memory: '2Ti' } } }] } });
    const cond = await eventually(async () => {
      const p = await h.cp.client.get(PODS, 'default', 'huge');
      return ((p.status as { conditions?: { type: string; status: string; reason: string; message: string }[] }).conditions ?? []).find((c) => c.type === 'PodScheduled' && c.status === 'False');
    }, 'PodScheduled=False');
    expect(cond.reason).toBe('Unschedulable');
    expect(cond.message).toMatch(/^0\/12 nodes are available: 3 node\(s\) had untolerated taint \{node-role\.kubernetes\.io\/master: \}, 9 Insufficient memory\./);
  }, 60_000);
});
