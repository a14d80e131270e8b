// `ceph status` (ceph/ceph src/mon/Monitor.cc print_status; PGMap::print_summary) in Reef's layout,
// and its `-f json` form with the field names Ceph dumps.
import { CRUSH_ITEM_NONE } from '../crush/crush-map.js';
import type { CephCluster } from '../cluster/ceph-cluster.js';
import { rawStorage } from '../cluster/capacity.js';
import { healthReport, objectTotals } from '../recovery/health.js';
import { pgsByState } from '../recovery/pgmap-summary.js';
import { ageStr, bytesU, cFixed, siU } from './units.js';

export { pgsByState } from '../recovery/pgmap-summary.js';

/** PGs whose acting set differs from their up set (`remapped pgs`). */
export function remappedPgs(c: CephCluster): number {
  return c.allPgs().filter((pg) => pg.state.has('remapped')).length;
}

function osdSince(c: CephCluster): { up: number; in: number } {
  let up = 0, inn = 0;
  for (const o of c.osds.values()) {
    up = Math.max(up, o.upSinceMs, o.downSinceMs ?? 0);
    inn = Math.max(inn, o.inSinceMs);
  }
  return { up, in: inn };
}

/** `ceph status` / `ceph -s`. */
export function formatStatus(c: CephCluster): string {
  const h = healthReport(c);
  const osds = [...c.osds.values()];
  const up = osds.filter((o) => o.up).length;
  const inn = osds.filter((o) => o.in).length;
  const since = osdSince(c);
  const quorum = c.quorum();
  const out = c.mons.filter((m) => !quorum.includes(m));
  const mgr = c.mgrs.find((m) => m.up && m.activeSinceMs !== undefined) ?? c.mgrs.find((m) => m.up);
  const standbys = c.mgrs.filter((m) => m.up && m !== mgr).map((m) => m.name);
  const raw = rawStorage(c);
  const t = objectTotals(c);
  const stored = c.allPgs().reduce((s, pg) => s + pg.bytes, 0);
  const remapped = remappedPgs(c);
  const lines = ['  cluster:', `    id:     ${c.fsid}`, `    health: ${h.status}`];
  for (const chk of h.checks) lines.push(`            ${chk.summary}`);
  lines.push(' ', '  services:');
  lines.push(`    mon: ${c.mons.length} daemons, quorum ${quorum.map((m) => m.name).join(',')} (age ${ageStr(c.nowMs - c.quorumSinceMs)})${out.length ? `, out of quorum: ${out.map((m) => m.name).join(', ')}` : ''}`);
  lines.push(mgr ? `    mgr: ${mgr.name}(active, since ${ageStr(c.nowMs - (mgr.activeSinceMs ?? c.nowMs))})${standbys.length ? `, standbys: ${standbys.join(', ')}` : ''}` : '    mgr: no daemons active');
  lines.push(`    osd: ${osds.length} osds: ${up} up (since ${ageStr(c.nowMs - since.up)}), ${inn} in (since ${ageStr(c.nowMs - since.in)})${remapped ? `; ${remapped} remapped pgs` : ''}`);
  lines.push(' ', '  data:');
  const pgs = c.allPgs().length;
  lines.push(`    pools:   ${c.pools.size} pools, ${pgs} pgs`);
  lines.push(`    objects: ${siU(t.objects)} objects, ${bytesU(stored)}`);
  lines.push(`    usage:   ${bytesU(raw.total.used)} used, ${bytesU(raw.total.avail)} / ${bytesU(raw.total.size)} avail`);
  const block: string[] = [];
  if (t.degraded > 0) block.push(`${t.degraded}/${t.copies} objects degraded (${cFixed((t.degraded / t.copies) * 100, 3)}%)`);
  if (t.misplaced > 0) block.push(`${t.misplaced}/${t.copies} objects misplaced (${cFixed((t.misplaced / t.copies) * 100, 3)}%)`);
  const states = pgsByState(c);
  const width = Math.max(0, ...states.map(([, n]) => String(n).length));
  for (const [s, n] of states) block.push(`${String(n).padEnd(width)} ${s}`);
  lines.push(`    pgs:     ${block[0] ?? ''}`.trimEnd(), ...block.slice(1).map((b) => `             ${b}`));
  const io = ioLines(c);
  if (io.length) lines.push(' ', '  io:', ...io);
  return `${lines.join('\n')}\n \n`;
}

