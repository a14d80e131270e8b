/**
 * The Ceph engine's view of the twin's faults, level-based: from every active Fault it works out,
 * with the twin's own power and network computation (src/twin/faults/reachability.ts), which
 * storage hosts are dark, which are powered but cut off, and which drives are dead, and moves the
 * engine's daemons to match.
 *
 * ODF without `spec.network` (Multus) runs Ceph's public and cluster traffic on the pod network,
 * so a host reaches its peers and the MONs exactly when the twin says its kubelet is reachable
 * (the cluster bond): losing both legs of that bond, or its leaf switch(es), cuts it off; losing
 * one leg changes nothing.
 *
 * - Dark host: its daemons are gone; peers see silence, so the mon marks its OSDs down after
 *   osd_heartbeat_grace (20 s) and out after mon_osd_down_out_interval (600 s); its MON and MGR stop.
 *   Power back: the daemons start and boot.
 * - Cut-off host: its daemons keep running, but peers see the same silence and report them; the
 *   MON there drops out of quorum. The OSD cannot reach a MON either, so it stays down (it cannot
 *   boot again, hence no flapping, which needs a working public network). Network back: it gets the
 *   new map, logs "Monitor daemon marked osd.N down, but it is still running" (the OSD's
 *   "wrongly marked me down" path in OSD::_committed_osd_maps) and boots.
 * - Dead drive (`Disk` fault): its OSD crashes (peers see refused connections at once). Repair
 *   replaces the drive: the OSD comes back empty and backfills.
 */
import type { CephCluster } from '../../ceph/model.js';
import type { OsdState } from '../../ceph/model.js';
import type { ClusterDefinition } from '../../twin/inventory/index.js';
import { reachability, type ActiveFault } from '../../twin/faults/reachability.js';

/** How the engine sees a host: serving, without power, or powered but cut off from the network. */
export type HostReach = 'up' | 'dark' | 'cut-off';

/** Where each MON and MGR runs (daemon name -> node). */
export interface DaemonNodes {
  mons: Map<string, string>;
  mgrs: Map<string, string>;
}

/** What one sync changed (for logs and tests). */
export interface SyncOutcome {
  /** Hosts whose state differs from `up`, with that state. */
  hosts: Map<string, HostReach>;
  failed: number[];
  restarted: number[];
  replaced: number[];
}

/** Each node's state under the active faults, from the twin's reachability (storage and control nodes alike). */
export function hostReach(def: ClusterDefinition, faults: ActiveFault[]): Map<string, HostReach> {
  const out = new Map<string, HostReach>();
  for (const [name, s] of reachability(def, faults).servers) out.set(name, !s.powered ? 'dark' : s.reachable ? 'up' : 'cut-off');
  return out;
}

/**
 * Moves the engine to what the faults imply. `last` is what the previous sync saw per host (a
 * cut-off host's OSDs come back through "wrongly marked me down", a dark one's by booting);
 * it is updated in place.
 */
export function syncFaults(c: CephCluster, def: ClusterDefinition, faults: ActiveFault[], daemons: DaemonNodes, last: Map<string, HostReach> = new Map()): SyncOutcome {
  const reach = hostReach(def, faults);
  const stateOf = (node: string) => reach.get(node) ?? 'up';
  const deadDrives = new Set(faults.filter((f) => f.kind === 'Disk').map((f) => f.name));
  const out: SyncOutcome = { hosts: new Map([...reach].filter(([, s]) => s !== 'up')), failed: [], restarted: [], replaced: [] };

  // Monitors and managers first: an OSD coming back boots into a quorum that is already there.
  const follow = (daemonsUp: { name: string; up: boolean }[], nodes: Map<string, string>, set: (name: string, up: boolean) => void) => {
    for (const d of daemonsUp) {
      const node = nodes.get(d.name);
      if (node !== undefined && d.up !== (stateOf(node) === 'up')) set(d.name, !d.up);
    }
  };
  follow(c.mons, daemons.mons, (n, up) => c.setMonUp(n, up));
  follow(c.mgrs, daemons.mgrs, (n, up) => c.setMgrUp(n, up));

  for (const o of [...c.osds.values()]) {
    const st = stateOf(o.host);
    const dead = deadDrives.has(`${o.host}/${o.device}`);
    if (st !== 'up') {
      // Silence either way: a dark host and a cut-off one look the same to the peers.
      if (o.daemon === 'running') {
        c.failOsd(o.id, 'hang');
        out.failed.push(o.id);
      }
      continue;
    }
    if (dead) {
      if (o.daemon === 'running') {
        c.failOsd(o.id, 'crash');
        out.failed.push(o.id);
      } else if (o.daemon === 'hung') {
        // The host is back but the drive is not: the daemon fails to start.
        o.daemon = 'crashed';
        c.onChange();
      }
      continue;
    }
    if (o.daemon === 'crashed') {
      c.replaceOsd(o.id);
      out.replaced.push(o.id);
    } else if (o.daemon === 'hung') {
      if (last.get(o.host) === 'cut-off') stillRunning(c, o);
      c.restartOsd(o.id);
      out.restarted.push(o.id);
    }
  }
  last.clear();
  for (const [n, s] of reach) last.set(n, s);
  return out;
}

/** The OSD that was cut off sees the map that marked it down (OSD::_committed_osd_maps, clog warn). */
function stillRunning(c: CephCluster, o: OsdState): void {
  if (o.up) return;
  c.logLine(`osd.${o.id}`, 'WRN', `Monitor daemon marked osd.${o.id} down, but it is still running`);
}
