// bench/ceph (issue 5): the wall time the engine (src/ceph/model.ts) takes to simulate the recovery
// of a failed host on a 1,800-OSD cluster, from the failure through detection, mark-down, the
// 600 s mon_osd_down_out_interval, mark-out, remapping and backfill to HEALTH_OK, beside the
// simulated time it covers. Run: npm run bench -- ceph [--objects N]
import { healthReport, objectTotals } from '../../src/ceph/model.js';
import { buildBenchCluster, OBJECT_BYTES, SHAPE } from './cluster.js';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const OBJECTS = Number(arg('objects') ?? 2_000_000);
/** Wall-time bound: the run stops (and says so) if the simulation has not reached HEALTH_OK by then. */
const WALL_LIMIT_MS = 240_000;
const FAILED_HOST = 'host-3';

const sec = (ms: number) => (ms / 1000).toFixed(1);
const gib = (b: number) => (b / 2 ** 30).toFixed(0);
const osds = SHAPE.hosts * SHAPE.osdsPerHost;
console.log(`node ${process.version}; ${osds} OSDs (${SHAPE.hosts} hosts x ${SHAPE.osdsPerHost} x ${SHAPE.driveBytes / 1e12} TB, ${SHAPE.racks} racks), ` +
  `Reef defaults (osd_heartbeat_grace 20 s, mon_osd_down_out_interval 600 s, osd_max_backfills 1)`);
let t = performance.now();
const { ceph, pgNum } = buildBenchCluster(OBJECTS, Date.UTC(2026, 2, 18, 10, 0, 0));
const totals = objectTotals(ceph);
console.log(`block pool: 3x on rack, pg_num ${pgNum} (autoscaler); ${OBJECTS} objects of 4 MiB (${gib(OBJECTS * OBJECT_BYTES)} GiB, ${totals.copies} copies); ` +
  `built and filled in ${sec(performance.now() - t)} s wall; health before: ${healthReport(ceph).status}`);

const t0 = ceph.nowMs;
const logFrom = ceph.log.length;
let peakDegraded = 0;
t = performance.now();
// A host that loses power: its OSDs stop answering heartbeats (hang), so peers report them after the grace.
ceph.failHost(FAILED_HOST, 'hang');
let healthyAt: number | undefined;
let outAt: number | undefined;
let wallToOutMs: number | undefined;
while (healthyAt === undefined && performance.now() - t < WALL_LIMIT_MS) {
  ceph.step(10_000);
  peakDegraded = Math.max(peakDegraded, objectTotals(ceph).degraded);
  const lines = ceph.log.slice(logFrom);
  outAt ??= lines.find((l) => l.message.startsWith('Marking osd.'))?.timeMs;
  if (outAt !== undefined) wallToOutMs ??= performance.now() - t;
  if (outAt !== undefined) healthyAt = lines.find((l) => l.timeMs >= outAt! && l.message === 'Cluster is now healthy')?.timeMs;
}
const wallMs = performance.now() - t;
const lines = ceph.log.slice(logFrom);
const downAt = lines.find((l) => / failed \(/.test(l.message) || l.message.includes('marked down'))?.timeMs;
const backfills = lines.filter((l) => l.message.includes('starting backfill')).length;
const simMs = (healthyAt ?? ceph.nowMs) - t0;
console.log(`\n${FAILED_HOST} fails (12 OSDs): down at +${downAt === undefined ? '?' : sec(downAt - t0)} s, out at +${outAt === undefined ? '?' : sec(outAt - t0)} s, ` +
  `HEALTH_OK at +${healthyAt === undefined ? 'NOT REACHED' : sec(healthyAt - t0)} s simulated; peak ${peakDegraded} degraded copies; ${backfills} backfills started`);
console.log(`recovery after the out: ${healthyAt !== undefined && outAt !== undefined ? sec(healthyAt - outAt) : '?'} s simulated; health now ${healthReport(ceph).status}`);
console.log(`wall time to simulate failure -> HEALTH_OK: ${sec(wallMs)} s for ${sec(simMs)} s simulated ` +
  `(${(simMs / wallMs).toFixed(1)}x real time); ${wallToOutMs === undefined ? '' : `${sec(wallToOutMs)} s of it up to the 10 s step that holds the out`}${healthyAt === undefined ? ` — stopped at the ${WALL_LIMIT_MS / 1000} s wall limit` : ''}`);
if (healthyAt === undefined) process.exitCode = 1;
