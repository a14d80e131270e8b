/**
 * The switch fabric: LACP bonds must land on one switch or on one MLAG pair, bonds on a single
 * switch are a single point of failure, link speeds must agree, MLAG pairs need a peer link.
 */
import type { ClusterDefinition, Switch } from '../inventory/index.js';
import type { Finding } from './finding.js';
import { buildTopology, endpointText } from './topology.js';

/** Checks bond placement, link speeds and MLAG peer links. */
export function checkFabric(def: ClusterDefinition): Finding[] {
  const hw = def.hardware;
  const topo = buildTopology(hw);
  const switches = new Map<string, Switch>(hw.switches.map((s) => [s.name, s]));
  const out: Finding[] = [];
  for (const s of hw.servers) {
    for (const b of s.bonds) {
      const legs = b.members
        .map((m) => ({ m, p: topo.peer({ device: s.name, port: m }) }))
        .filter((x) => x.p && topo.isSwitch(x.p.device));
      const names = [...new Set(legs.map((x) => x.p!.device))];
      const where = legs.map((x) => `${x.m} → ${endpointText(x.p!)}`).join(', ');
      if (names.length === 1 && b.members.length > 1) {
        out.push({ id: 'fabric.bond-redundancy', severity: 'warning', subject: `${s.name}:${b.name}`, message: `every member of ${b.name} is cabled to ${names[0]}: if ${names[0]} fails, ${s.name} loses this network`, arithmetic: where });
      } else if (names.length > 1 && b.mode === '802.3ad') {
        const domains = new Set(names.map((n) => switches.get(n)?.mlagDomain));
        if (domains.size > 1 || domains.has(undefined)) {
          out.push({ id: 'fabric.bond-mlag', severity: 'error', subject: `${s.name}:${b.name}`, message: `LACP (802.3ad) bond spans ${names.join(' and ')}, which are not one MLAG pair: the switches send different LACP system IDs and the bond will not aggregate`, arithmetic: `${where}; MLAG domains: ${names.map((n) => `${n}=${switches.get(n)?.mlagDomain ?? 'none'}`).join(', ')}` });
        }
      }
      const speeds = new Set(b.members.map((m) => topo.port({ device: s.name, port: m })?.speedGbps));
      if (speeds.size > 1) {
        out.push({ id: 'fabric.bond-speed', severity: 'warning', subject: `${s.name}:${b.name}`, message: `members of ${b.name} run at different speeds; 802.3ad aggregates only ports of equal speed`, arithmetic: b.members.map((m) => `${m} ${topo.port({ device: s.name, port: m })?.speedGbps} Gbit/s`).join(', ') });
      }
    }
  }
  hw.links.forEach((l, i) => {
    const [pa, pb] = [topo.port(l.a), topo.port(l.b)];
    if (!pa || !pb) return;
    const subject = `${endpointText(l.a)} ↔ ${endpointText(l.b)}`;
    const lower = Math.min(pa.speedGbps, pb.speedGbps);
    if (l.speedGbps !== undefined && l.speedGbps > lower) {
      out.push({ id: 'fabric.link-speed', severity: 'error', subject, message: `links[${i}] declares ${l.speedGbps} Gbit/s, faster than its slower port`, arithmetic: `min(${pa.speedGbps}, ${pb.speedGbps}) = ${lower} < ${l.speedGbps} Gbit/s` });
    } else if (pa.speedGbps !== pb.speedGbps) {
      out.push({ id: 'fabric.link-speed', severity: 'warning', subject, message: `port speeds differ; the link runs at ${lower} Gbit/s if the optics allow it at all`, arithmetic: `${pa.speedGbps} ≠ ${pb.speedGbps} Gbit/s` });
    }
  });
  const domains = new Map<string, string[]>();
  for (const sw of hw.switches) if (sw.mlagDomain) domains.set(sw.mlagDomain, [...(domains.get(sw.mlagDomain) ?? []), sw.name]);
  for (const [domain, members] of domains) {
    const peerLinks = topo.interSwitchLinks.filter((l) => members.includes(l.a.device) && members.includes(l.b.device));
    if (members.length !== 2) {
      out.push({ id: 'fabric.mlag', severity: 'error', subject: domain, message: `an MLAG domain pairs exactly two switches; ${domain} has ${members.length}`, arithmetic: members.join(', ') });
    } else if (!peerLinks.length) {
      out.push({ id: 'fabric.mlag', severity: 'error', subject: domain, message: `${members.join(' and ')} form an MLAG pair but no link joins them (no peer link)`, arithmetic: 'peer links: 0' });
    }
    const asns = new Set(members.map((m) => switches.get(m)?.asn));
    if (asns.size > 1) out.push({ id: 'fabric.mlag', severity: 'warning', subject: domain, message: 'the switches of an MLAG pair normally share one BGP ASN', arithmetic: members.map((m) => `${m} AS${switches.get(m)?.asn}`).join(', ') });
  }
  return out;
}
