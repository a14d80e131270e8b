/** Where a manifest's object goes: its resource type, namespace and name, checked against `-n`. */
import type { KubeObject } from '../../api/types.js';
import type { ApiResource } from './api-resources.js';
import { CliError } from './cli-error.js';
import type { Manifest } from './manifests.js';
import type { ClusterAccess } from './kubeconfig.js';

/** A manifest object ready to send. */
export interface ManifestTarget {
  source: string;
  resource: ApiResource;
  namespace: string | undefined;
  name: string;
  object: KubeObject;
}

/** Resolves a manifest's kind and fills in its namespace as kubectl does. */
export function manifestTarget(m: Manifest, all: ApiResource[], access: ClusterAccess): ManifestTarget {
  const o = m.object;
  const name = o.metadata?.name ?? '';
  const [group, version] = o.apiVersion.includes('/') ? o.apiVersion.split('/', 2) : ['', o.apiVersion];
  const resource = all.find((r) => r.group === group && r.version === version && r.kind === o.kind);
  if (!resource) {
    throw new CliError(
      `error: resource mapping not found for name: "${name}" namespace: "${o.metadata?.namespace ?? ''}" from "${m.source}": no matches for kind "${o.kind}" in version "${o.apiVersion}"\nensure CRDs are installed first`,
    );
  }
  let namespace: string | undefined;
  if (resource.namespaced) {
    const own = o.metadata?.namespace;
    if (own && access.explicitNamespace && own !== access.namespace) {
      throw new CliError(`error: the namespace from the provided object "${own}" does not match the namespace "${access.namespace}". You must pass '--namespace=${own}' to perform this operation.`);
    }
    namespace = own || access.namespace;
  }
  const object: KubeObject = { ...o, metadata: { ...o.metadata, ...(namespace ? { namespace } : {}) } };
  return { source: m.source, resource, namespace, name, object };
}
