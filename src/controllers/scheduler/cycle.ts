/**
 * Running the filter phase of one cycle (`frameworkImpl.RunPreFilterPlugins` and
 * `RunFilterPlugins`): PreFilter once for the pod, then Filter per node, stopping at the first
 * plugin that rejects the node, as kube does.
 */
import type { CycleState, FilterPlugin, Status } from './framework.js';
import { status } from './framework.js';
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import type { NodeSnapshot } from './snapshot.js';

/** A fresh cycle state for a pod. */
export function newCycleState(pod: PodInfo, snapshot: NodeSnapshot): CycleState {
  return { pod, snapshot, nsLabels: snapshot.namespaceLabels.get(pod.namespace) ?? {}, skipFilter: new Set(), data: new Map() };
}

/** What PreFilter decided. */
export interface PreFilterOutcome {
  /** The first rejection, which applies to every node. */
  rejected?: Status;
  /** The nodes the plugins narrowed the search to (intersection). */
  nodeNames?: Set<string>;
  /** Plugins that narrowed the nodes, sorted (for the absent nodes' reason). */
  narrowedBy: string[];
}

/** Runs every PreFilter; fills state.skipFilter and plugin data. */
export function runPreFilters(state: CycleState, filters: FilterPlugin[]): PreFilterOutcome {
  state.skipFilter.clear();
  state.data.clear();
  let nodeNames: Set<string> | undefined;
  const narrowedBy: string[] = [];
  for (const p of filters) {
    if (!p.preFilter) continue;
    const r = p.preFilter(state);
    if (r === null) continue;
    if (r === 'skip') state.skipFilter.add(p.name);
    else if ('code' in r) return { rejected: r, narrowedBy };
    else if (r.nodeNames) {
      nodeNames = nodeNames ? new Set([...nodeNames].filter((n) => r.nodeNames!.has(n))) : r.nodeNames;
      narrowedBy.push(p.name);
      if (nodeNames.size === 0) {
        // The merged PreFilterResult admits no node (RunPreFilterPlugins).
        const msg = narrowedBy.length === 1 ? `node(s) didn't satisfy plugin ${narrowedBy[0]}` : `node(s) didn't satisfy plugin(s) [${narrowedBy.join(' ')}] simultaneously`;
        return { rejected: status(p.name, 'Unschedulable', msg), narrowedBy };
      }
    }
  }
  return { nodeNames, narrowedBy: narrowedBy.sort() };
}

/** The filters PreFilter did not skip, in order. */
export function activeFilters(state: CycleState, filters: FilterPlugin[]): FilterPlugin[] {
  return filters.filter((p) => !state.skipFilter.has(p.name));
}

/** Runs the (active) filters on one node; the first rejection, or null when the node fits. */
export function runFilters(state: CycleState, active: FilterPlugin[], node: NodeInfo): Status | null {
  for (let i = 0; i < active.length; i++) {
    const s = active[i].filter(state, node);
    if (s !== null) return s;
  }
  return null;
}

/**
 * `RunFilterPluginsWithNominatedPods`: when pods of equal or higher priority are nominated to
 * the node, the pod must fit with them placed there (PreFilter state recomputed) and also
 * without them (they may never land).
 */
export function runFiltersWithNominated(state: CycleState, filters: FilterPlugin[], active: FilterPlugin[], node: NodeInfo): Status | null {
  const snap = state.snapshot;
  if (!snap.hasNominations) return runFilters(state, active, node);
  const pod = state.pod;
  const nominated = snap.nominatedOn(node.name).filter((p) => p.key !== pod.key && p.priority >= pod.priority);
  if (nominated.length === 0) return runFilters(state, active, node);
  const withThem = snap.withPods(nominated, node.name, () => {
    const pre = runPreFilters(state, filters);
    return pre.rejected ?? runFilters(state, activeFilters(state, filters), node);
  });
  // Back to the PreFilter state of the cycle (the nominated pods are gone again).
  runPreFilters(state, filters);
  return withThem ?? runFilters(state, active, node);
}
