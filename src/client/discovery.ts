/**
 * Discovery through the API: every served resource with its verbs, from the legacy
 * endpoints (/api/v1, /apis, /apis/<g>/<v>), as client-go's discovery client reads it.
 */
import type { Client, ResourceRef } from './client.js';

/** A discovered resource. */
export interface DiscoveredResource extends ResourceRef {
  kind: string;
  verbs: string[];
}

interface ApiResourceList {
  groupVersion: string;
  resources: { name: string; namespaced: boolean; kind: string; verbs: string[] }[];
}

/** Lists every resource (subresources excluded) the server serves, preferred versions only when `preferredOnly`. */
export async function discoverResources(client: Client, preferredOnly = true): Promise<DiscoveredResource[]> {
  const groups = await client.call<{ groups: { name: string; versions: { version: string }[]; preferredVersion: { version: string } }[] }>('GET', '/apis');
  const gvs: [string, string][] = [['', 'v1']];
  for (const g of groups.groups) {
    if (preferredOnly) gvs.push([g.name, g.preferredVersion.version]);
    else for (const v of g.versions) gvs.push([g.name, v.version]);
  }
  const lists = await Promise.all(gvs.map(([g, v]) => client.call<ApiResourceList>('GET', g ? `/apis/${g}/${v}` : '/api/v1').then((l) => ({ g, v, l }))));
  const out: DiscoveredResource[] = [];
  for (const { g, v, l } of lists) {
    for (const r of l.resources) {
      if (r.name.includes('/')) continue;
      out.push({ group: g, version: v, plural: r.name, namespaced: r.namespaced, kind: r.kind, verbs: r.verbs });
    }
  }
  return out;
}
