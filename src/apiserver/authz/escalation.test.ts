import { describe, it, expect } from 'vitest';
import { checkBindingWrite, checkRoleWrite, confirmNoEscalation, isOnlyMutatingGCFields, type EscalationContext } from './escalation.js';
import { breakdownRule, compactRules, compactString, covers } from './covers.js';
import { RbacAuthorizer, staticRbacSource } from './rbac.js';
import { defaultPolicy } from './default-roles.js';
import type { ClusterRole, PolicyRule, Role, RoleBinding } from './rbac-types.js';
import type { UserInfo } from './attributes.js';
import { StatusError } from '../../api/errors.js';

describe('covers()', () => {
  const owner: PolicyRule[] = [
    { verbs: ['get', 'list'], apiGroups: [''], resources: ['pods', '*/status'] },
    { verbs: ['*'], apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web'] },
    { verbs: ['get'], nonResourceURLs: ['/apis/*'] },
  ];
  it('covers rules made of what the owner holds', () => {
    expect(covers(owner, [{ verbs: ['get'], apiGroups: [''], resources: ['pods', 'pods/status', 'nodes/status'] }]).covered).toBe(true);
    expect(covers(owner, [{ verbs: ['delete'], apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web'] }]).covered).toBe(true);
    expect(covers(owner, [{ verbs: ['get'], nonResourceURLs: ['/apis/apps', '/apis/*'] }]).covered).toBe(true);
  });
  it('lists the broken-down rules that are missing', () => {
    const r = covers(owner, [{ verbs: ['get', 'delete'], apiGroups: ['', 'apps'], resources: ['pods'] }, { verbs: ['get'], nonResourceURLs: ['/healthz'] }]);
    expect(r.covered).toBe(false);
    expect(r.missing).toEqual([
      { apiGroups: [''], resources: ['pods'], verbs: ['delete'] },
      { apiGroups: ['apps'], resources: ['pods'], verbs: ['get'] },
      { apiGroups: ['apps'], resources: ['pods'], verbs: ['delete'] },
      { nonResourceURLs: ['/healthz'], verbs: ['get'] },
    ]);
  });
  it('does not let a named grant cover an unnamed one', () => {
    expect(covers(owner, [{ verbs: ['get'], apiGroups: ['apps'], resources: ['deployments'] }]).covered).toBe(false);
  });
  it('breaks rules down to single verbs, resources and names', () => {
    expect(breakdownRule({ verbs: ['get', 'list'], apiGroups: [''], resources: ['a'], resourceNames: ['x', 'y'] })).toHaveLength(4);
  });
  it('compacts and prints the missing rules as kube does', () => {
    const compact = compactRules([{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }, { apiGroups: [''], resources: ['pods'], verbs: ['list'] }, { nonResourceURLs: ['/x'], verbs: ['get'] }]);
    expect(compact.map(compactString)).toEqual(['{NonResourceURLs:["/x"], Verbs:["get"]}', '{APIGroups:[""], Resources:["pods"], Verbs:["get" "list"]}']);
    expect(compactString({ apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web'], verbs: ['delete'] })).toBe('{APIGroups:["apps"], Resources:["deployments"], ResourceNames:["web"], Verbs:["delete"]}');
  });
});

const alice: UserInfo = { name: 'alice', groups: ['dev', 'system:authenticated'] };
const policy = defaultPolicy();
const rb = (ns: string, name: string, kind: string, role: string, user: string): RoleBinding => ({ metadata: { namespace: ns, name }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind, name: role }, subjects: [{ kind: 'User', name: user }] });
const extraRoles: ClusterRole[] = [
  { metadata: { name: 'binder' }, rules: [{ verbs: ['bind'], apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'], resourceNames: ['view'] }] },
  { metadata: { name: 'escalator' }, rules: [{ verbs: ['escalate', 'create', 'update'], apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'] }] },
];
const source = staticRbacSource({
  clusterRoles: [...policy.clusterRoles, ...extraRoles],
  clusterRoleBindings: policy.clusterRoleBindings,
  roleBindings: [rb('vms', 'alice-admin', 'ClusterRole', 'admin', 'alice'), rb('ops', 'alice-binder', 'ClusterRole', 'binder', 'alice'), rb('esc', 'alice-esc', 'ClusterRole', 'escalator', 'alice')],
});
const ctx = (namespace: string, user = alice): EscalationContext => ({ user, namespace, source, authorizer: new RbacAuthorizer(source) });
const role = (ns: string, name: string, rules: PolicyRule[]): Role => ({ metadata: { namespace: ns, name }, rules });
const thrown = (fn: () => void): StatusError | undefined => {
  try { fn(); } catch (e) { return e as StatusError; }
  return undefined;
};

describe('checkRoleWrite()', () => {
  it('allows a role within what the writer holds', () => {
    expect(thrown(() => checkRoleWrite(ctx('vms'), 'Role', role('vms', 'vm-ops', [{ verbs: ['update'], apiGroups: ['subresources.kubevirt.io'], resources: ['virtualmachines/start', 'virtualmachines/stop'] }])))).toBeUndefined();
  });
  it('forbids granting more, with kube\'s message', () => {
    const e = thrown(() => checkRoleWrite(ctx('vms'), 'Role', role('vms', 'too-much', [{ verbs: ['get', 'delete'], apiGroups: [''], resources: ['nodes', 'pods'] }])));
    expect(e?.code).toBe(403);
    expect(e?.message).toBe('roles.rbac.authorization.k8s.io "too-much" is forbidden: user "alice" (groups=["dev" "system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n{APIGroups:[""], Resources:["nodes"], Verbs:["get" "delete"]}');
    expect(e?.details).toEqual({ name: 'too-much', group: 'rbac.authorization.k8s.io', kind: 'roles' });
  });
  it('judges a ClusterRole by cluster-wide grants only', () => {
    const e = thrown(() => checkRoleWrite(ctx(''), 'ClusterRole', { metadata: { name: 'c' }, rules: [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }] }));
    expect(e?.message).toMatch(/^clusterroles.rbac.authorization.k8s.io "c" is forbidden: .*\n\{APIGroups:\[""\], Resources:\["pods"\], Verbs:\["get"\]\}$/);
  });
  it('lets holders of escalate and system:masters through', () => {
    expect(thrown(() => checkRoleWrite(ctx('esc'), 'Role', role('esc', 'any', [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }])))).toBeUndefined();
    const root = { name: 'root', groups: ['system:masters'] };
    expect(thrown(() => checkRoleWrite(ctx('', root), 'ClusterRole', { metadata: { name: 'x' }, rules: [{ verbs: ['*'], nonResourceURLs: ['*'] }] }))).toBeUndefined();
  });
  it('requires cluster-admin for an aggregationRule', () => {
    const e = thrown(() => checkRoleWrite(ctx(''), 'ClusterRole', { metadata: { name: 'agg' }, rules: [], aggregationRule: { clusterRoleSelectors: [{ matchLabels: { a: 'b' } }] } }));
    expect(e?.message).toBe('clusterroles.rbac.authorization.k8s.io "agg" is forbidden: must have cluster-admin privileges to use the aggregationRule');
  });
  it('lets updates that touch only GC fields through', () => {
    const old = role('vms', 'r', [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }]);
    const upd = { ...old, metadata: { ...old.metadata, finalizers: ['x'], ownerReferences: [] } };
    expect(isOnlyMutatingGCFields(upd, old)).toBe(true);
    expect(thrown(() => checkRoleWrite(ctx('vms'), 'Role', upd, old))).toBeUndefined();
    expect(isOnlyMutatingGCFields({ ...upd, metadata: { ...upd.metadata, labels: { a: 'b' } } }, old)).toBe(false);
  });
});

describe('checkBindingWrite()', () => {
  it('allows binding a role whose permissions the writer holds', () => {
    expect(thrown(() => checkBindingWrite(ctx('vms'), 'RoleBinding', rb('vms', 'bob-edit', 'ClusterRole', 'edit', 'bob')))).toBeUndefined();
  });
  it('forbids binding a role with more permissions', () => {
    const e = thrown(() => checkBindingWrite(ctx('vms'), 'RoleBinding', rb('vms', 'bob-admin', 'ClusterRole', 'cluster-admin', 'bob')));
    expect(e?.message).toBe('rolebindings.rbac.authorization.k8s.io "bob-admin" is forbidden: user "alice" (groups=["dev" "system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n{APIGroups:["*"], Resources:["*"], Verbs:["*"]}\n{NonResourceURLs:["*"], Verbs:["*"]}');
  });
  it('allows binding with the bind verb on that role, even without its permissions', () => {
    expect(thrown(() => checkBindingWrite(ctx('ops'), 'RoleBinding', rb('ops', 'bob-view', 'ClusterRole', 'view', 'bob')))).toBeUndefined();
    expect(thrown(() => checkBindingWrite(ctx('ops'), 'RoleBinding', rb('ops', 'bob-edit', 'ClusterRole', 'edit', 'bob')))?.code).toBe(403);
  });
  it('forbids binding a missing role with the lister\'s NotFound message', () => {
    expect(thrown(() => checkBindingWrite(ctx('vms'), 'RoleBinding', rb('vms', 'b', 'Role', 'nope', 'bob')))?.message).toBe('rolebindings.rbac.authorization.k8s.io "b" is forbidden: role.rbac.authorization.k8s.io "nope" not found');
  });
  it('judges ClusterRoleBindings against cluster-wide permissions', () => {
    const e = thrown(() => checkBindingWrite(ctx(''), 'ClusterRoleBinding', { metadata: { name: 'v' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' }, subjects: [] }));
    expect(e?.message.startsWith('clusterrolebindings.rbac.authorization.k8s.io "v" is forbidden: user "alice"')).toBe(true);
  });
});

describe('confirmNoEscalation()', () => {
  it('appends resolution errors', () => {
    const s = staticRbacSource({ roleBindings: [rb('ns', 'x', 'Role', 'gone', 'alice')] });
    expect(confirmNoEscalation({ user: alice, namespace: 'ns', source: s }, [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }]))
      .toBe('user "alice" (groups=["dev" "system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n{APIGroups:[""], Resources:["pods"], Verbs:["get"]}; resolution errors: [role.rbac.authorization.k8s.io "gone" not found]');
  });
});
