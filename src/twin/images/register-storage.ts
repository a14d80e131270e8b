/**
 * One call that registers the storage and CDI controllers of the platform: the PV
 * controller with its provisioner, StorageProfiles, DataVolumes with the twin's
 * importer processes and image catalog (runtime entries from the ConfigMap
 * `ove-system/twin-image-catalog`) and upload servers, VolumeSnapshots, and KubeVirt's snapshot,
 * restore and clone controllers.
 */
import type { Clock } from '../../lib/clock.js';
import type { Manager } from '../../runtime/manager.js';
import { registerDataVolumeController } from '../../controllers/data-volume/controller.js';
import { registerPersistentVolumeController } from '../../controllers/persistent-volume/controller.js';
import type { VolumeProvisioner } from '../../controllers/persistent-volume/provisioner.js';
import { CONFIGMAPS } from '../../controllers/persistent-volume/resources.js';
import { TwinProvisioner } from '../../controllers/persistent-volume/twin-provisioner.js';
import { registerVolumeSnapshotController } from '../../controllers/persistent-volume/volume-snapshot-controller.js';
import { registerStorageProfileController } from '../../controllers/storage-profile/controller.js';
import { registerVmCloneController } from '../../controllers/vm-clone/controller.js';
import { registerVmRestoreController } from '../../controllers/vm-restore/controller.js';
import { registerVmSnapshotController } from '../../controllers/vm-snapshot/controller.js';
import { ImageCatalog } from './catalog.js';
import { hostCopySeconds } from './import-model.js';
import { ImporterProcesses } from './importer-process.js';
import { UploadServers } from './upload-server.js';
import { setUploadReceiver } from '../../controllers/data-volume/upload-receiver.js';

/** Where runtime image catalog entries live. */
export const IMAGE_CATALOG_CONFIGMAP = { namespace: 'ove-system', name: 'twin-image-catalog' };

/** Options of `registerStorageControllers`. */
export interface StorageOptions {
  /** The volume backend (default: the twin's in-memory provisioner). */
  provisioner?: VolumeProvisioner;
  catalog?: ImageCatalog;
}

/** What the storage controllers expose to their caller. */
export interface StorageControllers {
  provisioner: VolumeProvisioner;
  catalog: ImageCatalog;
  importers: ImporterProcesses;
  stop(): void;
}

/** Registers the storage, CDI and VM snapshot/restore/clone controllers on a manager. */
export function registerStorageControllers(mgr: Manager, clock: Clock, opts: StorageOptions = {}): StorageControllers {
  const provisioner = opts.provisioner ?? new TwinProvisioner();
  const catalog = opts.catalog ?? new ImageCatalog();
  const importers = new ImporterProcesses(mgr, clock, catalog, provisioner);
  // cdi-uploadproxy reaches the upload servers through the manager (src/apiserver/hooks/cdi-upload-proxy.ts).
  const uploads = new UploadServers(mgr, clock, provisioner);
  setUploadReceiver(mgr, uploads);
  const onConfigMap = (cm: { metadata: { namespace?: string; name?: string }; data?: unknown }) => {
    if (cm.metadata.namespace === IMAGE_CATALOG_CONFIGMAP.namespace && cm.metadata.name === IMAGE_CATALOG_CONFIGMAP.name) {
      const bad = catalog.setRuntime((cm.data ?? {}) as Record<string, string>);
      if (bad.length) mgr.log(`image catalog: entries that do not parse: ${bad.join(', ')}`);
    }
  };
  mgr.informer(CONFIGMAPS).on({ add: onConfigMap, update: (_, cm) => onConfigMap(cm), delete: (cm) => onConfigMap({ ...cm, data: {} }) });
  registerPersistentVolumeController(mgr, clock, provisioner);
  registerVolumeSnapshotController(mgr, clock, provisioner);
  registerStorageProfileController(mgr);
  registerDataVolumeController(mgr, { clock, provisioner, importProgress: (k) => importers.progress(k), hostCopySeconds });
  registerVmSnapshotController(mgr, clock);
  registerVmRestoreController(mgr, clock);
  registerVmCloneController(mgr, clock);
  return { provisioner, catalog, importers, stop: () => (importers.stop(), uploads.stop()) };
}
