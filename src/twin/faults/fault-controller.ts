/**
 * Applies twin Faults: recomputes which servers have power and network whenever a
 * Fault appears or goes, turns their kubelets off or on, and reports on each Fault
 * what it affected.
 */
import type { KubeObject } from '../../api/types.js';
import type { Clock } from '../../lib/clock.js';
import { rfc3339 } from '../../lib/clock.js';
import type { Manager } from '../../runtime/manager.js';
import type { TwinKubelets } from '../agent/twin-kubelet.js';
import type { ClusterDefinition } from '../inventory/cluster-definition.js';
import { reachability, type ActiveFault } from './reachability.js';

const FAULTS = { group: 'twin.ove.dev', version: 'v1alpha1', plural: 'faults', namespaced: false };

/** Registers the controller. */
export function registerFaultController(mgr: Manager, clock: Clock, def: ClusterDefinition, kubelets: TwinKubelets): void {
  const faults = mgr.informer(FAULTS);
  const ctl = mgr.controller('twin-faults', async () => {
    const all = faults.list().filter((f) => !f.metadata.deletionTimestamp);
    const active = all.filter((f) => exists(def, target(f))).map(target);
    const r = reachability(def, active);
    for (const [name, st] of r.servers) kubelets.setUp(name, st.powered && st.reachable);
    for (const f of all) {
      const t = target(f);
      const valid = exists(def, t);
      const alone = reachability(def, [t]);
      const affected = [...alone.servers].filter(([, s]) => !s.reachable).map(([n]) => n);
      const message = valid ? describe(t, alone) : `no ${t.kind} named ${t.name} in the cluster definition`;
      const status = { phase: valid ? 'Active' : 'Invalid', since: (f.status as { since?: string } | undefined)?.since ?? rfc3339(clock.now()), affectedNodes: affected, message };
      if (JSON.stringify(f.status) !== JSON.stringify(status)) await mgr.client.updateStatus(FAULTS, { ...f, status }).catch(() => undefined);
    }
  });
  const kick = () => ctl.enqueue('all');
  faults.on({ add: kick, update: kick, delete: kick });
}

function target(f: KubeObject): ActiveFault {
  return (f.spec as { target: ActiveFault }).target;
}

function exists(def: ClusterDefinition, t: ActiveFault): boolean {
  const hw = def.hardware;
  switch (t.kind) {
    case 'Node':
      return hw.servers.some((s) => s.name === t.name);
    case 'PDU':
      return hw.pdus.some((p) => p.name === t.name);
    case 'Switch':
      return hw.switches.some((s) => s.name === t.name);
    case 'Link':
      return hw.links.some((l) => `${l.a.device}:${l.a.port}` === t.name || `${l.b.device}:${l.b.port}` === t.name);
    case 'Disk': {
      const [node, drive] = t.name.split('/');
      return hw.servers.some((s) => s.name === node && s.drives.some((d) => d.name === drive));
    }
  }
}

function describe(t: ActiveFault, r: ReturnType<typeof reachability>): string {
  const down = [...r.servers].filter(([, s]) => !s.reachable);
  const parts: string[] = [];
  if (r.trippedPdus.length) parts.push(`overload tripped ${r.trippedPdus.join(', ')}`);
  if (down.length) parts.push(`${down.length} node(s) down: ${down.map(([n, s]) => `${n} (${s.reason})`).join('; ')}`);
  if (t.kind === 'Disk') parts.push('drive failed (the storage engine handles OSD effects)');
  return parts.join('; ') || 'no node affected (redundancy held)';
}
