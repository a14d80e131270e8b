/**
 * The Local Storage Operator on the twin: every LocalVolumeSet gets its StorageClass (when
 * missing) and one local block PV per selected drive, Available for claims of that class;
 * status counts the provisioned devices. Nodes that gain the selector's label get their PVs.
 */
import type { KubeObject } from '../../api/types.js';
import { objectKeyOf } from '../../client/informer.js';
import type { ResourceRef } from '../../client/client.js';
import type { Clock } from '../../lib/clock.js';
import { rfc3339 } from '../../lib/clock.js';
import type { Manager } from '../../runtime/manager.js';
import type { ClusterDefinition } from '../../twin/inventory/index.js';
import { isCode, PVS, STORAGE_CLASSES } from '../persistent-volume/resources.js';
import { localPersistentVolume, localStorageClass, planLocalVolumes } from './plan.js';

/** local.storage.openshift.io/v1alpha1 LocalVolumeSets. */
export const LOCAL_VOLUME_SETS: ResourceRef = { group: 'local.storage.openshift.io', version: 'v1alpha1', plural: 'localvolumesets', namespaced: true };
const NODES: ResourceRef = { group: '', version: 'v1', plural: 'nodes', namespaced: false };

type Any = Record<string, any>;

/** Registers the LocalVolumeSet controller. */
export function registerLocalVolumeSetController(mgr: Manager, clock: Clock, def: ClusterDefinition): void {
  const sets = mgr.informer(LOCAL_VOLUME_SETS);
  const nodes = mgr.informer(NODES);
  const pvs = mgr.informer(PVS);
  const classes = mgr.informer(STORAGE_CLASSES);
  const ctl = mgr.controller('local-volume-set', reconcile, 1);
  const all = () => sets.list().forEach((s) => ctl.enqueue(objectKeyOf(s)));
  sets.on({ add: (o) => ctl.enqueue(objectKeyOf(o)), update: (_, o) => ctl.enqueue(objectKeyOf(o)) });
  nodes.on({ add: all, update: (a, b) => JSON.stringify(a.metadata.labels) !== JSON.stringify(b.metadata.labels) && all() });
  // A released local PV is deleted by the PV controller (reclaim Delete); LSO cleans the disk and offers it again.
  pvs.on({ delete: all });

  async function reconcile(key: string): Promise<void> {
    const lvs = sets.get(key);
    if (!lvs || lvs.metadata.deletionTimestamp) return;
    const sc = String((lvs.spec as Any).storageClassName);
    if (!classes.get(sc)) await mgr.client.create(STORAGE_CLASSES, localStorageClass(lvs)).catch((e) => (isCode(e, 409) ? undefined : Promise.reject(e)));
    const wanted = planLocalVolumes(lvs, nodes.list(), def);
    for (const v of wanted) {
      if (pvs.get(v.pvName)) continue;
      try {
        const pv = await mgr.client.create(PVS, localPersistentVolume(lvs, v));
        await mgr.client.updateStatus(PVS, { ...pv, status: { phase: 'Available', lastPhaseTransitionTime: rfc3339(clock.now()) } });
      } catch (e) {
        if (!isCode(e, 409)) throw e;
      }
    }
    const provisioned = pvs.list().filter((p) => p.metadata.labels?.['storage.openshift.com/owner-name'] === lvs.metadata.name).length;
    const count = Math.max(provisioned, wanted.length);
    const status = {
      totalProvisionedDeviceCount: count,
      observedGeneration: lvs.metadata.generation,
      conditions: [{ type: 'Available', status: 'True', reason: 'DiskMakerDaemonSetAvailable', message: `${count} local volumes provisioned for StorageClass ${sc}`, lastTransitionTime: (lvs.status as Any)?.conditions?.[0]?.lastTransitionTime ?? rfc3339(clock.now()) }],
    };
    const cur = (lvs.status ?? {}) as Any;
    if (cur.totalProvisionedDeviceCount === count && cur.observedGeneration === lvs.metadata.generation) return;
    await mgr.client.updateStatus(LOCAL_VOLUME_SETS, { ...lvs, status: { ...status, lastUpdated: rfc3339(clock.now()) } } as KubeObject);
  }
}
