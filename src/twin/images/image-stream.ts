/**
 * Reads an uploaded image stream to its end as CDI's upload server does: a gzip stream
 * (magic 1f 8b) is inflated on the fly (CDI's importer decompresses gz and xz uploads),
 * the image goes through `ImageSink`, and the body is always read to its end, so the
 * client gets the answer rather than a reset connection. Memory stays bounded: chunks
 * pass through and are dropped.
 */
import { once } from 'node:events';
import { createGunzip } from 'node:zlib';
import { ImageSink, UploadFailure, type ImageFacts } from './image-sink.js';

/** The gzip magic (RFC 1952 §2.3.1). */
export const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);
/** The xz magic (the .xz file format §2.1.1.1: FD 37 7A 58 5A 00). */
export const XZ_MAGIC = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]);

/** An upload's result: the image facts plus the bytes received and the compression seen. */
export interface ReceivedImage extends ImageFacts {
  wireBytes: number;
  compression?: 'gzip';
}

interface Decoder {
  write(chunk: Buffer): Promise<void>;
  end(): Promise<void>;
}

function plain(sink: ImageSink): Decoder {
  return { write: async (c) => sink.write(c), end: async () => undefined };
}

function gunzip(sink: ImageSink): Decoder {
  const z = createGunzip();
  let failed: unknown;
  z.on('data', (c: Buffer) => {
    if (failed) return;
    try {
      sink.write(c);
    } catch (e) {
      failed = e;
      z.destroy();
    }
  });
  const ended = new Promise<void>((resolve) => {
    z.once('end', resolve);
    z.once('close', resolve);
    z.once('error', (e) => ((failed ??= new UploadFailure(500, `Unable to process data: ${e.message}`)), resolve()));
  });
  return {
    async write(c) {
      if (failed) throw failed;
      if (!z.write(c)) await Promise.race([once(z, 'drain'), ended]);
      if (failed) throw failed;
    },
    async end() {
      if (!failed) z.end();
      await ended;
      if (failed) throw failed;
    },
  };
}

/** Reads `body` to its end into a target of `availableBytes` at `device`; throws UploadFailure (after the body is read) when it cannot go in. */
export async function receiveImage(body: AsyncIterable<Buffer>, availableBytes: number, device: string): Promise<ReceivedImage> {
  const sink = new ImageSink(availableBytes, device);
  let wireBytes = 0;
  let failure: unknown;
  let decoder: Decoder | undefined;
  let compression: 'gzip' | undefined;
  const pending: Buffer[] = [];
  const choose = async () => {
    const head = Buffer.concat(pending);
    pending.length = 0;
    if (head.subarray(0, 6).equals(XZ_MAGIC)) throw new UploadFailure(500, 'Unable to process data: xz-compressed images are not supported by the twin upload server (decompress the image first)');
    compression = head.subarray(0, 2).equals(GZIP_MAGIC) ? 'gzip' : undefined;
    decoder = compression ? gunzip(sink) : plain(sink);
    if (head.length) await decoder.write(head);
  };
  for await (const chunk of body) {
    wireBytes += chunk.length;
    if (failure) continue;
    try {
      if (decoder) await decoder.write(chunk);
      else {
        pending.push(chunk);
        if (pending.reduce((n, b) => n + b.length, 0) >= XZ_MAGIC.length) await choose();
      }
    } catch (e) {
      failure = e;
    }
  }
  if (!failure) {
    try {
      if (!decoder) await choose();
      await decoder!.end();
      return { ...sink.end(), wireBytes, compression };
    } catch (e) {
      failure = e;
    }
  }
  throw failure instanceof UploadFailure ? failure : new UploadFailure(500, failure instanceof Error ? failure.message : String(failure));
}
