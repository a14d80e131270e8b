// Capacity as Ceph reports it: per-OSD statfs (what `ceph osd df` prints), per-pool STORED/USED,
// and MAX AVAIL bounded by the fullest OSD (ceph/ceph src/mon/PGMap.cc get_rule_avail and
// PGMapDigest::get_pool_free_space; weights from CrushWrapper::get_rule_weight_osd_map).
import { CRUSH_ITEM_NONE } from '../crush/crush-map.js';
import type { CephCluster } from './ceph-cluster.js';
import { rawUsedRate } from './pool.js';

/** One OSD's space: device size, BlueStore base overhead, data of its PG copies, metadata. */
export interface OsdUsage {
  total: number;
  used: number;
  avail: number;
  data: number;
  meta: number;
  pgs: number;
}

/** Usage of every OSD; a down OSD still reports its last figures, as its statfs stays in the PGMap. */
export function osdUsage(c: CephCluster): Map<number, OsdUsage> {
  const out = new Map<number, OsdUsage>();
  for (const o of c.osds.values()) {
    out.set(o.id, { total: o.sizeBytes, used: 0, avail: 0, data: 0, meta: c.params.bluestoreBaseUsedBytes, pgs: 0 });
  }
  for (const pool of c.pools.values()) {
    const k = pool.def.kind === 'erasure' ? pool.def.k! : 1;
    for (const pg of pool.pgs) {
      const perObject = pg.objects ? pg.bytes / pg.objects / k : 0;
      for (const s of pg.shards) {
        const u = out.get(s.osd);
        if (!u) continue;
        const held = pg.objects - s.missing;
        u.data += Math.round(held * perObject);
        u.meta += held * c.params.bluestoreMetaPerObject;
      }
      for (const osd of new Set([...pg.up, ...pg.acting])) if (osd !== CRUSH_ITEM_NONE) out.get(osd)!.pgs++;
    }
  }
  for (const u of out.values()) {
    u.used = Math.min(u.total, u.data + u.meta);
    u.avail = u.total - u.used;
  }
  return out;
}

/** Totals by device class and overall (`ceph df` RAW STORAGE). */
export interface RawStorage {
  byClass: Map<string, { size: number; avail: number; used: number }>;
  total: { size: number; avail: number; used: number };
}

/**
 * RAW STORAGE: only OSDs that are in contribute (an out OSD's stats are zeroed; IBM Storage Ceph
 * docs, "Understanding storage clusters usage stats").
 */
export function rawStorage(c: CephCluster): RawStorage {
  const usage = c.usage();
  const byClass = new Map<string, { size: number; avail: number; used: number }>();
  const total = { size: 0, avail: 0, used: 0 };
  for (const o of c.osds.values()) {
    if (!o.in) continue;
    const u = usage.get(o.id)!;
    const cls = byClass.get(o.deviceClass) ?? { size: 0, avail: 0, used: 0 };
    cls.size += u.total; cls.avail += u.avail; cls.used += u.used;
    byClass.set(o.deviceClass, cls);
    total.size += u.total; total.avail += u.avail; total.used += u.used;
  }
  return { byClass, total };
}

/**
 * get_rule_avail: over the OSDs under the rule's root, each with its share w of the root's CRUSH
 * weight (float arithmetic, as CrushWrapper does), min of (kb_avail - kb * (1 - full_ratio)) * 1024 / w.
 */
export function ruleAvail(c: CephCluster): number {
  const f = Math.fround;
  const usage = c.usage();
  let sum = f(0);
  const weights: [number, number][] = [];
  for (const b of c.crushMap.buckets) {
    b.items.forEach((item, i) => {
      if (item < 0) return;
      const w = f(b.weights[i]!);
      weights.push([item, w]);
      sum = f(sum + w);
    });
  }
  const fratio = f(c.params.fullRatio);
  let min = -1;
  for (const [osd, w] of weights) {
    const share = f(w / sum);
    const o = c.osds.get(osd);
    const u = usage.get(osd);
    if (!o || !u || !o.in || u.total === 0 || share === 0) continue;
    const kb = Math.floor(u.total / 1024);
    const kbAvail = Math.floor(u.avail / 1024);
    const unusable = kb * (1 - fratio);
    const avail = Math.max(0, kbAvail - unusable) * 1024;
    const proj = Math.trunc(avail / share);
    if (min < 0 || proj < min) min = proj;
  }
  return Math.max(0, min);
}

/** A pool's `ceph df` row. */
export interface PoolUsage {
  id: number;
  name: string;
  pgs: number;
  stored: number;
  objects: number;
  used: number;
  percentUsed: number;
  maxAvail: number;
}

/** STORED, OBJECTS, USED (stored x raw rate), %USED and MAX AVAIL (rule avail / raw rate) per pool. */
export function poolUsage(c: CephCluster): PoolUsage[] {
  const avail = ruleAvail(c);
  return [...c.pools.values()].map((p) => {
    const stored = p.pgs.reduce((s, pg) => s + pg.bytes, 0);
    const objects = p.pgs.reduce((s, pg) => s + pg.objects, 0);
    const rate = rawUsedRate(p.def);
    const used = Math.round(stored * rate);
    const maxAvail = Math.trunc(avail / rate);
    const rawAvail = maxAvail * rate;
    return { id: p.def.id, name: p.def.name, pgs: p.def.pgNum, stored, objects, used, percentUsed: used + rawAvail > 0 ? used / (used + rawAvail) : 0, maxAvail };
  });
}

/** True when an OSD the pool's PGs use is past mon_osd_full_ratio (the OSDMap's pool FULL flag). */
export function poolPastFull(c: CephCluster, poolId: number): boolean {
  const used = c.usage();
  for (const id of new Set(c.pool(poolId).pgs.flatMap((pg) => pg.acting))) {
    const u = used.get(id);
    if (u && u.total > 0 && u.used / u.total >= c.params.fullRatio) return true;
  }
  return false;
}
