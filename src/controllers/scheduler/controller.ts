/**
 * The scheduler as a controller: informers keep a NodeSnapshot current; pods without
 * a node (for `default-scheduler`) are scheduled one at a time by `scheduleOne`,
 * assumed in the snapshot, and bound through the `binding` subresource without
 * waiting (kube's binding cycle). A pod that fits nowhere gets PodScheduled=False
 * (Unschedulable) and a FailedScheduling event, and is retried when nodes or pods
 * change, or after 5 minutes (podMaxInUnschedulablePodsDuration).
 */
import type { KubeObject } from '../../api/types.js';
import { EventRecorder } from '../../client/event-recorder.js';
import { objectKeyOf } from '../../client/informer.js';
import type { Clock } from '../../lib/clock.js';
import { rfc3339 } from '../../lib/clock.js';
import type { Manager } from '../../runtime/manager.js';
import { scheduleOne } from './schedule.js';
import { NodeSnapshot } from './snapshot.js';

const NODES = { group: '', version: 'v1', plural: 'nodes', namespaced: false };
const PODS = { group: '', version: 'v1', plural: 'pods', namespaced: true };
const NAMESPACES = { group: '', version: 'v1', plural: 'namespaces', namespaced: false };
const UNSCHEDULABLE_RETRY_MS = 5 * 60_000;

/** What the scheduler exposes to the process (fast-forward and benchmarks). */
export interface SchedulerHandle {
  busy(): boolean;
  snapshot: NodeSnapshot;
}

function wantsUs(p: KubeObject): boolean {
  const spec = p.spec as { nodeName?: string; schedulerName?: string; schedulingGates?: unknown[] };
  return !spec.nodeName && (spec.schedulerName ?? 'default-scheduler') === 'default-scheduler' && !p.metadata.deletionTimestamp && !(spec.schedulingGates?.length);
}

/** Registers the scheduler with a manager. */
export function registerScheduler(mgr: Manager, clock: Clock): SchedulerHandle {
  const snapshot = new NodeSnapshot();
  const pods = mgr.informer(PODS);
  const nodes = mgr.informer(NODES);
  const namespaces = mgr.informer(NAMESPACES);
  const events = new EventRecorder(mgr.client, clock, 'default-scheduler');
  const unschedulable = new Set<string>();
  let binding = 0;

  const ctl = mgr.controller('scheduler', async (key) => {
    const pod = pods.get(key);
    if (!pod || !wantsUs(pod) || snapshot.isAssumed(key)) return;
    const r = scheduleOne(pod, snapshot);
    if ('node' in r) {
      unschedulable.delete(key);
      snapshot.assume(pod, r.node);
      binding++;
      void bind(pod, r.node).finally(() => binding--);
      return;
    }
    unschedulable.add(key);
    if (r.nominatedNode && r.victims) {
      // DefaultPreemption: nominate the node, then evict the lower-priority victims (kube's PostFilter).
      snapshot.nominate(pod, r.nominatedNode);
      await mgr.client.patch(PODS, pod.metadata.namespace, pod.metadata.name!, 'merge', { status: { nominatedNodeName: r.nominatedNode } }, { subresource: 'status' }).catch(() => undefined);
      for (const v of r.victims) {
        await events.record(v, 'Normal', 'Preempted', `Preempted by pod ${pod.metadata.uid} on node ${r.nominatedNode}`);
        await mgr.client.delete(PODS, v.metadata.namespace, v.metadata.name!, { preconditions: { uid: v.metadata.uid } }).catch(() => undefined);
      }
    }
    await markUnschedulable(pod, r.error);
    return { requeueAfterMs: UNSCHEDULABLE_RETRY_MS };
  });

  const bind = async (pod: KubeObject, node: string) => {
    try {
      await mgr.client.call('POST', `/api/v1/namespaces/${pod.metadata.namespace}/pods/${pod.metadata.name}/binding`, {
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid },
        target: { apiVersion: 'v1', kind: 'Node', name: node },
      });
      await events.record(pod, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node}`);
    } catch (e) {
      // The bind lost (pod gone, or bound elsewhere): forget the assumption and look again.
      snapshot.removePod(objectKeyOf(pod));
      if ((e as { code?: number }).code !== 404) ctl.enqueue(objectKeyOf(pod));
    }
  };

  const markUnschedulable = async (pod: KubeObject, message: string) => {
    const conds = ((pod.status as { conditions?: { type: string; message?: string }[] } | undefined)?.conditions ?? []);
    const old = conds.find((c) => c.type === 'PodScheduled');
    if (old?.message !== message) {
      const status = { ...(pod.status as object), phase: 'Pending', conditions: [...conds.filter((c) => c.type !== 'PodScheduled'), { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: rfc3339(clock.now()), reason: 'Unschedulable', message }] };
      await mgr.client.updateStatus(PODS, { ...pod, status }).catch(() => undefined);
    }
    await events.record(pod, 'Warning', 'FailedScheduling', message);
  };

  const retryUnschedulable = () => {
    for (const k of unschedulable) ctl.enqueue(k);
  };
  nodes.on({
    add: (n) => (snapshot.setNode(n), retryUnschedulable()),
    update: (_, n) => (snapshot.setNode(n), retryUnschedulable()),
    delete: (n) => snapshot.removeNode(n.metadata.name!),
  });
  namespaces.on({ add: (n) => snapshot.setNamespace(n), update: (_, n) => snapshot.setNamespace(n) });
  // Default topology spreading counts pods of the same Service, ReplicaSet or StatefulSet.
  for (const ref of [
    { group: '', version: 'v1', plural: 'services', namespaced: true },
    { group: 'apps', version: 'v1', plural: 'replicasets', namespaced: true },
    { group: 'apps', version: 'v1', plural: 'statefulsets', namespaced: true },
  ]) {
    mgr.informer(ref).on({ add: (o) => snapshot.setWorkload(o), update: (_, o) => snapshot.setWorkload(o), delete: (o) => snapshot.removeWorkload(o) });
  }
  pods.on({
    add: (p) => {
      if ((p.spec as { nodeName?: string }).nodeName) return snapshot.addPod(p);
      const nominated = (p.status as { nominatedNodeName?: string } | undefined)?.nominatedNodeName;
      if (nominated) snapshot.nominate(p, nominated);
      if (wantsUs(p)) ctl.enqueue(objectKeyOf(p));
    },
    update: (_, p) => ((p.spec as { nodeName?: string }).nodeName ? snapshot.updatePod(p) : wantsUs(p) && ctl.enqueue(objectKeyOf(p))),
    delete: (p) => {
      snapshot.removePod(p);
      unschedulable.delete(objectKeyOf(p));
      retryUnschedulable();
    },
  });
  return { busy: () => binding > 0, snapshot };
}
