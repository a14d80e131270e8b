/**
 * PodDisruptionBudget arithmetic (kube's disruption controller): desired healthy pods
 * from minAvailable or maxUnavailable (integers or percentages of the expected count,
 * rounded up), and whether one more disruption is allowed.
 */
import type { KubeObject } from '../../api/types.js';

/** The budget's verdict for one more eviction. */
export interface BudgetVerdict {
  allowed: boolean;
  desiredHealthy: number;
  currentHealthy: number;
  expected: number;
}

/** Evaluates a budget against the pods its selector matches. */
export function budgetAllows(pdb: KubeObject, pods: KubeObject[]): BudgetVerdict {
  const spec = (pdb.spec ?? {}) as { minAvailable?: number | string; maxUnavailable?: number | string };
  const live = pods.filter((p) => !p.metadata.deletionTimestamp);
  const expected = live.length;
  const currentHealthy = live.filter(isReady).length;
  let desiredHealthy: number;
  if (spec.maxUnavailable !== undefined) desiredHealthy = Math.max(0, expected - scaled(spec.maxUnavailable, expected));
  else desiredHealthy = scaled(spec.minAvailable ?? 1, expected);
  return { allowed: currentHealthy - desiredHealthy > 0, desiredHealthy, currentHealthy, expected };
}

function scaled(v: number | string, total: number): number {
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return Number(v) || 0;
  return Math.ceil((Number(m[1]) * total) / 100);
}

function isReady(p: KubeObject): boolean {
  const conds = (p.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
  return conds.some((c) => c.type === 'Ready' && c.status === 'True');
}
