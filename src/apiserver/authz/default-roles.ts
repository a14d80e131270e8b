/**
 * The bootstrap RBAC policy kube-apiserver reconciles at start: the user-facing roles
 * (cluster-admin, admin, edit, view), their `system:aggregate-to-*` pieces, the discovery and
 * basic-user roles, and their bindings. Rules are those of
 * `plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata/cluster-roles.yaml` (kubernetes/kubernetes
 * @025f2834, the rendered `policy.go`); bindings from `cluster-role-bindings.yaml` beside it.
 */
import type { ClusterRole, ClusterRoleBinding, PolicyRule, Subject } from './rbac-types.js';
import { RBAC_GROUP } from './rbac-types.js';
import { aggregateAll } from './aggregation.js';
import { platformClusterRoleBindings, platformClusterRoles } from './platform-roles.js';

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const READ_WRITE = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** A PolicyRule over resources. */
export function rule(apiGroups: string[], resources: string[], verbs: string[], resourceNames?: string[]): PolicyRule {
  return resourceNames ? { apiGroups, resources, verbs, resourceNames } : { apiGroups, resources, verbs };
}

/** Label that marks a ClusterRole for aggregation into admin, edit or view. */
export const aggregateTo = (role: 'admin' | 'edit' | 'view') => `rbac.authorization.k8s.io/aggregate-to-${role}`;

function bootstrapRole(name: string, rules: PolicyRule[] | null, extra: Partial<ClusterRole> = {}, labels: Record<string, string> = {}): ClusterRole {
  return {
    apiVersion: `${RBAC_GROUP}/v1`, kind: 'ClusterRole',
    metadata: { name, labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults', ...labels }, annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' } },
    ...extra,
    rules: rules ?? [],
  };
}

const aggregation = (role: 'admin' | 'edit' | 'view') => ({ aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [aggregateTo(role)]: 'true' } }] } });

/** The ClusterRoles kube's bootstrap policy creates that ove needs, as created (aggregated roles empty). */
export function bootstrapClusterRoles(): ClusterRole[] {
  return [
    bootstrapRole('cluster-admin', [rule(['*'], ['*'], ['*']), { nonResourceURLs: ['*'], verbs: ['*'] }]),
    bootstrapRole('admin', null, aggregation('admin')),
    bootstrapRole('edit', null, aggregation('edit'), { [aggregateTo('admin')]: 'true' }),
    bootstrapRole('view', null, aggregation('view'), { [aggregateTo('edit')]: 'true' }),
    bootstrapRole('system:aggregate-to-admin', [
      rule(['authorization.k8s.io'], ['localsubjectaccessreviews'], ['create']),
      rule(['rbac.authorization.k8s.io'], ['rolebindings', 'roles'], READ_WRITE),
    ], {}, { [aggregateTo('admin')]: 'true' }),
    bootstrapRole('system:aggregate-to-edit', [
      rule([''], ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'], READ),
      rule([''], ['serviceaccounts'], ['impersonate']),
      rule([''], ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'], WRITE),
      rule([''], ['pods/eviction'], ['create']),
      rule([''], ['configmaps', 'events', 'persistentvolumeclaims', 'replicationcontrollers', 'replicationcontrollers/scale', 'secrets', 'serviceaccounts', 'services', 'services/proxy'], WRITE),
      rule([''], ['serviceaccounts/token'], ['create']),
      rule(['apps'], ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'replicasets', 'replicasets/scale', 'statefulsets', 'statefulsets/scale'], WRITE),
      rule(['autoscaling'], ['horizontalpodautoscalers'], WRITE),
      rule(['batch'], ['cronjobs', 'jobs'], WRITE),
      rule(['extensions'], ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'ingresses', 'networkpolicies', 'replicasets', 'replicasets/scale', 'replicationcontrollers/scale'], WRITE),
      rule(['policy'], ['poddisruptionbudgets'], WRITE),
      rule(['networking.k8s.io'], ['ingresses', 'networkpolicies'], WRITE),
      rule(['coordination.k8s.io'], ['leases'], READ_WRITE),
    ], {}, { [aggregateTo('edit')]: 'true' }),
    bootstrapRole('system:aggregate-to-view', [
      rule([''], ['configmaps', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/status'], READ),
      rule([''], ['bindings', 'events', 'limitranges', 'namespaces/status', 'pods/log', 'pods/status', 'replicationcontrollers/status', 'resourcequotas', 'resourcequotas/status'], READ),
      rule([''], ['namespaces'], READ),
      rule(['discovery.k8s.io'], ['endpointslices'], READ),
      rule(['apps'], ['controllerrevisions', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'replicasets', 'replicasets/scale', 'replicasets/status', 'statefulsets', 'statefulsets/scale', 'statefulsets/status'], READ),
      rule(['autoscaling'], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'], READ),
      rule(['batch'], ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'], READ),
      rule(['extensions'], ['daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'ingresses', 'ingresses/status', 'networkpolicies', 'replicasets', 'replicasets/scale', 'replicasets/status', 'replicationcontrollers/scale'], READ),
      rule(['policy'], ['poddisruptionbudgets', 'poddisruptionbudgets/status'], READ),
      rule(['networking.k8s.io'], ['ingresses', 'ingresses/status', 'networkpolicies'], READ),
    ], {}, { [aggregateTo('view')]: 'true' }),
    bootstrapRole('system:basic-user', [
      rule(['authorization.k8s.io'], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'], ['create']),
      rule(['authentication.k8s.io'], ['selfsubjectreviews'], ['create']),
    ]),
    bootstrapRole('system:discovery', [{ nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'], verbs: ['get'] }]),
    bootstrapRole('system:public-info-viewer', [{ nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'], verbs: ['get'] }]),
    bootstrapRole('system:monitoring', [{ nonResourceURLs: ['/healthz', '/healthz/*', '/livez', '/livez/*', '/metrics', '/metrics/slis', '/readyz', '/readyz/*'], verbs: ['get'] }]),
  ];
}

/** A group subject. */
export const group = (name: string): Subject => ({ apiGroup: RBAC_GROUP, kind: 'Group', name });

function bootstrapBinding(name: string, subjects: Subject[]): ClusterRoleBinding {
  return {
    apiVersion: `${RBAC_GROUP}/v1`, kind: 'ClusterRoleBinding',
    metadata: { name, labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' }, annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' } },
    roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name },
    subjects,
  };
}

/** The bootstrap ClusterRoleBindings: cluster-admin to system:masters, discovery and basic-user to everyone authenticated. */
export function bootstrapClusterRoleBindings(): ClusterRoleBinding[] {
  return [
    bootstrapBinding('cluster-admin', [group('system:masters')]),
    bootstrapBinding('system:basic-user', [group('system:authenticated')]),
    bootstrapBinding('system:discovery', [group('system:authenticated')]),
    bootstrapBinding('system:monitoring', [group('system:monitoring')]),
    bootstrapBinding('system:public-info-viewer', [group('system:authenticated'), group('system:unauthenticated')]),
  ];
}

/** Everything ove creates at first start: kube's bootstrap policy plus the platform's roles, with aggregation applied. */
export function defaultPolicy(): { clusterRoles: ClusterRole[]; clusterRoleBindings: ClusterRoleBinding[] } {
  return {
    clusterRoles: aggregateAll([...bootstrapClusterRoles(), ...platformClusterRoles()]),
    clusterRoleBindings: [...bootstrapClusterRoleBindings(), ...platformClusterRoleBindings()],
  };
}
