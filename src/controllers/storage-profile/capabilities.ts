/**
 * CDI's knowledge of storage provisioners: the claim property sets (access mode,
 * volume mode) and the advised clone strategy per provisioner key. Values from
 * kubevirt/containerized-data-importer `pkg/storagecapabilities/storagecapabilities.go`
 * (`CapabilitiesByProvisionerKey`, `CloneStrategyByProvisionerKey`, and the Trident
 * key mapper that splits `csi.trident.netapp.io` by `parameters.backendType`).
 */
import type { KubeObject } from '../../api/types.js';

/** One `claimPropertySets[]` entry. */
export interface ClaimPropertySet {
  accessModes: string[];
  volumeMode: 'Block' | 'Filesystem';
}

/** CDI clone strategies (`cdiv1.CDICloneStrategy`). */
export type CloneStrategy = 'copy' | 'snapshot' | 'csi-clone';

const rwx = 'ReadWriteMany';
const rwo = 'ReadWriteOnce';
const set = (mode: string, volumeMode: 'Block' | 'Filesystem'): ClaimPropertySet => ({ accessModes: [mode], volumeMode });
// createRbdCapabilities(): RWX Block first, then RWO Block, then RWO Filesystem.
const rbd = [set(rwx, 'Block'), set(rwo, 'Block'), set(rwo, 'Filesystem')];

/** `CapabilitiesByProvisionerKey` (the entries relevant to the platform's storage). */
export const CAPABILITIES: Record<string, ClaimPropertySet[]> = {
  'kubernetes.io/rbd': rbd,
  'rbd.csi.ceph.com': rbd,
  'rook-ceph.rbd.csi.ceph.com': rbd,
  'openshift-storage.rbd.csi.ceph.com': rbd,
  'cephfs.csi.ceph.com': [set(rwx, 'Filesystem')],
  'openshift-storage.cephfs.csi.ceph.com': [set(rwx, 'Filesystem')],
  'nfs.csi.k8s.io': [set(rwx, 'Filesystem')],
  'csi.trident.netapp.io/ontap-nas': [set(rwx, 'Filesystem'), set(rwo, 'Filesystem')],
  'csi.trident.netapp.io/ontap-san': [set(rwx, 'Block')],
  'kubevirt.io.hostpath-provisioner': [set(rwo, 'Filesystem')],
  'kubernetes.io/no-provisioner': [],
};

/** `CloneStrategyByProvisionerKey` (same subset). */
export const CLONE_STRATEGIES: Record<string, CloneStrategy> = {
  'rook-ceph.rbd.csi.ceph.com': 'csi-clone',
  'openshift-storage.rbd.csi.ceph.com': 'csi-clone',
  'cephfs.csi.ceph.com': 'csi-clone',
  'openshift-storage.cephfs.csi.ceph.com': 'csi-clone',
  'csi.trident.netapp.io/ontap-nas': 'snapshot',
  'csi.trident.netapp.io/ontap-san': 'snapshot',
};

/** The provisioner key CDI looks a StorageClass up by (`storageProvisionerKey`). */
export function provisionerKey(sc: KubeObject): string {
  const p = String(sc.provisioner ?? '');
  if (p === 'csi.trident.netapp.io') {
    const backend = String((sc.parameters as Record<string, string> | undefined)?.backendType ?? '');
    if (backend.startsWith('ontap-nas')) return 'csi.trident.netapp.io/ontap-nas';
    if (backend.startsWith('ontap-san')) return 'csi.trident.netapp.io/ontap-san';
    return 'UNKNOWN';
  }
  return p;
}

/** The status of a StorageClass's StorageProfile: spec overrides first, then CDI's table. */
export function profileStatus(sc: KubeObject, spec: { claimPropertySets?: ClaimPropertySet[]; cloneStrategy?: CloneStrategy; snapshotClass?: string }, snapshotClass?: string): Record<string, unknown> {
  const key = provisionerKey(sc);
  const sets = spec.claimPropertySets?.length ? spec.claimPropertySets : CAPABILITIES[key];
  // Without an advised strategy CDI uses snapshot cloning when a VolumeSnapshotClass for the driver exists, else copy.
  const clone = spec.cloneStrategy ?? CLONE_STRATEGIES[key] ?? (snapshotClass ? 'snapshot' : 'copy');
  return {
    storageClass: sc.metadata.name,
    provisioner: sc.provisioner,
    ...(sets ? { claimPropertySets: sets } : {}),
    cloneStrategy: clone,
    ...(spec.snapshotClass ?? snapshotClass ? { snapshotClass: spec.snapshotClass ?? snapshotClass } : {}),
  };
}
