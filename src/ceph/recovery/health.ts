// Health checks with Ceph's codes and wording (ceph/ceph src/osd/OSDMap.cc check_health,
// src/mon/PGMap.cc get_health_checks, src/mon/MonmapMonitor.cc, src/mon/MgrMonitor.cc).
import { CRUSH_ITEM_NONE } from '../crush/crush-map.js';
import type { CephCluster } from '../cluster/ceph-cluster.js';
import { pgCounts } from './placement-group.js';
import { pgStateString } from './pg-state.js';

/** One health check as `ceph health detail` prints it. */
export interface HealthCheck {
  code: string;
  severity: 'HEALTH_WARN' | 'HEALTH_ERR';
  summary: string;
  detail: string[];
}

/** The overall status and the checks that raise it, ordered by code as Ceph's map is. */
export interface HealthReport {
  status: 'HEALTH_OK' | 'HEALTH_WARN' | 'HEALTH_ERR';
  checks: HealthCheck[];
}

/** Object totals over all PGs: copies, degraded and misplaced (the pgmap's sum). */
export function objectTotals(c: CephCluster): { objects: number; copies: number; degraded: number; misplaced: number } {
  let objects = 0, copies = 0, degraded = 0, misplaced = 0;
  for (const pool of c.pools.values()) {
    const ctx = c.ctx(pool);
    for (const pg of pool.pgs) {
      const n = pgCounts(pg, ctx);
      objects += pg.objects; copies += n.copies; degraded += n.degraded; misplaced += n.misplaced;
    }
  }
  return { objects, copies, degraded, misplaced };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const pct = (a: number, b: number) => ((a / b) * 100).toFixed(3);

/** Runs every check against the cluster now. */
export function healthReport(c: CephCluster): HealthReport {
  const checks: HealthCheck[] = [];
  const add = (code: string, severity: HealthCheck['severity'], summary: string, detail: string[]) => checks.push({ code, severity, summary, detail });
  const quorum = c.quorum();
  const monsDown = c.mons.filter((m) => !m.up);
  if (monsDown.length) {
    add('MON_DOWN', 'HEALTH_WARN', `${monsDown.length}/${c.mons.length} mons down, quorum ${quorum.map((m) => m.name).join(',')}`,
      monsDown.map((m) => `mon.${m.name} (rank ${m.rank}) addr [v2:${m.name}:3300/0,v1:${m.name}:6789/0] is down (out of quorum)`));
  }
  if (!c.mgrs.some((m) => m.up)) add('MGR_DOWN', 'HEALTH_WARN', 'no active mgr', []);
  const down = [...c.osds.values()].filter((o) => !o.up && o.in);
  if (down.length) {
    add('OSD_DOWN', 'HEALTH_WARN', `${down.length} osds down`, down.map((o) => `osd.${o.id} (root=default,rack=${o.rack},host=${o.host}) is down`));
    const hostsDown = [...c.hosts.values()].filter((h) => h.osds.length && h.osds.every((o) => !c.osds.get(o.id)!.up));
    if (hostsDown.length) {
      const n = hostsDown.reduce((s, h) => s + h.osds.length, 0);
      add('OSD_HOST_DOWN', 'HEALTH_WARN', `${plural(hostsDown.length, 'host', 'hosts')} (${n} osds) down`,
        hostsDown.map((h) => `host ${h.name} (root=default,rack=${h.rack}) (${h.osds.length} osds) is down`));
    }
  }
  const usage = c.usage();
  const ratioOf = (id: number) => { const u = usage.get(id)!; return u.total ? u.used / u.total : 0; };
  const live = [...c.osds.values()].filter((o) => o.up);
  const full = live.filter((o) => ratioOf(o.id) >= c.params.fullRatio);
  const bfull = live.filter((o) => ratioOf(o.id) >= c.params.backfillfullRatio && ratioOf(o.id) < c.params.fullRatio);
  const nfull = live.filter((o) => ratioOf(o.id) >= c.params.nearfullRatio && ratioOf(o.id) < c.params.backfillfullRatio);
  if (full.length) add('OSD_FULL', 'HEALTH_ERR', `${full.length} full osd(s)`, full.map((o) => `osd.${o.id} is full`));
  if (bfull.length) add('OSD_BACKFILLFULL', 'HEALTH_WARN', `${bfull.length} backfillfull osd(s)`, bfull.map((o) => `osd.${o.id} is backfill full`));
  if (nfull.length) add('OSD_NEARFULL', 'HEALTH_WARN', `${nfull.length} nearfull osd(s)`, nfull.map((o) => `osd.${o.id} is near full`));
  const poolFull: string[] = [];
  const poolNear: string[] = [];
  for (const p of c.pools.values()) {
    const osds = new Set(p.pgs.flatMap((pg) => pg.acting).filter((o) => o !== CRUSH_ITEM_NONE));
    const worst = Math.max(0, ...[...osds].map(ratioOf));
    if (worst >= c.params.fullRatio) poolFull.push(`pool '${p.def.name}' is full (no space)`);
    else if (worst >= c.params.nearfullRatio) poolNear.push(`pool '${p.def.name}' is nearfull`);
  }
  if (poolFull.length) add('POOL_FULL', 'HEALTH_WARN', `${poolFull.length} pool(s) full`, poolFull);
  if (poolNear.length) add('POOL_NEARFULL', 'HEALTH_WARN', `${poolNear.length} pool(s) nearfull`, poolNear);
  pgChecks(c, add);
  checks.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const status = checks.some((x) => x.severity === 'HEALTH_ERR') ? 'HEALTH_ERR' : checks.length ? 'HEALTH_WARN' : 'HEALTH_OK';
  return { status, checks };
}

function pgChecks(c: CephCluster, add: (code: string, sev: HealthCheck['severity'], summary: string, detail: string[]) => void): void {
  const pgs = c.allPgs();
  const stuckSec = (ms: number) => Math.floor((c.nowMs - ms) / 1000);
  const line = (pg: (typeof pgs)[number]) => `pg ${pg.id} is ${pgStateString(pg.state)}, acting [${pg.acting.map((o) => (o === CRUSH_ITEM_NONE ? 'NONE' : o)).join(',')}]`;
  const inactive = pgs.filter((pg) => !pg.state.has('active'));
  if (inactive.length) {
    const parts = [`${plural(inactive.length, 'pg', 'pgs')} inactive`];
    for (const s of ['down', 'peering', 'stale', 'incomplete'] as const) {
      const n = pgs.filter((pg) => pg.state.has(s)).length;
      if (n) parts.push(`${plural(n, 'pg', 'pgs')} ${s}`);
    }
    const unknown = pgs.filter((pg) => pg.state.size === 0).length;
    if (unknown) parts.push(`${plural(unknown, 'pg', 'pgs')} unknown`);
    add('PG_AVAILABILITY', 'HEALTH_WARN', `Reduced data availability: ${parts.join(', ')}`, inactive.map(line));
  }
  const t = objectTotals(c);
  const degradedPgs = pgs.filter((pg) => pg.state.has('degraded'));
  const undersized = pgs.filter((pg) => pg.state.has('undersized'));
  if (t.degraded > 0 || degradedPgs.length || undersized.length) {
    const parts: string[] = [];
    if (t.degraded > 0 && t.copies > 0) parts.push(`${t.degraded}/${t.copies} objects degraded (${pct(t.degraded, t.copies)}%)`);
    if (degradedPgs.length) parts.push(`${plural(degradedPgs.length, 'pg', 'pgs')} degraded`);
    if (undersized.length) parts.push(`${plural(undersized.length, 'pg', 'pgs')} undersized`);
    const detail = [...new Set([...degradedPgs, ...undersized])].map((pg) =>
      stuckSec(pg.stateSinceMs) >= 60 && pg.state.has('undersized')
        ? `pg ${pg.id} is stuck undersized for ${stuckSec(pg.stateSinceMs)}s, current state ${pgStateString(pg.state)}, last acting [${pg.acting.join(',')}]`
        : line(pg));
    add('PG_DEGRADED', 'HEALTH_WARN', `Degraded data redundancy: ${parts.join(', ')}`, detail);
  }
  if (t.misplaced > 0 && t.copies > 0) add('OBJECT_MISPLACED', 'HEALTH_WARN', `${t.misplaced}/${t.copies} objects misplaced (${pct(t.misplaced, t.copies)}%)`, []);
  const toofull = pgs.filter((pg) => pg.state.has('backfill_toofull'));
  if (toofull.length) {
    add('PG_BACKFILL_FULL', 'HEALTH_WARN', `Low space hindering backfill (add storage if this doesn't resolve itself): ${plural(toofull.length, 'pg', 'pgs')} backfill_toofull`, toofull.map(line));
  }
}
