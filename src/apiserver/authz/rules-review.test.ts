import { describe, it, expect } from 'vitest';
import { selfSubjectAccessReview, selfSubjectRulesReview, subjectAccessReview } from './rules-review.js';
import { RbacAuthorizer, staticRbacSource } from './rbac.js';
import { privilegedGroupsAuthorizer, unionAuthorizer } from './authorizer.js';
import { defaultPolicy } from './default-roles.js';
import type { UserInfo } from './attributes.js';
import type { KubeObject } from '../../api/types.js';

const policy = defaultPolicy();
const source = staticRbacSource({
  ...policy,
  roles: [{ metadata: { namespace: 'vms', name: 'cm-names' }, rules: [{ verbs: ['get'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['cfg'] }] }],
  roleBindings: [
    { metadata: { namespace: 'vms', name: 'alice-view' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'User', name: 'alice' }] },
    { metadata: { namespace: 'vms', name: 'alice-cm' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'cm-names' }, subjects: [{ kind: 'User', name: 'alice' }] },
    { metadata: { namespace: 'broken', name: 'b' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'gone' }, subjects: [{ kind: 'User', name: 'alice' }] },
  ],
});
const rbac = new RbacAuthorizer(source);
const authz = unionAuthorizer(privilegedGroupsAuthorizer('system:masters'), rbac);
const alice: UserInfo = { name: 'alice', groups: ['system:authenticated'] };
const ssar = (spec: unknown, metadata: KubeObject['metadata'] = {}): KubeObject => ({ apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', metadata, spec });

describe('selfSubjectAccessReview()', () => {
  it('answers allowed with the RBAC reason, as kubectl auth can-i reads it', () => {
    const out = selfSubjectAccessReview(authz, alice, ssar({ resourceAttributes: { namespace: 'vms', verb: 'list', group: 'kubevirt.io', resource: 'virtualmachines' } }));
    expect(out.status).toEqual({ allowed: true, reason: 'RBAC: allowed by RoleBinding "alice-view/vms" of ClusterRole "view" to User "alice"' });
    expect(out.spec).toEqual({ resourceAttributes: { namespace: 'vms', verb: 'list', group: 'kubevirt.io', resource: 'virtualmachines' } });
  });
  it('answers not allowed with no reason', () => {
    expect(selfSubjectAccessReview(authz, alice, ssar({ resourceAttributes: { namespace: 'vms', verb: 'update', group: 'subresources.kubevirt.io', resource: 'virtualmachines', subresource: 'start', name: 'web' } })).status).toEqual({ allowed: false });
  });
  it('evaluates non-resource attributes', () => {
    expect(selfSubjectAccessReview(authz, alice, ssar({ nonResourceAttributes: { path: '/healthz', verb: 'get' } })).status)
      .toEqual({ allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "system:discovery" of ClusterRole "system:discovery" to Group "system:authenticated"' });
  });
  it('allows system:masters with an empty reason (the privileged-group fast path)', () => {
    expect(selfSubjectAccessReview(authz, { name: 'root', groups: ['system:masters'] }, ssar({ resourceAttributes: { verb: 'delete', resource: 'nodes' } })).status).toEqual({ allowed: true });
  });
  it('reports evaluation errors of an undecided request', () => {
    expect(selfSubjectAccessReview(authz, alice, ssar({ resourceAttributes: { namespace: 'broken', verb: 'get', resource: 'pods' } })).status)
      .toEqual({ allowed: false, reason: 'RBAC: role.rbac.authorization.k8s.io "gone" not found' });
  });
  it('is Invalid without exactly one kind of attributes or with metadata', () => {
    expect(() => selfSubjectAccessReview(authz, alice, ssar({}))).toThrow('SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified');
    expect(() => selfSubjectAccessReview(authz, alice, ssar({ resourceAttributes: {}, nonResourceAttributes: {} }))).toThrow(/spec.nonResourceAttributes: .*cannot be specified in combination with resourceAttributes/);
    expect(() => selfSubjectAccessReview(authz, alice, ssar({ resourceAttributes: {} }, { name: 'x' }))).toThrow(/metadata: .*must be empty/);
  });
});

describe('subjectAccessReview()', () => {
  it('evaluates for the user and groups in the spec', () => {
    const out = subjectAccessReview(authz, { apiVersion: 'authorization.k8s.io/v1', kind: 'SubjectAccessReview', metadata: {}, spec: { user: 'alice', groups: ['system:authenticated'], resourceAttributes: { namespace: 'vms', verb: 'get', resource: 'configmaps', name: 'cfg' } } });
    expect(out.status).toEqual({ allowed: true, reason: 'RBAC: allowed by RoleBinding "alice-view/vms" of ClusterRole "view" to User "alice"' });
  });
  it('requires a user or a group', () => {
    expect(() => subjectAccessReview(authz, { apiVersion: 'authorization.k8s.io/v1', kind: 'SubjectAccessReview', metadata: {}, spec: { resourceAttributes: {} } })).toThrow('spec.user: Invalid value: "": at least one of user or group must be specified');
  });
});

describe('selfSubjectRulesReview()', () => {
  it('lists resource and non-resource rules for the namespace, omitting empty lists', () => {
    const out = selfSubjectRulesReview(rbac, alice, { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', metadata: {}, spec: { namespace: 'vms' } });
    const status = out.status as { resourceRules: unknown[]; nonResourceRules: unknown[]; incomplete: boolean };
    expect(status.incomplete).toBe(false);
    expect(status.resourceRules).toContainEqual({ verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] });
    expect(status.resourceRules).toContainEqual({ verbs: ['get'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['cfg'] });
    expect(status.resourceRules).toContainEqual({ verbs: ['get', 'list', 'watch'], apiGroups: ['kubevirt.io'], resources: ['virtualmachines', 'virtualmachineinstances', 'virtualmachineinstancepresets', 'virtualmachineinstancereplicasets', 'virtualmachineinstancemigrations'] });
    expect(status.nonResourceRules).toContainEqual({ verbs: ['get'], nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'] });
    expect(out).toMatchObject({ apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: {} });
  });
  it('reports resolution errors as evaluationError', () => {
    const out = selfSubjectRulesReview(rbac, alice, { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', metadata: {}, spec: { namespace: 'broken' } });
    expect((out.status as { evaluationError: string }).evaluationError).toBe('role.rbac.authorization.k8s.io "gone" not found');
  });
  it('needs a namespace', () => {
    expect(() => selfSubjectRulesReview(rbac, alice, { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', metadata: {}, spec: {} })).toThrow('no namespace on request');
  });
});
