/** VIPs and host addresses: inside the machine network, not network/broadcast, never shared. */
import { parseCidr4, parseIpv4, cidrContains, cidrLast, formatIpv4, bmcHost, type Cidr4, type ClusterDefinition } from '../inventory/index.js';
import type { Finding } from './finding.js';

interface Holder {
  who: string;
  ip: number;
}

/** Checks the API and ingress VIPs and the node addresses against the machine network. */
export function checkAddresses(def: ClusterDefinition): Finding[] {
  const out: Finding[] = [];
  const machine = def.installConfig.networking.machineNetwork.map((m) => parseCidr4(m.cidr)).filter((c): c is Cidr4 => !!c);
  const inMachine = (ip: number) => machine.find((c) => cidrContains(c, ip));
  const machineText = machine.map((c) => c.text).join(', ');
  const bm = def.installConfig.platform.baremetal;
  const holders: Holder[] = [];
  const vips: Holder[] = [];
  for (const [kind, list] of [['API VIP', bm.apiVIPs ?? []], ['ingress VIP', bm.ingressVIPs ?? []]] as const) {
    for (const v of list) {
      const ip = parseIpv4(v)!;
      vips.push({ who: `${kind} ${v}`, ip });
      const c = inMachine(ip);
      if (!c) {
        out.push({ id: 'network.vip', severity: 'error', subject: `${kind} ${v}`, message: `${v} is outside the machine network ${machineText}; keepalived can only hold it on the nodes' own subnet`, arithmetic: `${v} ∉ ${machine.map((m) => `${formatIpv4(m.base)}–${formatIpv4(cidrLast(m))}`).join(', ')}` });
      } else if (ip === c.base || ip === cidrLast(c)) {
        out.push({ id: 'network.vip', severity: 'error', subject: `${kind} ${v}`, message: `${v} is the ${ip === c.base ? 'network' : 'broadcast'} address of ${c.text}`, arithmetic: `${c.text}: network ${formatIpv4(c.base)}, broadcast ${formatIpv4(cidrLast(c))}` });
      } else {
        out.push({ id: 'network.vip', severity: 'info', subject: `${kind} ${v}`, message: `inside the machine network ${c.text}`, arithmetic: `${formatIpv4(c.base)} < ${v} < ${formatIpv4(cidrLast(c))}` });
      }
    }
  }
  for (const s of def.hardware.servers) {
    if (s.address) {
      const ip = parseIpv4(s.address)!;
      holders.push({ who: `${s.name}`, ip });
      if (!inMachine(ip)) out.push({ id: 'network.node-address', severity: 'error', subject: s.name, message: `node address ${s.address} is outside the machine network ${machineText}`, arithmetic: `${s.address} ∉ ${machineText}` });
    }
    if (s.bmc) holders.push({ who: `${s.name} BMC`, ip: parseIpv4(s.bmc.address)! });
  }
  for (const sw of def.hardware.switches) if (sw.address) holders.push({ who: sw.name, ip: parseIpv4(sw.address)! });
  for (const h of bm.hosts) {
    const host = bmcHost(h.bmc.address);
    const ip = host ? parseIpv4(host) : undefined;
    if (ip !== undefined && !holders.some((x) => x.who === `${h.name} BMC` && x.ip === ip)) holders.push({ who: `${h.name} BMC (install-config)`, ip });
  }
  const all = [...vips, ...holders];
  const seen = new Map<number, string>();
  for (const x of all) {
    const first = seen.get(x.ip);
    if (first === undefined) {
      seen.set(x.ip, x.who);
      continue;
    }
    const isVip = first.includes('VIP') || x.who.includes('VIP');
    out.push({
      id: isVip ? 'network.vip-collision' : 'network.address-collision',
      severity: 'error',
      subject: formatIpv4(x.ip),
      message: `${formatIpv4(x.ip)} is used by both ${first} and ${x.who}`,
      arithmetic: `${first} = ${formatIpv4(x.ip)} = ${x.who}`,
    });
  }
  return out;
}
