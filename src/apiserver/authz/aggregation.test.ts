import { describe, it, expect } from 'vitest';
import { aggregateAll, aggregateRules } from './aggregation.js';
import type { ClusterRole } from './rbac-types.js';

const cr = (name: string, labels: Record<string, string>, rules: ClusterRole['rules'], selectors?: NonNullable<ClusterRole['aggregationRule']>['clusterRoleSelectors']): ClusterRole =>
  ({ metadata: { name, labels }, rules, ...(selectors ? { aggregationRule: { clusterRoleSelectors: selectors } } : {}) });

const podsRead = { apiGroups: [''], resources: ['pods'], verbs: ['get'] };
const vmsRead = { apiGroups: ['kubevirt.io'], resources: ['virtualmachines'], verbs: ['get'] };

describe('aggregateRules()', () => {
  it('returns undefined for a role without an aggregationRule', () => {
    expect(aggregateRules(cr('plain', {}, [podsRead]), [])).toBeUndefined();
  });
  it('unions the selected roles\' rules, sorted by role name, without duplicates or itself', () => {
    const agg = cr('agg', { a: 'true' }, [{ apiGroups: ['x'], resources: ['stale'], verbs: ['get'] }], [{ matchLabels: { a: 'true' } }]);
    const all = [agg, cr('zeta', { a: 'true' }, [podsRead]), cr('alpha', { a: 'true' }, [vmsRead, podsRead]), cr('other', { a: 'false' }, [{ apiGroups: [''], resources: ['secrets'], verbs: ['*'] }])];
    expect(aggregateRules(agg, all)).toEqual([vmsRead, podsRead]);
  });
  it('evaluates selectors in order and supports matchExpressions', () => {
    const agg = cr('agg', {}, [], [{ matchLabels: { second: 'yes' } }, { matchExpressions: [{ key: 'tier', operator: 'In', values: ['gold'] }] }]);
    const all = [cr('a', { tier: 'gold' }, [podsRead]), cr('b', { second: 'yes' }, [vmsRead])];
    expect(aggregateRules(agg, all)).toEqual([vmsRead, podsRead]);
  });
});

describe('aggregateAll()', () => {
  it('converges nested aggregation (admin selects edit, edit selects view)', () => {
    const roles = aggregateAll([
      cr('admin', {}, [], [{ matchLabels: { 'to-admin': 'true' } }]),
      cr('edit', { 'to-admin': 'true' }, [], [{ matchLabels: { 'to-edit': 'true' } }]),
      cr('view', { 'to-edit': 'true' }, [], [{ matchLabels: { 'to-view': 'true' } }]),
      cr('piece', { 'to-view': 'true' }, [podsRead]),
    ]);
    expect(roles.find((r) => r.metadata.name === 'admin')?.rules).toEqual([podsRead]);
    expect(roles.find((r) => r.metadata.name === 'edit')?.rules).toEqual([podsRead]);
  });
});
