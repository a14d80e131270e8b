/**
 * MTU along every path: NIC port → bond → switch port → inter-switch links, for the overlay
 * (Geneve packets of the cluster MTU plus the encapsulation overhead) and for storage bonds
 * (jumbo frames end to end). MTUs are compared as configured interface MTUs, as the story does
 * (9214 ≥ 9000 ≥ 1500 + 100); VLAN tags and L2 headers are not added.
 */
import type { Bond, ClusterDefinition, Server } from '../inventory/index.js';
import type { Finding } from './finding.js';
import { buildTopology, endpointText, type Topology } from './topology.js';

/**
 * OVN-Kubernetes reserves 100 bytes for Geneve over IPv4: its MTU must be 100 below the
 * uplink's, and it is detected as the primary interface MTU − 100 unless set
 * (reference/networking.md §1; OpenShift CNO `defaultNetwork.ovnKubernetesConfig.mtu`).
 */
export const GENEVE_OVERHEAD_IPV4 = 100;

interface Overlay {
  mtu: number;
  source: string;
}

function clusterBond(s: Server): Bond | undefined {
  return s.bonds.find((b) => b.purpose === 'cluster');
}

/** The overlay (cluster network) MTU: declared, or detected from the smallest cluster bond. */
export function overlayMtu(def: ClusterDefinition): Overlay | undefined {
  if (def.hardware.overlay) return { mtu: def.hardware.overlay.mtu, source: 'overlay.mtu' };
  const mtus = def.hardware.servers.map(clusterBond).filter((b): b is Bond => !!b).map((b) => b.mtu);
  if (!mtus.length) return undefined;
  const min = Math.min(...mtus);
  return { mtu: min - GENEVE_OVERHEAD_IPV4, source: `detected: bond MTU ${min} − ${GENEVE_OVERHEAD_IPV4}` };
}

/** Checks every bond's legs and every inter-switch link. */
export function checkMtu(def: ClusterDefinition): Finding[] {
  const topo = buildTopology(def.hardware);
  const out: Finding[] = [];
  const overlay = overlayMtu(def);
  const need = overlay ? overlay.mtu + GENEVE_OVERHEAD_IPV4 : 0;
  const needText = overlay ? `${overlay.mtu} + ${GENEVE_OVERHEAD_IPV4} = ${need}` : '';
  const bondMtus = new Set(def.hardware.servers.map(clusterBond).filter((b) => b).map((b) => b!.mtu));
  if (!def.hardware.overlay && bondMtus.size > 1) {
    out.push({ id: 'mtu.overlay', severity: 'warning', subject: 'cluster network', message: `cluster bonds differ in MTU (${[...bondMtus].join(', ')}); set overlay.mtu to the smallest − ${GENEVE_OVERHEAD_IPV4} so every node uses the same overlay MTU`, arithmetic: `min(${[...bondMtus].join(', ')}) − ${GENEVE_OVERHEAD_IPV4} = ${overlay!.mtu}` });
  }
  const mins = { cluster: Infinity, storage: Infinity };
  for (const s of def.hardware.servers) {
    if (!clusterBond(s)) out.push({ id: 'mtu.path', severity: 'warning', subject: s.name, message: `no bond with purpose "cluster": the overlay path of ${s.name} is not checked`, arithmetic: `bonds: ${s.bonds.map((b) => `${b.name} (${b.purpose})`).join(', ') || 'none'}` });
    for (const b of s.bonds) {
      if (b.purpose === 'other') continue;
      const { failures, min } = bondLegs(s, b, topo, out);
      mins[b.purpose] = Math.min(mins[b.purpose], min);
      if (b.purpose === 'cluster' && overlay && b.mtu < need) failures.unshift(`${s.name}:${b.name} ${b.mtu} < ${needText} (Geneve packet)`);
      if (failures.length) {
        out.push({
          id: b.purpose === 'cluster' ? 'mtu.overlay-path' : 'mtu.storage-path',
          severity: 'error',
          subject: `${s.name}:${b.name}`,
          message: b.purpose === 'cluster'
            ? `frames of ${s.name}'s ${b.name} do not fit every leg of the path: large packets are dropped silently while small ones pass`
            : `jumbo frames of ${s.name}'s storage ${b.name} (${b.mtu}) do not fit every leg of the path`,
          arithmetic: failures.join('; '),
        });
      }
    }
  }
  const required = Math.max(need, ...def.hardware.servers.flatMap((s) => s.bonds.filter((b) => b.purpose !== 'other').map((b) => b.mtu)));
  let islMin = Infinity;
  for (const l of topo.interSwitchLinks) {
    const bad = [l.a, l.b].filter((e) => (topo.port(e)?.mtu ?? Infinity) < required);
    for (const e of [l.a, l.b]) islMin = Math.min(islMin, topo.port(e)?.mtu ?? Infinity);
    if (bad.length) {
      out.push({ id: 'mtu.inter-switch', severity: 'error', subject: `${endpointText(l.a)} ↔ ${endpointText(l.b)}`, message: `inter-switch link MTU is below what servers send across the fabric`, arithmetic: bad.map((e) => `${endpointText(e)} ${topo.port(e)!.mtu} < ${required}`).join('; ') });
    }
  }
  if (overlay && !out.some((f) => f.id === 'mtu.overlay-path')) {
    out.push({ id: 'mtu.overlay-path', severity: 'info', subject: 'cluster network', message: `Geneve packets of ${need} bytes fit every path (cluster MTU ${overlay.mtu}, ${overlay.source})`, arithmetic: `${needText} ≤ smallest leg ${Math.min(mins.cluster, islMin)} (NIC ports, bonds, switch ports${isFinite(islMin) ? `, inter-switch links ${islMin}` : ''})` });
  }
  if (isFinite(mins.storage) && !out.some((f) => f.id === 'mtu.storage-path')) {
    out.push({ id: 'mtu.storage-path', severity: 'info', subject: 'storage network', message: 'storage bonds have jumbo frames end to end', arithmetic: `every storage bond's MTU ≤ its NIC ports and switch ports (smallest leg ${mins.storage})${isFinite(islMin) ? ` and inter-switch links (${islMin})` : ''}` });
  }
  return out;
}

function bondLegs(s: Server, b: Bond, topo: Topology, out: Finding[]): { failures: string[]; min: number } {
  const failures: string[] = [];
  let min = b.mtu;
  for (const m of b.members) {
    const self = { device: s.name, port: m };
    const nic = topo.port(self);
    if (nic) {
      min = Math.min(min, nic.mtu);
      if (nic.mtu < b.mtu) failures.push(`${endpointText(self)} ${nic.mtu} < bond ${b.name} ${b.mtu}`);
    }
    const peer = topo.peer(self);
    if (!peer) {
      out.push({ id: 'mtu.path', severity: 'warning', subject: endpointText(self), message: `member of ${b.name} is not cabled: its path is not checked`, arithmetic: 'no link names this port' });
      continue;
    }
    const sw = topo.port(peer);
    if (!sw) continue;
    min = Math.min(min, sw.mtu);
    if (sw.mtu < b.mtu) failures.push(`${endpointText(peer)} ${sw.mtu} < ${s.name}:${b.name} ${b.mtu}`);
  }
  return { failures, min };
}
