/**
 * ceph-csi's RBD controller service on the engine: a claim becomes a thin image
 * `csi-vol-<uuid>` in the class's pool (data in `dataPool` when set), with ceph-csi's volume ID
 * (`0001-<len(clusterID)>-<clusterID>-<pool id, 16 hex>-<uuid>`, internal/util/volid.go).
 * Snapshots are RBD snapshots, clones and restores are copy-on-write RBD clones, expansion is
 * `rbd resize`. A claim larger than the data pool's MAX AVAIL is refused.
 */
import { createHash } from 'node:crypto';
import type { KubeObject } from '../../api/types.js';
import { bytesU, poolUsage, type RbdImage } from '../../ceph/model.js';
import { type ClonedVolume, type ProvisionedVolume, type ProvisionerCapabilities, ProvisioningError, type VolumeProvisioner, type VolumeRequest, type VolumeSnapshotInfo } from '../persistent-volume/provisioner.js';
import { RBD_DRIVERS, RBD_MULTI_NODE_FS_MESSAGE } from '../persistent-volume/twin-provisioner.js';
import type { CephHost } from '../storage-cluster/ceph-host.js';

const MiB = 2 ** 20;

interface Entry {
  poolId: number;
  image: string;
  attrs: Record<string, string>;
  /** Removed by the CO but kept while snapshots or clones depend on it (ceph-csi moves it to the trash). */
  trashed?: boolean;
}

interface SnapEntry {
  poolId: number;
  image: string;
  snap: string;
  info: VolumeSnapshotInfo;
}

