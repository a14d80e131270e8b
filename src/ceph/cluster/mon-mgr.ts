// Monitors and managers going down and up: the quorum re-forms, and a standby mgr takes over
// when the active one stops.
import type { CephCluster } from './ceph-cluster.js';

/** Stops or starts a monitor; a change re-forms the quorum (quorum age restarts). */
export function setMonUp(c: CephCluster, name: string, up: boolean): void {
  const mon = c.mons.find((m) => m.name === name);
  if (!mon) throw new RangeError(`Cannot change mon.${name}: no such monitor`);
  if (mon.up !== up) c.quorumSinceMs = c.nowMs;
  mon.up = up;
}

/** Stops or starts a manager; when the active one stops, the first standby takes over. */
export function setMgrUp(c: CephCluster, name: string, up: boolean): void {
  const mgr = c.mgrs.find((m) => m.name === name);
  if (!mgr) throw new RangeError(`Cannot change mgr.${name}: no such manager`);
  mgr.up = up;
  if (!up) mgr.activeSinceMs = undefined;
  if (!c.mgrs.some((m) => m.up && m.activeSinceMs !== undefined)) {
    const next = c.mgrs.find((m) => m.up);
    if (next) next.activeSinceMs = c.nowMs;
  }
}
