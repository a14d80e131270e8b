/**
 * Twin faults as the storage engine sees them: whenever a Fault appears or goes, the engine is
 * moved to what all active faults imply (./sync-faults.ts): dead drives, hosts without power
 * (Node and PDU faults, including a PDU that trips under the load its partner shed) and hosts
 * cut off from the network (Link and Switch faults), with the twin's own reachability.
 */
import type { KubeObject } from '../../api/types.js';
import type { Manager } from '../../runtime/manager.js';
import type { ActiveFault } from '../../twin/faults/reachability.js';
import { PODS } from '../persistent-volume/resources.js';
import type { CephHost } from './ceph-host.js';
import { FAULTS } from './resources.js';
import { syncFaults, type HostReach } from './sync-faults.js';

const KINDS = new Set(['Node', 'Disk', 'Link', 'Switch', 'PDU']);

/** The active faults (not being deleted, with a known target kind). */
export function activeFaults(faults: KubeObject[]): ActiveFault[] {
  return faults
    .filter((f) => !f.metadata.deletionTimestamp)
    .map((f) => (f.spec as { target?: ActiveFault } | undefined)?.target)
    .filter((t): t is ActiveFault => !!t && KINDS.has(t.kind) && typeof t.name === 'string');
}

/** Watches Faults and keeps the engine in step with them; `monNodes` tells where each MON runs (the MGR's node comes from its pod). */
export function registerStorageFaults(mgr: Manager, host: CephHost, monNodes: () => Map<string, string>): void {
  const faults = mgr.informer(FAULTS);
  const pods = mgr.informer(PODS);
  const last = new Map<string, HostReach>();
  const ctl = mgr.controller('ceph-faults', async () => {
    // Level-based over the Fault list: before the first list it would look like "no faults" and
    // repair the failed OSDs of an engine restored after a restart.
    await Promise.all([faults.waitForSync(), pods.waitForSync()]);
    const c = host.cluster;
    if (!c) return;
    host.advance();
    const mgrs = new Map(pods.list().filter((p) => p.metadata.labels?.app === 'rook-ceph-mgr').map((p) => [p.metadata.labels!.mgr!, (p.spec as { nodeName?: string }).nodeName ?? '']));
    syncFaults(c, host.def, activeFaults(faults.list()), { mons: monNodes(), mgrs }, last);
  });
  const kick = () => ctl.enqueue('all');
  faults.on({ add: kick, update: kick, delete: kick });
  // MON/MGR pods starting (the engine is created then) or moving: faults already active apply to them too.
  const daemon = (p: KubeObject) => {
    if (['rook-ceph-mon', 'rook-ceph-mgr'].includes(p.metadata.labels?.app ?? '')) kick();
  };
  pods.on({ add: daemon, update: daemon });
}
