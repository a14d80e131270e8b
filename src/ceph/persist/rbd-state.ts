// RBD images as plain JSON: the image headers (rbd_header.<id> omap: size, order, features,
// parent, snapshots, `rbd config image` overrides) and which data objects exist with how many
// bytes. Object maps are run-length encoded, so a fully written 100 GiB image is one run.
import type { RbdImage, RbdImageStore, RbdSnap } from '../rbd/rbd-image-store.js';

/** Runs of consecutive object numbers of equal size: [first object number, count, bytes]. */
export type ObjectRuns = [number, number, number][];

/** A snapshot as saved. */
export type SavedSnap = Omit<RbdSnap, 'objects'> & { objects: ObjectRuns };

/** An image as saved. */
export type SavedImage = Omit<RbdImage, 'objects' | 'snaps' | 'config'> & { objects: ObjectRuns; snaps: SavedSnap[]; config: [string, string][] };

/** The image store as JSON. */
export interface RbdState {
  images: SavedImage[];
  seq: number;
  snapSeq: number;
}

/** Run-length encodes an object map (by object number). */
export function encodeObjects(objects: Map<number, number>): ObjectRuns {
  const runs: ObjectRuns = [];
  for (const [no, bytes] of [...objects].sort((a, b) => a[0] - b[0])) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === no && last[2] === bytes) last[1]++;
    else runs.push([no, 1, bytes]);
  }
  return runs;
}

/** Expands what `encodeObjects` made. */
export function decodeObjects(runs: ObjectRuns): Map<number, number> {
  const m = new Map<number, number>();
  for (const [first, count, bytes] of runs) for (let i = 0; i < count; i++) m.set(first + i, bytes);
  return m;
}

/** Saves every image of the store; the result shares the images' objects, so serialize it at once. */
export function saveImages(store: RbdImageStore): RbdState {
  const s = store.save();
  return {
    seq: s.seq, snapSeq: s.snapSeq,
    images: s.images.map((img) => ({
      ...img, objects: encodeObjects(img.objects), config: [...img.config],
      snaps: img.snaps.map((sn) => ({ ...sn, objects: encodeObjects(sn.objects) })),
    })),
  };
}

/** Puts saved images into an empty store. */
export function restoreImages(store: RbdImageStore, input: RbdState): void {
  const s = structuredClone(input);
  store.restore({
    seq: s.seq, snapSeq: s.snapSeq,
    images: s.images.map((img) => ({
      ...img, objects: decodeObjects(img.objects), config: new Map(img.config),
      snaps: img.snaps.map((sn) => ({ ...sn, objects: decodeObjects(sn.objects) })),
    })),
  });
}
