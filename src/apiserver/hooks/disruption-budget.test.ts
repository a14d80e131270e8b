import { describe, it, expect } from 'vitest';
import { budgetAllows } from './disruption-budget.js';
import type { KubeObject } from '../../api/types.js';

const pod = (ready: boolean): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] } });
const pdb = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'b' }, spec });

describe('budgetAllows()', () => {
  it('minAvailable as a count', () => {
    expect(budgetAllows(pdb({ minAvailable: 2 }), [pod(true), pod(true), pod(true)]).allowed).toBe(true);
    expect(budgetAllows(pdb({ minAvailable: 2 }), [pod(true), pod(true), pod(false)]).allowed).toBe(false);
  });
  it('percentages round up, as the disruption controller does', () => {
    const v = budgetAllows(pdb({ minAvailable: '50%' }), [pod(true), pod(true), pod(true)]);
    expect(v.desiredHealthy).toBe(2);
    expect(budgetAllows(pdb({ maxUnavailable: '34%' }), [pod(true), pod(true), pod(true)]).desiredHealthy).toBe(1);
  });
  it('maxUnavailable 0 blocks every eviction', () => {
    expect(budgetAllows(pdb({ maxUnavailable: 0 }), [pod(true), pod(true)]).allowed).toBe(false);
  });
});
