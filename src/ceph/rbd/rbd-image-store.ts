// RBD images in the cluster model: format-2 images striped over 2^order-byte RADOS objects named
// rbd_data.<id>.<object number as 16 hex digits> (ceph/ceph src/librbd/Utils.cc, rbd_default_order 22),
// thin (an object exists once written), with snapshots, copy-on-write clones, flatten and QoS config.
import type { CephCluster } from '../cluster/ceph-cluster.js';
import { hash32_2 } from '../crush/hash.js';
import { rbdConfigImageSet } from '../cli-format/rbd-format.js';

/** RBD feature bits (src/include/rbd/features.h). */
export const RBD_FEATURES = { layering: 1, striping: 2, 'exclusive-lock': 4, 'object-map': 8, 'fast-diff': 16, 'deep-flatten': 32, journaling: 64, 'data-pool': 128, operations: 256 } as const;

/** rbd_default_features 61: layering, exclusive-lock, object-map, fast-diff, deep-flatten. */
export const DEFAULT_FEATURES = ['layering', 'exclusive-lock', 'object-map', 'fast-diff', 'deep-flatten'];

/** A snapshot: its id, name, the image size and objects at the time. */
export interface RbdSnap {
  id: number;
  name: string;
  sizeBytes: number;
  createdMs: number;
  protected: boolean;
  /** Object sizes at snapshot time (shared with the head until the head overwrites them). */
  objects: Map<number, number>;
}

/** An RBD image. */
export interface RbdImage {
  poolId: number;
  /** The EC pool holding data when the image has a data pool (metadata stays in poolId). */
  dataPoolId?: number;
  name: string;
  id: string;
  sizeBytes: number;
  order: number;
  features: string[];
  createdMs: number;
  modifiedMs: number;
  /** Written bytes per object number (a RADOS object's size is its highest written offset). */
  objects: Map<number, number>;
  snaps: RbdSnap[];
  parent?: { poolId: number; image: string; snap: string; overlap: number };
  /** Image-level config overrides (`rbd config image set`). */
  config: Map<string, string>;
}

/** Images by pool; every write goes through the cluster so pools, PGs and OSDs fill up. */
export class RbdImageStore {
  private readonly images = new Map<string, RbdImage>();
  private seq = 0;
  private snapSeq = 0;
  /** Called after a metadata change (create, snapshot, clone, flatten, resize, remove, config; not data writes). */
  onChange: () => void = () => undefined;
  /** Called after a data write. */
  onWrite: () => void = () => undefined;

  constructor(private readonly cluster: CephCluster) {}

  /** Every image and the id counters, to save with the engine state. */
  save(): { images: RbdImage[]; seq: number; snapSeq: number } {
    return { images: [...this.images.values()], seq: this.seq, snapSeq: this.snapSeq };
  }

  /** Puts back what `save` returned (into an empty store). */
  restore(s: { images: RbdImage[]; seq: number; snapSeq: number }): void {
    for (const img of s.images) this.images.set(`${img.poolId}/${img.name}`, img);
    this.seq = s.seq;
    this.snapSeq = s.snapSeq;
  }

  /** `rbd create`: a thin image; throws if the name is taken. */
  create(poolId: number, name: string, sizeBytes: number, opts: { features?: string[]; dataPoolId?: number; order?: number } = {}): RbdImage {
    const key = `${poolId}/${name}`;
    if (this.images.has(key)) throw new RangeError(`Cannot create image ${name}: it already exists`);
    this.cluster.pool(poolId);
    const seq = ++this.seq;
    const id = `${hash32_2(seq, poolId).toString(16).padStart(8, '0')}${seq.toString(16).padStart(4, '0')}`;
    const features = [...(opts.features ?? DEFAULT_FEATURES)];
    if (opts.dataPoolId !== undefined && !features.includes('data-pool')) features.push('data-pool');
    const img: RbdImage = {
      poolId, dataPoolId: opts.dataPoolId, name, id, sizeBytes, order: opts.order ?? this.cluster.params.rbdDefaultOrder, features,
      createdMs: this.cluster.nowMs, modifiedMs: this.cluster.nowMs, objects: new Map(), snaps: [], config: new Map(),
    };
    this.images.set(key, img);
    this.onChange();
    return img;
  }

  /** The image, or a RangeError naming it. */
  get(poolId: number, name: string): RbdImage {
    const img = this.images.get(`${poolId}/${name}`);
    if (!img) throw new RangeError(`Cannot open image ${name}: No such file or directory`);
    return img;
  }

  /** `rbd ls`: image names of a pool, sorted. */
  list(poolId: number): string[] {
    return [...this.images.values()].filter((i) => i.poolId === poolId).map((i) => i.name).sort();
  }

  /** Bytes the image holds (thin: only written objects). */
  usedBytes(img: RbdImage): number {
    let s = 0;
    for (const b of img.objects.values()) s += b;
    return s;
  }

