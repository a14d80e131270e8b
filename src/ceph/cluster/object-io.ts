// Client writes and deletes of RADOS objects: the object's name hashes to its PG (ceph_str_hash_rjenkins,
// then ceph_stable_mod by pg_num); copies that are down or being backfilled miss the write.
import { objectHashToPs } from '../crush/pg.js';
import { updateState, type PlacementGroup } from '../recovery/placement-group.js';
import type { CephCluster } from './ceph-cluster.js';
import { strHashRjenkins } from './str-hash.js';

/** The PG an object name lands in. */
export function pgOfObject(c: CephCluster, poolId: number, name: string): PlacementGroup {
  const pool = c.pool(poolId);
  return pool.pgs[objectHashToPs(strHashRjenkins(name), pool.def.pgNum)]!;
}

/** Records a write of `delta` bytes (`created` when the object is new); false when the PG is inactive or the pool full. */
export function writeObject(c: CephCluster, poolId: number, name: string, delta: number, created: boolean): boolean {
  const pg = pgOfObject(c, poolId, name);
  if (!pg.state.has('active') || c.poolFull(poolId)) return false;
  pg.objects += created ? 1 : 0;
  pg.bytes += delta;
  c.invalidateUsage();
  const ctx = c.ctx(c.pool(poolId));
  for (const s of pg.shards) {
    const live = ctx.isUp(s.osd) && (ctx.positional ? pg.acting[s.pos] === s.osd : pg.acting.includes(s.osd));
    if (!live || s.backfill) s.missing = Math.min(pg.objects, s.missing + 1);
  }
  updateState(pg, ctx, c.nowMs, c.busy(pg));
  return true;
}

/** Frees `bytes` of an object; `removed` deletes it from the PG's count. */
export function deleteObject(c: CephCluster, poolId: number, name: string, bytes: number, removed: boolean): void {
  const pg = pgOfObject(c, poolId, name);
  pg.bytes = Math.max(0, pg.bytes - bytes);
  c.invalidateUsage();
  if (removed && pg.objects > 0) {
    pg.objects--;
    for (const s of pg.shards) s.missing = Math.min(s.missing, pg.objects);
  }
}
