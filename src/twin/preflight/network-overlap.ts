/** Overlap of every CIDR block in the definition, including OVN-Kubernetes' internal ranges. */
import { parseCidr4, cidrOverlaps, formatIpv4, cidrLast, type Cidr4, type ClusterDefinition } from '../inventory/index.js';
import type { Finding } from './finding.js';

/**
 * Ranges OVN-Kubernetes uses inside every node, which no other network may overlap
 * (reference/networking.md §1): join, transit, and the masquerade subnet.
 */
export const OVN_INTERNAL_CIDRS = [
  { name: 'OVN join subnet', cidr: '100.64.0.0/16' },
  { name: 'OVN transit subnet', cidr: '100.88.0.0/16' },
  { name: 'OVN masquerade subnet', cidr: '169.254.169.0/29' },
] as const;

interface Block {
  name: string;
  cidr: Cidr4;
}

function span(c: Cidr4): string {
  return `${formatIpv4(c.base)}–${formatIpv4(cidrLast(c))}`;
}

/** Lists every block by where it is declared. */
export function collectBlocks(def: ClusterDefinition): Block[] {
  const net = def.installConfig.networking;
  const blocks: Block[] = [];
  const add = (name: string, text: string) => {
    const cidr = parseCidr4(text);
    if (cidr) blocks.push({ name, cidr });
  };
  net.clusterNetwork.forEach((c, i) => add(`clusterNetwork[${i}]`, c.cidr));
  net.serviceNetwork.forEach((c, i) => add(`serviceNetwork[${i}]`, c));
  net.machineNetwork.forEach((c, i) => add(`machineNetwork[${i}]`, c.cidr));
  for (const nw of def.hardware.networks) if (nw.cidr) add(`network ${nw.name}`, nw.cidr);
  for (const r of OVN_INTERNAL_CIDRS) add(r.name, r.cidr);
  return blocks;
}

/** Checks that no two blocks share an address; the same block declared twice is one network. */
export function checkNetworkOverlap(def: ClusterDefinition): Finding[] {
  const blocks = collectBlocks(def);
  const out: Finding[] = [];
  for (let i = 0; i < blocks.length; i++) {
    for (let j = i + 1; j < blocks.length; j++) {
      const [a, b] = [blocks[i], blocks[j]];
      if (!cidrOverlaps(a.cidr, b.cidr)) continue;
      if (a.cidr.base === b.cidr.base && a.cidr.prefix === b.cidr.prefix && !b.name.startsWith('OVN')) continue;
      out.push({
        id: 'network.overlap',
        severity: 'error',
        subject: `${a.name} / ${b.name}`,
        message: `${a.name} ${a.cidr.text} overlaps ${b.name} ${b.cidr.text}: addresses in both are routed to the wrong network`,
        arithmetic: `${a.cidr.text} = ${span(a.cidr)}; ${b.cidr.text} = ${span(b.cidr)}`,
      });
    }
  }
  if (!out.length) {
    out.push({
      id: 'network.overlap',
      severity: 'info',
      subject: 'all networks',
      message: `${blocks.length} CIDR blocks, no overlaps`,
      arithmetic: blocks.map((b) => `${b.name} ${b.cidr.text}`).join('; '),
    });
  }
  return out;
}
