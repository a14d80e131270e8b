/**
 * Twin faults as the storage engine sees them: a failed drive (`Disk worker-5/nvme3n1`) crashes
 * its OSD (peers see refused connections); a failed node silences its OSDs (reported after the
 * heartbeat grace) and its monitor. Repairing a drive replaces it (the OSD comes back empty and
 * backfills); repairing a node restarts its daemons.
 */
import type { KubeObject } from '../../api/types.js';
import type { Manager } from '../../runtime/manager.js';
import type { CephHost } from './ceph-host.js';
import { FAULTS } from './resources.js';

type Target = { kind: string; name: string };

const targetOf = (f: KubeObject) => (f.spec as { target?: Target }).target;

/** Applies a fault (or its repair) to the engine; returns the OSD ids it touched. */
export function applyFault(host: CephHost, t: Target, repaired: boolean, monNodes: Map<string, string> = new Map()): number[] {
  const c = host.cluster;
  if (!c) return [];
  host.advance();
  if (t.kind === 'Disk') {
    const [node, drive] = t.name.split('/');
    const id = host.osdOnDrive(node ?? '', drive ?? '');
    if (id === undefined) return [];
    if (repaired) c.replaceOsd(id);
    else c.failOsd(id, 'crash');
    return [id];
  }
  if (t.kind === 'Node') {
    const ids = [...c.osds.values()].filter((o) => o.host === t.name).map((o) => o.id);
    if (repaired) for (const id of ids) c.restartOsd(id);
    else c.failHost(t.name, 'hang');
    for (const [mon, node] of monNodes) if (node === t.name && c.mons.some((m) => m.name === mon)) c.setMonUp(mon, repaired);
    return ids;
  }
  return [];
}

/** Watches Faults and applies Disk and Node ones to the engine; `monNodes` tells where each MON runs. */
export function registerStorageFaults(mgr: Manager, host: CephHost, monNodes: () => Map<string, string>): void {
  const faults = mgr.informer(FAULTS);
  const applied = new Set<string>();
  faults.on({
    add: (f) => {
      const t = targetOf(f);
      if (!t || applied.has(f.metadata.uid!)) return;
      applied.add(f.metadata.uid!);
      applyFault(host, t, false, monNodes());
    },
    delete: (f) => {
      const t = targetOf(f);
      if (!t || !applied.delete(f.metadata.uid!)) return;
      applyFault(host, t, true, monNodes());
    },
  });
}
