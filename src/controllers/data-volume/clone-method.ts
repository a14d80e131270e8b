/**
 * Which clone method a pvc-source DataVolume gets, as CDI decides it
 * (containerized-data-importer `doc/efficient-cloning.md`): the StorageProfile's
 * `cloneStrategy`, possible only when source and target share namespace, StorageClass
 * and volume mode and the driver can clone (csi-clone) or snapshot with a
 * VolumeSnapshotClass (snapshot); otherwise host-assisted `copy`, with the reason
 * recorded on the claim as `cdi.kubevirt.io/cloneFallbackReason`.
 */
import type { KubeObject } from '../../api/types.js';
import type { ProvisionerCapabilities } from '../persistent-volume/provisioner.js';
import { resolveClaimProperties } from '../storage-profile/resolve.js';
import type { CloneMethod } from './plan.js';

type Any = Record<string, any>;

/** The chosen method and, for a fallback to copy, why. */
export interface CloneChoice {
  method: CloneMethod;
  fallbackReason?: string;
}

/** Chooses the clone method of a DataVolume whose source is a PVC. */
export function chooseCloneMethod(dv: KubeObject, srcPvc: KubeObject | undefined, sc: KubeObject | undefined, profile: KubeObject | undefined, caps: ProvisionerCapabilities | undefined): CloneChoice {
  const status = (profile?.status ?? {}) as Any;
  const wanted = (status.cloneStrategy ?? (status.snapshotClass ? 'snapshot' : 'copy')) as CloneMethod;
  if (wanted === 'copy') return { method: 'copy' };
  const copy = (reason: string): CloneChoice => ({ method: 'copy', fallbackReason: reason });
  if (!srcPvc || !sc) return { method: wanted };
  const spec = (dv.spec ?? {}) as Any;
  const srcSpec = (srcPvc.spec ?? {}) as Any;
  if (srcPvc.metadata.namespace !== dv.metadata.namespace) return copy('The source and target are in different namespaces; the twin does not model namespace transfer');
  if (srcSpec.storageClassName !== sc.metadata.name) return copy(`The source storage class ${srcSpec.storageClassName ?? ''} differs from the target storage class ${sc.metadata.name}`);
  const target = spec.pvc ?? spec.storage ?? {};
  const resolved = resolveClaimProperties(target.accessModes, target.volumeMode, status.claimPropertySets);
  const targetMode = resolved.ok ? resolved.volumeMode : 'Filesystem';
  if ((srcSpec.volumeMode ?? 'Filesystem') !== targetMode) return copy(`The source volume mode ${srcSpec.volumeMode ?? 'Filesystem'} differs from the target volume mode ${targetMode}`);
  if (wanted === 'snapshot' && (!caps?.snapshots || !status.snapshotClass)) return copy('No VolumeSnapshotClass found for the storage class');
  return { method: wanted };
}
