/**
 * Authorization attributes: what the authorizer sees of a request, and how they are
 * derived from the HTTP method, path and query the way kube-apiserver's RequestInfoFactory
 * does (`staging/src/k8s.io/apiserver/pkg/endpoints/request/requestinfo.go`).
 */

import type { UserInfo } from '../authn/user.js';

/** The authenticated user (user.Info), as authn produces it. */
export type { UserInfo };

/** authorizer.Attributes: one request as the authorizer sees it. */
export interface Attributes {
  user: UserInfo;
  verb: string;
  apiGroup: string;
  apiVersion: string;
  resource: string;
  subresource: string;
  namespace: string;
  name: string;
  path: string;
  resourceRequest: boolean;
}

/** What the request path parses to, before a user is attached (kube's RequestInfo). */
export type AuthzRequestInfo = Omit<Attributes, 'user'> & { apiPrefix: string; parts: string[] };

// requestinfo.go: the API prefixes, the ones without a group, the special verbs in the
// path, and the subresources of a namespace that are not resources in their own right.
const API_PREFIXES = new Set(['api', 'apis']);
const GROUPLESS_PREFIXES = new Set(['api']);
const SPECIAL_VERBS = new Set(['proxy', 'watch']);
const SPECIAL_VERBS_NO_SUBRESOURCES = new Set(['proxy']);
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

const METHOD_VERBS: Record<string, string> = { POST: 'create', GET: 'get', HEAD: 'get', PUT: 'update', PATCH: 'patch', DELETE: 'delete' };

/** Parses a request the way RequestInfoFactory.NewRequestInfo does; throws on `/api/v1/watch` with nothing after it. */
export function requestInfo(method: string, path: string, query: URLSearchParams = new URLSearchParams()): AuthzRequestInfo {
  const info: AuthzRequestInfo = {
    verb: method.toLowerCase(), apiGroup: '', apiVersion: '', resource: '', subresource: '',
    namespace: '', name: '', path, resourceRequest: false, apiPrefix: '', parts: [],
  };
  // Go works on req.URL.Path, which is already percent-decoded.
  const trimmed = decodePath(path).replace(/^\/+|\/+$/g, '');
  let parts = trimmed === '' ? [] : trimmed.split('/');
  if (parts.length < 3 || !API_PREFIXES.has(parts[0])) return info;
  const nonResource = { ...info };
  info.apiPrefix = parts[0];
  parts = parts.slice(1);
  if (!GROUPLESS_PREFIXES.has(info.apiPrefix)) {
    if (parts.length < 3) return nonResource;
    info.apiGroup = parts[0];
    parts = parts.slice(1);
  }
  info.resourceRequest = true;
  info.apiVersion = parts[0];
  parts = parts.slice(1);
  if (SPECIAL_VERBS.has(parts[0])) {
    if (parts.length < 2) throw new Error(`unable to determine kind and namespace from url, ${path}`);
    info.verb = parts[0];
    parts = parts.slice(1);
  } else {
    info.verb = METHOD_VERBS[method.toUpperCase()] ?? '';
  }
  if (parts[0] === 'namespaces') {
    if (parts.length > 1) {
      info.namespace = parts[1];
      if (parts.length > 2 && !NAMESPACE_SUBRESOURCES.has(parts[2])) parts = parts.slice(2);
    }
  }
  info.parts = parts;
  if (parts.length >= 3 && !SPECIAL_VERBS_NO_SUBRESOURCES.has(info.verb)) info.subresource = parts[2];
  if (parts.length >= 2) info.name = parts[1];
  if (parts.length >= 1) info.resource = parts[0];
  if (info.name === '' && info.verb === 'get') {
    info.verb = watchRequested(query) ? 'watch' : 'list';
    const selected = exactNameSelector(query.get('fieldSelector'));
    if (selected !== undefined && isValidPathSegmentName(selected)) info.name = selected;
  }
  if (info.name === '' && info.verb === 'delete') info.verb = 'deletecollection';
  return info;
}

/** The attributes of a request made by `user`. */
export function requestAttributes(user: UserInfo, method: string, path: string, query?: URLSearchParams): Attributes {
  const { apiPrefix: _p, parts: _parts, ...rest } = requestInfo(method, path, query);
  return { user, ...rest };
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

// `watch` is decoded as a Go bool (strconv.ParseBool); on a parse failure kube still
// treats any value other than "false"/"0" as a watch.
function watchRequested(query: URLSearchParams): boolean {
  const v = query.get('watch');
  if (v === null) return false;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False', ''].includes(v)) return false;
  return !['false', '0'].includes(v.toLowerCase());
}

// fields.Selector.RequiresExactMatch("metadata.name"): a `metadata.name=x` or `==x` term.
function exactNameSelector(selector: string | null): string | undefined {
  if (!selector) return undefined;
  for (const term of selector.split(',')) {
    const m = /^\s*metadata\.name\s*(==|=)\s*(.*?)\s*$/.exec(term);
    if (m) return m[2];
  }
  return undefined;
}

// path.IsValidPathSegmentName: not "." or "..", and no "/" or "%".
function isValidPathSegmentName(name: string): boolean {
  return name !== '.' && name !== '..' && !name.includes('/') && !name.includes('%');
}
