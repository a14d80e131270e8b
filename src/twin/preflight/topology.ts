/** The cabling as a lookup: which port each port is cabled to, and the MTU and speed of ports. */
import type { Endpoint, Hardware, Link } from '../inventory/index.js';

/** A port's MTU and speed, from the server's NIC or the switch's port list. */
export interface PortInfo {
  mtu: number;
  speedGbps: number;
}

/** Lookups over the definition's cabling. */
export interface Topology {
  peer(e: Endpoint): Endpoint | undefined;
  port(e: Endpoint): PortInfo | undefined;
  isSwitch(device: string): boolean;
  /** Links with a switch at both ends. */
  interSwitchLinks: Link[];
}

/** Builds the lookups for `hw`. */
export function buildTopology(hw: Hardware): Topology {
  const key = (e: Endpoint) => `${e.device}:${e.port}`;
  const peers = new Map<string, Endpoint>();
  for (const l of hw.links) {
    peers.set(key(l.a), l.b);
    peers.set(key(l.b), l.a);
  }
  const ports = new Map<string, PortInfo>();
  for (const s of hw.servers) for (const nic of s.nics) for (const p of nic.ports) ports.set(`${s.name}:${p.name}`, p);
  for (const sw of hw.switches) for (const p of sw.ports) ports.set(`${sw.name}:${p.name}`, p);
  const switches = new Set(hw.switches.map((s) => s.name));
  return {
    peer: (e) => peers.get(key(e)),
    port: (e) => ports.get(key(e)),
    isSwitch: (d) => switches.has(d),
    interSwitchLinks: hw.links.filter((l) => switches.has(l.a.device) && switches.has(l.b.device)),
  };
}

/** `leaf-1:Ethernet1/1`. */
export function endpointText(e: Endpoint): string {
  return `${e.device}:${e.port}`;
}
