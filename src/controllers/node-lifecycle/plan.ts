/**
 * Pure decisions of kube-controller-manager's node lifecycle controller: when a node
 * whose kubelet stopped renewing its Lease goes Unknown and gets the `unreachable`
 * taints, when they come off, and when a pod must be evicted by the NoExecute taints
 * it does not tolerate (or tolerates only for tolerationSeconds).
 */
import type { KubeObject } from '../../api/types.js';

/** Defaults (kube-controller-manager flags; kube 1.29, which OpenShift 4.16 ships). */
export const LIFECYCLE_PARAMS = {
  /** `--node-monitor-grace-period` */
  nodeMonitorGracePeriodMs: 40_000,
  /** `--node-monitor-period` */
  nodeMonitorPeriodMs: 5_000,
};

/** A taint as the API stores it. */
export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  timeAdded?: string;
}

/** A toleration as the API stores it. */
export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** The unreachable taints the controller manages (v1.TaintNodeUnreachable). */
export const UNREACHABLE = 'node.kubernetes.io/unreachable';

/** What to do with a node. */
export interface NodePlan {
  markUnknown: boolean;
  addTaints: Taint[];
  removeTaints: string[];
}

/** Plans a node's health from its Ready condition and its Lease's renewTime. */
export function planNode(node: KubeObject, leaseRenewMs: number | undefined, nowMs: number, p = LIFECYCLE_PARAMS): NodePlan {
  const ready = readyStatus(node);
  const taints = ((node.spec as { taints?: Taint[] } | undefined)?.taints ?? []);
  const hasUnreachable = taints.some((t) => t.key === UNREACHABLE);
  const created = Date.parse(node.metadata.creationTimestamp ?? '') || nowMs;
  const lastSeen = leaseRenewMs ?? created;
  const stale = nowMs - lastSeen > p.nodeMonitorGracePeriodMs;
  if (stale) {
    const at = new Date(nowMs).toISOString().replace(/\.\d+Z$/, 'Z');
    return {
      markUnknown: ready !== 'Unknown',
      addTaints: hasUnreachable ? [] : [
        { key: UNREACHABLE, effect: 'NoSchedule', timeAdded: at },
        { key: UNREACHABLE, effect: 'NoExecute', timeAdded: at },
      ],
      removeTaints: [],
    };
  }
  return { markUnknown: false, addTaints: [], removeTaints: hasUnreachable && ready === 'True' ? [UNREACHABLE] : [] };
}

/** The node's Ready condition status (True, False, Unknown or undefined). */
export function readyStatus(node: KubeObject): string | undefined {
  return ((node.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []).find((c) => c.type === 'Ready')?.status;
}

/** True when a toleration matches a taint (v1.Toleration.ToleratesTaint). */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (!t.key && t.operator !== 'Exists') return false;
  if ((t.operator ?? 'Equal') === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

/** When a pod on a node with NoExecute taints must go: never, now, or at a time (ms). */
export type EvictionPlan = { kind: 'keep' } | { kind: 'evict'; atMs: number };

/** The taint eviction rule: the shortest tolerationSeconds over the node's NoExecute taints, counted from timeAdded. */
export function planEviction(pod: KubeObject, taints: Taint[], nowMs: number): EvictionPlan {
  const noExecute = taints.filter((t) => t.effect === 'NoExecute');
  if (noExecute.length === 0) return { kind: 'keep' };
  const tols = ((pod.spec as { tolerations?: Toleration[] } | undefined)?.tolerations ?? []);
  let at = Infinity;
  for (const taint of noExecute) {
    const matching = tols.filter((t) => tolerates(t, taint));
    if (matching.length === 0) return { kind: 'evict', atMs: nowMs };
    const secs = matching.map((t) => t.tolerationSeconds).filter((s): s is number => s !== undefined);
    if (secs.length === 0) continue;
    const added = Date.parse(taint.timeAdded ?? '') || nowMs;
    at = Math.min(at, added + Math.max(0, Math.min(...secs)) * 1000);
  }
  return at === Infinity ? { kind: 'keep' } : { kind: 'evict', atMs: at };
}
