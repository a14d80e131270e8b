/**
 * The volume provisioner behind the PV controller, in the shape of a CSI controller
 * service (CreateVolume, DeleteVolume, CreateSnapshot, clone from a source volume,
 * ControllerExpandVolume). The twin's in-memory provisioner implements it now; the
 * Ceph engine (RBD images, thin provisioning, copy-on-write clones, snapshots)
 * replaces it behind the same interface.
 */
import type { KubeObject } from '../../api/types.js';

/** What a claim asks of the provisioner (from the PVC and its StorageClass). */
export interface VolumeRequest {
  /** The PV name the volume will get (`pvc-<claim uid>`), used as the CSI volume name. */
  name: string;
  /** Requested bytes (`spec.resources.requests.storage`). */
  bytes: number;
  accessModes: string[];
  volumeMode: 'Block' | 'Filesystem';
  /** StorageClass parameters (pool, imageFeatures, fsType, backendType, ...). */
  parameters: Record<string, string>;
}

/** A provisioned volume: what the PV's `spec.csi` and capacity are built from. */
export interface ProvisionedVolume {
  /** The CSI volume handle (for RBD: `0001-...-csi-vol-<uuid>` style; opaque to callers). */
  volumeHandle: string;
  /** Allocated bytes (rounded up to the backend's granularity). */
  capacityBytes: number;
  /** `spec.csi.volumeAttributes` of the PV (pool, imageName, ...). */
  volumeAttributes: Record<string, string>;
  /** Bytes the volume really occupies (thin provisioning: grows as data is written). */
  usedBytes: number;
}

/** A point-in-time snapshot of a volume. */
export interface VolumeSnapshotInfo {
  snapshotHandle: string;
  sourceVolumeHandle: string;
  restoreSizeBytes: number;
  creationTimeMs: number;
  readyToUse: boolean;
}

/** A clone's result: the new volume, and whether it shares blocks with its source (copy-on-write). */
export interface ClonedVolume extends ProvisionedVolume {
  copyOnWrite: boolean;
}

/** Features a StorageClass's backend offers. */
export interface ProvisionerCapabilities {
  /** ReadWriteMany on Block volumes (RBD yes; NAS no). */
  rwxBlock: boolean;
  /** ReadWriteMany on Filesystem volumes (NFS yes; RBD refuses it). */
  rwxFilesystem: boolean;
  /** Clones share blocks with the source (RBD layering clones, ONTAP FlexClone). */
  cowClone: boolean;
  snapshots: boolean;
  expansion: boolean;
}

/** A provisioning failure, with the message the CSI driver returns (shown in ProvisioningFailed events). */
export class ProvisioningError extends Error {
  override name = 'ProvisioningError';
  constructor(readonly grpcCode: 'InvalidArgument' | 'NotFound' | 'ResourceExhausted' | 'FailedPrecondition', message: string) {
    super(message);
  }
}

/** The CSI-shaped contract every storage backend of the platform implements. */
export interface VolumeProvisioner {
  /** The CSI driver names this provisioner serves (StorageClass `provisioner`). */
  drivers(): string[];
  capabilities(storageClass: KubeObject): ProvisionerCapabilities;
  /** CreateVolume; throws ProvisioningError when the request is refused. */
  provision(req: VolumeRequest, storageClass: KubeObject): Promise<ProvisionedVolume>;
  /** DeleteVolume (idempotent). */
  delete(volumeHandle: string): Promise<void>;
  /** CreateVolume with a volume content source. */
  cloneFrom(sourceVolumeHandle: string, req: VolumeRequest, storageClass: KubeObject): Promise<ClonedVolume>;
  /** CreateVolume from a snapshot content source. */
  restoreSnapshot(snapshotHandle: string, req: VolumeRequest, storageClass: KubeObject): Promise<ClonedVolume>;
  /** CreateSnapshot. */
  snapshot(sourceVolumeHandle: string, name: string, nowMs: number): Promise<VolumeSnapshotInfo>;
  /** DeleteSnapshot (idempotent). */
  deleteSnapshot(snapshotHandle: string): Promise<void>;
  /** ControllerExpandVolume; returns the new capacity. */
  expand(volumeHandle: string, bytes: number): Promise<number>;
  /** Records data written into a volume (imports, clones by copy), for thin-provisioning accounting. */
  write(volumeHandle: string, bytes: number): void;
  /** The volume's state, when it exists. */
  volume(volumeHandle: string): ProvisionedVolume | undefined;
}
