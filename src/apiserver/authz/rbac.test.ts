import { describe, it, expect } from 'vitest';
import { RbacAuthorizer, ruleAllows, staticRbacSource } from './rbac.js';
import { requestAttributes, type UserInfo } from './attributes.js';
import type { ClusterRole, ClusterRoleBinding, PolicyRule, Role, RoleBinding } from './rbac-types.js';

const alice: UserInfo = { name: 'alice', groups: ['dev', 'system:authenticated'] };
const sa: UserInfo = { name: 'system:serviceaccount:ns1:builder', groups: ['system:serviceaccounts', 'system:serviceaccounts:ns1', 'system:authenticated'] };

const at = (user: UserInfo, method: string, url: string) => {
  const u = new URL(url, 'http://x');
  return requestAttributes(user, method, u.pathname, u.searchParams);
};
const allows = (rule: PolicyRule, method: string, url: string) => ruleAllows(at(alice, method, url), rule);

describe('ruleAllows()', () => {
  it('matches verbs, groups and resources exactly or by *', () => {
    const r: PolicyRule = { verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] };
    expect(allows(r, 'GET', '/api/v1/namespaces/a/pods')).toBe(true);
    expect(allows(r, 'GET', '/api/v1/namespaces/a/pods/p')).toBe(true);
    expect(allows(r, 'DELETE', '/api/v1/namespaces/a/pods/p')).toBe(false);
    expect(allows(r, 'GET', '/apis/apps/v1/namespaces/a/deployments')).toBe(false);
    expect(allows(r, 'GET', '/api/v1/namespaces/a/pods?watch=true')).toBe(false);
    expect(allows({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, 'DELETE', '/apis/kubevirt.io/v1/namespaces/a/virtualmachines')).toBe(true);
  });
  it('needs the subresource spelled out, or */subresource', () => {
    const pods: PolicyRule = { verbs: ['get'], apiGroups: [''], resources: ['pods'] };
    expect(allows(pods, 'GET', '/api/v1/namespaces/a/pods/p/log')).toBe(false);
    expect(allows({ ...pods, resources: ['pods/log'] }, 'GET', '/api/v1/namespaces/a/pods/p/log')).toBe(true);
    expect(allows({ ...pods, resources: ['pods/log'] }, 'GET', '/api/v1/namespaces/a/pods/p')).toBe(false);
    expect(allows({ ...pods, resources: ['*/log'] }, 'GET', '/api/v1/namespaces/a/pods/p/log')).toBe(true);
    expect(allows({ ...pods, resources: ['*/log'] }, 'GET', '/api/v1/namespaces/a/pods/p/exec')).toBe(false);
    const start: PolicyRule = { verbs: ['update'], apiGroups: ['subresources.kubevirt.io'], resources: ['virtualmachines/start'] };
    expect(allows(start, 'PUT', '/apis/subresources.kubevirt.io/v1/namespaces/vms/virtualmachines/web/start')).toBe(true);
    expect(allows(start, 'PUT', '/apis/subresources.kubevirt.io/v1/namespaces/vms/virtualmachines/web/stop')).toBe(false);
  });
  it('limits by resourceNames, which never match a collection request', () => {
    const r: PolicyRule = { verbs: ['get', 'list'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['cfg'] };
    expect(allows(r, 'GET', '/api/v1/namespaces/a/configmaps/cfg')).toBe(true);
    expect(allows(r, 'GET', '/api/v1/namespaces/a/configmaps/other')).toBe(false);
    expect(allows(r, 'GET', '/api/v1/namespaces/a/configmaps')).toBe(false);
    expect(allows(r, 'GET', '/api/v1/namespaces/a/configmaps?fieldSelector=metadata.name%3Dcfg')).toBe(true);
  });
  it('matches non-resource URLs exactly, by *, or by a trailing-* prefix', () => {
    const r: PolicyRule = { verbs: ['get'], nonResourceURLs: ['/healthz', '/apis/*', '/version'] };
    expect(allows(r, 'GET', '/healthz')).toBe(true);
    expect(allows(r, 'GET', '/healthz/etcd')).toBe(false);
    expect(allows(r, 'GET', '/apis/apps')).toBe(true);
    expect(allows(r, 'GET', '/apis')).toBe(false);
    expect(allows(r, 'POST', '/version')).toBe(false);
    expect(allows({ verbs: ['*'], nonResourceURLs: ['*'] }, 'POST', '/anything')).toBe(true);
    // A resource rule never allows a path, and a path rule never allows a resource.
    expect(allows({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, 'GET', '/healthz')).toBe(false);
    expect(allows({ verbs: ['*'], nonResourceURLs: ['*'] }, 'GET', '/api/v1/pods')).toBe(false);
  });
});

const role = (ns: string, name: string, rules: PolicyRule[]): Role => ({ metadata: { namespace: ns, name }, rules });
const clusterRole = (name: string, rules: PolicyRule[]): ClusterRole => ({ metadata: { name }, rules });
const rb = (ns: string, name: string, kind: string, roleName: string, subjects: RoleBinding['subjects']): RoleBinding =>
  ({ metadata: { namespace: ns, name }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind, name: roleName }, subjects });
const crb = (name: string, roleName: string, subjects: ClusterRoleBinding['subjects']): ClusterRoleBinding =>
  ({ metadata: { name }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleName }, subjects });

