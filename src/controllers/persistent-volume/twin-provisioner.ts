/**
 * The twin's in-memory provisioner: RBD-style volumes for the ceph-csi drivers and
 * NAS/SAN volumes for NetApp Trident, with thin provisioning (a volume uses only what
 * is written), layering clones that share their parent's blocks, and snapshots. It
 * keeps no capacity limits of its own; the Ceph engine (issue 5) replaces it behind
 * `VolumeProvisioner` with pools, PGs and MAX AVAIL.
 */
import { createHash } from 'node:crypto';
import type { KubeObject } from '../../api/types.js';
import { type ClonedVolume, type ProvisionedVolume, type ProvisionerCapabilities, ProvisioningError, type VolumeProvisioner, type VolumeRequest, type VolumeSnapshotInfo } from './provisioner.js';

/** ceph-csi's RBD drivers (upstream, Rook and ODF names). */
export const RBD_DRIVERS = ['rbd.csi.ceph.com', 'rook-ceph.rbd.csi.ceph.com', 'openshift-storage.rbd.csi.ceph.com'];
/** ceph-csi's CephFS drivers. */
export const CEPHFS_DRIVERS = ['cephfs.csi.ceph.com', 'openshift-storage.cephfs.csi.ceph.com'];
/** NetApp Trident. */
export const TRIDENT_DRIVER = 'csi.trident.netapp.io';

/** ceph-csi's refusal of RWX on Filesystem RBD volumes (ceph-csi `internal/rbd/controllerserver.go`, InvalidArgument). */
export const RBD_MULTI_NODE_FS_MESSAGE = 'multi node access modes are only supported on rbd `block` type volumes';

const MiB = 1024 * 1024;

interface Volume extends ProvisionedVolume {
  parent?: string;
}

type Family = 'rbd' | 'cephfs' | 'ontap-nas' | 'ontap-san' | 'other';

function familyOf(sc: KubeObject): Family {
  const p = String(sc.provisioner ?? '');
  if (RBD_DRIVERS.includes(p)) return 'rbd';
  if (CEPHFS_DRIVERS.includes(p)) return 'cephfs';
  if (p === TRIDENT_DRIVER) {
    const backend = String((sc.parameters as Record<string, string> | undefined)?.backendType ?? '');
    return backend.startsWith('ontap-san') ? 'ontap-san' : 'ontap-nas';
  }
  return 'other';
}

