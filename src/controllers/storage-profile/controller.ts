/**
 * The StorageProfile controller (CDI): one cluster-scoped StorageProfile per
 * StorageClass, same name, owned by it, with `status` from the spec's overrides and
 * CDI's provisioner table.
 */
import type { KubeObject } from '../../api/types.js';
import type { Manager } from '../../runtime/manager.js';
import { isCode, STORAGE_CLASSES, STORAGE_PROFILES, VOLUME_SNAPSHOT_CLASSES } from '../persistent-volume/resources.js';
import { profileStatus } from './capabilities.js';

/** Registers the StorageProfile controller. */
export function registerStorageProfileController(mgr: Manager): void {
  const client = mgr.client;
  const classes = mgr.informer(STORAGE_CLASSES);
  const profiles = mgr.informer(STORAGE_PROFILES);
  const snapClasses = mgr.informer(VOLUME_SNAPSHOT_CLASSES);
  const ctl = mgr.controller('storageprofile', reconcile, 1);
  classes.on({ add: (o) => ctl.enqueue(o.metadata.name!), update: (_, o) => ctl.enqueue(o.metadata.name!) });
  profiles.on({ update: (_, o) => ctl.enqueue(o.metadata.name!), delete: (o) => ctl.enqueue(o.metadata.name!) });
  snapClasses.on({ add: () => classes.list().forEach((c) => ctl.enqueue(c.metadata.name!)) });

  async function reconcile(name: string): Promise<void> {
    const sc = classes.get(name);
    if (!sc) return;
    let profile = profiles.get(name) as KubeObject | undefined;
    if (!profile) {
      try {
        profile = await client.create(STORAGE_PROFILES, {
          apiVersion: 'cdi.kubevirt.io/v1beta1', kind: 'StorageProfile',
          metadata: { name, labels: { 'app.kubernetes.io/component': 'storage', 'app.kubernetes.io/managed-by': 'cdi-controller', 'cdi.kubevirt.io': '' }, ownerReferences: [{ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', name, uid: sc.metadata.uid!, controller: true, blockOwnerDeletion: true }] },
          spec: {},
        });
      } catch (e) {
        if (!isCode(e, 409)) throw e;
        profile = await client.get(STORAGE_PROFILES, undefined, name);
      }
    }
    if (!profile) return;
    const snapClass = snapClasses.list().find((c) => c.driver === sc.provisioner)?.metadata.name;
    const status = profileStatus(sc, (profile.spec ?? {}) as never, snapClass);
    if (JSON.stringify(profile.status) === JSON.stringify(status)) return;
    await client.updateStatus(STORAGE_PROFILES, { ...(profile as KubeObject), status });
  }
}
