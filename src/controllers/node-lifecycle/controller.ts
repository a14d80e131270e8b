/**
 * The node lifecycle controller: every node-monitor period it compares each node's
 * Lease with the grace period, marks silent nodes Unknown with the `unreachable`
 * taints (and takes them off when the kubelet is back), and evicts pods from nodes
 * with NoExecute taints they do not tolerate, when their tolerationSeconds run out.
 */
import type { KubeObject } from '../../api/types.js';
import type { Client } from '../../client/client.js';
import { EventRecorder } from '../../client/event-recorder.js';
import { objectKeyOf } from '../../client/informer.js';
import type { Clock, Timer } from '../../lib/clock.js';
import { rfc3339 } from '../../lib/clock.js';
import type { Manager } from '../../runtime/manager.js';
import { LIFECYCLE_PARAMS, planEviction, planNode, type Taint } from './plan.js';

const NODES = { group: '', version: 'v1', plural: 'nodes', namespaced: false };
const PODS = { group: '', version: 'v1', plural: 'pods', namespaced: true };
const LEASES = { group: 'coordination.k8s.io', version: 'v1', plural: 'leases', namespaced: true };

/** Registers the controller; returns a stop function. */
export function registerNodeLifecycleController(mgr: Manager, clock: Clock): () => void {
  const nodes = mgr.informer(NODES);
  const leases = mgr.informer(LEASES);
  const pods = mgr.informer(PODS);
  const events = new EventRecorder(mgr.client, clock, 'node-controller');
  const nodeCtl = mgr.controller('node-lifecycle', (name) => reconcileNode(mgr.client, events, clock, nodes.get(name), leases.get(`kube-node-lease/${name}`)));
  const evictions = new Map<string, Timer>();
  const evictCtl = mgr.controller('taint-eviction', async (key) => {
    const pod = pods.get(key);
    const nodeName = (pod?.spec as { nodeName?: string } | undefined)?.nodeName;
    const old = evictions.get(key);
    if (old) clock.clearTimer(old);
    evictions.delete(key);
    if (!pod || !nodeName || pod.metadata.deletionTimestamp) return;
    const taints = ((nodes.get(nodeName)?.spec as { taints?: Taint[] } | undefined)?.taints ?? []);
    const plan = planEviction(pod, taints, clock.now());
    if (plan.kind === 'keep') return;
    if (plan.atMs > clock.now()) {
      evictions.set(key, clock.setTimer(plan.atMs - clock.now(), () => evictCtl.enqueue(key)));
      return;
    }
    await events.record(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`);
    await mgr.client.delete(PODS, pod.metadata.namespace, pod.metadata.name!, { preconditions: { uid: pod.metadata.uid } }).catch(() => undefined);
  });
  const podsOn = (node: string) => pods.list().filter((p) => (p.spec as { nodeName?: string }).nodeName === node);
  nodes.on({
    add: (n) => nodeCtl.enqueue(n.metadata.name!),
    update: (o, n) => {
      nodeCtl.enqueue(n.metadata.name!);
      if (JSON.stringify((o.spec as { taints?: unknown }).taints) !== JSON.stringify((n.spec as { taints?: unknown }).taints)) for (const p of podsOn(n.metadata.name!)) evictCtl.enqueue(objectKeyOf(p));
    },
  });
  leases.on({ update: (_, l) => l.metadata.namespace === 'kube-node-lease' && nodeCtl.enqueue(l.metadata.name!) });
  pods.on({ add: (p) => evictCtl.enqueue(objectKeyOf(p)), update: (_, p) => evictCtl.enqueue(objectKeyOf(p)) });

  let timer: Timer | undefined;
  const tick = () => {
    for (const n of nodes.list()) nodeCtl.enqueue(n.metadata.name!);
    timer = clock.setTimer(LIFECYCLE_PARAMS.nodeMonitorPeriodMs, tick);
  };
  timer = clock.setTimer(LIFECYCLE_PARAMS.nodeMonitorPeriodMs, tick);
  return () => {
    if (timer) clock.clearTimer(timer);
    for (const t of evictions.values()) clock.clearTimer(t);
  };
}

async function reconcileNode(client: Client, events: EventRecorder, clock: Clock, node: KubeObject | undefined, lease: KubeObject | undefined): Promise<void> {
  if (!node) return;
  const renew = (lease?.spec as { renewTime?: string } | undefined)?.renewTime;
  const plan = planNode(node, renew ? Date.parse(renew) : undefined, clock.now());
  const name = node.metadata.name!;
  if (plan.markUnknown) {
    const now = rfc3339(clock.now());
    const conditions = ((node.status as { conditions?: Record<string, unknown>[] }).conditions ?? []).map((c) => ({
      ...c,
      status: 'Unknown',
      reason: 'NodeStatusUnknown',
      message: 'Kubelet stopped posting node status.',
      lastTransitionTime: c.status === 'Unknown' ? c.lastTransitionTime : now,
    }));
    await client.updateStatus(NODES, { ...node, status: { ...(node.status as object), conditions } });
    await events.record(node, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
  }
  if (plan.addTaints.length || plan.removeTaints.length) {
    const fresh = await client.get(NODES, undefined, name);
    const taints = ((fresh.spec as { taints?: Taint[] }).taints ?? []).filter((t) => !plan.removeTaints.includes(t.key));
    for (const t of plan.addTaints) if (!taints.some((x) => x.key === t.key && x.effect === t.effect)) taints.push(t);
    await client.update(NODES, { ...fresh, spec: { ...(fresh.spec as object), taints: taints.length ? taints : undefined } });
  }
}
