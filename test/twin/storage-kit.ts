/** Helpers of the storage end-to-end tests: apply manifests, poll, run `ceph`/`rbd` through CephCommand. */
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../src/api/types.js';
import type { Client, ResourceRef } from '../../src/client/client.js';

/** Resource references by apiVersion/kind for the manifests these tests apply. */
export const REFS: Record<string, ResourceRef> = {
  'v1/Namespace': { group: '', version: 'v1', plural: 'namespaces', namespaced: false },
  'v1/PersistentVolumeClaim': { group: '', version: 'v1', plural: 'persistentvolumeclaims', namespaced: true },
  'storage.k8s.io/v1/StorageClass': { group: 'storage.k8s.io', version: 'v1', plural: 'storageclasses', namespaced: false },
  'local.storage.openshift.io/v1alpha1/LocalVolumeSet': { group: 'local.storage.openshift.io', version: 'v1alpha1', plural: 'localvolumesets', namespaced: true },
  'ocs.openshift.io/v1/StorageCluster': { group: 'ocs.openshift.io', version: 'v1', plural: 'storageclusters', namespaced: true },
  'ceph.rook.io/v1/CephBlockPool': { group: 'ceph.rook.io', version: 'v1', plural: 'cephblockpools', namespaced: true },
};
/** core/v1 refs used directly. */
export const PVCS = REFS['v1/PersistentVolumeClaim']!;
export const PVS: ResourceRef = { group: '', version: 'v1', plural: 'persistentvolumes', namespaced: false };
export const PODS: ResourceRef = { group: '', version: 'v1', plural: 'pods', namespaced: true };
export const NODES: ResourceRef = { group: '', version: 'v1', plural: 'nodes', namespaced: false };
export const EVENTS: ResourceRef = { group: '', version: 'v1', plural: 'events', namespaced: true };
export const FAULTS: ResourceRef = { group: 'twin.ove.dev', version: 'v1alpha1', plural: 'faults', namespaced: false };
export const STORAGE_CLUSTERS = REFS['ocs.openshift.io/v1/StorageCluster']!;
export const POOLS = REFS['ceph.rook.io/v1/CephBlockPool']!;
const COMMANDS: ResourceRef = { group: 'ceph.ove.dev', version: 'v1alpha1', plural: 'cephcommands', namespaced: false };

/** Creates every document of a YAML file (409s ignored). */
export async function applyFile(client: Client, path: string): Promise<void> {
  for (const d of parseAllDocuments(readFileSync(path, 'utf8'))) {
    const obj = d.toJS() as KubeObject | null;
    if (!obj) continue;
    await create(client, obj);
  }
}

/** Creates one object by its apiVersion/kind. */
export async function create(client: Client, obj: KubeObject): Promise<KubeObject> {
  const ref = REFS[`${obj.apiVersion}/${obj.kind}`];
  if (!ref) throw new Error(`no ref for ${obj.apiVersion}/${obj.kind}`);
  return client.create(ref, obj).catch((e: { code?: number }) => (e.code === 409 ? obj : Promise.reject(e)));
}

/** Polls until `fn` returns a value (the clock runs in fast-forward meanwhile). */
export async function eventually<T>(fn: () => Promise<T | undefined>, what: string, tries = 1200, intervalMs = 25): Promise<T> {
  let last: unknown;
  for (let i = 0; i < tries; i++) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** Runs a command through the CephCommand resource. */
export async function run(client: Client, tool: 'ceph' | 'rbd' | 'fio', args: string[], format?: 'json'): Promise<{ output: string; exitCode: number; nowMs?: number }> {
  const r = await client.create(COMMANDS, { apiVersion: 'ceph.ove.dev/v1alpha1', kind: 'CephCommand', metadata: { generateName: 'cmd-' }, spec: { tool, args, ...(format ? { format } : {}) } } as KubeObject);
  return r.status as { output: string; exitCode: number; nowMs?: number };
}

/** Labels workers `from..to` for ODF. */
export async function labelWorkers(client: Client, from: number, to: number): Promise<void> {
  for (let i = from; i <= to; i++) await client.patch(NODES, undefined, `worker-${i}`, 'merge', { metadata: { labels: { 'cluster.ocs.openshift.io/openshift-storage': '' } } });
}

/** Events about an object, by name. */
export async function eventsFor(client: Client, ns: string, name: string): Promise<{ reason: string; message: string; type: string }[]> {
  const list = await client.list(EVENTS, ns);
  return list.items.filter((e) => (e as unknown as { involvedObject: { name: string } }).involvedObject.name === name) as unknown as { reason: string; message: string; type: string }[];
}

/** A claim on a StorageClass. */
export function claim(name: string, sc: string, storage: string, opts: { mode?: 'Block' | 'Filesystem'; access?: string } = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default' }, spec: { storageClassName: sc, accessModes: [opts.access ?? 'ReadWriteOnce'], volumeMode: opts.mode ?? 'Block', resources: { requests: { storage } } } };
}
