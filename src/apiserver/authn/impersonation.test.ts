import { describe, expect, it } from 'vitest';
import { StatusError } from '../../api/errors.js';
import type { Attributes } from '../authz/attributes.js';
import type { Authorizer } from '../authz/authorizer.js';
import { impersonate } from './impersonation.js';
import type { UserInfo } from './user.js';

const admin: UserInfo = { name: 'admin', groups: ['system:masters', 'system:authenticated'] };

/** An authorizer that allows what `allow` says and records what it was asked. */
function recording(allow: (a: Attributes) => boolean): Authorizer & { asked: Attributes[] } {
  const asked: Attributes[] = [];
  return {
    asked,
    authorize: (a) => (asked.push(a), allow(a) ? { decision: 'allow', reason: '' } : { decision: 'noopinion', reason: '' }),
  } as Authorizer & { asked: Attributes[] };
}

describe('impersonate', () => {
  it('returns the caller unchanged without Impersonate-* headers', () => {
    expect(impersonate(admin, {}, recording(() => false))).toBe(admin);
  });

  it('asks for impersonate on the user, each group, extra and uid, then acts as them', () => {
    const authz = recording(() => true);
    const u = impersonate(admin, { 'impersonate-user': 'bob', 'impersonate-group': ['devs', 'ops'], 'impersonate-uid': 'u-1', 'impersonate-extra-scopes%2Fread': 'a' }, authz);
    expect(u).toEqual({ name: 'bob', uid: 'u-1', groups: ['devs', 'ops', 'system:authenticated'], extra: { 'scopes/read': ['a'] } });
    expect(authz.asked.map((a) => [a.verb, a.apiGroup, a.resource, a.subresource, a.name])).toEqual([
      ['impersonate', '', 'users', '', 'bob'],
      ['impersonate', '', 'groups', '', 'devs'],
      ['impersonate', '', 'groups', '', 'ops'],
      ['impersonate', 'authentication.k8s.io', 'userextras', 'scopes/read', 'a'],
      ['impersonate', 'authentication.k8s.io', 'uids', '', 'u-1'],
    ]);
    expect(authz.asked.every((a) => a.user === admin)).toBe(true);
  });

  it('a service account is asked for as serviceaccounts in its namespace and gets its fixed groups', () => {
    const authz = recording(() => true);
    const u = impersonate(admin, { 'impersonate-user': 'system:serviceaccount:ns1:bot' }, authz);
    expect(authz.asked[0]).toMatchObject({ resource: 'serviceaccounts', namespace: 'ns1', name: 'bot' });
    expect(u.groups).toEqual(['system:serviceaccounts', 'system:serviceaccounts:ns1', 'system:authenticated']);
  });

  it('does not add system:authenticated to anonymous or to system:unauthenticated', () => {
    const authz = recording(() => true);
    expect(impersonate(admin, { 'impersonate-user': 'system:anonymous' }, authz).groups).toEqual([]);
    expect(impersonate(admin, { 'impersonate-user': 'x', 'impersonate-group': 'system:unauthenticated' }, authz).groups).toEqual(['system:unauthenticated']);
  });

  it('is Forbidden when any part is not allowed, naming what was refused', () => {
    const authz = recording((a) => a.resource === 'users');
    try {
      impersonate(admin, { 'impersonate-user': 'bob', 'impersonate-group': 'root' }, authz);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(StatusError);
      expect((e as StatusError).code).toBe(403);
      expect((e as StatusError).message).toBe('groups "root" is forbidden: User "admin" cannot impersonate resource "groups" in API group "" at the cluster scope');
    }
  });

  it('groups without a user are an internal error, as kube answers', () => {
    expect(() => impersonate(admin, { 'impersonate-group': 'devs' }, recording(() => true))).toThrow('Internal error occurred: requested [{Group devs}] without impersonating a user');
  });
});
