import { describe, it, expect } from 'vitest';
import { gzipSync } from 'node:zlib';
import { UploadFailure } from './image-sink.js';
import { receiveImage } from './image-stream.js';
import { parseQcow2Header } from './qcow2-header.js';
import { buildQcow2 } from './qcow2-fixture.js';

const MiB = 2 ** 20;
const GiB = 2 ** 30;

/** Streams `buf` in chunks of `size` bytes (odd sizes cross every table boundary). */
async function* chunks(buf: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

describe('receiveImage', () => {
  it('reads a qcow2 header as the spec lays it out', () => {
    const h = parseQcow2Header(buildQcow2(10 * GiB, 3))!;
    expect(h).toMatchObject({ version: 3, clusterBits: 16, virtualSize: 10 * GiB, backingFileOffset: 0, l1Size: 20, l1TableOffset: 3 * 65536 });
    expect(parseQcow2Header(Buffer.alloc(512))).toBeUndefined();
  });

  it('finds a qcow2: virtual size from the header, data from the L2 table, whatever the chunking', async () => {
    const img = buildQcow2(10 * GiB, 40);
    for (const size of [1, 7, 4093, 65536, 1 << 20]) {
      const r = await receiveImage(chunks(size === 1 ? img.subarray(0, 4096) : img, size), 20 * GiB, '/dev/cdi-block-volume').catch((e: Error) => e);
      if (size === 1) {
        // A truncated qcow2 (header only): nothing mapped was seen.
        expect(r).toMatchObject({ format: 'qcow2', dataBytes: 0 });
        continue;
      }
      expect(r).toEqual({ format: 'qcow2', fileBytes: img.length, virtualSize: 10 * GiB, dataBytes: 40 * 65536, backingFile: undefined, wireBytes: img.length, compression: undefined });
    }
  });

  it('refuses a qcow2 whose virtual size exceeds the target with CDI\'s size error (400)', async () => {
    const e = await receiveImage(chunks(buildQcow2(10 * GiB, 2), 65536), 5 * GiB, '/data/disk.img').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UploadFailure);
    expect((e as UploadFailure).code).toBe(400);
    expect((e as Error).message).toBe(`Unable to convert source data to target format: virtual image size ${10 * GiB} is larger than the reported available storage ${5 * GiB}. A larger PVC is required`);
  });

  it('refuses a qcow2 with a backing file, naming it (500)', async () => {
    const img = buildQcow2(GiB, 2);
    img.writeBigUInt64BE(512n, 8);
    img.writeUInt32BE(16, 16);
    img.write('base-image.qcow2', 512);
    const e = await receiveImage(chunks(img, 4096), 2 * GiB, '/dev/cdi-block-volume').catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 500, message: 'Unable to process data: Image is invalid because it has backing file base-image.qcow2' });
  });

  it('takes anything else as raw, sized by its length, and fails a raw image that overflows the target', async () => {
    const raw = Buffer.alloc(3 * MiB, 7);
    expect(await receiveImage(chunks(raw, 65536), 4 * MiB, '/dev/cdi-block-volume')).toMatchObject({ format: 'raw', virtualSize: 3 * MiB, dataBytes: 3 * MiB, wireBytes: 3 * MiB });
    const e = await receiveImage(chunks(raw, 65536), 2 * MiB, '/dev/cdi-block-volume').catch((x: unknown) => x);
    expect((e as UploadFailure).code).toBe(500);
    expect((e as Error).message).toBe('Unable to transfer source data to target file: write /dev/cdi-block-volume: no space left on device');
  });

  it('inflates a gzip upload and sniffs the image inside', async () => {
    const img = buildQcow2(2 * GiB, 8);
    const gz = gzipSync(img);
    const r = await receiveImage(chunks(gz, 1000), 4 * GiB, '/dev/cdi-block-volume');
    expect(r).toMatchObject({ format: 'qcow2', compression: 'gzip', virtualSize: 2 * GiB, dataBytes: 8 * 65536, fileBytes: img.length, wireBytes: gz.length });
  });

  it('says plainly that xz is not handled, and reads the body to its end anyway', async () => {
    let read = 0;
    async function* body() {
      for await (const c of chunks(Buffer.concat([Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]), Buffer.alloc(100_000)]), 4096)) {
        read += c.length;
        yield c;
      }
    }
    const e = await receiveImage(body(), GiB, '/dev/cdi-block-volume').catch((x: unknown) => x);
    expect((e as Error).message).toMatch(/xz-compressed images are not supported/);
    expect(read).toBe(100_006);
  });
});
