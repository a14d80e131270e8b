/**
 * What an uploaded image is, learnt from its bytes as they stream past (nothing is
 * kept but the header and the qcow2 tables being read): the format from the magic
 * bytes (qcow2, else raw, as `qemu-img info` probes), the virtual size (the qcow2
 * header's size field; a raw image's length), and the data it holds (a qcow2's
 * allocated clusters, counted from its L1 and L2 tables; a raw image's length).
 * A raw image longer than the target fails as soon as it overflows it.
 */
import { parseQcow2Header, type Qcow2Header } from './qcow2-header.js';

/** Why an upload failed, with the HTTP code the upload server answers. */
export class UploadFailure extends Error {
  override name = 'UploadFailure';
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

/** The image as the stream showed it. */
export interface ImageFacts {
  format: 'qcow2' | 'raw';
  /** Bytes of the (decompressed) image file. */
  fileBytes: number;
  virtualSize: number;
  /** Bytes of data the conversion writes into the target (allocated clusters for qcow2). */
  dataBytes: number;
  /** A qcow2's backing file name, when it has one. */
  backingFile?: string;
}

const HEAD_BYTES = 512;
// Bits 9–55 of an L1 or L2 entry hold the host offset; bit 62 marks a compressed cluster, bit 0 a zero cluster (v3).
const OFFSET_MASK = 0x00ff_ffff_ffff_fe00n;
const COMPRESSED = 1n << 62n;

interface Region {
  offset: number;
  buf: Buffer;
  filled: number;
  done: (b: Buffer) => void;
}

/** Consumes an image's bytes in order; `end()` gives the facts. */
export class ImageSink {
  private head: Buffer[] = [];
  private headBytes = 0;
  private pos = 0;
  private qcow?: Qcow2Header;
  private format?: 'qcow2' | 'raw';
  private regions: Region[] = [];
  private allocatedClusters = 0;
  private missedTables = false;
  private backingFile?: string;
  private chunkStart?: number;

  /** `availableBytes`: the target's room; `device`: where a raw image is written (for the error). */
  constructor(private readonly availableBytes: number, private readonly device: string) {}

  /** Takes the next bytes; throws UploadFailure when a raw image overflows the target. */
  write(chunk: Buffer): void {
    if (this.format) return this.consume(chunk);
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes >= HEAD_BYTES) this.decide();
  }

  /** The stream is over: the facts, or UploadFailure when the image cannot go into the target. */
  end(): ImageFacts {
    if (!this.format) this.decide();
    if (this.format === 'raw') return { format: 'raw', fileBytes: this.pos, virtualSize: this.pos, dataBytes: this.pos };
    const q = this.qcow!;
    const cluster = 2 ** q.clusterBits;
    // A table that went past before its L1 entry was read cannot be counted: the file's length bounds the data.
    const data = this.missedTables ? this.pos : this.allocatedClusters * cluster;
    const facts: ImageFacts = { format: 'qcow2', fileBytes: this.pos, virtualSize: q.virtualSize, dataBytes: Math.min(q.virtualSize, data), backingFile: this.backingFile };
    // qemu-img info after the transfer (pkg/image/qemu.go Validate): a backing file, then the size.
    if (q.backingFileOffset) throw new UploadFailure(500, `Unable to process data: Image is invalid because it has backing file ${this.backingFile ?? ''}`);
    if (q.virtualSize > this.availableBytes) {
      throw new UploadFailure(400, `Unable to convert source data to target format: virtual image size ${q.virtualSize} is larger than the reported available storage ${this.availableBytes}. A larger PVC is required`);
    }
    return facts;
  }

  private decide(): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.qcow = parseQcow2Header(head);
    this.format = this.qcow ? 'qcow2' : 'raw';
    if (this.qcow) {
      const q = this.qcow;
      this.want(q.l1TableOffset, q.l1Size * 8, (l1) => this.readL1(l1));
      if (q.backingFileOffset) this.want(q.backingFileOffset, Math.min(1023, head.readUInt32BE(16)), (b) => (this.backingFile = b.toString('utf8')));
    }
    this.consume(head);
  }

  private consume(chunk: Buffer): void {
    const start = this.pos;
    this.pos += chunk.length;
    if (this.format === 'raw' && this.pos > this.availableBytes) {
      throw new UploadFailure(500, `Unable to transfer source data to target file: write ${this.device}: no space left on device`);
    }
    this.chunkStart = start;
    // A table read from this chunk can name further tables in the same chunk: go round until none completes.
    for (let again = true; again; ) {
      again = false;
      for (const r of [...this.regions]) {
        const from = Math.max(start, r.offset + r.filled);
        const to = Math.min(this.pos, r.offset + r.buf.length);
        if (to <= from) continue;
        chunk.copy(r.buf, from - r.offset, from - start, to - start);
        r.filled = to - r.offset;
        if (r.filled === r.buf.length) {
          this.regions.splice(this.regions.indexOf(r), 1);
          r.done(r.buf);
          again = true;
        }
      }
    }
    this.chunkStart = undefined;
  }

  private want(offset: number, length: number, done: (b: Buffer) => void): void {
    if (length <= 0) return;
    if (offset < (this.chunkStart ?? this.pos)) {
      // Already streamed past (only possible for tables placed before the L1 table).
      this.missedTables = true;
      return;
    }
    this.regions.push({ offset, buf: Buffer.alloc(length), filled: 0, done });
  }

  private readL1(l1: Buffer): void {
    const cluster = 2 ** this.qcow!.clusterBits;
    for (let i = 0; i < l1.length; i += 8) {
      const l2 = Number(l1.readBigUInt64BE(i) & OFFSET_MASK);
      if (l2) this.want(l2, cluster, (t) => this.readL2(t));
    }
  }

  private readL2(t: Buffer): void {
    for (let i = 0; i < t.length; i += 8) {
      const e = t.readBigUInt64BE(i);
      if (e & COMPRESSED || ((e & OFFSET_MASK) !== 0n && (e & 1n) === 0n)) this.allocatedClusters++;
    }
  }
}
