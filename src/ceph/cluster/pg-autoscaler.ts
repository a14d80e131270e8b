// The mgr's pg_autoscaler (ceph/ceph src/pybind/mgr/pg_autoscaler/module.py, Quincy/Reef):
// root budget = OSDs x mon_target_pg_per_osd, three passes (small non-bulk pools by their capacity
// ratio, bulk pools above the even share, then the rest evenly), each pool's share of the PGs *left*
// divided by its size, quantized to the nearest power of two, floored at pg_num_min (32).
import type { PoolDef } from './pool.js';

/** One pool's inputs: its definition and the raw bytes it uses now. */
export interface AutoscaleInput {
  pool: PoolDef;
  rawUsedBytes: number;
}

/** The autoscaler's view of a pool (`osd pool autoscale-status` fields). */
export interface AutoscaleResult {
  poolId: number;
  poolName: string;
  capacityRatio: number;
  effectiveTargetRatio: number;
  pgNumIdeal: number;
  pgNumFinal: number;
  wouldAdjust: boolean;
}

/** nearest_power_of_two: the closer of the bracketing powers; a tie goes up. */
export function nearestPowerOfTwo(n: number): number {
  const v0 = Math.trunc(n);
  if (v0 <= 0) return 0;
  let hi = 1;
  while (hi < v0) hi *= 2;
  const lo = hi / 2;
  return hi - n > n - lo ? lo : hi;
}

/** Runs the three passes for the pools of one CRUSH root of `osdCount` OSDs and `capacityBytes`. */
export function autoscalePools(inputs: AutoscaleInput[], osdCount: number, capacityBytes: number, opts: { targetPgPerOsd: number; threshold: number; pgNumMin: number }): AutoscaleResult[] {
  let pgLeft = osdCount * opts.targetPgPerOsd;
  let poolUsed = 0;
  const poolCount = inputs.length;
  const totalTargetRatio = inputs.reduce((s, i) => s + (i.pool.targetSizeRatio ?? 0), 0);
  const results = new Map<number, AutoscaleResult>();
  const ratioOf = (i: AutoscaleInput): { capacity: number; effective: number } => {
    const target = i.pool.targetSizeRatio ?? 0;
    const effective = totalTargetRatio ? target / totalTargetRatio : target;
    return { capacity: Math.max(capacityBytes ? i.rawUsedBytes / capacityBytes : 0, effective), effective };
  };
  const finish = (i: AutoscaleInput, ratio: number, effective: number, finalRatio: number, ideal: number): void => {
    const min = i.pool.pgNumMin ?? opts.pgNumMin;
    let final = Math.max(min, nearestPowerOfTwo(ideal));
    if (i.pool.pgNumMax && i.pool.pgNumMax < final) final = i.pool.pgNumMax;
    const cur = i.pool.pgNum;
    const wouldAdjust = (final > cur * opts.threshold || final < cur / opts.threshold) && finalRatio >= 0 && finalRatio <= 1 && i.pool.autoscale === 'on';
    results.set(i.pool.id, { poolId: i.pool.id, poolName: i.pool.name, capacityRatio: ratio, effectiveTargetRatio: effective, pgNumIdeal: Math.trunc(ideal), pgNumFinal: final, wouldAdjust });
  };
  const bulk: AutoscaleInput[] = [];
  for (const i of inputs) {
    if (i.pool.bulk) { bulk.push(i); continue; }
    const { capacity, effective } = ratioOf(i);
    const usedPg = capacity * pgLeft;
    pgLeft -= Math.trunc(usedPg);
    poolUsed++;
    finish(i, capacity, effective, capacity, (usedPg / i.pool.size));
  }
  const even: AutoscaleInput[] = [];
  for (const i of bulk) {
    const { capacity, effective } = ratioOf(i);
    const evenRatio = 1 / (poolCount - poolUsed);
    if (capacity > evenRatio) poolUsed++;
    else { even.push(i); continue; }
    const usedPg = Math.max(capacity, evenRatio) * pgLeft;
    pgLeft -= Math.trunc(usedPg);
    finish(i, capacity, effective, Math.max(capacity, evenRatio), usedPg / i.pool.size);
  }
  for (const i of even) {
    const { capacity, effective } = ratioOf(i);
    const finalRatio = 1 / (poolCount - poolUsed);
    finish(i, capacity, effective, finalRatio, (finalRatio * pgLeft) / i.pool.size);
  }
  return inputs.map((i) => results.get(i.pool.id)!);
}
