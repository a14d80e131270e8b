// A fio-like job against an RBD image on the model, and fio's text output for it
// (fio's stat.c show_thread_status: IOPS/BW line, clat line, clat percentiles block).
import type { CephCluster } from '../cluster/ceph-cluster.js';
import type { RbdImage, RbdImageStore } from '../rbd/rbd-image-store.js';
import { DEFAULT_IO_PARAMS, solveIo, type ImageLoad, type IoParams } from './io-model.js';

/** The fio options the model uses. */
export interface FioJob {
  name?: string;
  rw: 'randwrite' | 'randread';
  bs: number;
  numjobs: number;
  iodepth: number;
  runtimeSec: number;
  /** File size per job (`--size`); with a store, that much of the image is written first. */
  size?: number;
  /** Spread of completion latency (stdev / mean); 0.735 is the story's 312.7 / 425.3. */
  latencyCv?: number;
}

/** What fio reports. */
export interface FioResult {
  iops: number;
  bytesPerSec: number;
  ios: number;
  runtimeMs: number;
  lat: { min: number; max: number; avg: number; stdev: number };
  percentiles: [number, number][];
  blocked: boolean;
}

const PCTS = [1, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 99, 99.5, 99.9, 99.95, 99.99];

/** Inverse of the standard normal CDF (Acklam's rational approximation). */
function probit(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const q = p < 0.5 ? p : 1 - p;
  if (q < 0.02425) {
    const r = Math.sqrt(-2 * Math.log(q));
    const x = (((((c[0]! * r + c[1]!) * r + c[2]!) * r + c[3]!) * r + c[4]!) * r + c[5]!) / ((((d[0]! * r + d[1]!) * r + d[2]!) * r + d[3]!) * r + 1);
    return p < 0.5 ? x : -x;
  }
  const r = (q - 0.5) ** 2;
  const x = ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * (q - 0.5)) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  return p < 0.5 ? x : -x;
}

/** Runs the job with `others` loading the cluster at the same time. */
export function runFio(job: FioJob, image: RbdImage, cluster: CephCluster, opts: { others?: ImageLoad[]; params?: IoParams; store?: RbdImageStore } = {}): FioResult {
  if (opts.store && job.size && job.rw === 'randwrite') {
    const total = Math.min(image.sizeBytes, job.size);
    for (let off = 0; off < total; off += 4 << 20) opts.store.write(image, off, Math.min(4 << 20, total - off));
  }
  const load: ImageLoad = { image, rw: job.rw, blockSize: job.bs, depth: job.numjobs * job.iodepth };
  const io = solveIo(cluster, [load, ...(opts.others ?? [])], opts.params ?? DEFAULT_IO_PARAMS).get(image)!;
  // Completion latency: the unloaded storage path as a floor plus a lognormal excess whose spread
  // gives the whole distribution stdev = latencyCv x mean (the story's 312.7 / 425.3 = 0.735).
  const avg = io.latencyUs;
  const floor = Math.min(io.floorUs, avg * 0.99);
  const excess = avg - floor;
  const cv = job.latencyCv ?? 0.735;
  const sigma = Math.sqrt(Math.log(1 + ((cv * avg) / excess) ** 2));
  const mu = Math.log(excess) - (sigma * sigma) / 2;
  const q = (p: number) => floor + Math.exp(mu + sigma * probit(p));
  const runtimeMs = job.runtimeSec * 1000;
  const ios = Math.round(io.iops * job.runtimeSec);
  return {
    iops: io.iops, bytesPerSec: io.bytesPerSec, ios, runtimeMs,
    lat: io.blocked ? { min: 0, max: 0, avg: 0, stdev: 0 } : { min: floor, max: q(0.99999), avg, stdev: avg * cv },
    percentiles: io.blocked ? [] : PCTS.map((p) => [p, Math.round(q(p / 100))]),
    blocked: io.blocked,
  };
}

/** fio's num2str with 3 significant figures: 48200 -> `48.2k`. */
export function fioNum(v: number, base: 1000 | 1024 = 1000, unit = ''): string {
  const units = base === 1000 ? ['', 'k', 'M', 'G', 'T'] : ['', 'Ki', 'Mi', 'Gi', 'Ti'];
  let i = 0;
  while (v >= base * 0.9995 && i < units.length - 1 && v >= 1000) { v /= base; i++; }
  const digits = v >= 100 ? 0 : v >= 10 ? 1 : i === 0 ? 0 : 2;
  return `${v.toFixed(digits)}${units[i]}${unit}`;
}

/** The result as fio prints it (write or read line, clat line, percentiles). */
export function formatFio(job: FioJob, r: FioResult): string {
  const dir = job.rw === 'randwrite' ? 'write' : 'read';
  const total = r.bytesPerSec * (r.runtimeMs / 1000);
  const lines = [`${job.name ?? 'test'}: (groupid=0, jobs=${job.numjobs}): err= 0`];
  lines.push(`  ${dir}: IOPS=${fioNum(r.iops)}, BW=${fioNum(r.bytesPerSec, 1024, 'B/s')} (${fioNum(r.bytesPerSec, 1000, 'B/s')})(${fioNum(total, 1024, 'B')}/${r.runtimeMs}msec)`);
  lines.push(`    clat (usec): min=${Math.round(r.lat.min)}, max=${Math.round(r.lat.max)}, avg=${r.lat.avg.toFixed(2)}, stdev=${r.lat.stdev.toFixed(2)}`);
  lines.push('    clat percentiles (usec):');
  const width = Math.max(5, ...r.percentiles.map(([, v]) => String(v).length));
  const cells = r.percentiles.map(([p, v]) => `${p.toFixed(2).padStart(5)}th=[${String(v).padStart(width)}]`);
  for (let i = 0; i < cells.length; i += 4) {
    const chunk = cells.slice(i, i + 4);
    const last = i + 4 >= cells.length;
    lines.push(`     | ${chunk.join(', ')}${last ? '' : ','}`);
  }
  return `${lines.join('\n')}\n`;
}
