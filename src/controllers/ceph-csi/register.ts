/**
 * One call that brings ODF to the twin: the Local Storage Operator (LocalVolumeSets), the
 * StorageCluster controller with the Ceph engine, Disk and Node faults wired to the engine, and
 * the CSI provisioner that serves RBD classes from the engine and Trident classes from the ONTAP
 * model (handed to the PV controller through `registerStorageControllers({ provisioner })`).
 */
import type { Clock } from '../../lib/clock.js';
import type { Manager } from '../../runtime/manager.js';
import type { ClusterDefinition } from '../../twin/inventory/index.js';
import { registerLocalVolumeSetController } from '../local-volume-set/controller.js';
import type { VolumeProvisioner } from '../persistent-volume/provisioner.js';
import { PODS, PVCS, PVS } from '../persistent-volume/resources.js';
import { TwinProvisioner } from '../persistent-volume/twin-provisioner.js';
import { CephHost, setCephHost } from '../storage-cluster/ceph-host.js';
import { registerStorageClusterController } from '../storage-cluster/controller.js';
import { registerStorageFaults } from '../storage-cluster/faults.js';
import { DispatchProvisioner } from './dispatch-provisioner.js';
import { RbdProvisioner } from './rbd-provisioner.js';
import { TridentProvisioner } from './trident-provisioner.js';

/** What `registerCephStorage` returns. */
export interface CephStorage {
  host: CephHost;
  provisioner: DispatchProvisioner;
  rbd: RbdProvisioner;
  trident: TridentProvisioner;
  stop(): void;
}

/**
 * Registers LSO, ODF and the CSI provisioners on a manager; `fallback` serves drivers without a model.
 * With `dataDir` the engine (and ceph-csi's journal) is restored from and saved under `<dataDir>/ceph/`.
 */
export function registerCephStorage(mgr: Manager, clock: Clock, def: ClusterDefinition, fallback: VolumeProvisioner = new TwinProvisioner(), dataDir?: string): CephStorage {
  const host = new CephHost(def, clock, dataDir);
  setCephHost(mgr, host);
  const rbd = new RbdProvisioner(host);
  host.addSection('ceph-csi-rbd', { save: () => rbd.journal(), load: (j) => rbd.loadJournal(j) });
  // Before any controller acts: the StorageCluster controller then adopts the restored engine.
  host.restore();
  const trident = new TridentProvisioner();
  const provisioner = new DispatchProvisioner(rbd, trident, fallback);
  const pvcs = mgr.informer(PVCS);
  const pvs = mgr.informer(PVS);
  const pods = mgr.informer(PODS);
  host.claimImage = (ns, name) => {
    const pvName = (pvcs.get(`${ns}/${name}`)?.spec as { volumeName?: string } | undefined)?.volumeName;
    const handle = (pvs.get(pvName ?? '')?.spec as { csi?: { volumeHandle?: string } } | undefined)?.csi?.volumeHandle;
    return handle ? rbd.image(handle) : undefined;
  };
  registerLocalVolumeSetController(mgr, clock, def);
  const stop = registerStorageClusterController(mgr, clock, host);
  registerStorageFaults(mgr, host, () => new Map(pods.list().filter((p) => p.metadata.labels?.app === 'rook-ceph-mon').map((p) => [p.metadata.labels!.mon!, (p.spec as { nodeName?: string }).nodeName ?? ''])));
  return { host, provisioner, rbd, trident, stop };
}
