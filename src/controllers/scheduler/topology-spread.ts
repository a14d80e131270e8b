/**
 * PodTopologySpread (`pkg/scheduler/framework/plugins/podtopologyspread`): DoNotSchedule
 * constraints filter on skew against the global minimum (with minDomains), ScheduleAnyway
 * constraints score by matching pods per domain weighted by log(domains + 2). matchLabelKeys and
 * the node inclusion policies (nodeAffinityPolicy Honor, nodeTaintsPolicy Ignore by default) apply.
 * A pod without constraints of its own is scored with the system defaults (default-spread.ts).
 */
import type { LabelSelector } from '../../api/meta/label-selector.js';
import type { CycleState, FilterPlugin, ScorePlugin } from './framework.js';
import { MAX_NODE_SCORE, status } from './framework.js';
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import { defaultSpreadConstraints } from './default-spread.js';
import { compileLabelSelector, firstUntoleratedTaint, nodeSelectorTermsMatch, type LabelMatcher } from './selectors.js';

/** podtopologyspread.ErrReasonConstraintsNotMatch. */
export const REASON_SPREAD = "node(s) didn't match pod topology spread constraints";
/** podtopologyspread.ErrReasonNodeLabelNotMatch. */
export const REASON_SPREAD_LABEL = `${REASON_SPREAD} (missing required label)`;

const HOSTNAME = 'kubernetes.io/hostname';
const SKEW_STATUS = status('PodTopologySpread', 'Unschedulable', REASON_SPREAD);
const LABEL_STATUS = status('PodTopologySpread', 'UnschedulableAndUnresolvable', REASON_SPREAD_LABEL);

/** A compiled constraint. */
interface Constraint {
  maxSkew: number;
  topologyKey: string;
  selector: LabelMatcher;
  /** `selector.Empty()`: counts nothing (countPodsMatchSelector). */
  emptySelector: boolean;
  minDomains: number;
  honorAffinity: boolean;
  honorTaints: boolean;
}

function compile(pod: PodInfo, action: string, list: Record<string, unknown>[] = pod.spreadConstraints): Constraint[] {
  const out: Constraint[] = [];
  for (const c of list as Record<string, any>[]) {
    if (c.whenUnsatisfiable !== action) continue;
    let sel: LabelSelector | null = c.labelSelector ?? null;
    const extra = ((c.matchLabelKeys as string[] | undefined) ?? []).filter((k) => pod.labels[k] !== undefined);
    if (extra.length > 0) {
      const base = sel ?? {};
      sel = { ...base, matchExpressions: [...(base.matchExpressions ?? []), ...extra.map((k) => ({ key: k, operator: 'In', values: [pod.labels[k]] }))] };
    }
    const empty = sel !== null && Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0;
    out.push({
      maxSkew: c.maxSkew ?? 1,
      topologyKey: c.topologyKey ?? '',
      selector: compileLabelSelector(sel),
      emptySelector: empty,
      minDomains: c.minDomains ?? 1,
      honorAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
      honorTaints: (c.nodeTaintsPolicy ?? 'Ignore') === 'Honor',
    });
  }
  return out;
}

/** Whether the node has every constraint's topology label (`nodeLabelsMatchSpreadConstraints`). */
function hasAllKeys(node: NodeInfo, cs: Constraint[]): boolean {
  for (const c of cs) if (node.labels[c.topologyKey] === undefined) return false;
  return true;
}

