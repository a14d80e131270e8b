/**
 * What discovery says about subresources: their verbs and response kinds, as
 * kube-apiserver registers them (status/scale/eviction/binding/log/...).
 */
import type { ServedResource } from '../registry/resource-registry.js';

/** A subresource's discovery facts. */
export interface SubresourceInfo {
  name: string;
  verbs: string[];
  responseKind: { group: string; version: string; kind: string };
}

const KNOWN: Record<string, { verbs: string[]; kind?: { group: string; version: string; kind: string } }> = {
  status: { verbs: ['get', 'patch', 'update'] },
  scale: { verbs: ['get', 'patch', 'update'], kind: { group: 'autoscaling', version: 'v1', kind: 'Scale' } },
  eviction: { verbs: ['create'], kind: { group: 'policy', version: 'v1', kind: 'Eviction' } },
  binding: { verbs: ['create'], kind: { group: '', version: 'v1', kind: 'Binding' } },
  log: { verbs: ['get'], kind: { group: '', version: 'v1', kind: 'Pod' } },
  exec: { verbs: ['create', 'get'], kind: { group: '', version: 'v1', kind: 'PodExecOptions' } },
  token: { verbs: ['create'], kind: { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' } },
  finalize: { verbs: ['update'] },
  approval: { verbs: ['get', 'patch', 'update'] },
};

/** The subresources of a resource with verbs and response kinds. */
export function subresourcesOf(res: ServedResource): SubresourceInfo[] {
  const subs = [...res.subresources];
  if (res.group === '' && res.plural === 'namespaces' && !subs.includes('finalize')) subs.push('finalize');
  return subs.map((name) => {
    const k = KNOWN[name] ?? { verbs: ['get', 'update'] };
    return { name, verbs: k.verbs, responseKind: k.kind ?? { group: res.group, version: res.version, kind: res.kind } };
  });
}
