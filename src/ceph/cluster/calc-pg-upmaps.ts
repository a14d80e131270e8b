// The upmap optimizer, after OSDMap::calc_pg_upmaps' approach (ceph/ceph src/osd/OSDMap.cc): per
// pool, each OSD's target PG count is its share of the pool's CRUSH weight times the pool's PG
// copies; PGs move from the most overfull OSDs to the most underfull ones, one pg_upmap_items pair
// at a time, never putting two members of a PG in one failure-domain bucket, until every OSD is
// within max_deviation PGs of its target. Not bit-exact with Ceph: candidates are tried in a fixed
// order (most overfull source, lowest PG seed, most underfull target) instead of Ceph's shuffles,
// so the result is deterministic.
import { CRUSH_ITEM_NONE } from '../crush/crush-map.js';
import type { CephCluster } from './ceph-cluster.js';
import type { PoolState } from './cluster-types.js';
import { applyUpmapPairs, isOutOsd, respectsFailureDomain, type UpmapPairs } from './upmap.js';

/** Each in OSD's PG copies of the pool and its target (weight share x total copies). */
export function poolPgDeviation(c: CephCluster, pool: PoolState): Map<number, { count: number; target: number }> {
  const weight = new Map<number, number>();
  for (const o of c.osds.values()) if (o.in && o.crushWeight > 0) weight.set(o.id, (o.crushWeight / 0x10000) * (o.reweight / 0x10000));
  const total = [...weight.values()].reduce((a, b) => a + b, 0);
  const counts = new Map<number, number>();
  let copies = 0;
  for (const pg of pool.pgs) {
    for (const osd of pg.up) {
      if (osd === CRUSH_ITEM_NONE) continue;
      counts.set(osd, (counts.get(osd) ?? 0) + 1);
      copies++;
    }
  }
  const out = new Map<number, { count: number; target: number }>();
  for (const [osd, w] of weight) out.set(osd, { count: counts.get(osd) ?? 0, target: total ? (w / total) * copies : 0 });
  return out;
}

/** The pairs that move one copy of `pg` from `from` to `to`, rewriting an earlier pair that put the copy on `from`. */
function movedPairs(raw: readonly number[], pairs: UpmapPairs, from: number, to: number): UpmapPairs {
  if (raw.includes(from)) return [...pairs, [from, to]];
  return pairs.flatMap(([f, t]): UpmapPairs => (t !== from ? [[f, t]] : f === to ? [] : [[f, to]]));
}

/**
 * Adds up to `maxChanges` pg_upmap_items changes for one pool (only active+clean PGs move) and
 * returns how many it made; the caller remaps the PGs (a new OSDMap epoch).
 */
export function calcPgUpmaps(c: CephCluster, pool: PoolState, maxDeviation: number, maxChanges: number): number {
  const dev = new Map([...poolPgDeviation(c, pool)].map(([osd, d]) => [osd, d.count - d.target]));
  const pgs = pool.pgs.filter((pg) => pg.state.has('active') && pg.state.has('clean'));
  const touched = new Set<string>();
  const isOut = (o: number) => isOutOsd(c, o);
  const w = c.weightVector();
  let done = 0;
  while (done < maxChanges) {
    const order = [...dev].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const most = order[0]?.[1] ?? 0;
    const least = order[order.length - 1]?.[1] ?? 0;
    if (most <= maxDeviation && least >= -maxDeviation) break;
    // Overfull OSDs give first; when only underfull ones are off, any OSD above its target gives.
    const sources = order.filter(([, d]) => (most > maxDeviation ? d > maxDeviation : d > 0)).map(([o]) => o);
    const targets = order.filter(([o, d]) => d < 0 && c.osds.get(o)!.up).reverse().map(([o]) => o);
    const move = findMove(c, pool, pgs, touched, sources, targets, dev, w, isOut);
    if (!move) break;
    if (move.pairs.length) c.upmapItems.set(move.pg.id, move.pairs);
    else c.upmapItems.delete(move.pg.id);
    touched.add(move.pg.id);
    dev.set(move.from, dev.get(move.from)! - 1);
    dev.set(move.to, dev.get(move.to)! + 1);
    done++;
  }
  return done;
}

function findMove(
  c: CephCluster, pool: PoolState, pgs: PoolState['pgs'], touched: Set<string>, sources: number[], targets: number[],
  dev: Map<number, number>, w: Uint32Array, isOut: (o: number) => boolean,
): { pg: PoolState['pgs'][number]; from: number; to: number; pairs: UpmapPairs } | undefined {
  for (const from of sources) {
    for (const pg of pgs) {
      if (touched.has(pg.id) || !pg.up.includes(from)) continue;
      for (const to of targets) {
        // A move that does not narrow the gap by more than one PG would only swap who is off.
        if (dev.get(from)! - dev.get(to)! <= 1) break;
        if (pg.up.includes(to)) continue;
        const want = pg.up.map((o) => (o === from ? to : o));
        if (!respectsFailureDomain(c, pool.def, want)) continue;
        const raw = c.crushRaw(pool.def, pg.ps, w);
        const pairs = movedPairs(raw, c.upmapItems.get(pg.id) ?? [], from, to);
        // The OSDMap must give exactly the intended set (pairs apply in order and cannot swap).
        if (applyUpmapPairs(raw, pairs, isOut).join() !== want.join()) continue;
        return { pg, from, to, pairs };
      }
    }
  }
  return undefined;
}