function ioLines(c: CephCluster): string[] {
  const out: string[] = [];
  let rd = 0, wr = 0, rop = 0, wop = 0;
  for (const p of c.pools.values()) { rd += p.clientIo.readBps; wr += p.clientIo.writeBps; rop += p.clientIo.readOps; wop += p.clientIo.writeOps; }
  if (rd || wr || rop || wop) out.push(`    client:   ${bytesU(rd)}/s rd, ${bytesU(wr)}/s wr, ${siU(rop)} op/s rd, ${siU(wop)} op/s wr`);
  if (c.recoveryRate.bytesPerSec > 0) out.push(`    recovery: ${bytesU(c.recoveryRate.bytesPerSec)}/s, ${siU(c.recoveryRate.objectsPerSec)} objects/s`);
  return out;
}

/** `ceph status -f json`: the fields a client reads (names as Ceph dumps them). */
export function statusJson(c: CephCluster): Record<string, unknown> {
  const h = healthReport(c);
  const raw = rawStorage(c);
  const t = objectTotals(c);
  const osds = [...c.osds.values()];
  const since = osdSince(c);
  const quorum = c.quorum();
  const pgmap: Record<string, unknown> = {
    pgs_by_state: pgsByState(c).map(([state_name, count]) => ({ state_name, count })),
    num_pgs: c.allPgs().length, num_pools: c.pools.size, num_objects: t.objects,
    data_bytes: c.allPgs().reduce((s, pg) => s + pg.bytes, 0), bytes_used: raw.total.used, bytes_avail: raw.total.avail, bytes_total: raw.total.size,
  };
  if (t.degraded) Object.assign(pgmap, { degraded_objects: t.degraded, degraded_total: t.copies, degraded_ratio: t.degraded / t.copies });
  if (t.misplaced) Object.assign(pgmap, { misplaced_objects: t.misplaced, misplaced_total: t.copies, misplaced_ratio: t.misplaced / t.copies });
  return {
    fsid: c.fsid,
    health: { status: h.status, checks: Object.fromEntries(h.checks.map((k) => [k.code, { severity: k.severity, summary: { message: k.summary, count: k.detail.length }, muted: false }])), mutes: [] },
    quorum: quorum.map((m) => m.rank), quorum_names: quorum.map((m) => m.name),
    osdmap: {
      epoch: c.epoch, num_osds: osds.length, num_up_osds: osds.filter((o) => o.up).length, osd_up_since: Math.floor(since.up / 1000),
      num_in_osds: osds.filter((o) => o.in).length, osd_in_since: Math.floor(since.in / 1000), num_remapped_pgs: remappedPgs(c),
    },
    pgmap,
  };
}

/** `ceph health detail`: the status and the checks' summaries on one line (a space after the status, no colon, as the mon prints it), then each check. */
export function formatHealthDetail(c: CephCluster): string {
  const h = healthReport(c);
  const lines = [h.checks.length ? `${h.status} ${h.checks.map((k) => k.summary).join('; ')}` : h.status];
  for (const k of h.checks) {
    lines.push(`[${k.severity === 'HEALTH_ERR' ? 'ERR' : 'WRN'}] ${k.code}: ${k.summary}`);
    for (const d of k.detail) lines.push(`    ${d}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Formats an acting/up set as Ceph does (`[1,2,NONE]`). */
export function osdSet(set: number[]): string {
  return `[${set.map((o) => (o === CRUSH_ITEM_NONE ? 'NONE' : String(o))).join(',')}]`;
}