const podReader = clusterRole('pod-reader', [{ verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods'] }]);
const source = staticRbacSource({
  roles: [role('ns1', 'cm-editor', [{ verbs: ['*'], apiGroups: [''], resources: ['configmaps'] }])],
  clusterRoles: [podReader, clusterRole('cluster-admin', [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, { verbs: ['*'], nonResourceURLs: ['*'] }])],
  roleBindings: [
    rb('ns1', 'alice-pods', 'ClusterRole', 'pod-reader', [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'alice' }]),
    rb('ns1', 'dev-cm', 'Role', 'cm-editor', [{ kind: 'Group', name: 'dev' }]),
    rb('ns1', 'sa-local', 'Role', 'cm-editor', [{ kind: 'ServiceAccount', name: 'builder' }]),
    rb('ns2', 'all-sas', 'ClusterRole', 'pod-reader', [{ kind: 'Group', name: 'system:serviceaccounts:ns1' }]),
    rb('ns3', 'dangling', 'Role', 'missing', [{ kind: 'User', name: 'alice' }]),
  ],
  clusterRoleBindings: [
    crb('cluster-admin', 'cluster-admin', [{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'system:masters' }]),
    crb('sa-admin', 'cluster-admin', [{ kind: 'ServiceAccount', name: 'root', namespace: 'kube-system' }]),
  ],
});
const rbac = new RbacAuthorizer(source);

describe('RbacAuthorizer.authorize()', () => {
  it('allows through a RoleBinding to a ClusterRole, naming it in the reason', () => {
    expect(rbac.authorize(at(alice, 'GET', '/api/v1/namespaces/ns1/pods'))).toEqual({
      decision: 'allow', reason: 'RBAC: allowed by RoleBinding "alice-pods/ns1" of ClusterRole "pod-reader" to User "alice"',
    });
  });
  it('has no opinion, with an empty reason, when nothing matches', () => {
    expect(rbac.authorize(at(alice, 'GET', '/api/v1/namespaces/ns2/pods'))).toEqual({ decision: 'noopinion', reason: '' });
    expect(rbac.authorize(at(alice, 'DELETE', '/api/v1/namespaces/ns1/pods/p'))).toEqual({ decision: 'noopinion', reason: '' });
  });
  it('does not apply RoleBindings to cluster-wide requests', () => {
    expect(rbac.authorize(at(alice, 'GET', '/api/v1/pods')).decision).toBe('noopinion');
  });
  it('matches groups', () => {
    expect(rbac.authorize(at(alice, 'PUT', '/api/v1/namespaces/ns1/configmaps/c')).reason).toBe('RBAC: allowed by RoleBinding "dev-cm/ns1" of Role "cm-editor" to Group "dev"');
    const admin: UserInfo = { name: 'kube:admin', groups: ['system:masters'] };
    expect(rbac.authorize(at(admin, 'GET', '/healthz')).reason).toBe('RBAC: allowed by ClusterRoleBinding "cluster-admin" of ClusterRole "cluster-admin" to Group "system:masters"');
  });
  it('matches service accounts by username, defaulting the namespace to the binding\'s', () => {
    expect(rbac.authorize(at(sa, 'POST', '/api/v1/namespaces/ns1/configmaps')).reason).toBe('RBAC: allowed by RoleBinding "sa-local/ns1" of Role "cm-editor" to ServiceAccount "builder/ns1"');
    expect(rbac.authorize(at(sa, 'GET', '/api/v1/namespaces/ns2/pods')).reason).toBe('RBAC: allowed by RoleBinding "all-sas/ns2" of ClusterRole "pod-reader" to Group "system:serviceaccounts:ns1"');
    const root: UserInfo = { name: 'system:serviceaccount:kube-system:root', groups: [] };
    expect(rbac.authorize(at(root, 'DELETE', '/api/v1/nodes/n1')).reason).toBe('RBAC: allowed by ClusterRoleBinding "sa-admin" of ClusterRole "cluster-admin" to ServiceAccount "root/kube-system"');
    // A ServiceAccount subject without a namespace on a ClusterRoleBinding matches nobody.
    const s2 = staticRbacSource({ clusterRoles: [podReader], clusterRoleBindings: [crb('x', 'pod-reader', [{ kind: 'ServiceAccount', name: 'builder' }])] });
    expect(new RbacAuthorizer(s2).authorize(at(sa, 'GET', '/api/v1/pods')).decision).toBe('noopinion');
  });
  it('reports a dangling roleRef as the reason when nothing else allows', () => {
    expect(rbac.authorize(at(alice, 'GET', '/api/v1/namespaces/ns3/pods'))).toEqual({ decision: 'noopinion', reason: 'RBAC: role.rbac.authorization.k8s.io "missing" not found' });
    const s2 = staticRbacSource({ clusterRoleBindings: [crb('a', 'gone1', [{ kind: 'User', name: 'alice' }]), crb('b', 'gone2', [{ kind: 'User', name: 'alice' }])] });
    expect(new RbacAuthorizer(s2).authorize(at(alice, 'GET', '/api/v1/pods')).reason).toBe('RBAC: [clusterrole.rbac.authorization.k8s.io "gone1" not found, clusterrole.rbac.authorization.k8s.io "gone2" not found]');
  });
});

describe('RbacAuthorizer.rulesFor()', () => {
  it('lists cluster then namespace rules, split by kind', () => {
    const r = rbac.rulesFor(alice, 'ns1');
    expect(r.resourceRules).toEqual([
      { verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods'], resourceNames: undefined },
      { verbs: ['*'], apiGroups: [''], resources: ['configmaps'], resourceNames: undefined },
    ]);
    expect(r.nonResourceRules).toEqual([]);
    expect(r.incomplete).toBe(false);
    expect(r.error).toBeUndefined();
  });
  it('carries resolution errors', () => {
    expect(rbac.rulesFor(alice, 'ns3').error?.message).toBe('role.rbac.authorization.k8s.io "missing" not found');
  });
});