function included(c: Constraint, pod: PodInfo, node: NodeInfo): boolean {
  if (c.honorAffinity) {
    if (pod.nodeSelector) for (const [k, v] of Object.entries(pod.nodeSelector)) if (node.labels[k] !== v) return false;
    if (pod.requiredNodeTerms !== null && !nodeSelectorTermsMatch(pod.requiredNodeTerms, node.name, node.labels)) return false;
  }
  if (c.honorTaints && firstUntoleratedTaint(node.taints, pod.tolerations, (t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute')) return false;
  return true;
}

/** Matching pods on a node: same namespace, not terminating. */
function countMatching(node: NodeInfo, c: Constraint, namespace: string): number {
  if (c.emptySelector) return 0;
  let n = 0;
  for (const p of node.pods.values()) if (!p.terminating && p.namespace === namespace && c.selector(p.labels)) n++;
  return n;
}

interface FilterState {
  constraints: Constraint[];
  pairCounts: Map<string, number>;
  /** topologyKey -> [domains, minimum matches]. */
  byKey: Map<string, { domains: number; min: number }>;
}

/** The PodTopologySpread filter (DoNotSchedule constraints). */
export const topologySpreadFilter: FilterPlugin = {
  name: 'PodTopologySpread',
  preFilter(state) {
    const pod = state.pod;
    const constraints = compile(pod, 'DoNotSchedule');
    if (constraints.length === 0) return 'skip';
    const pairCounts = new Map<string, number>();
    for (const node of state.snapshot.list()) {
      if (!hasAllKeys(node, constraints)) continue;
      for (const c of constraints) {
        if (!included(c, pod, node)) continue;
        const k = `${c.topologyKey}\0${node.labels[c.topologyKey]}`;
        pairCounts.set(k, (pairCounts.get(k) ?? 0) + countMatching(node, c, pod.namespace));
      }
    }
    const byKey = new Map<string, { domains: number; min: number }>();
    for (const c of constraints) byKey.set(c.topologyKey, { domains: 0, min: Number.MAX_SAFE_INTEGER });
    for (const [k, n] of pairCounts) {
      const e = byKey.get(k.slice(0, k.indexOf('\0')))!;
      e.domains++;
      if (n < e.min) e.min = n;
    }
    state.data.set('PodTopologySpread', { constraints, pairCounts, byKey } satisfies FilterState);
    return null;
  },
  filter(state, node) {
    const s = state.data.get('PodTopologySpread') as FilterState;
    for (const c of s.constraints) {
      const v = node.labels[c.topologyKey];
      if (v === undefined) return LABEL_STATUS;
      const k = s.byKey.get(c.topologyKey)!;
      const min = k.domains < c.minDomains ? 0 : k.min;
      const self = c.selector(state.pod.labels) ? 1 : 0;
      const skew = (s.pairCounts.get(`${c.topologyKey}\0${v}`) ?? 0) + self - min;
      if (skew > c.maxSkew) return SKEW_STATUS;
    }
    return null;
  },
};

interface ScoreState {
  constraints: Constraint[];
  ignored: Set<string>;
  pairCounts: Map<string, number>;
  weights: number[];
}

/** The PodTopologySpread score (ScheduleAnyway constraints; weight 2 in the default profile). */
export const topologySpreadScore: ScorePlugin = {
  name: 'PodTopologySpread',
  weight: 2,
  preScore(state: CycleState, filtered: NodeInfo[]) {
    const pod = state.pod;
    // Only a pod's own constraints require every topology label; system defaults do not.
    const requireAll = pod.spreadConstraints.length > 0;
    const constraints = requireAll
      ? compile(pod, 'ScheduleAnyway')
      : compile(pod, 'ScheduleAnyway', defaultSpreadConstraints(pod, state.snapshot.workloads.values()));
    if (constraints.length === 0 || filtered.length === 0) return 'skip';
    const ignored = new Set<string>();
    const pairCounts = new Map<string, number>();
    const sizes = constraints.map(() => 0);
    for (const node of filtered) {
      if (requireAll && !hasAllKeys(node, constraints)) {
        ignored.add(node.name);
        continue;
      }
      for (let i = 0; i < constraints.length; i++) {
        const c = constraints[i];
        if (c.topologyKey === HOSTNAME) continue;
        // A missing label reads as '' here, as Go's map lookup does.
        const k = `${c.topologyKey}\0${node.labels[c.topologyKey] ?? ''}`;
        if (!pairCounts.has(k)) {
          pairCounts.set(k, 0);
          sizes[i]++;
        }
      }
    }
    const weights = constraints.map((c, i) => Math.log((c.topologyKey === HOSTNAME ? filtered.length - ignored.size : sizes[i]) + 2));
    for (const node of state.snapshot.list()) {
      if (requireAll && !hasAllKeys(node, constraints)) continue;
      for (const c of constraints) {
        if (!included(c, pod, node)) continue;
        const k = `${c.topologyKey}\0${node.labels[c.topologyKey] ?? ''}`;
        const cur = pairCounts.get(k);
        if (cur !== undefined) pairCounts.set(k, cur + countMatching(node, c, pod.namespace));
      }
    }
    state.data.set('PodTopologySpread/score', { constraints, ignored, pairCounts, weights } satisfies ScoreState);
    return null;
  },
  score(state, node) {
    const s = state.data.get('PodTopologySpread/score') as ScoreState;
    if (s.ignored.has(node.name)) return 0;
    let score = 0;
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i];
      const v = node.labels[c.topologyKey];
      if (v === undefined) continue;
      const cnt = c.topologyKey === HOSTNAME ? countMatching(node, c, state.pod.namespace) : (s.pairCounts.get(`${c.topologyKey}\0${v}`) ?? 0);
      score += cnt * s.weights[i] + (c.maxSkew - 1);
    }
    return Math.round(score);
  },
  normalize(state, nodes, scores) {
    const s = state.data.get('PodTopologySpread/score') as ScoreState;
    let min = Number.MAX_SAFE_INTEGER;
    let max = 0;
    nodes.forEach((n, i) => {
      if (s.ignored.has(n.name)) return;
      if (scores[i] < min) min = scores[i];
      if (scores[i] > max) max = scores[i];
    });
    nodes.forEach((n, i) => {
      if (s.ignored.has(n.name)) scores[i] = 0;
      else if (max === 0) scores[i] = MAX_NODE_SCORE;
      else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i])) / max);
    });
  },
};
