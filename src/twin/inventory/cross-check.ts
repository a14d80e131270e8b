/** Reference checks between the parts of a definition: names exist, ports exist, files agree. */
import type { Hardware, InstallConfig } from './cluster-definition.js';
import type { DefinitionIssue } from './definition-error.js';
import { parseCidr4, parseIpv4 } from './ipv4.js';

const HW = 'hardware.yaml';
const IC = 'install-config.yaml';

/** Pushes every broken reference in `hw` and between `hw` and `ic` onto `issues`. */
export function crossCheck(hw: Hardware, ic: InstallConfig, issues: DefinitionIssue[]): void {
  const add = (file: string, path: string, message: string) => issues.push({ file, path, message });
  const racks = new Set(hw.racks.map((r) => r.name));
  const ports = new Map<string, Set<string>>();
  const kinds = new Map<string, string>();

  const claim = (name: string, kind: string, path: string) => {
    const other = kinds.get(name);
    if (other) add(HW, path, `name "${name}" is already used by a ${other}`);
    else kinds.set(name, kind);
  };
  hw.racks.forEach((r, i) => claim(r.name, 'rack', `racks[${i}].name`));

  hw.servers.forEach((s, i) => {
    const at = `servers[${i}]`;
    claim(s.name, 'server', `${at}.name`);
    if (!racks.has(s.rack)) add(HW, `${at}.rack`, `rack "${s.rack}" is not defined in racks`);
    const own = new Set<string>();
    s.nics.forEach((n, j) => n.ports.forEach((p, k) => {
      if (own.has(p.name)) add(HW, `${at}.nics[${j}].ports[${k}].name`, `port "${p.name}" is declared twice on ${s.name}`);
      own.add(p.name);
    }));
    ports.set(s.name, own);
    const bonded = new Set<string>();
    s.bonds.forEach((b, j) => b.members.forEach((m, k) => {
      const path = `${at}.bonds[${j}].members[${k}]`;
      if (!own.has(m)) add(HW, path, `"${m}" is not a NIC port of ${s.name}`);
      else if (bonded.has(m)) add(HW, path, `"${m}" is already a member of another bond`);
      bonded.add(m);
    }));
    for (const port of Object.keys(s.macAddresses)) {
      if (!own.has(port)) add(HW, `${at}.macAddresses.${port}`, `"${port}" is not a NIC port of ${s.name}`);
    }
  });

  hw.switches.forEach((sw, i) => {
    claim(sw.name, 'switch', `switches[${i}].name`);
    if (!racks.has(sw.rack)) add(HW, `switches[${i}].rack`, `rack "${sw.rack}" is not defined in racks`);
    const own = new Set<string>();
    for (const p of sw.ports) {
      if (own.has(p.name)) add(HW, `switches[${i}].ports`, `port "${p.name}" is declared twice on ${sw.name}`);
      own.add(p.name);
    }
    ports.set(sw.name, own);
  });

  const cabled = new Map<string, number>();
  hw.links.forEach((l, i) => {
    for (const side of ['a', 'b'] as const) {
      const { device, port } = l[side];
      const path = `links[${i}].${side}`;
      const devicePorts = ports.get(device);
      if (!devicePorts) add(HW, path, `device "${device}" is not a server or switch`);
      else if (!devicePorts.has(port)) add(HW, path, `"${port}" is not a port of ${device}`);
      const key = `${device}:${port}`;
      const first = cabled.get(key);
      if (first !== undefined) add(HW, path, `${key} is already cabled by links[${first}]`);
      else cabled.set(key, i);
    }
  });

  hw.pdus.forEach((p, i) => {
    claim(p.name, 'PDU', `pdus[${i}].name`);
    if (!racks.has(p.rack)) add(HW, `pdus[${i}].rack`, `rack "${p.rack}" is not defined in racks`);
    const seen = new Set<string>();
    p.outlets.forEach((o, j) => {
      if (!ports.has(o)) add(HW, `pdus[${i}].outlets[${j}]`, `device "${o}" is not a server or switch`);
      if (seen.has(o)) add(HW, `pdus[${i}].outlets[${j}]`, `"${o}" is listed twice`);
      seen.add(o);
    });
  });

  checkInstallConfig(hw, ic, add);
}

function checkInstallConfig(hw: Hardware, ic: InstallConfig, add: (file: string, path: string, message: string) => void): void {
  const net = ic.networking;
  net.clusterNetwork.forEach((c, i) => {
    if (!parseCidr4(c.cidr)) add(IC, `networking.clusterNetwork[${i}].cidr`, `"${c.cidr}" is not an IPv4 CIDR block with host bits zero`);
  });
  net.serviceNetwork.forEach((c, i) => {
    if (!parseCidr4(c)) add(IC, `networking.serviceNetwork[${i}]`, `"${c}" is not an IPv4 CIDR block with host bits zero`);
  });
  net.machineNetwork.forEach((c, i) => {
    if (!parseCidr4(c.cidr)) add(IC, `networking.machineNetwork[${i}].cidr`, `"${c.cidr}" is not an IPv4 CIDR block with host bits zero`);
  });
  const bm = ic.platform.baremetal;
  for (const key of ['apiVIPs', 'ingressVIPs'] as const) {
    (bm[key] ?? []).forEach((v, i) => {
      if (parseIpv4(v) === undefined) add(IC, `platform.baremetal.${key}[${i}]`, `"${v}" is not an IPv4 address`);
    });
  }
  const servers = new Map(hw.servers.map((s) => [s.name, s]));
  bm.hosts.forEach((h, i) => {
    const at = `platform.baremetal.hosts[${i}]`;
    const s = servers.get(h.name);
    if (!s) {
      add(IC, `${at}.name`, `host "${h.name}" has no server of that name in hardware.yaml`);
      return;
    }
    const role = s.role === 'control-plane' ? 'master' : 'worker';
    if (h.role && h.role !== role) add(IC, `${at}.role`, `"${h.role}" disagrees with hardware.yaml, where ${s.name} is a ${s.role} server`);
    if (bmcHost(h.bmc.address) === undefined) add(IC, `${at}.bmc.address`, `"${h.bmc.address}" is not a BMC URL (scheme://host/...)`);
  });
}

/** The host part of a BMC URL (`idrac-virtualmedia://10.10.0.101/redfish/v1/Systems/1` → 10.10.0.101). */
export function bmcHost(address: string): string | undefined {
  // A bare host is an IPMI address to metal3 (baremetal-operator docs/api.md, BMC address formats).
  if (!address.includes('://')) return /^[^/\s]+$/.test(address) ? address.replace(/:\d+$/, '') : undefined;
  const m = /^([a-z0-9+.-]+):\/\/(\[[^\]]+\]|[^/:]+)(?::\d+)?(\/.*)?$/i.exec(address);
  return m ? m[2] : undefined;
}

/** The scheme of a BMC URL (`idrac-virtualmedia`). */
export function bmcScheme(address: string): string | undefined {
  if (!address.includes('://')) return 'ipmi';
  return /^([a-z0-9+.-]+):\/\//i.exec(address)?.[1].toLowerCase();
}
