// Per-image IOPS and latency from a queueing model of the OSDs an image's PGs map to. A write
// goes client -> primary (one network round trip), the primary writes and forwards to the
// replicas in parallel (another round trip each), and acks when all have written; every OSD is
// an M/M/1 server whose service time is a named parameter. Images run closed-loop with `depth`
// I/Os in flight (Little's law), capped by the client and by librbd QoS (rbd_qos_iops_limit).
import { CRUSH_ITEM_NONE } from '../crush/crush-map.js';
import type { CephCluster } from '../cluster/ceph-cluster.js';
import type { RbdImage } from '../rbd/rbd-image-store.js';

/** The model's figures (defaults documented in docs/ceph.md). */
export interface IoParams {
  /** Unloaded time for one OSD to commit a 4 KiB write (BlueStore data + RocksDB commit on NVMe), µs. */
  osdWriteLatencyUs: number;
  /** Unloaded time for one OSD to serve a 4 KiB read, µs. */
  osdReadLatencyUs: number;
  /** 4 KiB operations per second one OSD sustains (osd_mclock_max_capacity_iops_ssd default 21500). */
  osdMaxIops: number;
  /** Network round trip between hosts on the storage VLAN, µs. */
  netRttUs: number;
  /** Client stack per I/O (fio, kernel, krbd/librbd), µs. */
  clientOverheadUs: number;
  /** Most IOPS one client (one RBD mapping) submits, bounded by its CPU. */
  clientMaxIops: number;
}

/** Defaults: NVMe OSDs on 25GbE, one client bound at the story's 48.2k IOPS (chosen; see docs/ceph.md). */
export const DEFAULT_IO_PARAMS: IoParams = { osdWriteLatencyUs: 100, osdReadLatencyUs: 80, osdMaxIops: 21500, netRttUs: 25, clientOverheadUs: 40, clientMaxIops: 48200 };

/** One image's workload. */
export interface ImageLoad {
  image: RbdImage;
  rw: 'randwrite' | 'randread';
  blockSize: number;
  /** I/Os in flight (numjobs x iodepth). */
  depth: number;
}

/** What the model gives an image. */
export interface ImageIo {
  iops: number;
  bytesPerSec: number;
  /** Mean completion latency, µs (Little's law: depth / iops). */
  latencyUs: number;
  /** Latency of the storage path alone (without client-side queueing), µs. */
  serviceLatencyUs: number;
  /** The unloaded storage path (no queueing anywhere): the fastest an I/O completes, µs. */
  floorUs: number;
  /** True when a PG the image uses is inactive: its I/O blocks. */
  blocked: boolean;
}

/** Solves all loads together (they share the OSDs) by fixed-point iteration. */
export function solveIo(c: CephCluster, loads: ImageLoad[], p: IoParams = DEFAULT_IO_PARAMS): Map<RbdImage, ImageIo> {
  const sets = loads.map((l) => {
    const pool = c.pool(l.image.dataPoolId ?? l.image.poolId);
    return { pool, pgs: pool.pgs, blocked: pool.pgs.some((pg) => !pg.state.has('active')) };
  });
  let iops = loads.map((l) => Math.min(p.clientMaxIops, qosLimit(l.image) || Infinity, 1000));
  let service = loads.map(() => 0);
  for (let it = 0; it < 200; it++) {
    const load = new Map<number, number>();
    loads.forEach((l, i) => {
      const per = iops[i]! / sets[i]!.pgs.length;
      for (const pg of sets[i]!.pgs) {
        const members = l.rw === 'randwrite' ? pg.acting : pg.acting.slice(0, 1);
        for (const o of members) if (o !== CRUSH_ITEM_NONE) load.set(o, (load.get(o) ?? 0) + per);
      }
    });
    service = loads.map((l, i) => {
      const base = l.rw === 'randwrite' ? p.osdWriteLatencyUs : p.osdReadLatencyUs;
      // M/M/1 waiting on top of the unloaded latency: rho / (1 - rho) service times of 1 / osdMaxIops.
      const resp = (o: number) => {
        const rho = Math.min(0.98, (load.get(o) ?? 0) / p.osdMaxIops);
        return base + (rho / (1 - rho)) * (1e6 / p.osdMaxIops);
      };
      let sum = 0;
      for (const pg of sets[i]!.pgs) {
        const acting = pg.acting.filter((o) => o !== CRUSH_ITEM_NONE);
        if (!acting.length) continue;
        const primary = resp(acting[0]!);
        const replicas = l.rw === 'randwrite' ? Math.max(0, ...acting.slice(1).map((o) => p.netRttUs + resp(o))) : 0;
        sum += p.netRttUs + Math.max(primary, replicas);
      }
      return sum / sets[i]!.pgs.length + p.clientOverheadUs;
    });
    const next = loads.map((l, i) => Math.min(p.clientMaxIops, qosLimit(l.image) || Infinity, (l.depth / service[i]!) * 1e6));
    iops = iops.map((v, i) => v + 0.5 * (next[i]! - v));
  }
  const out = new Map<RbdImage, ImageIo>();
  loads.forEach((l, i) => {
    const blocked = sets[i]!.blocked;
    const v = blocked ? 0 : iops[i]!;
    const base = l.rw === 'randwrite' ? p.netRttUs + Math.max(p.osdWriteLatencyUs, p.netRttUs + p.osdWriteLatencyUs) : p.netRttUs + p.osdReadLatencyUs;
    out.set(l.image, { iops: v, bytesPerSec: v * l.blockSize, latencyUs: v ? Math.max(service[i]!, (l.depth / v) * 1e6) : Infinity, serviceLatencyUs: service[i]!, floorUs: base + p.clientOverheadUs, blocked });
  });
  return out;
}

/** The image's rbd_qos_iops_limit (0 = none). */
export function qosLimit(img: RbdImage): number {
  return Number(img.config.get('rbd_qos_iops_limit') ?? 0);
}

/**
 * Publishes solved client I/O to the cluster: per-pool rates for `ceph status` and each OSD's
 * utilisation, which lowers the share mClock leaves to recovery.
 */
export function recordClientIo(c: CephCluster, loads: ImageLoad[], results: Map<RbdImage, ImageIo>, p: IoParams = DEFAULT_IO_PARAMS): void {
  for (const pool of c.pools.values()) pool.clientIo = { readBps: 0, writeBps: 0, readOps: 0, writeOps: 0 };
  const perOsd = new Map<number, number>();
  for (const l of loads) {
    const r = results.get(l.image);
    if (!r) continue;
    const pool = c.pool(l.image.dataPoolId ?? l.image.poolId);
    if (l.rw === 'randwrite') { pool.clientIo.writeBps += r.bytesPerSec; pool.clientIo.writeOps += r.iops; }
    else { pool.clientIo.readBps += r.bytesPerSec; pool.clientIo.readOps += r.iops; }
    for (const pg of pool.pgs) {
      const members = l.rw === 'randwrite' ? pg.acting : pg.acting.slice(0, 1);
      for (const o of members) if (o !== CRUSH_ITEM_NONE) perOsd.set(o, (perOsd.get(o) ?? 0) + r.iops / pool.pgs.length);
    }
  }
  c.clientUtilization = (osd) => Math.min(1, (perOsd.get(osd) ?? 0) / p.osdMaxIops);
}
