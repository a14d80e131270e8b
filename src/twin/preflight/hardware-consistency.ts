/**
 * Hardware that must agree with itself and with install-config: the root device is not an OSD
 * drive, replicas match the hosts, boot MACs exist, models carry the parts they can carry.
 */
import { formatBytes } from '../../lib/units.js';
import type { ClusterDefinition, Server } from '../inventory/index.js';
import type { Finding } from './finding.js';
import { n } from './arith.js';
import { SERVER_MODELS, SWITCH_HEIGHT_U, cpuVendor } from './hardware-catalog.js';

/** Runs the consistency checks. */
export function checkHardwareConsistency(def: ClusterDefinition): Finding[] {
  return [...rootDevices(def), ...replicas(def), ...models(def), ...capacity(def)];
}

function rootDevices(def: ClusterDefinition): Finding[] {
  const out: Finding[] = [];
  const servers = new Map(def.hardware.servers.map((s) => [s.name, s]));
  const hosts = def.installConfig.platform.baremetal.hosts;
  for (const h of hosts) {
    const s = servers.get(h.name)!;
    const hint = h.rootDeviceHints?.deviceName;
    const osds = s.drives.filter((d) => d.purpose === 'osd');
    if (hint) {
      const name = hint.replace(/^\/dev\//, '');
      const d = s.drives.find((x) => x.name === name);
      if (!d) {
        out.push({ id: 'hardware.root-device', severity: 'error', subject: h.name, message: `rootDeviceHints names ${hint}, which is not a drive of ${h.name}`, arithmetic: `drives: ${s.drives.map((x) => x.name).join(', ')}` });
      } else if (d.purpose === 'osd') {
        out.push({ id: 'hardware.root-device', severity: 'error', subject: h.name, message: `RHCOS would be installed on ${hint}, one of the drives declared as Ceph OSDs; declare a separate boot drive or give up that OSD`, arithmetic: `${osds.length} OSD drives − 1 root = ${osds.length - 1} left for Ceph on ${h.name}` });
      }
    } else if (!s.drives.some((d) => d.purpose === 'boot')) {
      out.push({ id: 'hardware.root-device', severity: 'warning', subject: h.name, message: 'no rootDeviceHints and no boot drive declared: the installer picks the first disk it finds', arithmetic: `drives: ${s.drives.map((x) => `${x.name} (${x.purpose})`).join(', ')}` });
    }
    const macs = Object.entries(s.macAddresses);
    if (h.bootMACAddress && macs.length && !macs.some(([, m]) => m.toLowerCase() === h.bootMACAddress!.toLowerCase())) {
      out.push({ id: 'hardware.boot-mac', severity: 'error', subject: h.name, message: `bootMACAddress ${h.bootMACAddress} is not a MAC of ${h.name}'s ports: PXE/virtual-media boot matches the wrong NIC`, arithmetic: macs.map(([p, m]) => `${p} ${m}`).join(', ') });
    }
  }
  const noBoot = def.hardware.servers.filter((s) => !s.drives.some((d) => d.purpose === 'boot'));
  if (noBoot.length) {
    out.push({ id: 'hardware.boot-drive', severity: 'warning', subject: `${noBoot.length} server(s)`, message: `${noBoot.map((s) => s.name).join(', ')} declare no boot drive`, arithmetic: noBoot.map((s) => `${s.name}: ${s.drives.filter((d) => d.purpose === 'osd').length} osd, 0 boot`).join('; ') });
  }
  const listed = new Set(hosts.map((h) => h.name));
  for (const s of def.hardware.servers.filter((x) => !listed.has(x.name))) {
    out.push({ id: 'hardware.unlisted', severity: 'warning', subject: s.name, message: `${s.name} is in hardware.yaml but not in install-config's hosts: it will not be provisioned`, arithmetic: `${hosts.length} hosts in install-config, ${def.hardware.servers.length} servers` });
  }
  return out;
}

function replicas(def: ClusterDefinition): Finding[] {
  const ic = def.installConfig;
  const hosts = ic.platform.baremetal.hosts;
  const masters = hosts.filter((h) => (h.role ?? roleOf(def, h.name)) === 'master').length;
  const workers = hosts.length - masters;
  const out: Finding[] = [];
  const cp = ic.controlPlane?.replicas;
  if (cp !== undefined && cp !== masters) out.push({ id: 'hardware.replicas', severity: 'error', subject: 'controlPlane.replicas', message: `controlPlane.replicas is ${cp} but ${masters} master hosts are listed`, arithmetic: `${cp} ≠ ${masters}` });
  const compute = (ic.compute ?? []).reduce((s, p) => s + (p.replicas ?? 0), 0);
  if (ic.compute && compute !== workers) out.push({ id: 'hardware.replicas', severity: 'error', subject: 'compute.replicas', message: `compute replicas total ${compute} but ${workers} worker hosts are listed`, arithmetic: `${compute} ≠ ${workers}` });
  return out;
}

function roleOf(def: ClusterDefinition, name: string): 'master' | 'worker' {
  return def.hardware.servers.find((s) => s.name === name)?.role === 'control-plane' ? 'master' : 'worker';
}

function models(def: ClusterDefinition): Finding[] {
  const out: Finding[] = [];
  for (const s of def.hardware.servers) {
    const m = SERVER_MODELS[s.model];
    if (!m) continue;
    if (m.heightU !== s.heightU) out.push({ id: 'hardware.model', severity: 'warning', subject: s.name, message: `${s.model} is ${m.heightU}U, declared ${s.heightU}U`, arithmetic: `${m.heightU} ≠ ${s.heightU}` });
    const vendor = cpuVendor(s.cpu.model);
    if (vendor && vendor !== m.cpuVendor) {
      const alt = Object.entries(SERVER_MODELS).find(([name, x]) => x.cpuVendor === vendor && x.bmc === m.bmc && x.heightU === m.heightU)?.[0];
      out.push({ id: 'hardware.model', severity: 'error', subject: s.name, message: `${s.cpu.model} (${vendor}) cannot go into the ${s.model}, a platform for ${m.cpuVendor === 'intel' ? 'Intel Xeon' : 'AMD EPYC'} CPUs${alt ? `; the ${vendor} model is the ${alt}` : ''}`, arithmetic: `cpu vendor ${vendor} ≠ ${m.cpuVendor}` });
    }
    if (s.bmc && s.bmc.type !== m.bmc) out.push({ id: 'hardware.model', severity: 'warning', subject: s.name, message: `${s.model} has an ${m.bmc} BMC, declared ${s.bmc.type}`, arithmetic: `${m.bmc} ≠ ${s.bmc.type}` });
  }
  for (const sw of def.hardware.switches) {
    const h = SWITCH_HEIGHT_U[sw.model];
    if (h !== undefined && h !== sw.heightU) out.push({ id: 'hardware.model', severity: 'warning', subject: sw.name, message: `${sw.model} is ${h}U, declared ${sw.heightU}U`, arithmetic: `${h} ≠ ${sw.heightU}` });
  }
  return out;
}

function capacity(def: ClusterDefinition): Finding[] {
  const out: Finding[] = [];
  const byRole = new Map<string, Server[]>();
  for (const s of def.hardware.servers) byRole.set(s.role, [...(byRole.get(s.role) ?? []), s]);
  for (const [role, list] of byRole) {
    const cores = list.map((s) => s.cpu.sockets * s.cpu.coresPerSocket);
    const s = list[0];
    const same = cores.every((c) => c === cores[0]);
    out.push({
      id: 'hardware.capacity',
      severity: 'info',
      subject: `${list.length} ${role} servers`,
      message: same
        ? `${cores[0]} cores / ${cores[0] * s.cpu.threadsPerCore} threads and ${n(s.memoryGiB)} GiB each`
        : `${n(cores.reduce((a, b) => a + b, 0))} cores in total`,
      arithmetic: same ? `${s.cpu.sockets} × ${s.cpu.coresPerSocket} cores (${s.cpu.model}) = ${cores[0]} cores × ${s.cpu.threadsPerCore} threads = ${cores[0] * s.cpu.threadsPerCore}` : cores.join(' + '),
    });
  }
  const osds = def.hardware.servers.flatMap((s) => s.drives.filter((d) => d.purpose === 'osd').map((d) => d.sizeBytes));
  if (osds.length) {
    const total = osds.reduce((a, b) => a + b, 0);
    const sizes = [...new Set(osds)];
    out.push({
      id: 'hardware.capacity',
      severity: 'info',
      subject: 'OSD drives',
      message: `${osds.length} OSD drives, ${formatBytes(total)} = ${formatBytes(total, { unit: 'TiB' })} raw`,
      arithmetic: sizes.length === 1
        ? `${osds.length} × ${formatBytes(sizes[0])} = ${formatBytes(total)} = ${n(total)} B / 2^40 = ${formatBytes(total, { unit: 'TiB' })}; one drive = ${formatBytes(sizes[0], { unit: 'GiB' })}`
        : `${osds.map((b) => formatBytes(b)).join(' + ')} = ${formatBytes(total)}`,
    });
  }
  return out;
}
