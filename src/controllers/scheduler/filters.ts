/**
 * Filter plugins of kube-scheduler's default profile, in its order
 * (`pkg/scheduler/apis/config/v1/default_plugins.go`: NodeUnschedulable, NodeName,
 * TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit, [volume plugins],
 * PodTopologySpread, InterPodAffinity), each with kube's exact reason strings and codes.
 * The volume plugins (VolumeRestrictions, NodeVolumeLimits, VolumeBinding, VolumeZone) are out
 * of scope: PVC binding and zone checks are not evaluated here.
 */
import type { CycleState, FilterPlugin, PreFilterResult, Status } from './framework.js';
import { status } from './framework.js';
import type { NodeInfo } from './node-info.js';
import { interPodAffinityFilter } from './inter-pod-affinity.js';
import { topologySpreadFilter } from './topology-spread.js';
import { firstUntoleratedTaint, nodeSelectorTermsMatch, tolerationsTolerate, type Taint } from './selectors.js';
import type { PodInfo } from './pod-info.js';

/** nodeunschedulable.ErrReasonUnschedulable. */
export const REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
/** nodename.ErrReason. */
export const REASON_NODE_NAME = "node(s) didn't match the requested node name";
/** nodeaffinity.ErrReasonPod. */
export const REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
/** nodeaffinity errReasonConflict (PreFilter: every term names nodes, and they conflict). */
export const REASON_AFFINITY_CONFLICT = 'pod affinity terms conflict';
/** nodeports.ErrReason. */
export const REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";
/** noderesources: too many pods on the node. */
export const REASON_TOO_MANY_PODS = 'Too many pods';

/** tainttoleration's reason: `node(s) had untolerated taint {key: value}`. */
export function untoleratedTaintReason(t: Taint): string {
  return `node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`;
}

const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

/** NodeUnschedulable: cordoned nodes, unless the pod tolerates the unschedulable taint. */
export const nodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(state, node) {
    if (!node.unschedulable || tolerationsTolerate(state.pod.tolerations, UNSCHEDULABLE_TAINT)) return null;
    return UNSCHEDULABLE_STATUS;
  },
};
const UNSCHEDULABLE_STATUS = status('NodeUnschedulable', 'UnschedulableAndUnresolvable', REASON_UNSCHEDULABLE);

const NODE_NAME_STATUS = status('NodeName', 'UnschedulableAndUnresolvable', REASON_NODE_NAME);
/** NodeName: a pod naming a node fits only that node. */
export const nodeName: FilterPlugin = {
  name: 'NodeName',
  filter(state, node) {
    const want = state.pod.nodeName;
    return want === '' || want === node.name ? null : NODE_NAME_STATUS;
  },
};

const taintStatuses = new Map<string, Status>();
const noScheduleOrExecute = (t: Taint) => t.effect === 'NoSchedule' || t.effect === 'NoExecute';
/** TaintToleration: the first NoSchedule/NoExecute taint the pod does not tolerate rejects the node. */
export const taintToleration: FilterPlugin = {
  name: 'TaintToleration',
  filter(state, node) {
    if (node.taints.length === 0) return null;
    const t = firstUntoleratedTaint(node.taints, state.pod.tolerations, noScheduleOrExecute);
    if (!t) return null;
    const reason = untoleratedTaintReason(t);
    let s = taintStatuses.get(reason);
    if (!s) taintStatuses.set(reason, (s = status('TaintToleration', 'UnschedulableAndUnresolvable', reason)));
    return s;
  },
};

/** Whether a node satisfies the pod's nodeSelector and required node affinity (`RequiredNodeAffinity.Match`). */
export function matchesRequiredNodeAffinity(pod: PodInfo, node: NodeInfo): boolean {
  if (pod.nodeSelector) for (const [k, v] of Object.entries(pod.nodeSelector)) if (node.labels[k] !== v) return false;
  if (pod.requiredNodeTerms !== null && !nodeSelectorTermsMatch(pod.requiredNodeTerms, node.name, node.labels)) return false;
  return true;
}

function intersect(a: Set<string>, b: string[]): Set<string> {
  const out = new Set<string>();
  for (const x of b) if (a.has(x)) out.add(x);
  return out;
}

