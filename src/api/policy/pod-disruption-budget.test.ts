import { describe, it, expect } from 'vitest';
import { podDisruptionBudgetDef } from './pod-disruption-budget.js';

describe('pod disruption budgets', () => {
  const pdb = (spec: Record<string, unknown>) => ({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'p', namespace: 'default', creationTimestamp: '2026-01-01T11:00:00Z' }, spec, status: { disruptionsAllowed: 1 } });
  it('print N/A for the unset bound', () => {
    expect(podDisruptionBudgetDef.cells!(pdb({ minAvailable: '50%' }), Date.parse('2026-01-01T12:00:00Z'))).toEqual(['50%', 'N/A', 1, '60m']);
  });
  it('refuse both bounds and bad percentages', () => {
    const causes = podDisruptionBudgetDef.validate!(pdb({ minAvailable: 1, maxUnavailable: 'half' }), { operation: 'CREATE' });
    expect(causes.map((c) => c.field)).toEqual(['spec', 'spec.maxUnavailable']);
  });
});
