import { describe, it, expect } from 'vitest';
import { planNamespaceDeletion } from './plan.js';

const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'sandbox', deletionTimestamp: '2026-01-01T00:00:00Z' } };

describe('planNamespaceDeletion()', () => {
  it('finalizes an empty namespace', () => {
    expect(planNamespaceDeletion(ns, [])).toEqual({ finalize: true });
  });

  it('reports remaining content and finalizers as kube words them', () => {
    const p = planNamespaceDeletion(ns, [{ resource: 'configmaps', count: 2, finalizers: ['example.com/keep'] }]);
    expect(p.finalize).toBe(false);
    const conds = (p.status as { conditions: { type: string; message: string }[] }).conditions;
    expect(conds.find((c) => c.type === 'NamespaceContentRemaining')!.message).toBe('Some resources are remaining: configmaps has 2 resource instances');
    expect(conds.find((c) => c.type === 'NamespaceFinalizersRemaining')!.message).toBe('Some content in the namespace has finalizers remaining: example.com/keep in 2 resource instances');
  });

  it('writes no status when the conditions already say the same', () => {
    const first = planNamespaceDeletion(ns, [{ resource: 'pods', count: 1, finalizers: [] }]);
    const again = planNamespaceDeletion({ ...ns, status: first.status }, [{ resource: 'pods', count: 1, finalizers: [] }]);
    expect(again.status).toBeUndefined();
  });
});