function uuidOf(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** In-memory volumes for the twin, keyed by CSI volume handle. */
export class TwinProvisioner implements VolumeProvisioner {
  private readonly volumes = new Map<string, Volume>();
  private readonly snapshots = new Map<string, VolumeSnapshotInfo>();

  drivers(): string[] {
    return [...RBD_DRIVERS, ...CEPHFS_DRIVERS, TRIDENT_DRIVER];
  }

  capabilities(sc: KubeObject): ProvisionerCapabilities {
    switch (familyOf(sc)) {
      case 'rbd':
        return { rwxBlock: true, rwxFilesystem: false, cowClone: true, snapshots: true, expansion: true };
      case 'cephfs':
        // CephFS subvolume clones are full asynchronous copies, not copy-on-write.
        return { rwxBlock: false, rwxFilesystem: true, cowClone: false, snapshots: true, expansion: true };
      case 'ontap-nas':
        return { rwxBlock: false, rwxFilesystem: true, cowClone: true, snapshots: true, expansion: true };
      case 'ontap-san':
        return { rwxBlock: true, rwxFilesystem: false, cowClone: true, snapshots: true, expansion: true };
      default:
        return { rwxBlock: false, rwxFilesystem: false, cowClone: false, snapshots: false, expansion: false };
    }
  }

  async provision(req: VolumeRequest, sc: KubeObject): Promise<ProvisionedVolume> {
    return this.create(req, sc, 0);
  }

  private create(req: VolumeRequest, sc: KubeObject, used: number, parent?: string): Volume {
    const fam = familyOf(sc);
    const multiNode = req.accessModes.some((m) => m === 'ReadWriteMany' || m === 'ReadOnlyMany');
    if (fam === 'rbd' && multiNode && req.volumeMode !== 'Block') throw new ProvisioningError('InvalidArgument', RBD_MULTI_NODE_FS_MESSAGE);
    if (fam === 'other') throw new ProvisioningError('InvalidArgument', `driver ${String(sc.provisioner)} is not served by this provisioner`);
    const uuid = uuidOf(req.name);
    const params = req.parameters;
    let handle: string;
    let attrs: Record<string, string>;
    if (fam === 'rbd' || fam === 'cephfs') {
      // ceph-csi volume IDs: version-len(clusterID)-clusterID-poolID-uuid (internal/util/volid.go).
      const cluster = params.clusterID ?? 'openshift-storage';
      const poolId = createHash('sha1').update(params.pool ?? params.fsName ?? '').digest('hex').slice(0, 16);
      handle = `0001-${cluster.length.toString(16).padStart(4, '0')}-${cluster}-${poolId}-${uuid}`;
      attrs = fam === 'rbd'
        ? { clusterID: cluster, pool: params.pool ?? '', imageName: `csi-vol-${uuid}`, imageFeatures: params.imageFeatures ?? 'layering', journalPool: params.pool ?? '' }
        : { clusterID: cluster, fsName: params.fsName ?? '', subvolumeName: `csi-vol-${uuid}` };
    } else {
      handle = `pvc-${uuid}`;
      attrs = { backendUUID: uuidOf(params.backendType ?? fam), internalName: `trident_pvc_${uuid.replace(/-/g, '_')}`, protocol: fam === 'ontap-san' ? 'block' : 'file' };
    }
    // ceph-csi rounds sizes up to whole MiB (internal/util RoundOffVolSize); Trident keeps bytes.
    const capacity = fam === 'rbd' || fam === 'cephfs' ? Math.ceil(req.bytes / MiB) * MiB : req.bytes;
    const existing = this.volumes.get(handle);
    if (existing) return existing;
    const vol: Volume = { volumeHandle: handle, capacityBytes: capacity, volumeAttributes: attrs, usedBytes: used, parent };
    this.volumes.set(handle, vol);
    return vol;
  }

  async delete(handle: string): Promise<void> {
    this.volumes.delete(handle);
  }

  async cloneFrom(source: string, req: VolumeRequest, sc: KubeObject): Promise<ClonedVolume> {
    const src = this.volumes.get(source);
    if (!src) throw new ProvisioningError('NotFound', `source Volume ID ${source} not found`);
    if (req.bytes < src.capacityBytes) throw new ProvisioningError('InvalidArgument', 'requested size is smaller than the source volume');
    const cow = this.capabilities(sc).cowClone;
    // A layered clone references its parent's objects: it uses nothing until written; a copy uses what the source used.
    const vol = this.create(req, sc, cow ? 0 : src.usedBytes, cow ? source : undefined);
    return { ...vol, copyOnWrite: cow };
  }

  async restoreSnapshot(snapshotHandle: string, req: VolumeRequest, sc: KubeObject): Promise<ClonedVolume> {
    const snap = this.snapshots.get(snapshotHandle);
    if (!snap) throw new ProvisioningError('NotFound', `snapshot ID ${snapshotHandle} not found`);
    const cow = this.capabilities(sc).cowClone;
    const vol = this.create(req, sc, 0, snapshotHandle);
    return { ...vol, copyOnWrite: cow };
  }

  async snapshot(source: string, name: string, nowMs: number): Promise<VolumeSnapshotInfo> {
    const src = this.volumes.get(source);
    if (!src) throw new ProvisioningError('NotFound', `source Volume ID ${source} not found`);
    // Snapshot IDs have the volume ID's shape with their own UUID.
    const handle = `${source.slice(0, -36)}${uuidOf(`snap/${name}`)}`;
    const prev = this.snapshots.get(handle);
    if (prev) return prev;
    const info: VolumeSnapshotInfo = { snapshotHandle: handle, sourceVolumeHandle: source, restoreSizeBytes: src.capacityBytes, creationTimeMs: nowMs, readyToUse: true };
    this.snapshots.set(handle, info);
    return info;
  }

  async deleteSnapshot(handle: string): Promise<void> {
    this.snapshots.delete(handle);
  }

  async expand(handle: string, bytes: number): Promise<number> {
    const v = this.volumes.get(handle);
    if (!v) throw new ProvisioningError('NotFound', `volume ID ${handle} not found`);
    v.capacityBytes = Math.max(v.capacityBytes, Math.ceil(bytes / MiB) * MiB);
    return v.capacityBytes;
  }

  write(handle: string, bytes: number): void {
    const v = this.volumes.get(handle);
    if (v) v.usedBytes = Math.min(v.capacityBytes, v.usedBytes + bytes);
  }

  volume(handle: string): ProvisionedVolume | undefined {
    return this.volumes.get(handle);
  }

  /** The volume or snapshot a clone was layered on, if any. */
  parentOf(handle: string): string | undefined {
    return this.volumes.get(handle)?.parent;
  }
}
