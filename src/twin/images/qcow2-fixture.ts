/**
 * Test support: a small, valid qcow2 version 3 image written byte by byte after QEMU's
 * specification (qemu `docs/interop/qcow2.txt`): the header in cluster 0, the refcount
 * table in cluster 1 pointing at the refcount block in cluster 2 (16-bit refcounts,
 * refcount_order 4), the L1 table in cluster 3, one L2 table in cluster 4, then the data
 * clusters, every used cluster with refcount 1 and the copied flag (bit 63) on its entries.
 */
import { QCOW2_MAGIC } from './qcow2-header.js';

const COPIED = 1n << 63n;

/** A qcow2 of `virtualSize` bytes whose first `dataClusters` guest clusters hold `fill` (64 KiB clusters). */
export function buildQcow2(virtualSize: number, dataClusters: number, fill = 0xa5): Buffer {
  const clusterBits = 16;
  const cluster = 2 ** clusterBits;
  const l2Entries = cluster / 8;
  if (dataClusters > l2Entries || dataClusters * cluster > virtualSize) throw new Error('the fixture maps its data with one L2 table inside the virtual size');
  const total = 5 + dataClusters;
  const img = Buffer.alloc(total * cluster);
  const h = img.subarray(0, 104);
  QCOW2_MAGIC.copy(h, 0);
  h.writeUInt32BE(3, 4); // version
  h.writeUInt32BE(clusterBits, 20);
  h.writeBigUInt64BE(BigInt(virtualSize), 24);
  h.writeUInt32BE(Math.ceil(virtualSize / (l2Entries * cluster)), 36); // l1_size
  h.writeBigUInt64BE(BigInt(3 * cluster), 40); // l1_table_offset
  h.writeBigUInt64BE(BigInt(cluster), 48); // refcount_table_offset
  h.writeUInt32BE(1, 56); // refcount_table_clusters
  h.writeUInt32BE(4, 96); // refcount_order
  h.writeUInt32BE(104, 100); // header_length
  img.writeBigUInt64BE(BigInt(2 * cluster), cluster); // refcount table[0] → refcount block
  for (let c = 0; c < total; c++) img.writeUInt16BE(1, 2 * cluster + 2 * c);
  img.writeBigUInt64BE(BigInt(4 * cluster) | COPIED, 3 * cluster); // L1[0] → L2
  for (let i = 0; i < dataClusters; i++) {
    const at = (5 + i) * cluster;
    img.writeBigUInt64BE(BigInt(at) | COPIED, 4 * cluster + 8 * i);
    img.fill(fill, at, at + cluster);
  }
  return img;
}
