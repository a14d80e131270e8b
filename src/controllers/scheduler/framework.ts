/**
 * The scheduling framework's shapes (`pkg/scheduler/framework/interface.go`): a filter Status
 * with its code and reasons, the per-cycle state plugins share, and the plugin contracts.
 */
import type { NodeInfo } from './node-info.js';
import type { PodInfo } from './pod-info.js';
import type { NodeSnapshot } from './snapshot.js';

/** Why a node was rejected: Unschedulable may be fixed by preemption; UnschedulableAndUnresolvable may not. */
export type Code = 'Unschedulable' | 'UnschedulableAndUnresolvable';

/** A rejection: the plugin, the code and the reasons the FitError message counts. */
export interface Status {
  code: Code;
  reasons: string[];
  plugin: string;
}

/** A constant Status (shared, never mutated: filters run per node and must not allocate). */
export function status(plugin: string, code: Code, ...reasons: string[]): Status {
  return Object.freeze({ code, reasons: Object.freeze(reasons) as string[], plugin });
}

/** What the PreFilter phase may narrow the nodes to (`PreFilterResult.NodeNames`). */
export interface PreFilterResult {
  nodeNames?: Set<string>;
}

/** One scheduling cycle's state (`framework.CycleState`), filled by PreFilter and PreScore. */
export interface CycleState {
  pod: PodInfo;
  snapshot: NodeSnapshot;
  /** Labels of the pod's namespace (for existing pods' namespaceSelectors); {} when unknown. */
  nsLabels: Record<string, string>;
  /** Plugins whose PreFilter said Skip: their Filter is not run. */
  skipFilter: Set<string>;
  /** Plugin-owned state, by plugin name. */
  data: Map<string, unknown>;
}

/** A filter plugin. */
export interface FilterPlugin {
  name: string;
  /** Runs once per cycle; a Status rejects every node, 'skip' disables filter for this pod. */
  preFilter?(state: CycleState): Status | PreFilterResult | 'skip' | null;
  filter(state: CycleState, node: NodeInfo): Status | null;
}

/** A score plugin with its weight in the profile. */
export interface ScorePlugin {
  name: string;
  weight: number;
  /** Runs once over the feasible nodes; 'skip' leaves this plugin out of the sum. */
  preScore?(state: CycleState, nodes: NodeInfo[]): 'skip' | null;
  score(state: CycleState, node: NodeInfo): number;
  /** Rewrites raw scores in place to 0..100 (`NormalizeScore`). */
  normalize?(state: CycleState, nodes: NodeInfo[], scores: number[]): void;
}

/** `framework.MaxNodeScore`. */
export const MAX_NODE_SCORE = 100;

/** `helper.DefaultNormalizeScore`: scales to 0..max by the highest score, optionally reversed. */
export function defaultNormalizeScore(scores: number[], reverse: boolean, max = MAX_NODE_SCORE): void {
  let highest = 0;
  for (const s of scores) if (s > highest) highest = s;
  if (highest === 0) {
    if (reverse) scores.fill(max);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    const s = Math.trunc((max * scores[i]) / highest);
    scores[i] = reverse ? max - s : s;
  }
}
