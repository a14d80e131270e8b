/** An RbacSource reading Roles, ClusterRoles and bindings straight from the watch caches (no API round trip per request). */
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from './authz/rbac-types.js';
import type { RbacSource } from './authz/rule-resolver.js';
import type { CacheHub } from './storage/cache-hub.js';
import { entryObject } from './storage/watch-cache.js';

const PREFIX = '/registry/rbac.authorization.k8s.io/';

/** Builds the source over the hub. */
export function rbacCacheSource(hub: CacheHub): RbacSource {
  const cache = (plural: string) => hub.cacheFor(`${PREFIX}${plural}/`);
  return {
    getRole: (ns, name) => parsed<Role>(cache('roles').items.get(`${PREFIX}roles/${ns}/${name}`)),
    getClusterRole: (name) => parsed<ClusterRole>(cache('clusterroles').items.get(`${PREFIX}clusterroles/${name}`)),
    listRoleBindings: (ns) => [...cache('rolebindings').iterate(ns)].map((e) => entryObject(e) as unknown as RoleBinding),
    listClusterRoleBindings: () => [...cache('clusterrolebindings').items.values()].map((e) => entryObject(e) as unknown as ClusterRoleBinding),
  };
}

function parsed<T>(e: Parameters<typeof entryObject>[0] | undefined): T | undefined {
  return e ? (entryObject(e) as unknown as T) : undefined;
}
