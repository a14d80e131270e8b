/**
 * DefaultPreemption's PostFilter (`pkg/scheduler/framework/preemption/preemption.go`,
 * `plugins/defaultpreemption/default_preemption.go`): which nodes preemption might help, a dry
 * run removing lower-priority pods and reprieving as many as still fit, and the choice among
 * candidates. Its message, prefixed `preemption: `, ends the FailedScheduling text. There are no
 * PodDisruptionBudgets in the snapshot, so every victim counts as non-violating.
 */
import type { CycleState, FilterPlugin, Status } from './framework.js';
import { status } from './framework.js';
import { activeFilters, runFiltersWithNominated, runPreFilters } from './cycle.js';
import { fitErrorMessage } from './fit-error.js';
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';

/** The reason for nodes where removing pods cannot help. */
export const REASON_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
/** The reason for nodes without lower-priority pods. */
export const REASON_NO_VICTIMS = 'No preemption victims found for incoming pod';
/** PodEligibleToPreemptOthers' refusal for preemptionPolicy Never. */
export const NOT_ELIGIBLE_NEVER = 'not eligible due to preemptionPolicy=Never.';
/** PodEligibleToPreemptOthers' refusal while an earlier victim on the nominated node is still terminating. */
export const NOT_ELIGIBLE_TERMINATING = 'not eligible due to a terminating pod on the nominated node.';
/** DefaultPreemptionArgs.minCandidateNodesPercentage default. */
export const MIN_CANDIDATE_NODES_PERCENTAGE = 10;
/** DefaultPreemptionArgs.minCandidateNodesAbsolute default. */
export const MIN_CANDIDATE_NODES_ABSOLUTE = 100;

const NOT_HELPFUL = status('DefaultPreemption', 'UnschedulableAndUnresolvable', REASON_NOT_HELPFUL);
const NO_VICTIMS = status('DefaultPreemption', 'UnschedulableAndUnresolvable', REASON_NO_VICTIMS);
const UNRESOLVABLE = status('', 'UnschedulableAndUnresolvable');

/** What preemption concluded. */
export interface PreemptionOutcome {
  /** The PostFilter message (`preemption: ...`), absent when a node was nominated. */
  message?: string;
  nominatedNode?: string;
  /** Pods to delete so the pod fits on the nominated node, most important first. */
  victims?: PodInfo[];
}

/** Inputs: the failed cycle and the filter phase's verdicts. */
export interface PreemptionInput {
  state: CycleState;
  filters: FilterPlugin[];
  nodeToStatus: Map<string, Status>;
  absentStatus?: Status;
  rng: () => number;
}

/** `util.MoreImportantPod`: higher priority, then earlier start. */
function moreImportant(a: PodInfo, b: PodInfo): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  return a.startTimeMs - b.startTimeMs;
}

function terminatingByPreemption(p: PodInfo): boolean {
  const conds = ((p.pod.status as { conditions?: { type?: string; reason?: string }[] } | undefined)?.conditions) ?? [];
  return p.terminating && conds.some((c) => c.type === 'DisruptionTarget' && c.reason === 'PreemptionByScheduler');
}

function eligible(input: PreemptionInput): string | null {
  const pod = input.state.pod;
  if (pod.preemptionPolicy === 'Never') return NOT_ELIGIBLE_NEVER;
  const nominated = (pod.pod.status as { nominatedNodeName?: string } | undefined)?.nominatedNodeName;
  if (!nominated) return null;
  const st = input.nodeToStatus.get(nominated) ?? input.absentStatus ?? UNRESOLVABLE;
  if (st.code === 'UnschedulableAndUnresolvable') return null;
  const node = input.state.snapshot.get(nominated);
  for (const p of node?.pods.values() ?? []) if (p.priority < pod.priority && terminatingByPreemption(p)) return NOT_ELIGIBLE_TERMINATING;
  return null;
}

