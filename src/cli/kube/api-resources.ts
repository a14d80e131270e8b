/**
 * Discovery for the CLI: every served resource with its names (plural, singular, kind,
 * short names) and categories, read from aggregated discovery (`/api`, `/apis` as
 * APIGroupDiscoveryList, as kubectl 1.32 does) with a fallback to the legacy endpoints.
 */
import type { Client } from '../../client/client.js';
import type { ResourceRef } from '../../client/client.js';

/** A resource type as discovery describes it. */
export interface ApiResource extends ResourceRef {
  kind: string;
  singular: string;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  /** Whether `version` is its group's preferred version. */
  preferred: boolean;
}

/** kubectl's discovery Accept header (k8s-api.md §1.1). */
export const AGGREGATED_ACCEPT =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

interface DiscoveryResource {
  resource: string;
  responseKind?: { kind: string };
  scope: string;
  singularResource?: string;
  verbs?: string[];
  shortNames?: string[];
  categories?: string[];
}

interface AggregatedList {
  kind: string;
  items: { metadata: { name?: string }; versions: { version: string; resources?: DiscoveryResource[] }[] }[];
}

/** Lists every resource, core group first, preferred versions before others within a group. */
export async function discoverApiResources(client: Client): Promise<ApiResource[]> {
  const [core, named] = await Promise.all([aggregated(client, '/api'), aggregated(client, '/apis')]);
  if (core && named) return [...fromAggregated(core), ...fromAggregated(named)];
  return legacy(client);
}

async function aggregated(client: Client, path: string): Promise<AggregatedList | undefined> {
  const res = await client.transport.request({ method: 'GET', path, headers: { Accept: AGGREGATED_ACCEPT } });
  if (res.status !== 200) return undefined;
  const doc = JSON.parse(res.body.toString('utf8')) as AggregatedList;
  return doc.kind === 'APIGroupDiscoveryList' ? doc : undefined;
}

/** Flattens an APIGroupDiscoveryList. */
export function fromAggregated(list: AggregatedList): ApiResource[] {
  const out: ApiResource[] = [];
  for (const g of list.items) {
    g.versions.forEach((v, i) => {
      for (const r of v.resources ?? []) {
        out.push({
          group: g.metadata.name ?? '',
          version: v.version,
          plural: r.resource,
          namespaced: r.scope === 'Namespaced',
          kind: r.responseKind?.kind ?? '',
          singular: r.singularResource ?? '',
          shortNames: r.shortNames ?? [],
          categories: r.categories ?? [],
          verbs: r.verbs ?? [],
          preferred: i === 0,
        });
      }
    });
  }
  return out;
}

interface LegacyList {
  resources: { name: string; singularName?: string; namespaced: boolean; kind: string; verbs: string[]; shortNames?: string[]; categories?: string[] }[];
}

async function legacy(client: Client): Promise<ApiResource[]> {
  const groups = await client.call<{ groups: { name: string; versions: { version: string }[]; preferredVersion: { version: string } }[] }>('GET', '/apis');
  const gvs: { g: string; v: string; preferred: boolean }[] = [{ g: '', v: 'v1', preferred: true }];
  for (const g of groups.groups) for (const v of g.versions) gvs.push({ g: g.name, v: v.version, preferred: v.version === g.preferredVersion.version });
  const lists = await Promise.all(gvs.map((gv) => client.call<LegacyList>('GET', gv.g ? `/apis/${gv.g}/${gv.v}` : '/api/v1').then((l) => ({ ...gv, l }))));
  const out: ApiResource[] = [];
  for (const { g, v, preferred, l } of lists) {
    for (const r of l.resources) {
      if (r.name.includes('/')) continue;
      out.push({ group: g, version: v, plural: r.name, namespaced: r.namespaced, kind: r.kind, singular: r.singularName || r.kind.toLowerCase(), shortNames: r.shortNames ?? [], categories: r.categories ?? [], verbs: r.verbs, preferred });
    }
  }
  return out;
}

/** `kind.group` lower-cased, the prefix kubectl prints before names (`virtualmachine.kubevirt.io`). */
export function kindGroup(r: { kind: string; group: string }): string {
  return r.group ? `${r.kind.toLowerCase()}.${r.group}` : r.kind.toLowerCase();
}

/** `plural.group`, the resource as messages name it (`virtualmachines.kubevirt.io`). */
export function pluralGroup(r: { plural: string; group: string }): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}
