import { describe, it, expect } from 'vitest';
import { defaultPolicy } from './default-roles.js';
import { RbacAuthorizer, staticRbacSource } from './rbac.js';
import { requestAttributes, type UserInfo } from './attributes.js';
import type { RoleBinding } from './rbac-types.js';

const policy = defaultPolicy();
const binding = (ns: string, user: string, role: string): RoleBinding => ({ metadata: { namespace: ns, name: `${user}-${role}` }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role }, subjects: [{ kind: 'User', name: user }] });
const rbac = new RbacAuthorizer(staticRbacSource({ ...policy, roleBindings: [binding('vms', 'ana', 'admin'), binding('vms', 'ed', 'edit'), binding('vms', 'vic', 'view')] }));
const user = (name: string): UserInfo => ({ name, groups: ['system:authenticated'] });
const can = (who: UserInfo, method: string, url: string) => {
  const u = new URL(url, 'http://x');
  return rbac.authorize(requestAttributes(who, method, u.pathname, u.searchParams)).decision === 'allow';
};

describe('defaultPolicy()', () => {
  it('has the bootstrap roles with their aggregation labels', () => {
    const byName = new Map(policy.clusterRoles.map((r) => [r.metadata.name, r]));
    for (const n of ['cluster-admin', 'admin', 'edit', 'view', 'system:basic-user', 'system:discovery', 'system:public-info-viewer', 'kubevirt.io:admin', 'kubevirt.io:edit', 'kubevirt.io:view', 'cdi.kubevirt.io:view']) expect(byName.has(n)).toBe(true);
    expect(byName.get('edit')?.metadata.labels?.['rbac.authorization.k8s.io/aggregate-to-admin']).toBe('true');
    expect(byName.get('view')?.metadata.labels?.['rbac.authorization.k8s.io/aggregate-to-edit']).toBe('true');
    expect(byName.get('admin')?.aggregationRule?.clusterRoleSelectors).toEqual([{ matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' } }]);
  });
  it('binds cluster-admin to system:masters and discovery to everyone authenticated', () => {
    const admin = { name: 'root', groups: ['system:masters'] };
    expect(rbac.authorize(requestAttributes(admin, 'DELETE', '/api/v1/nodes/n1')).reason).toBe('RBAC: allowed by ClusterRoleBinding "cluster-admin" of ClusterRole "cluster-admin" to Group "system:masters"');
    expect(can(user('x'), 'GET', '/apis/kubevirt.io/v1')).toBe(true);
    expect(can(user('x'), 'POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews')).toBe(true);
    expect(can(user('x'), 'GET', '/metrics')).toBe(false);
    expect(can({ name: 'system:anonymous', groups: ['system:unauthenticated'] }, 'GET', '/version')).toBe(true);
    expect(can({ name: 'system:anonymous', groups: ['system:unauthenticated'] }, 'GET', '/apis')).toBe(false);
  });
  it('gives view read access without secrets or VM power actions', () => {
    const vic = user('vic');
    expect(can(vic, 'GET', '/apis/kubevirt.io/v1/namespaces/vms/virtualmachines')).toBe(true);
    expect(can(vic, 'GET', '/api/v1/namespaces/vms/pods/p/log')).toBe(true);
    expect(can(vic, 'GET', '/api/v1/namespaces/vms/secrets/s')).toBe(false);
    expect(can(vic, 'PUT', '/apis/subresources.kubevirt.io/v1/namespaces/vms/virtualmachines/web/start')).toBe(false);
    expect(can(vic, 'GET', '/apis/cdi.kubevirt.io/v1beta1/namespaces/vms/datavolumes')).toBe(true);
    expect(can(vic, 'GET', '/api/v1/namespaces/other/pods')).toBe(false);
  });
  it('lets edit run VMs and read secrets, but not touch RBAC', () => {
    const ed = user('ed');
    expect(can(ed, 'PUT', '/apis/subresources.kubevirt.io/v1/namespaces/vms/virtualmachines/web/start')).toBe(true);
    expect(can(ed, 'PUT', '/apis/subresources.kubevirt.io/v1/namespaces/vms/virtualmachines/web/migrate')).toBe(true);
    expect(can(ed, 'GET', '/apis/subresources.kubevirt.io/v1/namespaces/vms/virtualmachineinstances/web/vnc')).toBe(true);
    expect(can(ed, 'POST', '/apis/kubevirt.io/v1/namespaces/vms/virtualmachines')).toBe(true);
    expect(can(ed, 'DELETE', '/apis/kubevirt.io/v1/namespaces/vms/virtualmachines')).toBe(false);
    expect(can(ed, 'GET', '/api/v1/namespaces/vms/secrets/s')).toBe(true);
    expect(can(ed, 'POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/vms/rolebindings')).toBe(false);
    expect(can(ed, 'POST', '/apis/cdi.kubevirt.io/v1beta1/namespaces/vms/datavolumes')).toBe(true);
  });
  it('lets admin manage RBAC and delete VM collections in its namespace', () => {
    const ana = user('ana');
    expect(can(ana, 'POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/vms/rolebindings')).toBe(true);
    expect(can(ana, 'DELETE', '/apis/kubevirt.io/v1/namespaces/vms/virtualmachines')).toBe(true);
    expect(can(ana, 'GET', '/api/v1/namespaces/vms/pods/p/log')).toBe(true);
    expect(can(ana, 'DELETE', '/api/v1/namespaces/vms')).toBe(false);
  });
  it('lets edit and admin run ceph commands (the toolbox is reached with pods/exec), cluster-wide only; view cannot', () => {
    const crb = (u: string, role: string) => ({ metadata: { name: `${u}-${role}` }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role }, subjects: [{ kind: 'User', name: u }] });
    const cluster = new RbacAuthorizer(staticRbacSource({ ...policy, clusterRoleBindings: [...policy.clusterRoleBindings, crb('ed', 'edit'), crb('ana', 'admin'), crb('vic', 'view'), crb('ops', 'ceph.ove.dev:toolbox')], roleBindings: [binding('openshift-storage', 'nsed', 'edit')] }));
    const run = (u: string) => cluster.authorize(requestAttributes(user(u), 'POST', '/apis/ceph.ove.dev/v1alpha1/cephcommands')).decision === 'allow';
    expect(['ed', 'ana', 'ops'].map(run)).toEqual([true, true, true]);
    expect(run('vic')).toBe(false);
    // A RoleBinding grants nothing cluster-scoped.
    expect(run('nsed')).toBe(false);
    expect(cluster.authorize(requestAttributes(user('ops'), 'POST', '/api/v1/namespaces/openshift-storage/pods')).decision).not.toBe('allow');
  });
});