/** Re-runs PreFilter (the node's pods changed) and the filters on one node. */
function fitsNow(input: PreemptionInput, node: NodeInfo): Status | null {
  const pre = runPreFilters(input.state, input.filters);
  if (pre.rejected) return pre.rejected;
  return runFiltersWithNominated(input.state, input.filters, activeFilters(input.state, input.filters), node);
}

/** `SelectVictimsOnNode`: remove every lower-priority pod, check the fit, then reprieve the most important ones that still allow it. */
function selectVictims(input: PreemptionInput, node: NodeInfo): { victims: PodInfo[] } | Status {
  const snap = input.state.snapshot;
  const lower = [...node.pods.values()].filter((p) => p.priority < input.state.pod.priority).sort(moreImportant);
  if (lower.length === 0) return NO_VICTIMS;
  const detached = lower.map((p) => snap.detach(p.key)!);
  try {
    const st = fitsNow(input, node);
    if (st) {
      for (const d of detached) snap.reattach(d);
      return st;
    }
    const victims: typeof detached = [];
    for (const d of detached) {
      snap.reattach(d);
      if (fitsNow(input, node) !== null) {
        snap.detach(d.info.key);
        victims.push(d);
      }
    }
    for (const d of victims) snap.reattach(d);
    return { victims: victims.map((d) => d.info) };
  } finally {
    // Leave the cycle state as the main filter phase computed it.
    runPreFilters(input.state, input.filters);
  }
}

/** `pickOneNodeForPreemption` (no PDBs): fewest-important victims, lowest priority sum, fewest victims, latest start. */
function pickOne(cands: { node: string; victims: PodInfo[] }[]): { node: string; victims: PodInfo[] } {
  const empty = cands.find((c) => c.victims.length === 0);
  if (empty) return empty;
  const earliestTop = (v: PodInfo[]) => Math.min(...v.filter((p) => p.priority === v[0].priority).map((p) => p.startTimeMs));
  const keys = (c: { victims: PodInfo[] }) => [
    c.victims[0].priority,
    c.victims.reduce((a, p) => a + p.priority + 2 ** 31, 0),
    c.victims.length,
    -earliestTop(c.victims),
  ];
  let best = cands[0];
  for (const c of cands.slice(1)) {
    const [a, b] = [keys(c), keys(best)];
    const i = a.findIndex((x, j) => x !== b[j]);
    if (i >= 0 && a[i] < b[i]) best = c;
  }
  return best;
}

/** Runs preemption for a pod no node fits. */
export function preempt(input: PreemptionInput): PreemptionOutcome {
  const refusal = eligible(input);
  if (refusal) return { message: `preemption: ${refusal}` };
  const all = input.state.snapshot.list();
  const statuses = new Map<string, Status>();
  const potential: NodeInfo[] = [];
  for (const n of all) {
    const st = input.nodeToStatus.get(n.name) ?? input.absentStatus ?? UNRESOLVABLE;
    if (st.code === 'UnschedulableAndUnresolvable') statuses.set(n.name, NOT_HELPFUL);
    else potential.push(n);
  }
  const candidates: { node: string; victims: PodInfo[] }[] = [];
  if (potential.length > 0) {
    const wanted = Math.min(potential.length, Math.max(MIN_CANDIDATE_NODES_ABSOLUTE, Math.trunc((potential.length * MIN_CANDIDATE_NODES_PERCENTAGE) / 100)));
    const offset = Math.floor(input.rng() * potential.length);
    for (let i = 0; i < potential.length && candidates.length < wanted; i++) {
      const node = potential[(offset + i) % potential.length];
      const r = selectVictims(input, node);
      if ('code' in r) statuses.set(node.name, r);
      else candidates.push({ node: node.name, victims: r.victims });
    }
  }
  if (candidates.length === 0) return { message: `preemption: ${fitErrorMessage(all.length, { nodeToStatus: statuses })}` };
  const best = pickOne(candidates);
  return { nominatedNode: best.node, victims: best.victims };
}
