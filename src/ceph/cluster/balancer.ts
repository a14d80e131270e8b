// The mgr balancer module in upmap mode, on by default since Nautilus (ceph/ceph
// src/pybind/mgr/balancer/module.py; doc/rados/operations/balancer.rst): the active mgr wakes every
// sleep_interval, and when it is active, nothing is unknown, degraded or inactive and less than
// target_max_misplaced_ratio of the objects are misplaced, it plans up to upmap_max_optimizations
// pg_upmap_items changes (per pool, only as many as the pool has active+clean PGs) and executes
// them: the PGs remap and backfill to their new OSDs. It logs to its own daemon log, not the
// cluster log, so `ceph -w` shows nothing of it (the mon audits the pg-upmap-items commands on the
// audit channel, which `ceph -w` does not watch by default).
import type { CephCluster } from './ceph-cluster.js';
import { calcPgUpmaps } from './calc-pg-upmaps.js';
import { objectTotals } from '../recovery/health.js';

/** What `ceph balancer status` reports, plus when the module wakes next. */
export interface BalancerState {
  active: boolean;
  mode: 'upmap' | 'none';
  /** Twin time of the last optimization's start; null before the first. */
  lastOptimizeStartedMs: number | null;
  /** Wall-clock seconds the last optimization took (what the mgr measures). */
  lastOptimizeDurationSec: number | null;
  optimizeResult: string;
  noOptimizationNeeded: boolean;
  nextRunMs: number;
  /** Rounds run, to rotate which pool is served first (Ceph shuffles the pools). */
  rounds: number;
}

/** The module's success string (module.py success_string). */
export const OPTIMIZE_SUCCESS = 'Optimization plan created successfully';
/** do_upmap's EALREADY detail. */
export const OPTIMIZE_NOTHING = 'Unable to find further optimization, or pool(s) pg_num is decreasing, or distribution is already perfect';

/** A new mgr's balancer: active in upmap mode, waking at once (its serve loop runs on start). */
export function newBalancerState(nowMs: number): BalancerState {
  return { active: true, mode: 'upmap', lastOptimizeStartedMs: null, lastOptimizeDurationSec: null, optimizeResult: '', noOptimizationNeeded: false, nextRunMs: nowMs, rounds: 0 };
}

/** `ceph balancer on|off`: sets the module option and wakes the module (it runs a round at once when on). */
export function setBalancerActive(c: CephCluster, active: boolean): void {
  c.balancer.active = active;
  c.balancer.nextRunMs = c.nowMs;
  c.onChange();
}

/** `ceph balancer mode upmap|none` (crush-compat weight-sets are not modelled). */
export function setBalancerMode(c: CephCluster, mode: string): void {
  if (mode !== 'upmap' && mode !== 'none') {
    throw new RangeError(mode === 'crush-compat' ? 'balancer mode crush-compat is not modelled (upmap and none are)' : `Invalid command: ${mode} not in none|crush-compat|upmap|read|upmap-read`);
  }
  c.balancer.mode = mode;
  c.onChange();
}

const pct = (x: number) => x.toFixed(6);

/** The optimize() gate and do_upmap: [changes made, detail when none]. */
function optimize(c: CephCluster): [number, string] {
  const pgs = c.allPgs();
  const n = Math.max(1, pgs.length);
  const unknown = pgs.filter((pg) => pg.state.size === 0).length / n;
  const inactive = pgs.filter((pg) => !pg.state.has('active')).length / n;
  const t = objectTotals(c);
  const degraded = t.copies ? t.degraded / t.copies : 0;
  const misplaced = t.copies ? t.misplaced / t.copies : 0;
  const max = c.params.targetMaxMisplacedRatio;
  if (unknown > 0) return [0, `Some PGs (${pct(unknown)}) are unknown; try again later`];
  if (degraded > 0) return [0, `Some objects (${pct(degraded)}) are degraded; try again later`];
  if (inactive > 0) return [0, `Some PGs (${pct(inactive)}) are inactive; try again later`];
  if (misplaced >= max) return [0, `Too many objects (${pct(misplaced)} > ${pct(max)}) are misplaced; try again later`];
  if (c.balancer.mode === 'none') return [0, 'Please do "ceph balancer mode" to choose a valid mode first'];
  const pools = [...c.pools.values()].sort((a, b) => a.def.id - b.def.id);
  if (!pools.length) return [0, 'No pools available'];
  const first = c.balancer.rounds % pools.length;
  let left = c.params.upmapMaxOptimizations;
  for (const pool of [...pools.slice(first), ...pools.slice(0, first)]) {
    const clean = pool.pgs.filter((pg) => pg.state.has('active') && pg.state.has('clean')).length;
    left -= calcPgUpmaps(c, pool, c.params.upmapMaxDeviation, Math.min(left, clean));
    if (left <= 0) break;
  }
  const did = c.params.upmapMaxOptimizations - left;
  return [did, did ? '' : OPTIMIZE_NOTHING];
}

/**
 * Runs the module's serve loop when it is due: one optimization (if active and an mgr is active
 * with a mon quorum) and the next wake-up a sleep_interval later. True when it changed the OSDMap.
 */
export function balancerRound(c: CephCluster): boolean {
  const b = c.balancer;
  if (c.nowMs < b.nextRunMs) return false;
  b.nextRunMs = c.nowMs + c.params.balancerSleepIntervalSec * 1000;
  if (!b.active || !c.mgrs.some((m) => m.up && m.activeSinceMs !== undefined) || !c.quorum().length) return false;
  const started = performance.now();
  b.lastOptimizeStartedMs = c.nowMs;
  b.rounds++;
  const [did, detail] = optimize(c);
  b.lastOptimizeDurationSec = (performance.now() - started) / 1000;
  b.optimizeResult = did ? OPTIMIZE_SUCCESS : detail;
  // do_upmap sets it when it finds nothing to do; the module never clears it again.
  if (detail === OPTIMIZE_NOTHING) b.noOptimizationNeeded = true;
  if (did) c.remapAll();
  return did > 0;
}
