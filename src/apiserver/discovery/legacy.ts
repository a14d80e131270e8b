/**
 * Legacy (unaggregated) discovery: APIVersions at /api, APIGroupList at /apis,
 * APIGroup at /apis/<g>, APIResourceList at /api/v1 and /apis/<g>/<v>. client-node's
 * KubernetesObjectApi uses only these.
 */
import { createHash } from 'node:crypto';
import type { ResourceRegistry, ServedResource } from '../registry/resource-registry.js';
import { subresourcesOf } from './subresources.js';

/** `/api` */
export function apiVersions(serverAddress: string): Record<string, unknown> {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

/** One group entry of an APIGroupList. */
export function apiGroup(group: string, versions: string[]): Record<string, unknown> {
  const vs = versions.map((v) => ({ groupVersion: `${group}/${v}`, version: v }));
  return { name: group, versions: vs, preferredVersion: vs[0] };
}

/** `/apis` */
export function apiGroupList(registry: ResourceRegistry): Record<string, unknown> {
  const groups = registry.groups().filter((g) => g.group !== '').map((g) => apiGroup(g.group, g.versions));
  return { kind: 'APIGroupList', apiVersion: 'v1', groups };
}

/** `/api/v1`, `/apis/<g>/<v>` */
export function apiResourceList(registry: ResourceRegistry, group: string, version: string): Record<string, unknown> | undefined {
  const rs = registry.resourcesOf(group, version);
  if (rs.length === 0) return undefined;
  const resources: Record<string, unknown>[] = [];
  for (const r of rs) {
    resources.push(resourceEntry(r));
    for (const s of subresourcesOf(r)) {
      const entry: Record<string, unknown> = { name: `${r.plural}/${s.name}`, singularName: '', namespaced: r.namespaced, kind: s.responseKind.kind, verbs: s.verbs };
      if (s.responseKind.group !== group) entry.group = s.responseKind.group;
      if (s.responseKind.version !== version) entry.version = s.responseKind.version;
      resources.push(entry);
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}

function resourceEntry(r: ServedResource): Record<string, unknown> {
  const e: Record<string, unknown> = { name: r.plural, singularName: r.singular, namespaced: r.namespaced, kind: r.kind, verbs: r.verbs };
  if (r.shortNames?.length) e.shortNames = r.shortNames;
  if (r.categories?.length) e.categories = r.categories;
  e.storageVersionHash = storageVersionHash(r);
  return e;
}

/** kube's storageVersionHash: base64 of the first 8 bytes of sha256("<group>/<version>/<kind>"). */
export function storageVersionHash(r: ServedResource): string {
  return createHash('sha256').update(`${r.group}/${r.version}/${r.kind}`).digest().subarray(0, 8).toString('base64');
}
