/**
 * InterPodAffinity (`pkg/scheduler/framework/plugins/interpodaffinity`): required pod affinity
 * and anti-affinity of the incoming pod, required anti-affinity of existing pods (Filter), and
 * preferred terms of both sides plus existing pods' hard affinity at weight 1 (Score).
 */
import type { CycleState, FilterPlugin, ScorePlugin } from './framework.js';
import { MAX_NODE_SCORE, status } from './framework.js';
import type { NodeInfo } from './node-info.js';
import { termMatches, type AffinityTerm, type PodInfo } from './pod-info.js';

/** interpodaffinity.ErrReasonAffinityRulesNotMatch. */
export const REASON_AFFINITY = "node(s) didn't match pod affinity rules";
/** interpodaffinity.ErrReasonAntiAffinityRulesNotMatch. */
export const REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
/** interpodaffinity.ErrReasonExistingAntiAffinityRulesNotMatch. */
export const REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";
/** InterPodAffinityArgs.hardPodAffinityWeight default. */
export const HARD_POD_AFFINITY_WEIGHT = 1;

const AFFINITY_STATUS = status('InterPodAffinity', 'UnschedulableAndUnresolvable', REASON_AFFINITY);
const ANTI_STATUS = status('InterPodAffinity', 'Unschedulable', REASON_ANTI_AFFINITY);
const EXISTING_STATUS = status('InterPodAffinity', 'Unschedulable', REASON_EXISTING_ANTI_AFFINITY);

/** Counts per topology pair, keyed `key\0value`. */
type PairCounts = Map<string, number>;

function bump(m: PairCounts, node: NodeInfo, key: string, by: number): void {
  const v = node.labels[key];
  if (v === undefined) return;
  const k = `${key}\0${v}`;
  const n = (m.get(k) ?? 0) + by;
  if (n === 0) m.delete(k);
  else m.set(k, n);
}

/** The incoming pod's term against an existing pod: the namespaceSelector is resolved from the existing pod's namespace. */
function incomingTermMatches(state: CycleState, t: AffinityTerm, existing: PodInfo): boolean {
  return termMatches(t, existing, t.nsSelector ? (state.snapshot.namespaceLabels.get(existing.namespace) ?? {}) : {});
}

interface FilterState {
  existingAnti: PairCounts;
  affinity: PairCounts;
  anti: PairCounts;
}

function preFilter(state: CycleState): 'skip' | null {
  const pod = state.pod;
  const existingAnti: PairCounts = new Map();
  const affinity: PairCounts = new Map();
  const anti: PairCounts = new Map();
  const wantsTerms = pod.requiredAffinity.length > 0 || pod.requiredAntiAffinity.length > 0;
  if (!wantsTerms && state.snapshot.podsWithRequiredAntiAffinity === 0) return 'skip';
  for (const node of state.snapshot.list()) {
    if (node.podsWithRequiredAntiAffinity === 0 && !wantsTerms) continue;
    for (const existing of node.pods.values()) {
      for (const t of existing.requiredAntiAffinity) if (termMatches(t, pod, state.nsLabels)) bump(existingAnti, node, t.topologyKey, 1);
      if (!wantsTerms) continue;
      // Affinity counts only when the existing pod matches all of the incoming pod's terms.
      if (pod.requiredAffinity.length > 0 && pod.requiredAffinity.every((t) => incomingTermMatches(state, t, existing))) {
        for (const t of pod.requiredAffinity) bump(affinity, node, t.topologyKey, 1);
      }
      for (const t of pod.requiredAntiAffinity) if (incomingTermMatches(state, t, existing)) bump(anti, node, t.topologyKey, 1);
    }
  }
  if (existingAnti.size === 0 && !wantsTerms) return 'skip';
  state.data.set('InterPodAffinity', { existingAnti, affinity, anti } satisfies FilterState);
  return null;
}

