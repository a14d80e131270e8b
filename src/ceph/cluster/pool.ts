// Pools as the OSDMap holds them (pg_pool_t): size, min_size, rule, pg_num, and the options the
// autoscaler reads (target_size_ratio, bulk, pg_num_min/max).

/** A replicated pool or an erasure-coded one with its k+m profile. */
export interface PoolDef {
  id: number;
  name: string;
  kind: 'replicated' | 'erasure';
  size: number;
  minSize: number;
  /** EC data and coding chunks (erasure only). */
  k?: number;
  m?: number;
  ruleId: number;
  pgNum: number;
  /** `application enable` name, e.g. rbd or mgr. */
  application: string;
  targetSizeRatio?: number;
  bulk?: boolean;
  pgNumMin?: number;
  pgNumMax?: number;
  autoscale: 'on' | 'off' | 'warn';
}

/** What a caller specifies to create a pool; the rest follows Ceph's rules. */
export interface PoolRequest {
  name: string;
  kind: 'replicated' | 'erasure';
  /** Replicated size (default osd_pool_default_size 3). */
  size?: number;
  minSize?: number;
  k?: number;
  m?: number;
  failureDomain?: 'osd' | 'host' | 'rack';
  application?: string;
  /** Initial pg_num (default osd_pool_default_pg_num 32); the autoscaler then resizes it. */
  pgNum?: number;
  targetSizeRatio?: number;
  bulk?: boolean;
  pgNumMin?: number;
  pgNumMax?: number;
  autoscale?: 'on' | 'off' | 'warn';
}

/**
 * min_size as the mon sets it: replicated `size - size/2` (osd_pool_default_min_size 0,
 * src/common/config.h), erasure `k + min(1, m - 1)` (src/mon/OSDMonitor.cc prepare_pool_size).
 */
export function defaultMinSize(kind: 'replicated' | 'erasure', size: number, k = 0, m = 0): number {
  return kind === 'replicated' ? size - Math.floor(size / 2) : k + Math.min(1, m - 1);
}

/** Raw bytes per stored byte (OSDMap::pool_raw_used_rate): size, or (k+m)/k. */
export function rawUsedRate(pool: PoolDef): number {
  return pool.kind === 'replicated' ? pool.size : (pool.k! + pool.m!) / pool.k!;
}

/** How many shards may be lost before data is: replicated size-1, EC m. */
export function shardsNeeded(pool: PoolDef): number {
  return pool.kind === 'replicated' ? 1 : pool.k!;
}

/** PG id as Ceph prints it: `<pool>.<ps in hex>`. */
export function pgId(poolId: number, ps: number): string {
  return `${poolId}.${ps.toString(16)}`;
}
