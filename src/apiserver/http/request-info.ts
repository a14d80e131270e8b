/**
 * Parses a request path into what it addresses, as kube-apiserver's RequestInfoFactory
 * does: API group/version, namespace, resource, name and subresource, or a
 * non-resource path (`/version`, `/healthz`, discovery, OpenAPI).
 */

/** What a path names. */
export interface RequestInfo {
  /** True for `/api/...` and `/apis/<g>/<v>/...` paths below the group-version. */
  isResource: boolean;
  path: string;
  group: string;
  version: string;
  namespace?: string;
  resource?: string;
  name?: string;
  subresource?: string;
  /** Discovery levels: `/api`, `/apis`, `/apis/<g>`, `/api/v1`, `/apis/<g>/<v>`. */
  discovery?: 'root-api' | 'root-apis' | 'group' | 'group-version';
}

/** Parses a URL path (without the query). */
export function parseRequestPath(path: string): RequestInfo {
  const clean = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  const parts = clean.split('/').filter(Boolean).map(decodeURIComponent);
  const info: RequestInfo = { isResource: false, path: clean, group: '', version: '' };
  if (parts[0] === 'api') {
    if (parts.length === 1) return { ...info, discovery: 'root-api' };
    info.version = parts[1];
    return parts.length === 2 ? { ...info, discovery: 'group-version' } : resourcePart(info, parts.slice(2));
  }
  if (parts[0] === 'apis') {
    if (parts.length === 1) return { ...info, discovery: 'root-apis' };
    info.group = parts[1];
    if (parts.length === 2) return { ...info, discovery: 'group' };
    info.version = parts[2];
    return parts.length === 3 ? { ...info, discovery: 'group-version' } : resourcePart(info, parts.slice(3));
  }
  return info;
}

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

function resourcePart(info: RequestInfo, rest: string[]): RequestInfo {
  info.isResource = true;
  // As kube's RequestInfoFactory: namespaces/<ns>/<resource>/... addresses namespaced resources,
  // while namespaces/<name>[/status|/finalize] is the namespace itself (namespace attribute = its name).
  if (rest[0] === 'namespaces' && rest.length > 1) {
    info.namespace = rest[1];
    if (rest.length > 2 && !NAMESPACE_SUBRESOURCES.has(rest[2])) rest = rest.slice(2);
  }
  info.resource = rest[0];
  info.name = rest[1];
  info.subresource = rest.slice(2).join('/') || undefined;
  return info;
}