  /**
   * Writes `length` bytes at `offset`; objects are created on first write and copied first when a
   * snapshot still shares them. Returns false (nothing written) if a PG is inactive or the pool full.
   */
  write(img: RbdImage, offset: number, length: number): boolean {
    if (offset < 0 || offset + length > img.sizeBytes) throw new RangeError(`Cannot write to ${img.name}: beyond the image size`);
    const objSize = 2 ** img.order;
    const pool = img.dataPoolId ?? img.poolId;
    for (let pos = offset; pos < offset + length;) {
      const objNo = Math.floor(pos / objSize);
      const end = Math.min(offset + length, (objNo + 1) * objSize);
      const inObj = end - objNo * objSize;
      const before = img.objects.get(objNo);
      // First write to a clone's object: librbd copies the parent's object up before writing.
      const copyUp = before === undefined ? this.parentObject(img, objNo) : 0;
      const after = Math.max(before ?? 0, copyUp, inObj);
      const shared = img.snaps.length > 0 && before !== undefined && img.snaps[img.snaps.length - 1]!.objects.get(objNo) === before;
      // A snapshot shares the object: RADOS keeps a clone of it, so the old bytes stay allocated.
      const delta = after - (before ?? 0) + (shared ? before! : 0);
      if (!this.cluster.writeObject(pool, objectName(img, objNo), delta, before === undefined)) return false;
      img.objects.set(objNo, after);
      pos = end;
    }
    img.modifiedMs = this.cluster.nowMs;
    this.onWrite();
    return true;
  }

  /** Size of the parent snapshot's object a clone would copy up (0 when none or past the overlap). */
  private parentObject(img: RbdImage, objNo: number): number {
    if (!img.parent || objNo * 2 ** img.order >= img.parent.overlap) return 0;
    const parent = this.get(img.parent.poolId, img.parent.image);
    return parent.snaps.find((s) => s.name === img.parent!.snap)?.objects.get(objNo) ?? 0;
  }

  /** `rbd config image set POOL/IMAGE KEY VALUE` (known rbd_qos_* keys, non-negative integers). */
  setConfig(img: RbdImage, key: string, value: string): void {
    rbdConfigImageSet(img, key, value);
    this.onChange();
  }

  /** `rbd snap create`. */
  snapCreate(img: RbdImage, name: string): RbdSnap {
    if (img.snaps.some((s) => s.name === name)) throw new RangeError(`Cannot create snapshot ${name}: it already exists`);
    const snap = { id: ++this.snapSeq + 3, name, sizeBytes: img.sizeBytes, createdMs: this.cluster.nowMs, protected: false, objects: new Map(img.objects) };
    img.snaps.push(snap);
    this.onChange();
    return snap;
  }

  /** `rbd clone`: a copy-on-write child of a snapshot (clone v2 needs no protection). */
  clone(parent: RbdImage, snapName: string, poolId: number, name: string): RbdImage {
    const snap = parent.snaps.find((s) => s.name === snapName);
    if (!snap) throw new RangeError(`Cannot clone ${parent.name}@${snapName}: no such snapshot`);
    const child = this.create(poolId, name, snap.sizeBytes, { features: parent.features.filter((f) => f !== 'data-pool'), dataPoolId: parent.dataPoolId });
    child.parent = { poolId: parent.poolId, image: parent.name, snap: snapName, overlap: snap.sizeBytes };
    this.onChange();
    return child;
  }

  /** `rbd flatten`: copies every parent object the child has not written, then drops the parent link. */
  flatten(child: RbdImage): boolean {
    if (!child.parent) return true;
    const parent = this.get(child.parent.poolId, child.parent.image);
    const snap = parent.snaps.find((s) => s.name === child.parent!.snap)!;
    const objSize = 2 ** child.order;
    for (const [objNo, bytes] of snap.objects) {
      if (child.objects.has(objNo) || objNo * objSize >= child.parent.overlap) continue;
      if (!this.write(child, objNo * objSize, bytes)) return false;
    }
    child.parent = undefined;
    this.onChange();
    return true;
  }

  /** `rbd resize` (growing only, as the CSI expansion does). */
  resize(img: RbdImage, sizeBytes: number): void {
    if (sizeBytes < img.sizeBytes) throw new RangeError(`Cannot shrink ${img.name} without --allow-shrink`);
    img.sizeBytes = sizeBytes;
    this.onChange();
  }

  /** `rbd rm`: removes the image's objects from its pool; refused while it has snapshots. */
  remove(img: RbdImage): void {
    if (img.snaps.length) throw new RangeError(`Cannot remove ${img.name}: image has snapshots - not removing`);
    const pool = img.dataPoolId ?? img.poolId;
    for (const [objNo, bytes] of img.objects) this.cluster.deleteObject(pool, objectName(img, objNo), bytes, true);
    this.images.delete(`${img.poolId}/${img.name}`);
    this.onChange();
  }

  /** Images that are clones of the given image. */
  children(img: RbdImage): RbdImage[] {
    return [...this.images.values()].filter((i) => i.parent?.image === img.name && i.parent.poolId === img.poolId);
  }
}

/** The RADOS object name of an image's object number. */
export function objectName(img: RbdImage, objNo: number): string {
  return `rbd_data.${img.id}.${objNo.toString(16).padStart(16, '0')}`;
}
