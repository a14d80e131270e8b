/**
 * User impersonation (`kubectl --as`, `--as-group`, `--as-uid`): the Impersonate-* headers
 * turn an authenticated request into one made as another user, after the requester has been
 * authorized to `impersonate` each part, as kube-apiserver's impersonation filter does
 * (`staging/src/k8s.io/apiserver/pkg/endpoints/filters/impersonation.go`; headers from
 * `k8s.io/api/authentication/v1` ImpersonateUserHeader & co.).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { internalError } from '../../api/errors.js';
import type { Attributes } from '../authz/attributes.js';
import type { Authorizer } from '../authz/authorizer.js';
import { forbiddenError } from '../authz/forbidden.js';
import type { UserInfo } from './user.js';

const SA_PREFIX = 'system:serviceaccount:';
const ALL_AUTHENTICATED = 'system:authenticated';
const ALL_UNAUTHENTICATED = 'system:unauthenticated';
const ANONYMOUS = 'system:anonymous';
const EXTRA_PREFIX = 'impersonate-extra-';

/** One thing to impersonate, as the authorizer is asked about it. */
type Request = Pick<Attributes, 'apiGroup' | 'resource' | 'subresource' | 'namespace' | 'name'>;

const values = (h: string | string[] | undefined): string[] => (h === undefined ? [] : Array.isArray(h) ? h : [h]);

/** Returns the user a request acts as: `user` itself without Impersonate-* headers, else the impersonated one (or throws 403/500). */
export function impersonate(user: UserInfo, headers: IncomingHttpHeaders, authorizer: Authorizer): UserInfo {
  const name = values(headers['impersonate-user'])[0];
  const groups = values(headers['impersonate-group']);
  const uid = values(headers['impersonate-uid'])[0];
  const extra: Record<string, string[]> = {};
  for (const [h, v] of Object.entries(headers)) {
    // Extra keys travel percent-encoded in the header name (kube unescapes them, lowercased).
    if (h.startsWith(EXTRA_PREFIX)) extra[decodeURIComponent(h.slice(EXTRA_PREFIX.length)).toLowerCase()] = values(v);
  }
  const hasExtra = Object.keys(extra).length > 0;
  if (name === undefined) {
    if (groups.length || uid !== undefined || hasExtra) throw internalError(new Error(`requested ${describe(groups, uid, extra)} without impersonating a user`));
    return user;
  }

  const requests: Request[] = [userRequest(name), ...groups.map((g) => ({ ...blank, resource: 'groups', name: g }))];
  for (const [key, vals] of Object.entries(extra)) for (const v of vals) requests.push({ ...blank, apiGroup: 'authentication.k8s.io', resource: 'userextras', subresource: key, name: v });
  if (uid !== undefined) requests.push({ ...blank, apiGroup: 'authentication.k8s.io', resource: 'uids', name: uid });
  for (const r of requests) {
    const attrs: Attributes = { ...r, user, verb: 'impersonate', apiVersion: '', path: '', resourceRequest: true };
    const decision = authorizer.authorize(attrs);
    if (decision.decision !== 'allow') throw forbiddenError(attrs, decision.reason);
  }

  const acting: string[] = [...groups];
  if (groups.length === 0 && name.startsWith(SA_PREFIX)) {
    // A service account's groups are a fixed mapping of its namespace (serviceaccount.MakeGroupNames).
    const ns = name.slice(SA_PREFIX.length).split(':')[0]!;
    acting.push('system:serviceaccounts', `system:serviceaccounts:${ns}`);
  }
  if (name !== ANONYMOUS && !acting.includes(ALL_AUTHENTICATED) && !acting.includes(ALL_UNAUTHENTICATED)) acting.push(ALL_AUTHENTICATED);
  return { name, ...(uid !== undefined ? { uid } : {}), groups: acting, ...(hasExtra ? { extra } : {}) };
}

const blank: Request = { apiGroup: '', resource: '', subresource: '', namespace: '', name: '' };

/** `users/NAME`, or `serviceaccounts/NAME` in its namespace for `system:serviceaccount:NS:NAME`. */
function userRequest(name: string): Request {
  if (name.startsWith(SA_PREFIX)) {
    const [ns, sa] = name.slice(SA_PREFIX.length).split(':');
    if (ns && sa) return { ...blank, resource: 'serviceaccounts', namespace: ns, name: sa };
  }
  return { ...blank, resource: 'users', name };
}

function describe(groups: string[], uid: string | undefined, extra: Record<string, string[]>): string {
  const parts = [...groups.map((g) => `{Group ${g}}`), ...(uid !== undefined ? [`{UID ${uid}}`] : []), ...Object.entries(extra).map(([k, v]) => `{Extra ${k}=${v.join(',')}}`)];
  return `[${parts.join(' ')}]`;
}
