/**
 * A pod compiled once for scheduling (`framework.PodInfo`, `pkg/scheduler/framework/types.go`):
 * requests in the scheduler's units, tolerations, node affinity, pod (anti-)affinity terms with
 * their namespaces, host ports, priority. Plugins read this, never the raw object.
 */
import type { KubeObject } from '../../api/types.js';
import type { LabelSelector } from '../../api/meta/label-selector.js';
import { isScalarResourceName, podRequests } from './resources.js';
import { compileLabelSelector, type LabelMatcher, type NodeSelectorTerm, type Toleration } from './selectors.js';

/** A pod (anti-)affinity term (`framework.AffinityTerm`). */
export interface AffinityTerm {
  namespaces: Set<string>;
  /** Present only when the term has a namespaceSelector. */
  nsSelector: LabelMatcher | null;
  selector: LabelMatcher;
  topologyKey: string;
}

/** A preferred term with its weight. */
export interface WeightedAffinityTerm extends AffinityTerm {
  weight: number;
}

/** A container's host port (`framework.HostPortInfo`). */
export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

/** A pod's requests in the scheduler's units. */
export interface PodRequests {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  scalar: [string, number][];
}

/** The compiled pod. */
export interface PodInfo {
  pod: KubeObject;
  /** namespace/name, the informer's key (`objectKeyOf`); the snapshot indexes pods by it. */
  key: string;
  name: string;
  namespace: string;
  labels: Record<string, string>;
  nodeName: string;
  requests: PodRequests;
  /** cpu and memory with 100m / 200MB for containers that request none (scoring). */
  nonZeroCPU: number;
  nonZeroMemory: number;
  priority: number;
  preemptionPolicy: string;
  /** status.startTime in ms; +Infinity when not started. */
  startTimeMs: number;
  terminating: boolean;
  tolerations: Toleration[];
  nodeSelector: Record<string, string> | null;
  requiredNodeTerms: NodeSelectorTerm[] | null;
  preferredNodeTerms: { weight: number; preference: NodeSelectorTerm }[];
  requiredAffinity: AffinityTerm[];
  requiredAntiAffinity: AffinityTerm[];
  preferredAffinity: WeightedAffinityTerm[];
  preferredAntiAffinity: WeightedAffinityTerm[];
  hostPorts: HostPort[];
  spreadConstraints: Record<string, unknown>[];
}

type RawTerm = { labelSelector?: LabelSelector | null; namespaces?: string[]; namespaceSelector?: LabelSelector | null; topologyKey?: string };

function compileTerm(t: RawTerm, namespace: string): AffinityTerm {
  const namespaces = new Set<string>();
  // getNamespacesFromPodAffinityTerm: no namespaces and no namespaceSelector means the pod's own.
  if ((t.namespaces ?? []).length === 0 && t.namespaceSelector == null) namespaces.add(namespace);
  else for (const n of t.namespaces ?? []) namespaces.add(n);
  return {
    namespaces,
    nsSelector: t.namespaceSelector == null ? null : compileLabelSelector(t.namespaceSelector),
    selector: compileLabelSelector(t.labelSelector),
    topologyKey: t.topologyKey ?? '',
  };
}

/** `AffinityTerm.Matches`: the pod's namespace is named or selected (by `nsLabels`, its namespace's labels), and its labels match. */
export function termMatches(t: AffinityTerm, pod: PodInfo, nsLabels: Record<string, string>): boolean {
  if (t.namespaces.has(pod.namespace) || (t.nsSelector !== null && t.nsSelector(nsLabels))) return t.selector(pod.labels);
  return false;
}

function hostPorts(spec: Record<string, unknown>): HostPort[] {
  const out: HostPort[] = [];
  const containers = [...((spec.initContainers as Record<string, unknown>[]) ?? []), ...((spec.containers as Record<string, unknown>[]) ?? [])];
  for (const c of containers) {
    for (const p of (c.ports as Record<string, unknown>[] | undefined) ?? []) {
      const port = Number(p.hostPort ?? 0);
      if (port > 0) out.push({ ip: (p.hostIP as string) || '0.0.0.0', protocol: (p.protocol as string) || 'TCP', port });
    }
  }
  return out;
}

/** Compiles a pod object. */
export function podInfo(pod: KubeObject): PodInfo {
  const spec = (pod.spec ?? {}) as Record<string, any>;
  const status = (pod.status ?? {}) as Record<string, any>;
  const namespace = pod.metadata.namespace ?? 'default';
  const name = pod.metadata.name ?? '';
  const req = podRequests(spec);
  const nonZero = podRequests(spec, true);
  const scalar: [string, number][] = [];
  for (const [k, v] of req) if (isScalarResourceName(k) && v !== 0) scalar.push([k, v]);
  const aff = spec.affinity ?? {};
  const terms = (list: RawTerm[] | undefined) => (list ?? []).map((t) => compileTerm(t, namespace));
  const weighted = (list: { weight?: number; podAffinityTerm?: RawTerm }[] | undefined) =>
    (list ?? []).map((w) => ({ ...compileTerm(w.podAffinityTerm ?? {}, namespace), weight: w.weight ?? 0 }));
  const required = aff.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  // GetPodStartTime: a pod that has not started counts as starting now, later than any that has.
  const start = typeof status.startTime === 'string' ? Date.parse(status.startTime) : Number.POSITIVE_INFINITY;
  return {
    pod,
    key: `${namespace}/${name}`,
    name,
    namespace,
    labels: pod.metadata.labels ?? {},
    nodeName: spec.nodeName ?? '',
    requests: { milliCPU: req.get('cpu') ?? 0, memory: req.get('memory') ?? 0, ephemeralStorage: req.get('ephemeral-storage') ?? 0, scalar },
    nonZeroCPU: nonZero.get('cpu') ?? 0,
    nonZeroMemory: nonZero.get('memory') ?? 0,
    priority: typeof spec.priority === 'number' ? spec.priority : 0,
    preemptionPolicy: spec.preemptionPolicy ?? 'PreemptLowerPriority',
    startTimeMs: Number.isNaN(start) ? Number.POSITIVE_INFINITY : start,
    terminating: pod.metadata.deletionTimestamp != null,
    tolerations: spec.tolerations ?? [],
    nodeSelector: spec.nodeSelector && Object.keys(spec.nodeSelector).length > 0 ? spec.nodeSelector : null,
    requiredNodeTerms: required ? (required.nodeSelectorTerms ?? []) : null,
    preferredNodeTerms: aff.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [],
    requiredAffinity: terms(aff.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution),
    requiredAntiAffinity: terms(aff.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution),
    preferredAffinity: weighted(aff.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
    preferredAntiAffinity: weighted(aff.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
    hostPorts: hostPorts(spec),
    spreadConstraints: spec.topologySpreadConstraints ?? [],
  };
}

/** Whether a pod has finished (Succeeded or Failed): the scheduler's informer excludes those pods. */
export function isTerminal(pod: KubeObject): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** Whether a compiled pod has any pod affinity or anti-affinity (`NodeInfo.PodsWithAffinity`). */
export function hasPodAffinity(p: PodInfo): boolean {
  return p.requiredAffinity.length + p.requiredAntiAffinity.length + p.preferredAffinity.length + p.preferredAntiAffinity.length > 0;
}
