/**
 * Which servers are up and reachable given the active faults, from the cluster
 * definition's wiring: power through A/B PDUs (a PDU left carrying more than its
 * rating trips its breaker, as the story's power plan would), and the cluster network
 * through bonds, links and switches. Pure.
 */
import type { ClusterDefinition } from '../inventory/cluster-definition.js';

/** An active fault as the twin sees it. */
export interface ActiveFault {
  kind: 'Node' | 'Disk' | 'Link' | 'Switch' | 'PDU';
  name: string;
}

/** Why a server is not serving. */
export interface ServerState {
  powered: boolean;
  reachable: boolean;
  reason?: string;
}

/** The outcome: per-server state and the PDUs that tripped. */
export interface Reachability {
  servers: Map<string, ServerState>;
  trippedPdus: string[];
  unpoweredSwitches: string[];
}

/** Rated watts of a PDU (single phase V x A; three phase x sqrt 3). */
export function pduRatedWatts(p: { volts: number; amps: number; phase?: number }): number {
  return p.volts * p.amps * (p.phase === 3 ? Math.sqrt(3) : 1);
}

/** Computes who is up. */
export function reachability(def: ClusterDefinition, faults: ActiveFault[]): Reachability {
  const hw = def.hardware;
  const failed = (kind: ActiveFault['kind'], name: string) => faults.some((f) => f.kind === kind && f.name === name);
  const watts = new Map<string, number>();
  for (const s of hw.servers) watts.set(s.name, s.peakWatts ?? 0);
  for (const sw of hw.switches) watts.set(sw.name, sw.peakWatts ?? 0);

  // Power: devices share their load among live PDUs; an overloaded PDU trips, shifting load, until stable.
  const live = new Set(hw.pdus.filter((p) => !failed('PDU', p.name)).map((p) => p.name));
  const tripped: string[] = [];
  for (;;) {
    const load = new Map<string, number>();
    for (const [device, w] of watts) {
      const feeds = hw.pdus.filter((p) => live.has(p.name) && p.outlets.includes(device));
      for (const f of feeds) load.set(f.name, (load.get(f.name) ?? 0) + w / feeds.length);
    }
    const over = hw.pdus.find((p) => live.has(p.name) && (load.get(p.name) ?? 0) > pduRatedWatts(p));
    if (!over) break;
    live.delete(over.name);
    tripped.push(over.name);
  }
  const fedByPdu = (device: string) => {
    const any = hw.pdus.some((p) => p.outlets.includes(device));
    return !any || hw.pdus.some((p) => live.has(p.name) && p.outlets.includes(device));
  };

  const switchUp = new Set(hw.switches.filter((sw) => !failed('Switch', sw.name) && fedByPdu(sw.name)).map((sw) => sw.name));
  const unpoweredSwitches = hw.switches.filter((sw) => !fedByPdu(sw.name)).map((sw) => sw.name);
  const linkUp = (device: string, port: string) =>
    hw.links.some((l) => {
      const [a, b] = l.a.device === device && l.a.port === port ? [l.a, l.b] : l.b.device === device && l.b.port === port ? [l.b, l.a] : [undefined, undefined];
      if (!a || !b) return false;
      if (failed('Link', `${a.device}:${a.port}`) || failed('Link', `${b.device}:${b.port}`)) return false;
      return switchUp.has(b.device) || hw.servers.some((s) => s.name === b.device);
    });

  const servers = new Map<string, ServerState>();
  for (const s of hw.servers) {
    if (failed('Node', s.name)) {
      servers.set(s.name, { powered: false, reachable: false, reason: 'powered off by a Node fault' });
      continue;
    }
    if (!fedByPdu(s.name)) {
      servers.set(s.name, { powered: false, reachable: false, reason: 'no power: every PDU feeding it is down' });
      continue;
    }
    const cluster = s.bonds.find((b) => b.purpose === 'cluster');
    const members = cluster?.members ?? [];
    const hasLinks = hw.links.some((l) => l.a.device === s.name || l.b.device === s.name);
    const up = !hasLinks || members.length === 0 || members.some((m) => linkUp(s.name, m));
    servers.set(s.name, up ? { powered: true, reachable: true } : { powered: true, reachable: false, reason: `every member of ${cluster?.name ?? 'the cluster bond'} lost its link` });
  }
  return { servers, trippedPdus: tripped, unpoweredSwitches };
}
