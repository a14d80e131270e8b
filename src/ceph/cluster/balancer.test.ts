import { beforeAll, describe, expect, it } from 'vitest';
import { loadClusterDefinition, type ClusterDefinition } from '../../twin/inventory/index.js';
import { CRUSH_ITEM_NONE } from '../crush/crush-map.js';
import { storyCluster } from './story-fixture.js';
import type { CephCluster } from './ceph-cluster.js';
import { applyUpmapPairs, respectsFailureDomain } from './upmap.js';
import { poolPgDeviation } from './calc-pg-upmaps.js';
import { OPTIMIZE_NOTHING, OPTIMIZE_SUCCESS, setBalancerActive } from './balancer.js';
import { formatBalancerStatus, timedelta, asctime } from '../cli-format/balancer-status.js';
import { objectTotals } from '../recovery/health.js';
import { poolUsage } from './capacity.js';
import { restoreEngine, saveEngine } from '../persist/engine-state.js';
import { RbdImageStore } from '../rbd/rbd-image-store.js';

let def: ClusterDefinition;
beforeAll(async () => {
  def = await loadClusterDefinition('examples/ove-prod-01');
});

const NONE = CRUSH_ITEM_NONE;

/** Steps whole minutes until the balancer finds nothing more to do (bounded). */
function balance(c: CephCluster, maxMinutes: number): number {
  for (let m = 1; m <= maxMinutes; m++) {
    c.step(60_000);
    if (c.balancer.optimizeResult === OPTIMIZE_NOTHING) return m;
  }
  return -1;
}

function maxAbsDeviation(c: CephCluster, poolId: number): number {
  return Math.max(...[...poolPgDeviation(c, c.pool(poolId)).values()].map((d) => Math.abs(d.count - d.target)));
}

describe('pg_upmap_items applied after CRUSH (OSDMap::_apply_upmap)', () => {
  const none = () => false;
  it('replaces the first source with the target, pair by pair', () => {
    expect(applyUpmapPairs([4, 9, 17], [[9, 30]], none)).toEqual([4, 30, 17]);
    expect(applyUpmapPairs([4, 9, 17], [[9, 30], [17, 40]], none)).toEqual([4, 30, 40]);
    expect(applyUpmapPairs([4, NONE, 17], [[17, 2]], none)).toEqual([4, NONE, 2]);
  });

  it('skips a pair whose target already appears, whose source is absent, or whose target is out', () => {
    expect(applyUpmapPairs([4, 9, 17], [[9, 17]], none)).toEqual([4, 9, 17]);
    expect(applyUpmapPairs([4, 9, 17], [[5, 30]], none)).toEqual([4, 9, 17]);
    expect(applyUpmapPairs([4, 9, 17], [[9, 30]], (o) => o === 30)).toEqual([4, 9, 17]);
  });

  it('cannot swap two OSDs (Ceph\'s note: [[1,2],[2,1]] leaves [0,1,2])', () => {
    expect(applyUpmapPairs([0, 1, 2], [[1, 2], [2, 1]], none)).toEqual([0, 1, 2]);
  });

  it('feeds the up set; an entry breaking the failure domain is cancelled on the next map', () => {
    const c = storyCluster(def);
    const ec = c.pool(3);
    const pg = ec.pgs[0]!;
    const raw = c.crushRaw(ec.def, pg.ps);
    const from = raw[0]!;
    const to = [...c.osds.values()].find((o) => !raw.some((r) => c.osds.get(r)!.host === o.host))!.id;
    c.upmapItems.set(pg.id, [[from, to]]);
    c.remapAll();
    expect(pg.up).toEqual([to, ...raw.slice(1)]);
    // pg_num changes keep the entries of PGs that still exist (3.0 keeps its CRUSH seed) and drop the rest.
    c.upmapItems.set('3.1f', [[c.pool(3).pgs[31]!.up[0]!, to]]);
    c.setPgNum(3, 16);
    expect(c.upmapItems.get('3.0')).toEqual([[from, to]]);
    expect(c.upmapItems.has('3.1f')).toBe(false);
    expect(c.pool(3).pgs[0]!.up).toEqual([to, ...raw.slice(1)]);
    c.setPgNum(3, 32);
    const again = c.pool(3).pgs[0]!;
    // A target on a host that already holds a shard of the PG breaks the host rule: the mon drops it.
    const sameHost = [...c.osds.values()].find((o) => o.host === c.osds.get(raw[1]!)!.host && o.id !== raw[1])!.id;
    c.upmapItems.set(again.id, [[from, sameHost]]);
    c.remapAll();
    expect(c.upmapItems.has(again.id)).toBe(false);
    expect(again.up).toEqual(raw);
  });
});

