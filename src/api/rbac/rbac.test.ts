import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../types.js';
import { rbacResources } from './index.js';

const [role, , roleBinding, clusterRoleBinding] = rbacResources;
const now = Date.parse('2026-01-01T12:00:00Z');

describe('rbac', () => {
  it('prints roles with CREATED AT', () => {
    expect(role.cells!({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'r', creationTimestamp: '2026-01-01T10:00:00.5Z' } }, now)).toEqual(['2026-01-01T10:00:00Z']);
  });
  it('prints bindings with role and subjects', () => {
    const rb: KubeObject = {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'b', namespace: 'vms', creationTimestamp: '2026-01-01T11:00:00Z' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'kubevirt.io:admin' },
      subjects: [{ kind: 'User', name: 'alice' }, { kind: 'Group', name: 'ops' }, { kind: 'User', name: 'bob' }, { kind: 'ServiceAccount', name: 'ci', namespace: 'cicd' }],
    };
    expect(roleBinding.cells!(rb, now)).toEqual(['ClusterRole/kubevirt.io:admin', '60m', 'alice, bob', 'ops', 'cicd:ci']);
    expect(roleBinding.validate!(rb, { operation: 'CREATE' })).toEqual([]);
  });
  it('accepts colons but not slashes in names, and refuses roleRef changes', () => {
    const crb: KubeObject = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'system:a/b' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'x' }, subjects: [{ kind: 'ServiceAccount', name: 'sa' }] };
    const old = { ...crb, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'x' } };
    expect(clusterRoleBinding.validate!(crb, { operation: 'UPDATE', old }).map((c) => `${c.field}: ${c.message}`)).toEqual([
      'metadata.name: Invalid value: "system:a/b": may not contain \'/\'',
      'roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"',
      'subjects[0].namespace: Required value',
      'roleRef: Invalid value: {"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"x"}: cannot change roleRef',
    ]);
  });
});
