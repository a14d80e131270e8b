/**
 * One scheduling cycle (`schedulePod`, `pkg/scheduler/schedule_one.go`): PreFilter, Filter from a
 * rotating start index until enough feasible nodes are found (`numFeasibleNodesToFind`), score
 * the feasible nodes, pick the best (ties broken at random), or on failure run preemption and
 * build the FailedScheduling message. Pure: it reads and (via `assume`) writes only the snapshot.
 */
import type { KubeObject } from '../../api/types.js';
import type { CycleState, FilterPlugin, ScorePlugin, Status } from './framework.js';
import { status } from './framework.js';
import { activeFilters, newCycleState, runFiltersWithNominated, runPreFilters } from './cycle.js';
import { DEFAULT_FILTERS } from './filters.js';
import { fitErrorMessage } from './fit-error.js';
import type { NodeInfo } from './node-info.js';
import { podInfo, type PodInfo } from './pod-info.js';
import { preempt } from './preemption.js';
import { DEFAULT_SCORES } from './scores.js';
import type { NodeSnapshot } from './snapshot.js';

/** `minFeasibleNodesToFind`. */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
/** `minFeasibleNodesPercentageToFind`. */
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;
/** `ErrNoNodesAvailable`. */
export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

/** Options of a cycle. */
export interface ScheduleOptions {
  /** Uniform [0, 1): breaks score ties and picks preemption's starting node. Defaults to Math.random. */
  rng?: () => number;
  /** `percentageOfNodesToScore`; 0 or absent = adaptive (50 − nodes/125, at least 5). */
  percentageOfNodesToScore?: number;
  filters?: FilterPlugin[];
  scores?: ScorePlugin[];
  /** Run DefaultPreemption on failure (default true). */
  preemption?: boolean;
}

/** A decision: the node, or why none, with preemption's nomination if it found one. */
export type ScheduleResult =
  | { node: string; feasibleNodes: number; evaluatedNodes: number }
  | { error: string; nominatedNode?: string; victims?: KubeObject[] };

/** `numFeasibleNodesToFind`: how many feasible nodes are enough before scoring. */
export function numFeasibleNodesToFind(numAllNodes: number, percentage = 0): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let pct = percentage;
  if (pct === 0) pct = Math.max(MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND, 50 - Math.trunc(numAllNodes / 125));
  const n = Math.trunc((numAllNodes * pct) / 100);
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n;
}

/** `selectHost`: the highest total; among equals each has the same chance (reservoir sampling). */
export function selectHost(nodes: NodeInfo[], totals: number[], rng: () => number): NodeInfo {
  let best = 0;
  let count = 1;
  for (let i = 1; i < nodes.length; i++) {
    if (totals[i] > totals[best]) {
      best = i;
      count = 1;
    } else if (totals[i] === totals[best]) {
      count++;
      if (Math.floor(rng() * count) === 0) best = i;
    }
  }
  return nodes[best];
}

/** `prioritizeNodes`: each plugin's normalized score times its weight, summed per node. */
export function prioritize(state: CycleState, nodes: NodeInfo[], scores: ScorePlugin[]): number[] {
  const totals = new Array<number>(nodes.length).fill(0);
  const buf = new Array<number>(nodes.length);
  for (const p of scores) {
    if (p.preScore && p.preScore(state, nodes) === 'skip') continue;
    for (let i = 0; i < nodes.length; i++) buf[i] = p.score(state, nodes[i]);
    p.normalize?.(state, nodes, buf);
    for (let i = 0; i < nodes.length; i++) totals[i] += buf[i] * p.weight;
  }
  return totals;
}

/** Schedules one pod on the snapshot; does not assume it (call `assume` with the result). */
export function scheduleOne(pod: KubeObject | PodInfo, snapshot: NodeSnapshot, opts: ScheduleOptions = {}): ScheduleResult {
  const rng = opts.rng ?? Math.random;
  const filters = opts.filters ?? DEFAULT_FILTERS;
  const all = snapshot.list();
  if (all.length === 0) return { error: NO_NODES_AVAILABLE };
  const info = 'requests' in pod && 'pod' in pod ? (pod as PodInfo) : podInfo(pod as KubeObject);
  const state = newCycleState(info, snapshot);
  const nodeToStatus = new Map<string, Status>();
  const fail = (absentStatus?: Status, preFilterMsg?: string): ScheduleResult => {
    const out = opts.preemption === false ? {} : preempt({ state, filters, nodeToStatus, absentStatus, rng });
    const error = fitErrorMessage(all.length, { nodeToStatus, absentStatus, preFilterMsg, postFilterMsg: out.message });
    return out.nominatedNode ? { error, nominatedNode: out.nominatedNode, victims: out.victims!.map((v) => v.pod) } : { error };
  };

  const pre = runPreFilters(state, filters);
  if (pre.rejected) return fail(pre.rejected, pre.rejected.reasons.join(', '));
  let nodes = all;
  let absent: Status | undefined;
  if (pre.nodeNames) {
    nodes = [...pre.nodeNames].map((n) => snapshot.get(n)).filter((n): n is NodeInfo => n !== undefined);
    absent = status(pre.narrowedBy[0] ?? '', 'UnschedulableAndUnresolvable', `node(s) didn't satisfy plugin(s) [${pre.narrowedBy.join(' ')}]`);
  }

  const active = activeFilters(state, filters);
  // A node nominated by an earlier preemption is tried first: it is likely the only one that fits.
  const nominatedName = (info.pod.status as { nominatedNodeName?: string } | undefined)?.nominatedNodeName;
  const nominated = nominatedName ? snapshot.get(nominatedName) : undefined;
  if (nominated) {
    const st = runFiltersWithNominated(state, filters, active, nominated);
    if (st === null) return { node: nominated.name, feasibleNodes: 1, evaluatedNodes: 1 };
  }
  const want = numFeasibleNodesToFind(nodes.length, opts.percentageOfNodesToScore);
  const feasible: NodeInfo[] = [];
  let evaluated = 0;
  const start = nodes.length === 0 ? 0 : snapshot.nextStartNodeIndex % nodes.length;
  for (let i = 0; i < nodes.length && feasible.length < want; i++) {
    const node = nodes[(start + i) % nodes.length];
    evaluated++;
    const st = runFiltersWithNominated(state, filters, active, node);
    if (st === null) feasible.push(node);
    else nodeToStatus.set(node.name, st);
  }
  snapshot.nextStartNodeIndex = (snapshot.nextStartNodeIndex + evaluated) % all.length;
  if (feasible.length === 0) return fail(absent);
  if (feasible.length === 1) return { node: feasible[0].name, feasibleNodes: 1, evaluatedNodes: evaluated };
  const totals = prioritize(state, feasible, opts.scores ?? DEFAULT_SCORES);
  return { node: selectHost(feasible, totals, rng).name, feasibleNodes: feasible.length, evaluatedNodes: evaluated };
}

/** Places the pod on the chosen node in the snapshot until its binding is observed (`cache.AssumePod`). */
export function assume(snapshot: NodeSnapshot, pod: KubeObject | PodInfo, nodeName: string): void {
  snapshot.assume(pod, nodeName);
}
