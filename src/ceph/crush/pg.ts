// Placement group to CRUSH input, as OSDMap does it (ceph/ceph src/osd/osd_types.cc
// pg_pool_t::raw_pg_to_pps and calc_pg_masks, src/include/rados.h ceph_stable_mod).
import { hash32_2 } from './hash.js';

/** ceph_stable_mod: x mod b that moves few values when b grows; mask is (next power of 2) - 1. */
export function stableMod(x: number, b: number, mask: number): number {
  return (x & mask) < b ? x & mask : x & (mask >>> 1);
}

/** calc_pg_masks: (1 << bitlen(pgNum - 1)) - 1. */
export function pgNumMask(pgNum: number): number {
  return pgNum <= 1 ? 0 : (2 ** (32 - Math.clz32(pgNum - 1)) - 1) >>> 0;
}

/** A pool's placement parameters. */
export interface PoolPlacement {
  poolId: number;
  pgpNum: number;
  /** FLAG_HASHPSPOOL, on by default (osd_pool_default_flag_hashpspool = true). */
  hashPsPool?: boolean;
}

/** raw_pg_to_pps: the CRUSH input x for placement seed ps of a pool (u32). */
export function pgToPps(pool: PoolPlacement, ps: number): number {
  const folded = stableMod(ps, pool.pgpNum, pgNumMask(pool.pgpNum));
  return pool.hashPsPool === false ? (folded + pool.poolId) >>> 0 : hash32_2(folded, pool.poolId);
}

/** raw_pg_to_pg: the placement seed of an object hash within a pool of pgNum PGs. */
export function objectHashToPs(hash: number, pgNum: number): number {
  return stableMod(hash >>> 0, pgNum, pgNumMask(pgNum));
}
