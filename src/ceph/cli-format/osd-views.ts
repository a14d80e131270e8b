// `ceph osd tree` and `ceph osd df` (ceph/ceph src/osd/OSDMap.cc print_tree / OSDUtilizationPlainDumper).
import type { CephCluster } from '../cluster/ceph-cluster.js';
import { CRUSH_TYPES } from '../cluster/build-crush-map.js';
import { textTable } from './text-table.js';
import { bytesU, lowPrecision, weightF } from './units.js';

/** `ceph osd tree`: buckets depth-first from the root, OSDs with class, status, reweight, primary affinity. */
export function formatOsdTree(c: CephCluster): string {
  const map = c.crushMap;
  const byId = new Map(map.buckets.map((b) => [b.id, b]));
  const rows: string[][] = [];
  const walk = (id: number, weight: number, depth: number): void => {
    const pad = '    '.repeat(depth);
    if (id >= 0) {
      const o = c.osds.get(id)!;
      rows.push([String(id), o.deviceClass, weightF(weight / 65536), `${pad}osd.${id}`, o.up ? 'up' : 'down', weightF(o.in ? o.reweight / 65536 : 0), weightF(o.primaryAffinity)]);
      return;
    }
    const b = byId.get(id)!;
    rows.push([String(id), '', weightF(weight / 65536), `${pad}${CRUSH_TYPES[b.typeId]} ${b.name}`, '', '', '']);
    b.items.forEach((item, i) => walk(item, b.weights[i]!, depth + 1));
  };
  const root = byId.get(-1)!;
  walk(-1, root.weights.reduce((a, w) => a + w, 0), 0);
  const col = (heading: string, align: 'left' | 'right' = 'right') => ({ heading, align, headAlign: 'left' as const });
  return textTable([col('ID'), col('CLASS'), col('WEIGHT'), col('TYPE NAME', 'left'), col('STATUS'), col('REWEIGHT'), col('PRI-AFF')], rows);
}

/** `ceph osd df`: per-OSD utilisation, the TOTAL row and MIN/MAX VAR and STDDEV. */
export function formatOsdDf(c: CephCluster): string {
  const usage = c.usage();
  const osds = [...c.osds.values()].sort((a, b) => a.id - b.id);
  const live = osds.filter((o) => o.in);
  const tot = live.reduce((s, o) => { const u = usage.get(o.id)!; return { size: s.size + u.total, used: s.used + u.used, data: s.data + u.data, meta: s.meta + u.meta, avail: s.avail + u.avail }; }, { size: 0, used: 0, data: 0, meta: 0, avail: 0 });
  const avgUtil = tot.size ? (tot.used / tot.size) * 100 : 0;
  const rows: string[][] = [];
  let minVar = Infinity, maxVar = 0, sq = 0;
  for (const o of osds) {
    const u = usage.get(o.id)!;
    const counted = o.in;
    const util = counted && u.total ? (u.used / u.total) * 100 : 0;
    const v = avgUtil ? util / avgUtil : 0;
    if (counted) { minVar = Math.min(minVar, v); maxVar = Math.max(maxVar, v); sq += (util - avgUtil) ** 2; }
    rows.push([String(o.id), o.deviceClass, weightF(o.crushWeight / 65536), weightF(o.in ? o.reweight / 65536 : 0),
      bytesU(counted ? u.total : 0), bytesU(counted ? u.used : 0), bytesU(counted ? u.data : 0), bytesU(0), bytesU(counted ? u.meta : 0), bytesU(counted ? u.avail : 0),
      lowPrecision(util), lowPrecision(v), String(u.pgs), o.up ? 'up' : 'down']);
  }
  rows.push(['', '', '', 'TOTAL', bytesU(tot.size), bytesU(tot.used), bytesU(tot.data), bytesU(0), bytesU(tot.meta), bytesU(tot.avail), lowPrecision(avgUtil), '', '', '']);
  const table = textTable(['ID', 'CLASS', 'WEIGHT', 'REWEIGHT', 'SIZE', 'RAW USE', 'DATA', 'OMAP', 'META', 'AVAIL', '%USE', 'VAR', 'PGS', 'STATUS'].map((heading) => ({ heading, align: 'right' as const, headAlign: 'left' as const })), rows);
  const dev = live.length ? Math.sqrt(sq / live.length) : 0;
  return `${table}MIN/MAX VAR: ${lowPrecision(live.length ? minVar : 0)}/${lowPrecision(maxVar)}  STDDEV: ${lowPrecision(dev)}\n`;
}
