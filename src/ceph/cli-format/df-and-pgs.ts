// `ceph df` (PGMap::dump_cluster_stats / dump_pool_stats_full), `ceph pg stat`
// (PGMap::print_oneline_summary) and `ceph pg dump_stuck` (PGMap::dump_stuck_plain).
import type { CephCluster } from '../cluster/ceph-cluster.js';
import { poolUsage, rawStorage } from '../cluster/capacity.js';
import { pgStateString } from '../recovery/pg-state.js';
import { osdSet } from './ceph-status.js';
import { pgmapSummary } from '../recovery/pgmap-summary.js';
import { textTable } from './text-table.js';
import { bytesU, percentify, siU } from './units.js';

/** `ceph df`: RAW STORAGE by device class and POOLS with STORED, OBJECTS, USED, %USED, MAX AVAIL. */
export function formatDf(c: CephCluster): string {
  const raw = rawStorage(c);
  const rawRows = [...raw.byClass].map(([cls, r]) => [cls, bytesU(r.size), bytesU(r.avail), bytesU(r.used), bytesU(r.used), percentify(r.size ? (r.used / r.size) * 100 : 0)]);
  rawRows.push(['TOTAL', bytesU(raw.total.size), bytesU(raw.total.avail), bytesU(raw.total.used), bytesU(raw.total.used), percentify(raw.total.size ? (raw.total.used / raw.total.size) * 100 : 0)]);
  const left = (heading: string) => ({ heading, align: 'left' as const });
  const right = (heading: string) => ({ heading, align: 'right' as const });
  const rawTable = textTable([left('CLASS'), right('SIZE'), right('AVAIL'), right('USED'), right('RAW USED'), right('%RAW USED')], rawRows);
  const pools = poolUsage(c).map((p) => [p.name, String(p.id), String(p.pgs), bytesU(p.stored), siU(p.objects), bytesU(p.used), percentify(p.percentUsed * 100), bytesU(p.maxAvail)]);
  const poolTable = textTable([left('POOL'), right('ID'), right('PGS'), right('STORED'), right('OBJECTS'), right('USED'), right('%USED'), right('MAX AVAIL')], pools);
  return `--- RAW STORAGE ---\n${rawTable} \n--- POOLS ---\n${poolTable}`;
}

/** `ceph df -f json`: stats and pools with Ceph's field names. */
export function dfJson(c: CephCluster): Record<string, unknown> {
  const raw = rawStorage(c);
  return {
    stats: { total_bytes: raw.total.size, total_avail_bytes: raw.total.avail, total_used_bytes: raw.total.used, total_used_raw_bytes: raw.total.used, total_used_raw_ratio: raw.total.size ? raw.total.used / raw.total.size : 0, num_osds: c.osds.size, num_per_pool_osds: c.osds.size },
    stats_by_class: Object.fromEntries([...raw.byClass].map(([k, r]) => [k, { total_bytes: r.size, total_avail_bytes: r.avail, total_used_bytes: r.used, total_used_raw_bytes: r.used, total_used_raw_ratio: r.size ? r.used / r.size : 0 }])),
    pools: poolUsage(c).map((p) => ({ name: p.name, id: p.id, stats: { stored: p.stored, objects: p.objects, kb_used: Math.ceil(p.used / 1024), bytes_used: p.used, percent_used: p.percentUsed, max_avail: p.maxAvail } })),
  };
}

/** `ceph pg stat`: one line with the states, data, usage and degraded/misplaced ratios. */
export function formatPgStat(c: CephCluster): string {
  return `${pgmapSummary(c)}\n`;
}

/** `ceph pg dump_stuck [unclean|inactive|undersized|degraded]`: PGs in that condition for mon_pg_stuck_threshold (60 s). */
export function formatDumpStuck(c: CephCluster, which: 'unclean' | 'inactive' | 'undersized' | 'degraded' = 'unclean', thresholdSec = 60): string {
  const stuck = c.allPgs().filter((pg) => {
    const is = which === 'unclean' ? !pg.state.has('clean') : which === 'inactive' ? !pg.state.has('active') : pg.state.has(which);
    const since = which === 'unclean' ? pg.lastCleanMs : pg.stateSinceMs;
    return is && c.nowMs - since >= thresholdSec * 1000;
  });
  if (!stuck.length) return 'ok\n';
  const rows = stuck.map((pg) => {
    const up = pg.up.find((o) => o !== 0x7fffffff) ?? -1;
    const act = pg.acting.find((o) => o !== 0x7fffffff) ?? -1;
    return [pg.id, pgStateString(pg.state), osdSet(pg.up), String(up), osdSet(pg.acting), String(act)];
  });
  const l = (heading: string) => ({ heading, align: 'left' as const });
  const r = (heading: string) => ({ heading, align: 'right' as const, headAlign: 'left' as const });
  return `${textTable([l('PG_STAT'), l('STATE'), r('UP'), r('UP_PRIMARY'), r('ACTING'), r('ACTING_PRIMARY')], rows)}ok\n`;
}

/** `ceph -w` lines of the cluster log from `sinceMs` (Reef: `<ISO stamp>+0000 <who> [<level>] <message>`). */
export function formatWatch(c: CephCluster, sinceMs = 0, minLevel: 'DBG' | 'INF' = 'INF'): string {
  const stamp = (ms: number) => `${new Date(Math.floor(ms)).toISOString().replace('Z', '')}${String(Math.round((ms % 1) * 1000)).padStart(3, '0')}+0000`;
  return c.log.filter((e) => e.timeMs >= sinceMs && (minLevel === 'DBG' || e.level !== 'DBG')).map((e) => `${stamp(e.timeMs)} ${e.who} [${e.level}] ${e.message}\n`).join('');
}
