/** BMC addresses: present for every host, unique, the same in both files, a driver for the vendor. */
import { bmcHost, bmcScheme, type ClusterDefinition } from '../inventory/index.js';
import type { Finding } from './finding.js';

/**
 * Which BMC a metal3/Ironic address scheme drives (metal3-io/baremetal-operator docs/api.md,
 * "BMC address formats"): vendor drivers only work with their vendor's controller; `ipmi` and
 * `redfish*` are generic.
 */
export function schemeVendor(scheme: string): 'idrac' | 'ilo' | 'irmc' | 'generic' {
  if (scheme.startsWith('idrac')) return 'idrac';
  if (scheme.startsWith('ilo')) return 'ilo';
  if (scheme.startsWith('irmc')) return 'irmc';
  return 'generic';
}

/** Checks the BMC of every install-config host against the hardware inventory. */
export function checkBmc(def: ClusterDefinition): Finding[] {
  const out: Finding[] = [];
  const servers = new Map(def.hardware.servers.map((s) => [s.name, s]));
  const owners = new Map<string, string[]>();
  for (const h of def.installConfig.platform.baremetal.hosts) {
    const host = bmcHost(h.bmc.address) ?? '';
    owners.set(host, [...(owners.get(host) ?? []), h.name]);
    const s = servers.get(h.name);
    if (!s) continue;
    if (!s.bmc) {
      out.push({ id: 'bmc.present', severity: 'error', subject: h.name, message: `hardware.yaml declares no BMC for ${h.name}; the installer provisions hosts only through their BMC`, arithmetic: `install-config: ${h.bmc.address}; hardware.yaml: none` });
      continue;
    }
    if (s.bmc.address !== host) {
      out.push({ id: 'bmc.address', severity: 'error', subject: h.name, message: `install-config points the installer at ${host}, but ${h.name}'s BMC is ${s.bmc.address}`, arithmetic: `${host} ≠ ${s.bmc.address}` });
    }
    const scheme = bmcScheme(h.bmc.address) ?? '';
    const vendor = schemeVendor(scheme);
    if (vendor !== 'generic' && vendor !== s.bmc.type) {
      out.push({ id: 'bmc.driver', severity: 'error', subject: h.name, message: `the ${scheme}:// driver speaks to ${vendor === 'idrac' ? 'Dell iDRAC' : vendor === 'ilo' ? 'HPE iLO' : 'Fujitsu iRMC'}, but ${h.name} (${s.model}) has an ${s.bmc.type} BMC; use redfish-virtualmedia:// (or the vendor's own scheme)`, arithmetic: `scheme ${scheme} → ${vendor}; hardware.yaml bmc.type ${s.bmc.type}` });
    }
  }
  for (const [host, names] of owners) {
    if (names.length > 1) out.push({ id: 'bmc.unique', severity: 'error', subject: host, message: `${names.join(', ')} share the BMC address ${host}: the installer would power-cycle the wrong server`, arithmetic: `${names.length} hosts → 1 BMC` });
  }
  const hwOwners = new Map<string, string[]>();
  for (const s of def.hardware.servers) if (s.bmc) hwOwners.set(s.bmc.address, [...(hwOwners.get(s.bmc.address) ?? []), s.name]);
  for (const [addr, names] of hwOwners) {
    if (names.length > 1 && !owners.get(addr)?.length) out.push({ id: 'bmc.unique', severity: 'error', subject: addr, message: `${names.join(', ')} share the BMC address ${addr} in hardware.yaml`, arithmetic: `${names.length} servers → 1 BMC` });
  }
  if (!out.length) {
    const n = def.installConfig.platform.baremetal.hosts.length;
    out.push({ id: 'bmc.unique', severity: 'info', subject: 'all hosts', message: `${n} BMC addresses, all present, unique and matching hardware.yaml`, arithmetic: `${n} hosts = ${owners.size} distinct BMCs` });
  }
  return out;
}
