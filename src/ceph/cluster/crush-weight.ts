// An OSD's initial CRUSH weight: its size in TiB, as the OSD registers itself
// (ceph/ceph src/osd/OSD.cc update_crush_location: "%.4lf" of total / 2^40, osd_crush_initial_weight -1)
// and as the mon stores it (CrushWrapper::insert_item: (int)(weight * (float)0x10000)).

/** The 16.16 fixed-point CRUSH weight Ceph gives a device of `sizeBytes`. */
export function crushWeightForSize(sizeBytes: number): number {
  const tib = Math.max(0.00001, sizeBytes / 2 ** 40);
  const printed = Number(tib.toFixed(4));
  return Math.trunc(Math.fround(Math.fround(printed) * 65536));
}

/** A 16.16 weight as a float, the way Ceph converts it for display. */
export function weightToFloat(w: number): number {
  return Math.fround(w / 65536);
}