function uuidOf(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** ceph-csi's composite ID for a volume or snapshot. */
export function cephCsiId(clusterId: string, poolId: number, uuid: string): string {
  return `0001-${clusterId.length.toString(16).padStart(4, '0')}-${clusterId}-${poolId.toString(16).padStart(16, '0')}-${uuid}`;
}

/** The RBD provisioner over the engine in `host`. */
export class RbdProvisioner implements VolumeProvisioner {
  private readonly vols = new Map<string, Entry>();
  private readonly snaps = new Map<string, SnapEntry>();

  constructor(private readonly host: CephHost) {}

  /** ceph-csi's volume and snapshot journal (its omap in the pool), saved with the engine. */
  journal(): { vols: [string, Entry][]; snaps: [string, SnapEntry][] } {
    return { vols: [...this.vols], snaps: [...this.snaps] };
  }

  /** Restores what `journal` returned. */
  loadJournal(saved: unknown): void {
    const j = saved as { vols?: [string, Entry][]; snaps?: [string, SnapEntry][] };
    for (const [k, v] of j.vols ?? []) this.vols.set(k, v);
    for (const [k, v] of j.snaps ?? []) this.snaps.set(k, v);
  }

  drivers(): string[] {
    return [...RBD_DRIVERS];
  }

  capabilities(): ProvisionerCapabilities {
    return { rwxBlock: true, rwxFilesystem: false, cowClone: true, snapshots: true, expansion: true };
  }

  /** True once a Ceph cluster serves pools. */
  ready(): boolean {
    return !!this.host.cluster && this.host.cluster.pools.size > 0;
  }

  /** True for a handle or snapshot handle this provisioner made. */
  owns(handle: string): boolean {
    return this.vols.has(handle) || this.snaps.has(handle);
  }

  /** The image behind a volume handle. */
  image(handle: string): RbdImage | undefined {
    const e = this.vols.get(handle);
    return e && this.host.rbd?.get(e.poolId, e.image);
  }

  private poolId(name: string): number {
    const c = this.host.cluster;
    const p = c && [...c.pools.values()].find((x) => x.def.name === name);
    if (!p) throw new ProvisioningError('NotFound', `pool not found: pool (${name}) not found in Ceph cluster`);
    return p.def.id;
  }

  /** Validates the request and resolves pools; throws ceph-csi's errors. */
  private target(req: VolumeRequest): { poolId: number; dataPoolId?: number; bytes: number } {
    const multiNode = req.accessModes.some((m) => m === 'ReadWriteMany' || m === 'ReadOnlyMany');
    if (multiNode && req.volumeMode !== 'Block') throw new ProvisioningError('InvalidArgument', RBD_MULTI_NODE_FS_MESSAGE);
    const p = req.parameters;
    if (!p.pool) throw new ProvisioningError('InvalidArgument', 'missing required parameter pool');
    const poolId = this.poolId(p.pool);
    const c = this.host.cluster!;
    if (c.pool(poolId).def.kind === 'erasure') {
      throw new ProvisioningError('InvalidArgument', `pool ${p.pool} is erasure-coded: RBD image metadata (omap) needs a replicated pool; set pool to a replicated pool and dataPool to ${p.pool}`);
    }
    const dataPoolId = p.dataPool ? this.poolId(p.dataPool) : undefined;
    const bytes = Math.ceil(req.bytes / MiB) * MiB;
    const usage = poolUsage(c).find((u) => u.id === (dataPoolId ?? poolId))!;
    if (bytes > usage.maxAvail) {
      throw new ProvisioningError('ResourceExhausted', `requested size ${bytes} bytes (${bytesU(bytes)}) exceeds MAX AVAIL of pool ${usage.name}: ${usage.maxAvail} bytes (${bytesU(usage.maxAvail)})`);
    }
    return { poolId, dataPoolId, bytes };
  }

  private record(req: VolumeRequest, poolId: number, img: RbdImage, uuid: string): ProvisionedVolume {
    const cluster = req.parameters.clusterID ?? 'openshift-storage';
    const handle = cephCsiId(cluster, poolId, uuid);
    const attrs: Record<string, string> = { clusterID: cluster, pool: req.parameters.pool!, imageName: img.name, imageFeatures: img.features.filter((f) => f !== 'data-pool').join(','), journalPool: req.parameters.pool! };
    if (req.parameters.dataPool) attrs.dataPool = req.parameters.dataPool;
    this.vols.set(handle, { poolId, image: img.name, attrs });
    // The image and its journal entry are durable before the PV that names them is created.
    this.host.commit();
    return this.volume(handle)!;
  }

  async provision(req: VolumeRequest, _sc: KubeObject): Promise<ProvisionedVolume> {
    const t = this.target(req);
    const uuid = uuidOf(req.name);
    const name = `csi-vol-${uuid}`;
    const handle = cephCsiId(req.parameters.clusterID ?? 'openshift-storage', t.poolId, uuid);
    if (this.vols.has(handle)) return this.volume(handle)!;
    const features = (req.parameters.imageFeatures ?? 'layering').split(',').map((f) => f.trim()).filter(Boolean);
    const img = this.host.rbd!.create(t.poolId, name, t.bytes, { features, dataPoolId: t.dataPoolId });
    return this.record(req, t.poolId, img, uuid);
  }

  async delete(handle: string): Promise<void> {
    const e = this.vols.get(handle);
    const rbd = this.host.rbd;
    if (!e || !rbd) return;
    const img = rbd.get(e.poolId, e.image);
    if (img.snaps.length || rbd.children(img).length) {
      e.trashed = true;
      return this.host.commit();
    }
    rbd.remove(img);
    this.vols.delete(handle);
    this.host.commit();
  }

  private cloneOf(parent: RbdImage, snap: string, req: VolumeRequest): ClonedVolume {
    const t = this.target(req);
    const uuid = uuidOf(req.name);
    const handle = cephCsiId(req.parameters.clusterID ?? 'openshift-storage', t.poolId, uuid);
    if (this.vols.has(handle)) return { ...this.volume(handle)!, copyOnWrite: true };
    const img = this.host.rbd!.clone(parent, snap, t.poolId, `csi-vol-${uuid}`);
    if (t.bytes > img.sizeBytes) this.host.rbd!.resize(img, t.bytes);
    return { ...this.record(req, t.poolId, img, uuid), copyOnWrite: true };
  }

  async cloneFrom(source: string, req: VolumeRequest, _sc?: KubeObject): Promise<ClonedVolume> {
    const src = this.image(source);
    if (!src) throw new ProvisioningError('NotFound', `source Volume ID ${source} not found`);
    if (req.bytes < src.sizeBytes) throw new ProvisioningError('InvalidArgument', 'requested size is smaller than the source volume');
    // ceph-csi clones through a temporary snapshot of the source (csi-vol-<uuid>-temp).
    const snap = `csi-vol-${uuidOf(req.name)}-temp`;
    if (!src.snaps.some((s) => s.name === snap)) this.host.rbd!.snapCreate(src, snap);
    return this.cloneOf(src, snap, req);
  }

  async restoreSnapshot(snapshotHandle: string, req: VolumeRequest, _sc?: KubeObject): Promise<ClonedVolume> {
    const s = this.snaps.get(snapshotHandle);
    if (!s) throw new ProvisioningError('NotFound', `snapshot ID ${snapshotHandle} not found`);
    return this.cloneOf(this.host.rbd!.get(s.poolId, s.image), s.snap, req);
  }

  async snapshot(source: string, name: string, nowMs: number): Promise<VolumeSnapshotInfo> {
    const e = this.vols.get(source);
    const img = this.image(source);
    if (!e || !img) throw new ProvisioningError('NotFound', `source Volume ID ${source} not found`);
    const uuid = uuidOf(`snap/${name}`);
    const handle = cephCsiId(e.attrs.clusterID!, e.poolId, uuid);
    const prev = this.snaps.get(handle);
    if (prev) return prev.info;
    const snap = `csi-snap-${uuid}`;
    this.host.rbd!.snapCreate(img, snap);
    const info: VolumeSnapshotInfo = { snapshotHandle: handle, sourceVolumeHandle: source, restoreSizeBytes: img.sizeBytes, creationTimeMs: nowMs, readyToUse: true };
    this.snaps.set(handle, { poolId: e.poolId, image: img.name, snap, info });
    this.host.commit();
    return info;
  }

  async deleteSnapshot(handle: string): Promise<void> {
    const s = this.snaps.get(handle);
    if (!s || !this.host.rbd) return;
    const img = this.host.rbd.get(s.poolId, s.image);
    // A snapshot that clones still read from stays (clone v2 keeps it in the snapshot trash).
    if (!this.host.rbd.children(img).some((c) => c.parent?.snap === s.snap)) img.snaps = img.snaps.filter((x) => x.name !== s.snap);
    this.snaps.delete(handle);
    this.host.commit();
  }

  async expand(handle: string, bytes: number): Promise<number> {
    const img = this.image(handle);
    if (!img) throw new ProvisioningError('NotFound', `volume ID ${handle} not found`);
    const want = Math.ceil(bytes / MiB) * MiB;
    if (want > img.sizeBytes) this.host.rbd!.resize(img, want);
    this.host.commit();
    return img.sizeBytes;
  }

  write(handle: string, bytes: number): void {
    const img = this.image(handle);
    if (!img || !this.host.rbd) return;
    const from = this.host.rbd.usedBytes(img);
    const len = Math.min(bytes, img.sizeBytes - from);
    if (len > 0) this.host.rbd.write(img, from, len);
    // An import or copy is recorded once, when it completes: durable before CDI reports it done.
    this.host.flush();
  }

  volume(handle: string): ProvisionedVolume | undefined {
    const e = this.vols.get(handle);
    const img = this.image(handle);
    if (!e || !img || e.trashed) return undefined;
    return { volumeHandle: handle, capacityBytes: img.sizeBytes, volumeAttributes: e.attrs, usedBytes: this.host.rbd!.usedBytes(img) };
  }
}
