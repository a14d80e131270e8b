/**
 * PodTopologySpread's system defaults (`defaultingType: System`,
 * `plugins/podtopologyspread/plugin.go` systemDefaultConstraints): for a pod without its own
 * constraints, spread by hostname (maxSkew 3) and zone (maxSkew 5), ScheduleAnyway, over the
 * pods selected by the Services, ReplicationControllers, ReplicaSets and StatefulSets that
 * select this pod (`helper.DefaultSelector`). A pod no workload selects gets no defaults.
 */
import type { LabelSelector } from '../../api/meta/label-selector.js';
import type { KubeObject } from '../../api/types.js';
import type { PodInfo } from './pod-info.js';
import { compileLabelSelector } from './selectors.js';

/** `systemDefaultConstraints`. */
export const SYSTEM_DEFAULT_CONSTRAINTS = [
  { topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
  { topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5 },
];

/** Kinds whose selectors feed the default spreading. */
export const SPREAD_SELECTOR_KINDS = new Set(['Service', 'ReplicationController', 'ReplicaSet', 'StatefulSet']);

/** A workload's selector as the default spreading reads it. */
export interface WorkloadSelector {
  kind: string;
  namespace: string;
  selector: LabelSelector;
}

/** The selector of a Service/RC (a label map) or RS/StatefulSet (a LabelSelector); null when it selects nothing. */
export function workloadSelector(obj: KubeObject): WorkloadSelector | null {
  const spec = (obj.spec ?? {}) as { selector?: Record<string, unknown> | null };
  const namespace = obj.metadata.namespace ?? 'default';
  if (obj.kind === 'Service') {
    // A Service with no selector matches nothing; an empty map matches every pod (GetPodServices).
    if (!spec.selector) return null;
    return { kind: obj.kind, namespace, selector: { matchLabels: spec.selector as Record<string, string> } };
  }
  if (obj.kind === 'ReplicationController') {
    const m = (spec.selector ?? {}) as Record<string, string>;
    return Object.keys(m).length === 0 ? null : { kind: obj.kind, namespace, selector: { matchLabels: m } };
  }
  const sel = (spec.selector ?? {}) as LabelSelector;
  // "a nil or empty selector ... should match nothing, not everything" (GetPodReplicaSets).
  if (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0) return null;
  return { kind: obj.kind, namespace, selector: sel };
}

/** `helper.DefaultSelector`: every selector that selects the pod, ANDed; null when none does. */
export function defaultSelector(pod: PodInfo, workloads: Iterable<WorkloadSelector>): LabelSelector | null {
  const matchLabels: Record<string, string> = {};
  const matchExpressions: NonNullable<LabelSelector['matchExpressions']> = [];
  let any = false;
  for (const w of workloads) {
    if (w.namespace !== pod.namespace || !compileLabelSelector(w.selector)(pod.labels)) continue;
    any = true;
    Object.assign(matchLabels, w.selector.matchLabels ?? {});
    matchExpressions.push(...(w.selector.matchExpressions ?? []));
  }
  if (!any || (Object.keys(matchLabels).length === 0 && matchExpressions.length === 0)) return null;
  return { matchLabels, matchExpressions };
}

/** The default constraints for a pod, with the default selector, or [] when no workload selects it. */
export function defaultSpreadConstraints(pod: PodInfo, workloads: Iterable<WorkloadSelector>): Record<string, unknown>[] {
  const labelSelector = defaultSelector(pod, workloads);
  return labelSelector ? SYSTEM_DEFAULT_CONSTRAINTS.map((c) => ({ ...c, labelSelector })) : [];
}
