// The one-line PG map summary (ceph/ceph src/mon/PGMap.cc print_oneline_summary): what
// `ceph pg stat` prints and what the mgr's `pgmap vN:` cluster-log lines carry.
import type { CephCluster } from '../cluster/ceph-cluster.js';
import { rawStorage } from '../cluster/capacity.js';
import { bytesU, cFixed, siU } from '../cli-format/units.js';
import { objectTotals } from './health.js';
import { pgStateString } from './pg-state.js';

/** PG counts by printed state, largest first (ties by name). */
export function pgsByState(c: CephCluster): [string, number][] {
  const m = new Map<string, number>();
  for (const pg of c.allPgs()) {
    const s = pgStateString(pg.state);
    m.set(s, (m.get(s) ?? 0) + 1);
  }
  return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** `384 pgs: 12 active+undersized+degraded, 372 active+clean; 19 GiB data, … avail; 124/15012 objects degraded (0.826%)`. */
export function pgmapSummary(c: CephCluster): string {
  const raw = rawStorage(c);
  const t = objectTotals(c);
  const stored = c.allPgs().reduce((s, pg) => s + pg.bytes, 0);
  const states = pgsByState(c).map(([s, n]) => `${n} ${s}`).join(', ');
  let line = `${c.allPgs().length} pgs: ${states}; ${bytesU(stored)} data, ${bytesU(raw.total.used)} used, ${bytesU(raw.total.avail)} / ${bytesU(raw.total.size)} avail`;
  if (t.degraded) line += `; ${t.degraded}/${t.copies} objects degraded (${cFixed((t.degraded / t.copies) * 100, 3)}%)`;
  if (t.misplaced) line += `; ${t.misplaced}/${t.copies} objects misplaced (${cFixed((t.misplaced / t.copies) * 100, 3)}%)`;
  if (c.recoveryRate.bytesPerSec > 0) line += `; ${bytesU(c.recoveryRate.bytesPerSec)}/s, ${siU(c.recoveryRate.objectsPerSec)} objects/s recovering`;
  return line;
}
