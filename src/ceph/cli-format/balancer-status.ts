// `ceph balancer status`: the module's JSON, indent 4 and sorted keys, whatever the -f format
// (module.py show_status: json.dumps(s, indent=4, sort_keys=True)).
import type { CephCluster } from '../cluster/ceph-cluster.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** Python's time.asctime (the mgr's local time; the mgr pod runs in UTC): `Wed Mar 18 14:01:00 2026`. */
export function asctime(ms: number): string {
  const d = new Date(ms);
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${time} ${d.getUTCFullYear()}`;
}

/** Python's str(datetime.timedelta(seconds=s)) for s under a day: `0:00:00.012345`. */
export function timedelta(sec: number): string {
  const us = Math.round(sec * 1e6);
  const whole = Math.floor(us / 1e6);
  const frac = us % 1e6;
  const hms = `${Math.floor(whole / 3600)}:${two(Math.floor(whole / 60) % 60)}:${two(whole % 60)}`;
  return frac ? `${hms}.${String(frac).padStart(6, '0')}` : hms;
}

/** The status object (keys sorted as the module prints them). */
export function balancerStatusJson(c: CephCluster): Record<string, unknown> {
  const b = c.balancer;
  return {
    active: b.active,
    last_optimize_duration: b.lastOptimizeDurationSec === null ? '' : timedelta(b.lastOptimizeDurationSec),
    last_optimize_started: b.lastOptimizeStartedMs === null ? '' : asctime(b.lastOptimizeStartedMs),
    mode: b.mode,
    no_optimization_needed: b.noOptimizationNeeded,
    optimize_result: b.optimizeResult,
    plans: [],
  };
}

/** `ceph balancer status` output. */
export function formatBalancerStatus(c: CephCluster): string {
  return `${JSON.stringify(balancerStatusJson(c), null, 4)}\n`;
}
