// The mon's health transition messages in the cluster log (ceph/ceph src/mon/HealthMonitor.cc):
// "Health check failed: ...", "Health check update: ...", "Health check cleared: ...",
// "Cluster is now healthy".
import type { CephCluster } from '../cluster/ceph-cluster.js';
import { healthReport } from './health.js';
import { pgsByState, pgmapSummary } from './pgmap-summary.js';

/** Remembers the last checks and logs what changed. */
export class HealthLog {
  private last = new Map<string, string>();
  private lastStates = '';
  private version = 0;

  /** What the log remembers (the checks last reported), to save with the engine state. */
  save(): { last: [string, string][]; lastStates: string; version: number } {
    return { last: [...this.last], lastStates: this.lastStates, version: this.version };
  }

  /** Restores what `save` returned. */
  restore(s: { last: [string, string][]; lastStates: string; version: number }): void {
    this.last = new Map(s.last);
    this.lastStates = s.lastStates;
    this.version = s.version;
  }

  /** Compares the current checks with the last ones and appends the transition lines (and a `pgmap` line when PG states changed). */
  observe(c: CephCluster): void {
    const states = pgsByState(c).map(([s, n]) => `${n} ${s}`).join(', ');
    this.version++;
    if (states !== this.lastStates) c.logLine('mgr.a', 'DBG', `pgmap v${this.version}: ${pgmapSummary(c)}`);
    this.lastStates = states;
    const now = new Map(healthReport(c).checks.map((k) => [k.code, k.summary]));
    for (const [code, summary] of now) {
      const before = this.last.get(code);
      if (before === undefined) c.logLine('mon.a', 'WRN', `Health check failed: ${summary} (${code})`);
      else if (before !== summary) c.logLine('mon.a', 'WRN', `Health check update: ${summary} (${code})`);
    }
    for (const [code, summary] of this.last) if (!now.has(code)) c.logLine('mon.a', 'INF', `Health check cleared: ${code} (was: ${summary})`);
    if (this.last.size && !now.size) c.logLine('mon.a', 'INF', 'Cluster is now healthy');
    this.last = now;
  }
}
