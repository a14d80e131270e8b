/**
 * ClusterRole aggregation: an aggregated ClusterRole's rules are the union of the rules of
 * every ClusterRole its `aggregationRule.clusterRoleSelectors` select, as the
 * clusterrole-aggregation controller computes them
 * (`pkg/controller/clusterroleaggregation/clusterroleaggregation_controller.go`).
 */
import { labelSelectorFromObject } from '../selectors/label-selector.js';
import type { ClusterRole, PolicyRule } from './rbac-types.js';

/** Whether a ClusterRole is aggregated (has an aggregationRule). */
export function isAggregated(role: ClusterRole): boolean {
  return role.aggregationRule != null;
}

/**
 * The rules the controller writes into `clusterRole`: for each selector in order, the selected
 * roles sorted by name (itself excluded), their rules appended unless an equal rule is already there.
 * Returns undefined for a role without an aggregationRule (its rules are its own).
 */
export function aggregateRules(clusterRole: ClusterRole, allClusterRoles: ClusterRole[]): PolicyRule[] | undefined {
  if (!isAggregated(clusterRole)) return undefined;
  const out: PolicyRule[] = [];
  const sorted = [...allClusterRoles].sort((a, b) => compare(a.metadata.name ?? '', b.metadata.name ?? ''));
  for (const sel of clusterRole.aggregationRule?.clusterRoleSelectors ?? []) {
    const selector = labelSelectorFromObject(sel);
    for (const role of sorted) {
      if (role.metadata.name === clusterRole.metadata.name || !selector.matches(role.metadata.labels)) continue;
      for (const rule of role.rules ?? []) if (!out.some((r) => rulesEqual(r, rule))) out.push(rule);
    }
  }
  return out;
}

/**
 * Aggregates every aggregated role until nothing changes, as the controller converges
 * (admin selects edit, which is itself aggregated). Returns new objects; input is not mutated.
 */
export function aggregateAll(clusterRoles: ClusterRole[]): ClusterRole[] {
  let roles = clusterRoles.map((r) => ({ ...r }));
  // Each round settles at least one more level of nesting; the role count bounds the depth.
  for (let round = 0; round <= roles.length; round++) {
    let changed = false;
    roles = roles.map((r) => {
      const rules = aggregateRules(r, roles);
      if (rules === undefined || sameRules(rules, r.rules ?? [])) return r;
      changed = true;
      return { ...r, rules };
    });
    if (!changed) break;
  }
  return roles;
}

/** Semantic equality of two rules (nil and empty lists are equal, as equality.Semantic treats them here). */
export function rulesEqual(a: PolicyRule, b: PolicyRule): boolean {
  return listEq(a.verbs, b.verbs) && listEq(a.apiGroups, b.apiGroups) && listEq(a.resources, b.resources)
    && listEq(a.resourceNames, b.resourceNames) && listEq(a.nonResourceURLs, b.nonResourceURLs);
}

function sameRules(a: PolicyRule[], b: PolicyRule[]): boolean {
  return a.length === b.length && a.every((r, i) => rulesEqual(r, b[i]));
}

function listEq(a: string[] | undefined, b: string[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

// Go's sort on strings compares bytes, not locale.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
