/**
 * Aggregated discovery (apidiscovery.k8s.io/v2 and v2beta1 APIGroupDiscoveryList):
 * one document for `/api` (the core group, named "") and one for `/apis`, so a cold
 * kubectl needs two discovery requests instead of one per group.
 */
import type { ResourceRegistry, ServedResource } from '../registry/resource-registry.js';
import { subresourcesOf } from './subresources.js';

/** The Content-Type kubectl requires to take a reply as aggregated discovery. */
export function aggregatedContentType(version: 'v2' | 'v2beta1'): string {
  return `application/json;g=apidiscovery.k8s.io;v=${version};as=APIGroupDiscoveryList`;
}

/** The APIGroupDiscoveryList of the core group (`/api`) or of all named groups (`/apis`). */
export function aggregatedDiscovery(registry: ResourceRegistry, core: boolean, version: 'v2' | 'v2beta1'): Record<string, unknown> {
  const items = registry
    .groups()
    .filter((g) => (g.group === '') === core)
    .map((g) => ({
      metadata: { name: g.group, creationTimestamp: null },
      versions: g.versions.map((v) => ({ version: v, resources: registry.resourcesOf(g.group, v).map(resourceEntry), freshness: 'Current' })),
    }));
  return { kind: 'APIGroupDiscoveryList', apiVersion: `apidiscovery.k8s.io/${version}`, metadata: {}, items };
}

function resourceEntry(r: ServedResource): Record<string, unknown> {
  const e: Record<string, unknown> = {
    resource: r.plural,
    responseKind: { group: r.group, version: r.version, kind: r.kind },
    scope: r.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: r.singular,
    verbs: r.verbs,
  };
  if (r.shortNames?.length) e.shortNames = r.shortNames;
  if (r.categories?.length) e.categories = r.categories;
  const subs = subresourcesOf(r);
  if (subs.length) e.subresources = subs.map((s) => ({ subresource: s.name, responseKind: s.responseKind, verbs: s.verbs }));
  return e;
}
