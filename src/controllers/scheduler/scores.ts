/**
 * Score plugins of kube-scheduler 1.32's default profile with its weights
 * (`pkg/scheduler/apis/config/v1/default_plugins.go`): TaintToleration 3, NodeAffinity 2,
 * NodeResourcesFit 1 (LeastAllocated, cpu 1 + memory 1), PodTopologySpread 2, InterPodAffinity 2,
 * NodeResourcesBalancedAllocation 1. ImageLocality (weight 1) is out of scope: the twin has no
 * image state on nodes. Each score is normalized to 0..100 as the framework does, then weighted.
 */
import type { ScorePlugin } from './framework.js';
import { MAX_NODE_SCORE, defaultNormalizeScore } from './framework.js';
import { interPodAffinityScore } from './inter-pod-affinity.js';
import { topologySpreadScore } from './topology-spread.js';
import { nodeSelectorTermMatches, tolerationsTolerate, type Toleration } from './selectors.js';

/** `leastRequestedScore`: the free share, 0..100, integer. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** NodeResourcesFit's LeastAllocated score: the weighted mean free share of cpu and memory (non-zero requests, the pod included). */
export const nodeResourcesFitScore: ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  score(state, node) {
    const cpuAlloc = node.allocatable.milliCPU;
    const memAlloc = node.allocatable.memory;
    let sum = 0;
    let weights = 0;
    if (cpuAlloc !== 0) {
      sum += leastRequestedScore(node.nonZeroCPU + state.pod.nonZeroCPU, cpuAlloc);
      weights++;
    }
    if (memAlloc !== 0) {
      sum += leastRequestedScore(node.nonZeroMemory + state.pod.nonZeroMemory, memAlloc);
      weights++;
    }
    return weights === 0 ? 0 : Math.trunc(sum / weights);
  },
};

/** `balancedResourceScorer`: 100 × (1 − std of the requested fractions), fractions capped at 1. */
export function balancedScore(fractions: number[]): number {
  const f = fractions.map((x) => Math.min(x, 1));
  let std = 0;
  if (f.length === 2) std = Math.abs((f[0] - f[1]) / 2);
  else if (f.length > 2) {
    const mean = f.reduce((a, b) => a + b, 0) / f.length;
    std = Math.sqrt(f.reduce((a, x) => a + (x - mean) * (x - mean), 0) / f.length);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/**
 * NodeResourcesBalancedAllocation: favours nodes whose cpu and memory use stay even. Unlike
 * LeastAllocated it uses the actual requests (`useRequested: true` in balanced_allocation.go).
 */
export const balancedAllocationScore: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  score(state, node) {
    const cpuAlloc = node.allocatable.milliCPU;
    const memAlloc = node.allocatable.memory;
    // The two-resource case of balancedScore without allocating (this runs once per feasible node).
    if (cpuAlloc === 0 || memAlloc === 0) return MAX_NODE_SCORE;
    const cpu = Math.min((node.requested.milliCPU + state.pod.requests.milliCPU) / cpuAlloc, 1);
    const mem = Math.min((node.requested.memory + state.pod.requests.memory) / memAlloc, 1);
    return Math.trunc((1 - Math.abs((cpu - mem) / 2)) * MAX_NODE_SCORE);
  },
};

/** TaintToleration: counts PreferNoSchedule taints the pod does not tolerate; fewer is better. */
export const taintTolerationScore: ScorePlugin = {
  name: 'TaintToleration',
  weight: 3,
  preScore(state) {
    // Only tolerations with an empty or PreferNoSchedule effect count (getAllTolerationPreferNoSchedule).
    state.data.set('TaintToleration', state.pod.tolerations.filter((t) => !t.effect || t.effect === 'PreferNoSchedule'));
    return null;
  },
  score(state, node) {
    const tolerations = state.data.get('TaintToleration') as Toleration[];
    let n = 0;
    for (const t of node.taints) if (t.effect === 'PreferNoSchedule' && !tolerationsTolerate(tolerations, t)) n++;
    return n;
  },
  normalize: (_s, _n, scores) => defaultNormalizeScore(scores, true),
};

/** NodeAffinity: the summed weights of the preferred terms the node matches. */
export const nodeAffinityScore: ScorePlugin = {
  name: 'NodeAffinity',
  weight: 2,
  preScore: (state) => (state.pod.preferredNodeTerms.length === 0 ? 'skip' : null),
  score(state, node) {
    let sum = 0;
    for (const t of state.pod.preferredNodeTerms) {
      if (t.weight !== 0 && nodeSelectorTermMatches(t.preference ?? {}, node.name, node.labels)) sum += t.weight;
    }
    return sum;
  },
  normalize: (_s, _n, scores) => defaultNormalizeScore(scores, false),
};

/** The default profile's score plugins, in its order. */
export const DEFAULT_SCORES: ScorePlugin[] = [
  taintTolerationScore,
  nodeAffinityScore,
  nodeResourcesFitScore,
  topologySpreadScore,
  interPodAffinityScore,
  balancedAllocationScore,
];
