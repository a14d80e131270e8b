/**
 * The rbac.authorization.k8s.io/v1 shapes RBAC evaluation reads, as plain JSON
 * (k8s.io/api `rbac/v1/types.go`). Objects arrive from informers or watch caches untyped,
 * so every field is optional where the wire allows it to be missing.
 */
import type { ObjectMeta } from '../../api/types.js';

/** One PolicyRule: verbs on resources in groups (optionally by name), or verbs on non-resource URLs. */
export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

/** A binding's subject: `User`, `Group` or `ServiceAccount` (the last with a namespace). */
export interface Subject {
  kind: string;
  apiGroup?: string;
  name: string;
  namespace?: string;
}

/** A binding's roleRef: kind `Role` or `ClusterRole`. */
export interface RoleRef {
  apiGroup: string;
  kind: string;
  name: string;
}

/** A label selector (metav1.LabelSelector), as aggregation rules use it. */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** Role (namespaced). */
export interface Role {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  rules?: PolicyRule[] | null;
}

/** ClusterRole, with its optional aggregation rule. */
export interface ClusterRole extends Role {
  aggregationRule?: { clusterRoleSelectors?: LabelSelector[] };
}

/** RoleBinding (namespaced); may reference a Role in its namespace or a ClusterRole. */
export interface RoleBinding {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  subjects?: Subject[] | null;
  roleRef: RoleRef;
}

/** ClusterRoleBinding; references a ClusterRole. */
export type ClusterRoleBinding = RoleBinding;

/** The rbac API group name. */
export const RBAC_GROUP = 'rbac.authorization.k8s.io';
