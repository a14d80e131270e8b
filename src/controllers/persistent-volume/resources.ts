/** Resource references shared by the storage and CDI controllers (PVCs, PVs, snapshots, DataVolumes, VMs). */
import type { ResourceRef } from '../../client/client.js';

const core = (plural: string, namespaced: boolean): ResourceRef => ({ group: '', version: 'v1', plural, namespaced });

/** core/v1 PersistentVolumeClaims. */
export const PVCS = core('persistentvolumeclaims', true);
/** core/v1 PersistentVolumes. */
export const PVS = core('persistentvolumes', false);
/** core/v1 Pods. */
export const PODS = core('pods', true);
/** core/v1 ConfigMaps. */
export const CONFIGMAPS = core('configmaps', true);
/** storage.k8s.io/v1 StorageClasses. */
export const STORAGE_CLASSES: ResourceRef = { group: 'storage.k8s.io', version: 'v1', plural: 'storageclasses', namespaced: false };
/** snapshot.storage.k8s.io/v1 VolumeSnapshots. */
export const VOLUME_SNAPSHOTS: ResourceRef = { group: 'snapshot.storage.k8s.io', version: 'v1', plural: 'volumesnapshots', namespaced: true };
/** snapshot.storage.k8s.io/v1 VolumeSnapshotContents. */
export const VOLUME_SNAPSHOT_CONTENTS: ResourceRef = { group: 'snapshot.storage.k8s.io', version: 'v1', plural: 'volumesnapshotcontents', namespaced: false };
/** snapshot.storage.k8s.io/v1 VolumeSnapshotClasses. */
export const VOLUME_SNAPSHOT_CLASSES: ResourceRef = { group: 'snapshot.storage.k8s.io', version: 'v1', plural: 'volumesnapshotclasses', namespaced: false };
/** cdi.kubevirt.io/v1beta1 DataVolumes. */
export const DATA_VOLUMES: ResourceRef = { group: 'cdi.kubevirt.io', version: 'v1beta1', plural: 'datavolumes', namespaced: true };
/** cdi.kubevirt.io/v1beta1 DataSources. */
export const DATA_SOURCES: ResourceRef = { group: 'cdi.kubevirt.io', version: 'v1beta1', plural: 'datasources', namespaced: true };
/** cdi.kubevirt.io/v1beta1 StorageProfiles. */
export const STORAGE_PROFILES: ResourceRef = { group: 'cdi.kubevirt.io', version: 'v1beta1', plural: 'storageprofiles', namespaced: false };
/** kubevirt.io/v1 VirtualMachines. */
export const VMS: ResourceRef = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachines', namespaced: true };
/** kubevirt.io/v1 VirtualMachineInstances. */
export const VMIS: ResourceRef = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachineinstances', namespaced: true };
/** snapshot.kubevirt.io/v1beta1 VirtualMachineSnapshots. */
export const VM_SNAPSHOTS: ResourceRef = { group: 'snapshot.kubevirt.io', version: 'v1beta1', plural: 'virtualmachinesnapshots', namespaced: true };
/** snapshot.kubevirt.io/v1beta1 VirtualMachineSnapshotContents. */
export const VM_SNAPSHOT_CONTENTS: ResourceRef = { group: 'snapshot.kubevirt.io', version: 'v1beta1', plural: 'virtualmachinesnapshotcontents', namespaced: true };
/** snapshot.kubevirt.io/v1beta1 VirtualMachineRestores. */
export const VM_RESTORES: ResourceRef = { group: 'snapshot.kubevirt.io', version: 'v1beta1', plural: 'virtualmachinerestores', namespaced: true };
/** clone.kubevirt.io/v1beta1 VirtualMachineClones. */
export const VM_CLONES: ResourceRef = { group: 'clone.kubevirt.io', version: 'v1beta1', plural: 'virtualmachineclones', namespaced: true };

/** The owner reference a child gets from its controlling parent. */
export function ownerRef(o: { apiVersion: string; kind: string; metadata: { name?: string; uid?: string } }, blockOwnerDeletion = true) {
  return { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name!, uid: o.metadata.uid!, controller: true, blockOwnerDeletion };
}

/** True when a StatusError-like value has this HTTP code. */
export function isCode(e: unknown, code: number): boolean {
  return (e as { code?: number })?.code === code;
}
