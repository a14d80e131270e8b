/**
 * NetApp Trident on the twin: `ontap-nas` (an NFS FlexVol per volume, RWX Filesystem) and
 * `ontap-san` (an iSCSI LUN, Block or Filesystem, RWX Block) backends, each storage pool with its
 * own capacity. Volumes are thin (Trident's default `spaceReserve: none`): a pool refuses a
 * volume larger than its free space; FlexClones share blocks with their source snapshot.
 */
import { createHash } from 'node:crypto';
import type { KubeObject } from '../../api/types.js';
import { type ClonedVolume, type ProvisionedVolume, type ProvisionerCapabilities, ProvisioningError, type VolumeProvisioner, type VolumeRequest, type VolumeSnapshotInfo } from '../persistent-volume/provisioner.js';

/** Trident's CSI driver name. */
export const TRIDENT = 'csi.trident.netapp.io';
/** Capacity of a storage pool when none is configured (chosen: 100 TiB, an A400 pool's usable order of size). */
export const DEFAULT_POOL_BYTES = 100 * 2 ** 40;

interface TridentVolume extends ProvisionedVolume {
  pool: string;
}

function uuid(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Trident's ONTAP backends: volumes by handle, capacity by storage pool. */
export class TridentProvisioner implements VolumeProvisioner {
  private readonly volumes = new Map<string, TridentVolume>();
  private readonly snaps = new Map<string, VolumeSnapshotInfo & { pool: string }>();

  constructor(private readonly poolBytes: Record<string, number> = {}) {}

  drivers(): string[] {
    return [TRIDENT];
  }

  capabilities(sc: KubeObject): ProvisionerCapabilities {
    const san = String((sc.parameters as Record<string, string> | undefined)?.backendType ?? '').startsWith('ontap-san');
    return { rwxBlock: san, rwxFilesystem: !san, cowClone: true, snapshots: true, expansion: true };
  }

  /** Free bytes of a storage pool (capacity minus what its volumes hold). */
  free(pool: string): number {
    const used = [...this.volumes.values()].filter((v) => v.pool === pool).reduce((s, v) => s + v.usedBytes, 0);
    return (this.poolBytes[pool] ?? DEFAULT_POOL_BYTES) - used;
  }

  private create(req: VolumeRequest, sc: KubeObject, used: number): TridentVolume {
    const p = req.parameters;
    const backend = p.backendType ?? 'ontap-nas';
    const pool = (p.storagePools ?? `${backend}-pool`).split(',')[0]!.split(':').pop()!.trim();
    const rwx = req.accessModes.includes('ReadWriteMany');
    if (backend.startsWith('ontap-nas') && req.volumeMode === 'Block') throw new ProvisioningError('InvalidArgument', `backend ${backend} does not support raw block volumes`);
    if (backend.startsWith('ontap-san') && rwx && req.volumeMode !== 'Block') throw new ProvisioningError('InvalidArgument', 'ReadWriteMany access mode is supported only for raw block volumes on ontap-san');
    const id = uuid(req.name);
    const handle = `pvc-${id}`;
    const existing = this.volumes.get(handle);
    if (existing) return existing;
    if (req.bytes > this.free(pool)) throw new ProvisioningError('ResourceExhausted', `encountered error(s) in creating the volume: [Failed to create volume ${req.name} on storage pool ${pool} from backend ${backend}: insufficient space: the volume needs ${req.bytes} bytes, the pool has ${this.free(pool)} bytes free]`);
    const v: TridentVolume = { volumeHandle: handle, capacityBytes: req.bytes, usedBytes: used, pool, volumeAttributes: { backendUUID: uuid(`${backend}/${pool}`), internalName: `trident_pvc_${id.replace(/-/g, '_')}`, name: handle, protocol: backend.startsWith('ontap-san') ? 'block' : 'file', storagePool: pool } };
    this.volumes.set(handle, v);
    return v;
  }

  async provision(req: VolumeRequest, sc: KubeObject): Promise<ProvisionedVolume> {
    return this.create(req, sc, 0);
  }

  async delete(handle: string): Promise<void> {
    this.volumes.delete(handle);
  }

  async cloneFrom(source: string, req: VolumeRequest, sc: KubeObject): Promise<ClonedVolume> {
    const src = this.volumes.get(source);
    if (!src) throw new ProvisioningError('NotFound', `source volume ${source} not found`);
    return { ...this.create(req, sc, 0), copyOnWrite: true };
  }

  async restoreSnapshot(handle: string, req: VolumeRequest, sc: KubeObject): Promise<ClonedVolume> {
    if (!this.snaps.has(handle)) throw new ProvisioningError('NotFound', `snapshot ${handle} not found`);
    return { ...this.create(req, sc, 0), copyOnWrite: true };
  }

  async snapshot(source: string, name: string, nowMs: number): Promise<VolumeSnapshotInfo> {
    const src = this.volumes.get(source);
    if (!src) throw new ProvisioningError('NotFound', `source volume ${source} not found`);
    const handle = `${source}/snapshot-${uuid(name)}`;
    const info = this.snaps.get(handle) ?? { snapshotHandle: handle, sourceVolumeHandle: source, restoreSizeBytes: src.capacityBytes, creationTimeMs: nowMs, readyToUse: true, pool: src.pool };
    this.snaps.set(handle, info);
    return info;
  }

  async deleteSnapshot(handle: string): Promise<void> {
    this.snaps.delete(handle);
  }

  async expand(handle: string, bytes: number): Promise<number> {
    const v = this.volumes.get(handle);
    if (!v) throw new ProvisioningError('NotFound', `volume ${handle} not found`);
    v.capacityBytes = Math.max(v.capacityBytes, bytes);
    return v.capacityBytes;
  }

  write(handle: string, bytes: number): void {
    const v = this.volumes.get(handle);
    if (v) v.usedBytes = Math.min(v.capacityBytes, v.usedBytes + bytes);
  }

  volume(handle: string): ProvisionedVolume | undefined {
    return this.volumes.get(handle);
  }

  /** True for a snapshot handle this backend made. */
  hasSnapshot(handle: string): boolean {
    return this.snaps.has(handle);
  }
}
