/**
 * The ClusterRole aggregation controller (kube-controller-manager's
 * clusterrole-aggregation): a ClusterRole with an aggregationRule gets the union of
 * the rules of every ClusterRole its selectors match, kept current as roles change.
 */
import type { KubeObject } from '../../api/types.js';
import { aggregateRules } from '../../apiserver/authz/aggregation.js';
import type { ClusterRole } from '../../apiserver/authz/rbac-types.js';
import type { Manager } from '../../runtime/manager.js';

const CLUSTER_ROLES = { group: 'rbac.authorization.k8s.io', version: 'v1', plural: 'clusterroles', namespaced: false };

/** Registers the controller. */
export function registerClusterRoleAggregation(mgr: Manager): void {
  const roles = mgr.informer(CLUSTER_ROLES);
  const ctl = mgr.controller('clusterrole-aggregation', async (name) => {
    const role = roles.get(name) as unknown as ClusterRole | undefined;
    if (!role) return;
    const rules = aggregateRules(role, roles.list() as unknown as ClusterRole[]);
    if (!rules || JSON.stringify(rules) === JSON.stringify(role.rules ?? [])) return;
    await mgr.client.update(CLUSTER_ROLES, { ...(role as unknown as KubeObject), rules });
  });
  // Any role change may change what an aggregated role selects: re-check every aggregated role.
  const all = () => {
    for (const r of roles.list()) if ((r as { aggregationRule?: unknown }).aggregationRule) ctl.enqueue(r.metadata.name!);
  };
  roles.on({ add: all, update: all, delete: all });
}