function satisfiesAffinity(state: CycleState, s: FilterState, node: NodeInfo): boolean {
  const pod = state.pod;
  let podsExist = true;
  for (const t of pod.requiredAffinity) {
    const v = node.labels[t.topologyKey];
    if (v === undefined) return false;
    if ((s.affinity.get(`${t.topologyKey}\0${v}`) ?? 0) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  // The first pod of a group with affinity to itself: allowed when no pod matches anywhere and it matches its own terms.
  return s.affinity.size === 0 && pod.requiredAffinity.every((t) => termMatches(t, pod, state.nsLabels));
}

/** The InterPodAffinity filter. */
export const interPodAffinityFilter: FilterPlugin = {
  name: 'InterPodAffinity',
  preFilter,
  filter(state, node) {
    const s = state.data.get('InterPodAffinity') as FilterState;
    if (!satisfiesAffinity(state, s, node)) return AFFINITY_STATUS;
    if (s.anti.size > 0) {
      for (const t of state.pod.requiredAntiAffinity) {
        const v = node.labels[t.topologyKey];
        if (v !== undefined && (s.anti.get(`${t.topologyKey}\0${v}`) ?? 0) > 0) return ANTI_STATUS;
      }
    }
    if (s.existingAnti.size > 0) {
      for (const [k, v] of Object.entries(node.labels)) if ((s.existingAnti.get(`${k}\0${v}`) ?? 0) > 0) return EXISTING_STATUS;
    }
    return null;
  },
};

/** topologyKey -> value -> score. */
type TopologyScore = Map<string, Map<string, number>>;

function addScore(m: TopologyScore, node: NodeInfo, key: string, by: number): void {
  const v = node.labels[key];
  if (v === undefined) return;
  let values = m.get(key);
  if (!values) m.set(key, (values = new Map()));
  values.set(v, (values.get(v) ?? 0) + by);
}

function scoreExisting(state: CycleState, m: TopologyScore, existing: PodInfo, node: NodeInfo): void {
  const pod = state.pod;
  // Plain loops: this runs for every placed pod when the incoming pod has preferences.
  for (const t of pod.preferredAffinity) if (incomingTermMatches(state, t, existing)) addScore(m, node, t.topologyKey, t.weight);
  for (const t of pod.preferredAntiAffinity) if (incomingTermMatches(state, t, existing)) addScore(m, node, t.topologyKey, -t.weight);
  for (const t of existing.requiredAffinity) if (termMatches(t, pod, state.nsLabels)) addScore(m, node, t.topologyKey, HARD_POD_AFFINITY_WEIGHT);
  for (const t of existing.preferredAffinity) if (termMatches(t, pod, state.nsLabels)) addScore(m, node, t.topologyKey, t.weight);
  for (const t of existing.preferredAntiAffinity) if (termMatches(t, pod, state.nsLabels)) addScore(m, node, t.topologyKey, -t.weight);
}

/** The InterPodAffinity score (weight 2 in the default profile). */
export const interPodAffinityScore: ScorePlugin = {
  name: 'InterPodAffinity',
  weight: 2,
  preScore(state) {
    const pod = state.pod;
    const hasConstraints = pod.preferredAffinity.length > 0 || pod.preferredAntiAffinity.length > 0;
    if (!hasConstraints && state.snapshot.podsWithAffinity === 0) return 'skip';
    const m: TopologyScore = new Map();
    for (const node of state.snapshot.list()) {
      if (!hasConstraints && node.podsWithAffinity === 0) continue;
      if (Object.keys(node.labels).length === 0) continue;
      for (const existing of node.pods.values()) scoreExisting(state, m, existing, node);
    }
    if (m.size === 0) return 'skip';
    state.data.set('InterPodAffinity/score', m);
    return null;
  },
  score(state, node) {
    const m = state.data.get('InterPodAffinity/score') as TopologyScore;
    let score = 0;
    for (const [key, values] of m) {
      const v = node.labels[key];
      if (v !== undefined) score += values.get(v) ?? 0;
    }
    return score;
  },
  normalize(_state, _nodes, scores) {
    let min = Infinity;
    let max = -Infinity;
    for (const s of scores) {
      if (s < min) min = s;
      if (s > max) max = s;
    }
    const diff = max - min;
    for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((scores[i] - min) / diff)) : 0;
  },
};
