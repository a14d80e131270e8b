/**
 * What a new cluster holds before anyone writes to it: the system namespaces, the system
 * PriorityClasses and the default RBAC policy (kube's bootstrap-roles post-start hook), reconciled on every
 * start: missing objects are created, and roles marked for auto-update are brought
 * back to the shipped rules.
 */
import type { KubeObject } from '../api/types.js';
import { SYSTEM_PRIORITY_CLASSES } from '../api/scheduling/priority-class.js';
import { defaultPolicy } from '../apiserver/authz/index.js';
import type { Client } from '../client/client.js';

const NAMESPACES = { group: '', version: 'v1', plural: 'namespaces', namespaced: false };
const CLUSTER_ROLES = { group: 'rbac.authorization.k8s.io', version: 'v1', plural: 'clusterroles', namespaced: false };
const PRIORITY_CLASSES = { group: 'scheduling.k8s.io', version: 'v1', plural: 'priorityclasses', namespaced: false };
const CLUSTER_ROLE_BINDINGS = { group: 'rbac.authorization.k8s.io', version: 'v1', plural: 'clusterrolebindings', namespaced: false };

/** The namespaces every cluster has. */
export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** Creates or reconciles the bootstrap objects. */
export async function bootstrap(client: Client, log: (m: string, e?: unknown) => void): Promise<void> {
  for (const name of SYSTEM_NAMESPACES) {
    await ensure(client, NAMESPACES, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
  const policy = defaultPolicy();
  for (const role of policy.clusterRoles) await ensure(client, CLUSTER_ROLES, role as unknown as KubeObject, ['rules', 'aggregationRule']);
  for (const b of policy.clusterRoleBindings) await ensure(client, CLUSTER_ROLE_BINDINGS, b as unknown as KubeObject, ['roleRef', 'subjects']);
  // kube-apiserver's scheduling/bootstrap-system-priority-classes post-start hook.
  for (const pc of SYSTEM_PRIORITY_CLASSES) await ensure(client, PRIORITY_CLASSES, pc);
  void log;
}

async function ensure(client: Client, ref: typeof NAMESPACES, obj: KubeObject, reconciled: string[] = []): Promise<void> {
  const existing = await client.get(ref, undefined, obj.metadata.name!).catch((e: { code?: number }) => (e.code === 404 ? undefined : Promise.reject(e)));
  if (!existing) {
    await client.create(ref, { ...obj, apiVersion: obj.apiVersion ?? (ref.group ? `${ref.group}/${ref.version}` : ref.version) }).catch((e: { code?: number }) => {
      if (e.code !== 409) throw e;
    });
    return;
  }
  // Like kube's reconciler: only objects still marked autoupdate=true are rewritten.
  if (existing.metadata.annotations?.['rbac.authorization.kubernetes.io/autoupdate'] !== 'true' || reconciled.length === 0) return;
  const changed = reconciled.some((f) => JSON.stringify(existing[f]) !== JSON.stringify(obj[f]));
  if (!changed) return;
  const next = { ...existing };
  for (const f of reconciled) next[f] = obj[f];
  await client.update(ref, next).catch((e: { code?: number }) => {
    if (e.code !== 409) throw e;
  });
}
