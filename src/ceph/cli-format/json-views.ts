// `-f json` forms with Ceph's field names: `ceph osd tree` (OSDMap::dump_tree / OSDTreeFormattingDumper),
// `ceph osd df` (OSDUtilizationFormatDumper), `ceph health detail`, `ceph pg stat`, `rbd ls`, `rbd snap ls`.
import type { CephCluster } from '../cluster/ceph-cluster.js';
import { CRUSH_TYPES } from '../cluster/build-crush-map.js';
import { rawStorage } from '../cluster/capacity.js';
import { healthReport, objectTotals } from '../recovery/health.js';
import type { RbdImage, RbdImageStore } from '../rbd/rbd-image-store.js';
import { pgsByState } from './ceph-status.js';
import { ctimeUtc } from './rbd-format.js';

/** `ceph osd tree -f json`: nodes depth-first with children ids, then `stray`. */
export function osdTreeJson(c: CephCluster): Record<string, unknown> {
  const map = c.crushMap;
  const byId = new Map(map.buckets.map((b) => [b.id, b]));
  const nodes: Record<string, unknown>[] = [];
  const walk = (id: number, weight: number, depth: number): void => {
    if (id >= 0) {
      const o = c.osds.get(id)!;
      nodes.push({ id, device_class: o.deviceClass, name: `osd.${id}`, type: 'osd', type_id: 0, crush_weight: weight / 65536, depth, pool_weights: {}, exists: 1, status: o.up ? 'up' : 'down', reweight: o.in ? o.reweight / 65536 : 0, primary_affinity: o.primaryAffinity });
      return;
    }
    const b = byId.get(id)!;
    nodes.push({ id, name: b.name, type: CRUSH_TYPES[b.typeId], type_id: b.typeId, children: [...b.items].reverse() });
    b.items.forEach((item, i) => walk(item, b.weights[i]!, depth + 1));
  };
  walk(-1, 0, 0);
  return { nodes, stray: [] };
}

/** `ceph osd df -f json`: per-OSD kb figures, utilization, var, pgs, and the summary. */
export function osdDfJson(c: CephCluster): Record<string, unknown> {
  const usage = c.usage();
  const raw = rawStorage(c);
  const avg = raw.total.size ? (raw.total.used / raw.total.size) * 100 : 0;
  const nodes = [...c.osds.values()].sort((a, b) => a.id - b.id).map((o) => {
    const u = usage.get(o.id)!;
    const util = o.in && u.total ? (u.used / u.total) * 100 : 0;
    return {
      id: o.id, device_class: o.deviceClass, name: `osd.${o.id}`, type: 'osd', type_id: 0, crush_weight: o.crushWeight / 65536, depth: 0, pool_weights: {},
      reweight: o.in ? o.reweight / 65536 : 0, kb: Math.floor(u.total / 1024), kb_used: Math.floor(u.used / 1024), kb_used_data: Math.floor(u.data / 1024),
      kb_used_omap: 0, kb_used_meta: Math.floor(u.meta / 1024), kb_avail: Math.floor(u.avail / 1024), utilization: util, var: avg ? util / avg : 0, pgs: u.pgs, status: o.up ? 'up' : 'down',
    };
  });
  return { nodes, stray: [], summary: { total_kb: Math.floor(raw.total.size / 1024), total_kb_used: Math.floor(raw.total.used / 1024), total_kb_avail: Math.floor(raw.total.avail / 1024), average_utilization: avg } };
}

/** `ceph health detail -f json`. */
export function healthJson(c: CephCluster): Record<string, unknown> {
  const h = healthReport(c);
  return {
    status: h.status,
    checks: Object.fromEntries(h.checks.map((k) => [k.code, { severity: k.severity, summary: { message: k.summary, count: k.detail.length }, detail: k.detail.map((message) => ({ message })), muted: false }])),
    mutes: [],
  };
}

/** `ceph pg stat -f json`. */
export function pgStatJson(c: CephCluster): Record<string, unknown> {
  const raw = rawStorage(c);
  const t = objectTotals(c);
  return {
    pg_ready: true, num_pgs: c.allPgs().length, num_pg_by_state: pgsByState(c).map(([name, num]) => ({ name, num })),
    num_bytes: c.allPgs().reduce((s, pg) => s + pg.bytes, 0), raw_bytes_used: raw.total.used, raw_bytes_avail: raw.total.avail, raw_bytes: raw.total.size,
    ...(t.degraded ? { degraded_objects: t.degraded, degraded_total: t.copies, degraded_ratio: t.degraded / t.copies } : {}),
    ...(t.misplaced ? { misplaced_objects: t.misplaced, misplaced_total: t.copies, misplaced_ratio: t.misplaced / t.copies } : {}),
  };
}

/** `rbd ls -f json`: the names. */
export function rbdLsJson(store: RbdImageStore, poolId: number): string[] {
  return store.list(poolId);
}

/** `rbd snap ls -f json`: id, name, size, protected (a string, as rbd prints it), timestamp. */
export function snapLsJson(img: RbdImage): Record<string, unknown>[] {
  return img.snaps.map((s) => ({ id: s.id, name: s.name, size: s.sizeBytes, protected: String(s.protected), timestamp: ctimeUtc(s.createdMs) }));
}
