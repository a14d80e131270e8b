import { describe, it, expect } from 'vitest';
import { authorizeRequest, privilegedGroupsAuthorizer, unionAuthorizer, SYSTEM_MASTERS, type Authorizer } from './authorizer.js';
import { requestAttributes } from './attributes.js';
import { StatusError } from '../../api/errors.js';

const fixed = (decision: 'allow' | 'deny' | 'noopinion', reason: string, error?: Error): Authorizer => ({ authorize: () => ({ decision, reason, ...(error ? { error } : {}) }) });
const bob = { name: 'bob', groups: ['system:authenticated'] };
const master = { name: 'admin', groups: ['system:masters', 'system:authenticated'] };

describe('unionAuthorizer()', () => {
  it('returns the first allow or deny', () => {
    const attrs = requestAttributes(bob, 'GET', '/api/v1/pods');
    expect(unionAuthorizer(fixed('noopinion', 'a'), fixed('deny', 'no'), fixed('allow', 'yes')).authorize(attrs)).toEqual({ decision: 'deny', reason: 'no' });
    expect(unionAuthorizer(fixed('noopinion', ''), fixed('allow', 'yes')).authorize(attrs)).toEqual({ decision: 'allow', reason: 'yes' });
  });
  it('joins the reasons and errors of authorizers with no opinion', () => {
    const r = unionAuthorizer(fixed('noopinion', 'a'), fixed('noopinion', ''), fixed('noopinion', 'b', new Error('e'))).authorize(requestAttributes(bob, 'GET', '/x'));
    expect(r.decision).toBe('noopinion');
    expect(r.reason).toBe('a\nb');
    expect(r.error?.message).toBe('e');
  });
});

describe('privilegedGroupsAuthorizer()', () => {
  it('allows system:masters with an empty reason and ignores everyone else', () => {
    const a = privilegedGroupsAuthorizer(SYSTEM_MASTERS);
    expect(a.authorize(requestAttributes(master, 'DELETE', '/api/v1/nodes/n'))).toEqual({ decision: 'allow', reason: '' });
    expect(a.authorize(requestAttributes(bob, 'DELETE', '/api/v1/nodes/n'))).toEqual({ decision: 'noopinion', reason: '' });
  });
});

describe('authorizeRequest()', () => {
  const thrown = (fn: () => unknown): StatusError => {
    try { fn(); } catch (e) { return e as StatusError; }
    throw new Error('did not throw');
  };
  it('returns the audit annotations on allow', () => {
    expect(authorizeRequest(fixed('allow', 'RBAC: allowed by x'), requestAttributes(bob, 'GET', '/api/v1/pods'))).toEqual({ 'authorization.k8s.io/decision': 'allow', 'authorization.k8s.io/reason': 'RBAC: allowed by x' });
  });
  it('throws kube\'s Forbidden for a namespaced resource', () => {
    const e = thrown(() => authorizeRequest(fixed('noopinion', ''), requestAttributes({ name: 'alice', groups: [] }, 'GET', '/api/v1/namespaces/default/pods')));
    expect(e.toStatus()).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 403, reason: 'Forbidden',
      message: 'pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "default"', details: { group: '', kind: 'pods' } });
  });
  it('names the object, the subresource, the group and the cluster scope', () => {
    const e = thrown(() => authorizeRequest(fixed('noopinion', ''), requestAttributes(bob, 'PUT', '/apis/subresources.kubevirt.io/v1/namespaces/vms/virtualmachines/web-01/start')));
    expect(e.message).toBe('virtualmachines.subresources.kubevirt.io "web-01" is forbidden: User "bob" cannot update resource "virtualmachines/start" in API group "subresources.kubevirt.io" in the namespace "vms"');
    expect(e.details).toEqual({ name: 'web-01', group: 'subresources.kubevirt.io', kind: 'virtualmachines' });
    const c = thrown(() => authorizeRequest(fixed('noopinion', ''), requestAttributes(bob, 'GET', '/api/v1/nodes')));
    expect(c.message).toBe('nodes is forbidden: User "bob" cannot list resource "nodes" in API group "" at the cluster scope');
    const n = thrown(() => authorizeRequest(fixed('noopinion', ''), requestAttributes(bob, 'GET', '/api/v1/namespaces/ns1')));
    expect(n.message).toBe('namespaces "ns1" is forbidden: User "bob" cannot get resource "namespaces" in API group "" in the namespace "ns1"');
  });
  it('appends the authorizer reason and words non-resource denials by path', () => {
    const e = thrown(() => authorizeRequest(fixed('noopinion', 'RBAC: clusterrole.rbac.authorization.k8s.io "x" not found'), requestAttributes({ name: 'system:anonymous', groups: ['system:unauthenticated'] }, 'GET', '/metrics')));
    expect(e.code).toBe(403);
    expect(e.message).toBe('forbidden: User "system:anonymous" cannot get path "/metrics": RBAC: clusterrole.rbac.authorization.k8s.io "x" not found');
  });
  it('turns an evaluation error without allow into an internal error', () => {
    const e = thrown(() => authorizeRequest(fixed('noopinion', '', new Error('webhook down')), requestAttributes(bob, 'GET', '/api/v1/pods')));
    expect(e.code).toBe(500);
  });
});