const AFFINITY_STATUS = status('NodeAffinity', 'UnschedulableAndUnresolvable', REASON_NODE_AFFINITY);
/** NodeAffinity: nodeSelector and requiredDuringScheduling terms; PreFilter narrows to `metadata.name` In terms. */
export const nodeAffinity: FilterPlugin = {
  name: 'NodeAffinity',
  preFilter(state) {
    const pod = state.pod;
    if (!pod.nodeSelector && pod.requiredNodeTerms === null) return 'skip';
    if (pod.requiredNodeTerms === null) return null;
    let names: Set<string> | null = null;
    for (const t of pod.requiredNodeTerms) {
      let termNames: Set<string> | null = null;
      for (const r of t.matchFields ?? []) {
        if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
        termNames = termNames === null ? new Set<string>(r.values ?? []) : intersect(termNames, r.values ?? []);
      }
      // A term without a name requirement admits every node: the terms are ORed.
      if (termNames === null) return null;
      names = new Set([...(names ?? []), ...termNames]);
    }
    if (names !== null && names.size === 0) return status('NodeAffinity', 'UnschedulableAndUnresolvable', REASON_AFFINITY_CONFLICT);
    return names === null ? null : ({ nodeNames: names } satisfies PreFilterResult);
  },
  filter(state, node) {
    return matchesRequiredNodeAffinity(state.pod, node) ? null : AFFINITY_STATUS;
  },
};

const PORTS_STATUS = status('NodePorts', 'Unschedulable', REASON_NODE_PORTS);
/** NodePorts: a wanted hostPort already taken on the node (0.0.0.0 conflicts with every IP). */
export const nodePorts: FilterPlugin = {
  name: 'NodePorts',
  preFilter: (state) => (state.pod.hostPorts.length === 0 ? 'skip' : null),
  filter(state, node) {
    for (const want of state.pod.hostPorts) {
      for (const used of node.usedPorts) {
        if (used.port !== want.port || used.protocol !== want.protocol) continue;
        if (used.ip === want.ip || used.ip === '0.0.0.0' || want.ip === '0.0.0.0') return PORTS_STATUS;
      }
    }
    return null;
  },
};

const insufficient = new Map<string, string>();
/** `Insufficient <resource>`, the NodeResourcesFit reason. */
export function insufficientReason(resource: string): string {
  let r = insufficient.get(resource);
  if (r === undefined) insufficient.set(resource, (r = `Insufficient ${resource}`));
  return r;
}

const NONE: readonly string[] = Object.freeze([]);

/** The NodeResourcesFit reasons for a node, in fitsRequest's order (pods, cpu, memory, ephemeral-storage, extended); empty when it fits. */
export function insufficientResources(pod: PodInfo, node: NodeInfo): readonly string[] {
  // Allocates only on failure, and no closures: this runs for every node of every cycle.
  let out: string[] | null = null;
  const alloc = node.allocatable;
  const used = node.requested;
  if (node.pods.size + 1 > alloc.allowedPodNumber) out = [REASON_TOO_MANY_PODS];
  const r = pod.requests;
  if (r.milliCPU === 0 && r.memory === 0 && r.ephemeralStorage === 0 && r.scalar.length === 0) return out ?? NONE;
  if (r.milliCPU > 0 && r.milliCPU > alloc.milliCPU - used.milliCPU) (out ??= []).push(insufficientReason('cpu'));
  if (r.memory > 0 && r.memory > alloc.memory - used.memory) (out ??= []).push(insufficientReason('memory'));
  if (r.ephemeralStorage > 0 && r.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) (out ??= []).push(insufficientReason('ephemeral-storage'));
  for (let i = 0; i < r.scalar.length; i++) {
    const [name, want] = r.scalar[i];
    if (want > (alloc.scalar.get(name) ?? 0) - (used.scalar.get(name) ?? 0)) (out ??= []).push(insufficientReason(name));
  }
  return out ?? NONE;
}

/** NodeResourcesFit: requests against allocatable minus what the node's pods request. */
export const nodeResourcesFit: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter(state: CycleState, node: NodeInfo) {
    const reasons = insufficientResources(state.pod, node);
    // Plain Unschedulable in 1.32 even when the node is too small (Unresolvable came with kubernetes#131345, 1.34).
    return reasons.length === 0 ? null : { code: 'Unschedulable', reasons: reasons as string[], plugin: 'NodeResourcesFit' };
  },
};

/** The default profile's filters, in the order kube runs them (the first rejection wins per node). */
export const DEFAULT_FILTERS: FilterPlugin[] = [
  nodeUnschedulable,
  nodeName,
  taintToleration,
  nodeAffinity,
  nodePorts,
  nodeResourcesFit,
  topologySpreadFilter,
  interPodAffinityFilter,
];
