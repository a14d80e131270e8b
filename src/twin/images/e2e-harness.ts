/** Test support: a control plane with the twin in fast-forward, the story's StorageClasses, and helpers to watch and poll. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { KubeObject } from '../../api/types.js';
import { startControlPlane, type ControlPlane } from '../../cmd/control-plane.js';
import type { ResourceRef } from '../../client/client.js';
import { STORAGE_CLASSES } from '../../controllers/persistent-volume/resources.js';
import { TwinClock } from '../clock/twin-clock.js';
import { loadClusterDefinition } from '../inventory/index.js';
import { startTwin, type Twin } from '../twin.js';

/** A running twin for storage tests. */
export interface Harness {
  cp: ControlPlane;
  /** The control plane's data directory. */
  dir: string;
  clock: TwinClock;
  twin: Twin;
  /** The install's progress lines, as `ove up` prints them. */
  progress: string[];
  stop(): Promise<void>;
}

/** The story's gold RBD class (manifest 04) and Trident NAS class (manifest 05). */
export const STORY_CLASSES: KubeObject[] = [
  {
    apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'ceph-rbd-gold' }, provisioner: 'openshift-storage.rbd.csi.ceph.com',
    parameters: { clusterID: 'openshift-storage', pool: 'ocs-storagecluster-cephblockpool', imageFeatures: 'layering,exclusive-lock,object-map,fast-diff', 'csi.storage.k8s.io/fstype': 'ext4' },
    reclaimPolicy: 'Delete', allowVolumeExpansion: true, volumeBindingMode: 'Immediate',
  },
  {
    apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'ontap-nas-shared' }, provisioner: 'csi.trident.netapp.io',
    parameters: { backendType: 'ontap-nas', storagePools: 'fas-9500-pool1' }, reclaimPolicy: 'Retain', allowVolumeExpansion: true,
  },
];

/** Starts the control plane and the twin (installed) in fast-forward, with the story's classes and (if named) a namespace; `https` serves TLS as `ove up` does. */
export async function startHarness(namespace?: string, opts: { https?: boolean } = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'ove-dv-'));
  const clock = new TwinClock({ mode: 'fast-forward' }, Date.UTC(2026, 2, 20, 9, 0, 0));
  clock.start();
  const cp = await startControlPlane({ dataDir: dir, storage: 'memory', port: 0, insecure: !opts.https, clock, log: () => undefined });
  clock.addBusyProbe(() => cp.busy());
  const def = await loadClusterDefinition(resolve(import.meta.dirname, '../../../examples/ove-prod-01'));
  const progress: string[] = [];
  const twin = await startTwin({ client: cp.client, manager: cp.manager, clock, def, progress: (l) => progress.push(l) });
  await twin.installed;
  for (const sc of STORY_CLASSES) await cp.client.create(STORAGE_CLASSES, sc);
  if (namespace) await cp.client.create({ group: '', version: 'v1', plural: 'namespaces', namespaced: false }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
  return {
    cp, dir, clock, twin, progress,
    async stop() {
      twin.stop();
      clock.stop();
      await cp.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls until `fn` returns a value (the clock runs in fast-forward meanwhile). */
export async function eventually<T>(fn: () => Promise<T | undefined>, what: string, tries = 600): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined && v !== false) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Records every version of one object with the simulated time it was seen at. */
export function record(h: Harness, ref: ResourceRef, namespace: string, name: string): { seen: { at: number; obj: KubeObject }[]; stop(): void } {
  const seen: { at: number; obj: KubeObject }[] = [];
  const stream = h.cp.client.watch(ref, namespace, { fieldSelector: `metadata.name=${name}` }, (e) => {
    if (e.type === 'ADDED' || e.type === 'MODIFIED') seen.push({ at: h.clock.now(), obj: e.object });
  }, () => undefined);
  return { seen, stop: () => stream.close() };
}
