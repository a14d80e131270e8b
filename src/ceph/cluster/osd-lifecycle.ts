// OSD failure detection and return, as the mon handles them: a crashed daemon refuses its peers'
// connections and is reported at once; a hung one is reported after osd_heartbeat_grace; the mon
// marks it down, and out after mon_osd_down_out_interval unless that would leave fewer than
// mon_osd_min_in_ratio of the OSDs in (ceph/ceph src/mon/OSDMonitor.cc, tick and prepare_failure).
// Both need a monitor quorum to commit the new OSDMap.
import type { CephCluster } from './ceph-cluster.js';
import type { OsdState } from './cluster-types.js';
import { crushWeightForSize } from './crush-weight.js';
import type { HostSpec } from './topology.js';

/** A timer of the mon, as data so the engine state can be saved and restored with it pending. */
export type MonTimer = { kind: 'osd-failure'; osd: number; mode: 'crash' | 'hang'; reporter: number } | { kind: 'osd-down-out'; osd: number; downAtMs: number };

/** The daemon of `id` dies; the mon marks it down after the detection delay of `mode`. */
export function failOsd(c: CephCluster, id: number, mode: 'crash' | 'hang'): void {
  const osd = c.osd(id);
  if (osd.daemon !== 'running') return;
  osd.daemon = mode === 'crash' ? 'crashed' : 'hung';
  const delay = mode === 'crash' ? c.params.immediateFailureMs : c.params.heartbeatGraceSec * 1000;
  const reporter = peerOf(c, osd);
  if (mode === 'crash') c.logLine('mon.a', 'DBG', `osd.${id} reported immediately failed by osd.${reporter}`);
  c.schedule(c.nowMs + delay, { kind: 'osd-failure', osd: id, mode, reporter });
}

/** Runs a mon timer that came due. */
export function runMonTimer(c: CephCluster, t: MonTimer): void {
  const osd = c.osds.get(t.osd);
  if (!osd) return;
  if (t.kind === 'osd-failure') decideFailure(c, osd, t);
  else markOut(c, osd, t.downAtMs);
}

function decideFailure(c: CephCluster, osd: OsdState, t: MonTimer & { kind: 'osd-failure' }): void {
  if (osd.daemon === 'running' || !osd.up) return;
  // Without a quorum the mon cannot commit a new OSDMap: the failure waits.
  if (!c.quorum().length) return c.schedule(c.nowMs + 1000, t);
  const grace = c.params.heartbeatGraceSec;
  const why = t.mode === 'crash' ? `connection refused reported by osd.${t.reporter}` : `2 reporters from different host after ${grace.toFixed(3)} >= grace ${grace.toFixed(3)}`;
  c.logLine('mon.a', 'INF', `osd.${osd.id} failed (root=default,rack=${osd.rack},host=${osd.host}) (${why})`);
  markDown(c, osd);
}

/** The daemon starts again: it boots and is marked up, and in if it had been marked out. */
export function restartOsd(c: CephCluster, id: number): void {
  const osd = c.osd(id);
  osd.daemon = 'running';
  if (osd.up) return;
  osd.up = true;
  osd.upSinceMs = c.nowMs;
  osd.downSinceMs = undefined;
  if (!osd.in) c.setIn(osd, true);
  c.logLine('mon.a', 'INF', `osd.${id} [v2:${osd.host}] boot`);
  c.remapAll();
}

/** The drive is replaced: the OSD's copies are gone and it comes back empty, up and in. */
export function replaceOsd(c: CephCluster, id: number): void {
  const osd = c.osd(id);
  for (const p of c.pools.values()) for (const pg of p.pgs) pg.shards = pg.shards.filter((s) => s.osd !== id);
  osd.daemon = 'running';
  osd.up = true;
  osd.upSinceMs = c.nowMs;
  osd.downSinceMs = undefined;
  c.setIn(osd, true);
  c.remapAll();
}

function markDown(c: CephCluster, osd: OsdState): void {
  osd.up = false;
  osd.downSinceMs = c.nowMs;
  c.remapAll();
  c.schedule(c.nowMs + c.params.downOutIntervalSec * 1000, { kind: 'osd-down-out', osd: osd.id, downAtMs: c.nowMs });
}

function markOut(c: CephCluster, osd: OsdState, downAtMs: number): void {
  if (osd.up || !osd.in || osd.downSinceMs !== downAtMs) return;
  if (!c.quorum().length) return c.schedule(c.nowMs + 1000, { kind: 'osd-down-out', osd: osd.id, downAtMs });
  const inCount = [...c.osds.values()].filter((o) => o.in).length;
  if ((inCount - 1) / c.osds.size < c.params.minInRatio) return;
  c.logLine('mon.a', 'INF', `Marking osd.${osd.id} out (has been down for ${c.params.downOutIntervalSec} seconds)`);
  c.setIn(osd, false);
  c.remapAll();
}

/** The peer that reports a failure: the OSD with the next lower id, else any up OSD on another host. */
function peerOf(c: CephCluster, osd: OsdState): number {
  const prev = c.osds.get(osd.id - 1);
  if (prev?.up) return prev.id;
  const other = [...c.osds.values()].find((o) => o.host !== osd.host && o.up);
  return (other ?? osd).id;
}

/** Records a host and its OSDs in the OSDMap: up and in at once, as a new OSD boots; CRUSH weight from its size. */
export function addHostRecords(c: CephCluster, h: HostSpec): void {
  c.hosts.set(h.name, h);
  for (const o of h.osds) {
    c.osds.set(o.id, {
      id: o.id, host: h.name, rack: h.rack, device: o.device, deviceClass: o.deviceClass, sizeBytes: o.sizeBytes,
      crushWeight: crushWeightForSize(o.sizeBytes), reweight: 0x10000, primaryAffinity: 1, up: true, in: true,
      daemon: 'running', upSinceMs: c.nowMs, inSinceMs: c.nowMs,
    });
  }
}
