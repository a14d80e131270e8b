/**
 * How long a CDI import takes and how its progress advances, from the image and named
 * parameters. CDI's importer streams an HTTP qcow2 through nbdkit into
 * `qemu-img convert -O raw` and reports qemu-img's progress, which runs over the
 * virtual size: data clusters advance at the pace of the download (compressed bytes
 * over the source's goodput) or of decompression, whichever is slower; unallocated
 * ranges advance at the rate zeroes are written to the target. Registry imports pull
 * the layer to scratch first, then convert. Pure.
 */
import type { ImageEntry } from './catalog.js';

/** The model's parameters (seconds, bytes, bytes per second). */
export const IMPORT_MODEL = {
  /** nbdkit start-up plus the HTTP HEAD and first range GET before qemu-img reports progress (assumed). */
  connectSeconds: 0.5,
  /**
   * qcow2→raw conversion output rate: zlib inflate of compressed clusters (~300 MB/s per
   * core) within the importer's CPU limit of 750m (CDI's default pod limits: cpu 750m, memory 600M).
   */
  convertBytesPerSecond: 300e6 * 0.75,
  /** Unallocated ranges: qemu-img writes zeroes (BLKZEROOUT, discards on thin RBD) instead of data (assumed). */
  zeroBytesPerSecond: 2e9,
  /** Dirty page cache flushed when qemu-img closes the target: vm.dirty_ratio 20 % of the 600M memory limit. */
  flushBytes: 0.2 * 600e6,
  /** Sequential write rate of one client to a 3-replica RBD image with 4 MiB objects (assumed). */
  targetWriteBytesPerSecond: 150e6,
};

/** Model parameters (defaults above). */
export type ImportParams = typeof IMPORT_MODEL;

/** The source kinds the importer handles. */
export type ImportSource = 'http' | 'registry' | 's3' | 'gcs' | 'imageio' | 'vddk' | 'none';

/** A planned import: its durations (seconds from container start) and progress curve. */
export type ImportPlan =
  | { ok: true; connectSeconds: number; transferSeconds: number; flushSeconds: number; totalSeconds: number; writtenBytes: number }
  | { ok: false; failAfterSeconds: number; message: string };

/** CDI's message for an HTTP source that is not there (pkg/importer/http-datasource.go). */
export function http404Message(): string {
  return 'Unable to connect to http data source: expected status code 200, got 404. Status: 404 Not Found';
}

/** Plans one importer container run for a source URL against a target of `targetBytes`. */
export function planImport(source: ImportSource, entry: ImageEntry | undefined, targetBytes: number, p: ImportParams = IMPORT_MODEL): ImportPlan {
  if (source === 'none') {
    // A blank disk: qemu-img create of a sparse raw image (Filesystem) or nothing (Block).
    return { ok: true, connectSeconds: 0, transferSeconds: 0.1, flushSeconds: 0, totalSeconds: 0.1, writtenBytes: 0 };
  }
  if (!entry) {
    const message = source === 'registry'
      ? 'Unable to process data: Unable to transfer source data to scratch space: Failed to read registry image: manifest unknown'
      : http404Message();
    return { ok: false, failAfterSeconds: p.connectSeconds, message };
  }
  if (entry.virtualBytes > targetBytes) {
    return { ok: false, failAfterSeconds: p.connectSeconds, message: `Virtual image size ${entry.virtualBytes} is larger than the reported available storage ${targetBytes}. A larger PVC is required.` };
  }
  const download = entry.fileBytes / entry.bandwidthBytesPerSecond;
  const data = entry.format === 'qcow2' ? entry.allocatedBytes / p.convertBytesPerSecond : 0;
  const zeroes = Math.max(0, entry.virtualBytes - entry.allocatedBytes) / p.zeroBytesPerSecond;
  // nbdkit streams, so download and conversion overlap; a registry layer lands in scratch space first.
  const transfer = source === 'registry' ? download + data + zeroes : Math.max(download, data) + zeroes;
  const flush = Math.min(p.flushBytes, entry.allocatedBytes) / p.targetWriteBytesPerSecond;
  return { ok: true, connectSeconds: p.connectSeconds, transferSeconds: transfer, flushSeconds: flush, totalSeconds: p.connectSeconds + transfer + flush, writtenBytes: entry.allocatedBytes };
}

/** qemu-img's progress (0–100) `seconds` after the container started, for a successful plan. */
export function progressAt(plan: Extract<ImportPlan, { ok: true }>, seconds: number): number {
  const t = seconds - plan.connectSeconds;
  if (t <= 0) return 0;
  if (plan.transferSeconds <= 0) return 100;
  return Math.min(100, (100 * t) / plan.transferSeconds);
}

/** Host-assisted clone: the source's used bytes streamed pod to pod over one TCP stream (assumed 1 Gbit/s goodput). */
export const HOST_COPY = { bytesPerSecond: (1e9 / 8) * (1448 / 1538) };

/** Seconds a host-assisted copy of `bytes` takes. */
export function hostCopySeconds(bytes: number, bytesPerSecond = HOST_COPY.bytesPerSecond): number {
  return Math.max(0.1, bytes / bytesPerSecond);
}

/**
 * Seconds CDI's upload server works after the last byte arrived: a qcow2 lands in scratch
 * space and `qemu-img convert` writes its data and zeroes the rest of the target; a raw
 * image was written as it streamed. Either way the target's dirty cache is flushed at the end.
 */
export function uploadProcessingSeconds(format: 'qcow2' | 'raw', virtualBytes: number, dataBytes: number, p: ImportParams = IMPORT_MODEL): number {
  const convert = format === 'qcow2' ? dataBytes / p.targetWriteBytesPerSecond + Math.max(0, virtualBytes - dataBytes) / p.zeroBytesPerSecond : 0;
  return convert + Math.min(p.flushBytes, dataBytes) / p.targetWriteBytesPerSecond;
}