describe('the balancer on the story cluster (108 OSDs, 4,129 PGs)', () => {
  let c: CephCluster;
  let minutes: number;
  let before: number;
  beforeAll(() => {
    c = storyCluster(def, [1, 4096, 32]);
    before = maxAbsDeviation(c, 2);
    minutes = balance(c, 90);
  });

  it('evens the block pool to within upmap_max_deviation 5 of the target, 10 changes a round', () => {
    expect(before).toBeGreaterThan(5);
    expect(minutes).toBeGreaterThan(0);
    for (const id of [1, 2, 3]) expect(maxAbsDeviation(c, id)).toBeLessThanOrEqual(5);
    expect(c.upmapItems.size).toBeGreaterThan(10);
    expect(c.upmapItems.size).toBeLessThanOrEqual(10 * minutes + 10);
    // Empty OSDs project the same MAX AVAIL whatever their PG counts: 119.41 TiB still.
    expect(poolUsage(c).find((p) => p.id === 2)!.maxAvail / 2 ** 40).toBeCloseTo(119.41, 2);
    expect(JSON.parse(formatBalancerStatus(c))).toMatchObject({ active: true, mode: 'upmap', optimize_result: OPTIMIZE_NOTHING, no_optimization_needed: true, plans: [] });
  });

  it('never puts two copies in one rack (block pool) or two shards on one host (EC pool)', () => {
    for (const p of c.pools.values()) for (const pg of p.pgs) expect(respectsFailureDomain(c, p.def, pg.up)).toBe(true);
    for (const pg of c.pool(2).pgs) expect(new Set(pg.up.map((o) => c.osds.get(o)!.rack)).size).toBe(3);
    for (const pg of c.pool(3).pgs) expect(new Set(pg.up.map((o) => c.osds.get(o)!.host)).size).toBe(6);
  });

  it('is deterministic: the same cluster balances to the same pg_upmap_items', () => {
    const d = storyCluster(def, [1, 4096, 32]);
    balance(d, minutes);
    expect([...d.upmapItems]).toEqual([...c.upmapItems]);
  });
});

describe('balancer rounds and their effect', () => {
  it('waits while objects are degraded, and drops a failed OSD\'s upmaps once it is marked out', () => {
    const c = storyCluster(def, [1, 512, 32]);
    balance(c, 30);
    const victim = [...c.upmapItems.values()].flat().map(([, to]) => to)[0]!;
    for (let i = 0; i < 300; i++) c.writeObject(2, `rbd_data.1.${i.toString(16).padStart(16, '0')}`, 4 << 20, true);
    c.failOsd(victim);
    c.step(70_000);
    expect(c.balancer.optimizeResult).toMatch(/^Some objects \(0\.\d{6}\) are degraded; try again later$/);
    expect([...c.upmapItems.values()].flat().flat()).toContain(victim);
    c.step(600_000);
    expect(c.osd(victim).in).toBe(false);
    expect([...c.upmapItems.values()].flat().flat()).not.toContain(victim);
  });

  it('moves data: an upmap change makes the PG remapped+backfilling, then clean on its new OSD', () => {
    const c = storyCluster(def, [1, 128, 32]);
    setBalancerActive(c, false);
    // 2,000 objects of 256 MiB: about 4 GiB per PG copy, seconds of backfill each.
    for (let i = 0; i < 2000; i++) c.writeObject(2, `rbd_data.2.${i.toString(16).padStart(16, '0')}`, 256 << 20, true);
    const last = c.balancer.lastOptimizeStartedMs;
    c.step(120_000);
    expect(c.balancer.lastOptimizeStartedMs).toBe(last);
    setBalancerActive(c, true);
    c.step(1);
    expect(c.balancer.optimizeResult).toBe(OPTIMIZE_SUCCESS);
    expect(c.upmapItems.size).toBeGreaterThan(0);
    c.step(1500);
    const moved = c.pool(2).pgs.filter((pg) => c.upmapItems.has(pg.id));
    expect(moved.some((pg) => pg.state.has('remapped') && [...pg.state].some((s) => s.startsWith('backfill')))).toBe(true);
    expect(objectTotals(c).misplaced).toBeGreaterThan(0);
    c.step(60_000);
    for (const pg of moved) {
      const [[from, to]] = c.upmapItems.get(pg.id) ?? [[NONE, NONE]];
      if (from === NONE) continue;
      expect(pg.up).toContain(to);
      expect(pg.shards.map((s) => s.osd)).not.toContain(from);
    }
  });

  it('survives a save and restore: pg_upmap_items and the module state, and continues the same', () => {
    const c = storyCluster(def, [1, 512, 32]);
    c.step(180_000);
    const text = JSON.stringify(saveEngine(c, new RbdImageStore(c)));
    const r = restoreEngine(text).cluster;
    expect([...r.upmapItems]).toEqual([...c.upmapItems]);
    // The duration is the mgr's wall-clock measurement: not part of the saved state.
    expect(r.balancer).toEqual({ ...c.balancer, lastOptimizeDurationSec: null });
    c.step(300_000);
    r.step(300_000);
    expect([...r.upmapItems]).toEqual([...c.upmapItems]);
    // A version 1 document (before upmaps) still loads: no upmaps, a fresh module.
    const v1 = JSON.parse(text);
    v1.version = 1;
    delete v1.cluster.upmapItems;
    delete v1.cluster.balancer;
    const old = restoreEngine(JSON.stringify(v1)).cluster;
    expect(old.upmapItems.size).toBe(0);
    expect(old.balancer).toMatchObject({ active: true, mode: 'upmap' });
  });
});

describe('balancer status formats', () => {
  it('prints the module\'s asctime and timedelta strings', () => {
    expect(asctime(Date.UTC(2026, 2, 8, 14, 1, 0))).toBe('Sun Mar  8 14:01:00 2026');
    expect(timedelta(0.012345)).toBe('0:00:00.012345');
    expect(timedelta(61)).toBe('0:01:01');
  });
});
