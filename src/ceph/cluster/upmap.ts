// pg_upmap_items: the OSDMap's per-PG exceptions to CRUSH, (from, to) OSD pairs. Applied after
// CRUSH as OSDMap::_apply_upmap does, and checked on every new map as OSDMap::check_pg_upmaps does
// (ceph/ceph src/osd/OSDMap.cc): an entry whose result breaks the rule's failure domain or lands
// on an out OSD is cancelled; a pair whose source CRUSH no longer picks, or whose target is out, is
// dropped.
import { CRUSH_ITEM_NONE } from '../crush/crush-map.js';
import type { CephCluster } from './ceph-cluster.js';
import type { PlacementGroup } from '../recovery/placement-group.js';
import type { PoolDef } from './pool.js';

/** One PG's pairs, applied in order. */
export type UpmapPairs = [from: number, to: number][];

/**
 * _apply_upmap for pg_upmap_items: each pair replaces the first `from` in the result with `to`,
 * unless `to` already appears or is marked out (osd_weight 0). A down target still applies; the
 * up set then drops it as it drops any down OSD. Two pairs cannot swap OSDs (Ceph's note).
 */
export function applyUpmapPairs(raw: readonly number[], pairs: UpmapPairs, isOut: (osd: number) => boolean): number[] {
  const out = [...raw];
  for (const [from, to] of pairs) {
    if (out.includes(to)) continue;
    const pos = to !== CRUSH_ITEM_NONE && isOut(to) ? -1 : out.indexOf(from);
    if (pos >= 0) out[pos] = to;
  }
  return out;
}

/** The CRUSH bucket of an OSD at a rule's failure-domain type. */
export function failureDomainOf(c: CephCluster, pool: PoolDef, osd: number): string {
  const fd = c.rules[pool.ruleId]?.failureDomain ?? 'host';
  const o = c.osds.get(osd);
  return fd === 'osd' || !o ? `osd.${osd}` : fd === 'host' ? o.host : o.rack;
}

/** CrushWrapper::verify_upmap in effect: no two members of the set in one failure-domain bucket. */
export function respectsFailureDomain(c: CephCluster, pool: PoolDef, set: readonly number[]): boolean {
  const seen = new Set<string>();
  for (const osd of set) {
    if (osd === CRUSH_ITEM_NONE) continue;
    const d = failureDomainOf(c, pool, osd);
    if (seen.has(d)) return false;
    seen.add(d);
  }
  return true;
}

/** Whether the OSDMap has the OSD marked out (or not at all): osd_weight 0. */
export function isOutOsd(c: CephCluster, osd: number): boolean {
  return !(c.osds.get(osd)?.in ?? false);
}

/**
 * The PG's raw set after its upmap items, cleaning the entry first as check_pg_upmaps does (the
 * mon runs it on every new OSDMap): cancelled when the result breaks the failure domain or holds
 * an out OSD; pairs whose source is no longer in the CRUSH result or whose target is out dropped.
 */
export function upmappedRaw(c: CephCluster, pool: PoolDef, pg: PlacementGroup, raw: number[]): number[] {
  const pairs = c.upmapItems.get(pg.id);
  if (!pairs) return raw;
  const isOut = (o: number) => isOutOsd(c, o);
  const mapped = applyUpmapPairs(raw, pairs, isOut);
  if (!respectsFailureDomain(c, pool, mapped) || mapped.some((o) => o !== CRUSH_ITEM_NONE && isOut(o))) {
    c.upmapItems.delete(pg.id);
    return raw;
  }
  const kept = pairs.filter(([from, to]) => raw.includes(from) && !isOut(to));
  if (!kept.length) c.upmapItems.delete(pg.id);
  else if (kept.length !== pairs.length) c.upmapItems.set(pg.id, kept);
  return applyUpmapPairs(raw, kept, isOut);
}

/** Drops the entries of a pool's PGs at or past `pgNum` (they no longer exist after a merge); the others stay, as in Ceph. */
export function dropPoolUpmaps(c: CephCluster, poolId: number, pgNum: number): void {
  for (const id of [...c.upmapItems.keys()]) {
    const [pool, ps] = id.split('.');
    if (Number(pool) === poolId && parseInt(ps!, 16) >= pgNum) c.upmapItems.delete(id);
  }
}
