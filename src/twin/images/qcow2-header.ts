/**
 * The qcow2 header as QEMU's specification lays it out (qemu `docs/interop/qcow2.txt`):
 * all numbers big-endian; bytes 0–3 the magic `QFI\xfb`, 4–7 the version (2 or 3),
 * 8–15 backing_file_offset, 16–19 backing_file_size, 20–23 cluster_bits, 24–31 size
 * (the virtual disk size in bytes), 32–35 crypt_method, 36–39 l1_size, 40–47
 * l1_table_offset, 48–55 refcount_table_offset, 56–59 refcount_table_clusters,
 * 60–63 nb_snapshots, 64–71 snapshots_offset; version 3 adds fields up to
 * header_length at 100–103.
 */

/** The qcow2 magic: 'Q', 'F', 'I', 0xfb. */
export const QCOW2_MAGIC = Buffer.from([0x51, 0x46, 0x49, 0xfb]);
/** Bytes of a version 2 header; version 3 headers are at least 104. */
export const QCOW2_V2_HEADER_BYTES = 72;

/** What the header says. */
export interface Qcow2Header {
  version: number;
  backingFileOffset: number;
  clusterBits: number;
  virtualSize: number;
  cryptMethod: number;
  l1Size: number;
  l1TableOffset: number;
}

/** Parses a qcow2 header; undefined when `head` is not one (wrong magic or too short). */
export function parseQcow2Header(head: Buffer): Qcow2Header | undefined {
  if (head.length < QCOW2_V2_HEADER_BYTES || !head.subarray(0, 4).equals(QCOW2_MAGIC)) return undefined;
  return {
    version: head.readUInt32BE(4),
    backingFileOffset: Number(head.readBigUInt64BE(8)),
    clusterBits: head.readUInt32BE(20),
    virtualSize: Number(head.readBigUInt64BE(24)),
    cryptMethod: head.readUInt32BE(32),
    l1Size: head.readUInt32BE(36),
    l1TableOffset: Number(head.readBigUInt64BE(40)),
  };
}
