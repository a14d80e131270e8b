import { describe, it, expect, afterAll } from 'vitest';
import { mkdtemp, writeFile, copyFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadClusterDefinition } from './load-cluster-definition.js';
import { DefinitionError, formatIssue } from './definition-error.js';
import { EXAMPLE_DIR, writeDefinition, removeDefinitions, type RawDoc } from './definition-fixture.js';

afterAll(removeDefinitions);

async function issuesOf(change: (ic: RawDoc, hw: RawDoc) => void): Promise<string[]> {
  const dir = await writeDefinition(change);
  const err = await loadClusterDefinition(dir).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(DefinitionError);
  return (err as DefinitionError).issues.map(formatIssue);
}

describe('loadClusterDefinition() on the story cluster', () => {
  it('loads the twelve servers with their profiles merged in', async () => {
    const def = await loadClusterDefinition(EXAMPLE_DIR);
    const hw = def.hardware;
    expect(hw.servers.map((s) => s.name)).toEqual([
      'ctrl-1', 'ctrl-2', 'ctrl-3',
      ...Array.from({ length: 9 }, (_, i) => `worker-${i + 1}`),
    ]);
    const w = hw.servers.find((s) => s.name === 'worker-5')!;
    expect(w).toMatchObject({ role: 'worker', rack: 'B-15', position: 35, heightU: 2, memoryGiB: 1024, address: '10.20.0.35' });
    expect(w.cpu).toEqual({ model: 'AMD EPYC 9454', sockets: 2, coresPerSocket: 48, threadsPerCore: 2 });
    expect(w.drives).toHaveLength(12);
    expect(w.drives[0]).toMatchObject({ size: '3.84TB', sizeBytes: 3_840_000_000_000, type: 'nvme', purpose: 'osd' });
    expect(w.bonds.map((b) => [b.name, b.mode, b.mtu, b.members])).toEqual([
      ['bond0', '802.3ad', 9000, ['ens1f0', 'ens1f1']],
      ['bond1', '802.3ad', 9000, ['ens2f0', 'ens2f1']],
    ]);
    expect(hw.servers[0].drives.map((d) => d.sizeBytes)).toEqual([1e12, 1e12]);
  });

  it('expands switch port ranges and resolves links and PDUs', async () => {
    const { hardware: hw, installConfig: ic } = await loadClusterDefinition(EXAMPLE_DIR);
    const leaf = hw.switches.find((s) => s.name === 'leaf-1')!;
    expect(leaf.ports).toHaveLength(48 + 4 + 2);
    expect(leaf.ports[47]).toEqual({ name: 'Ethernet1/48', speedGbps: 25, mtu: 9214 });
    expect(hw.links).toHaveLength(12 * 4 + 6 * 4 + 4);
    expect(hw.links[0]).toEqual({ a: { device: 'ctrl-1', port: 'ens1f0' }, b: { device: 'leaf-1', port: 'Ethernet1/1' }, speedGbps: undefined });
    expect(hw.pdus.map((p) => [p.name, p.volts * p.amps, p.continuousPercent, p.outlets.length])).toEqual([
      ['pdu-b14-a', 6240, 80, 10], ['pdu-b14-b', 6240, 80, 10], ['pdu-b15-a', 6240, 80, 10], ['pdu-b15-b', 6240, 80, 10],
    ]);
    expect(ic.platform.baremetal.hosts).toHaveLength(12);
    expect(ic.networking.clusterNetwork[0]).toEqual({ cidr: '10.128.0.0/14', hostPrefix: 23 });
  });
});

describe('loadClusterDefinition() on broken definitions', () => {
  it('names a missing directory', async () => {
    await expect(loadClusterDefinition('/nonexistent/cluster')).rejects.toThrow('/nonexistent/cluster: cluster definition directory not found');
  });

  it('names a missing file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ove-def-'));
    await copyFile(join(EXAMPLE_DIR, 'install-config.yaml'), join(dir, 'install-config.yaml'));
    const err = (await loadClusterDefinition(dir).catch((e) => e)) as DefinitionError;
    expect(err.issues.map(formatIssue)).toEqual([`hardware.yaml: file not found in ${dir}`]);
    await rm(dir, { recursive: true });
  });

  it('reports YAML syntax errors with line and column', async () => {
    const dir = await writeDefinition();
    await writeFile(join(dir, 'hardware.yaml'), 'site:\n  name: x\n  name: y\n');
    const err = (await loadClusterDefinition(dir).catch((e) => e)) as DefinitionError;
    expect(err.issues.map(formatIssue)).toEqual(['hardware.yaml: line 3, column 3: Map keys must be unique']);
  });

  it('names the field of a wrong type, an unknown field, a missing field and a bad enum', async () => {
    expect(await issuesOf((_ic, hw) => {
      hw.servers[3].memoryGiB = 'lots';
      hw.servers[0].memGiB = 256;
      delete hw.switches[0].model;
      hw.serverProfiles['dl380-worker'].drives[2].type = 'floppy';
    })).toEqual([
      'hardware.yaml: serverProfiles.dl380-worker.drives[2].type: must be one of nvme, ssd, hdd',
      'hardware.yaml: servers[0].memGiB: is not a known field',
      'hardware.yaml: servers[3].memoryGiB: must be a number',
      'hardware.yaml: servers[3].drives[2].type: must be one of nvme, ssd, hdd',
      'hardware.yaml: servers[4].drives[2].type: must be one of nvme, ssd, hdd',
      'hardware.yaml: servers[5].drives[2].type: must be one of nvme, ssd, hdd',
      'hardware.yaml: servers[6].drives[2].type: must be one of nvme, ssd, hdd',
      'hardware.yaml: servers[7].drives[2].type: must be one of nvme, ssd, hdd',
      'hardware.yaml: servers[8].drives[2].type: must be one of nvme, ssd, hdd',
      'hardware.yaml: servers[9].drives[2].type: must be one of nvme, ssd, hdd',
      'hardware.yaml: servers[10].drives[2].type: must be one of nvme, ssd, hdd',
      'hardware.yaml: servers[11].drives[2].type: must be one of nvme, ssd, hdd',
      'hardware.yaml: switches[0].model: is required',
    ]);
  });

  it('checks install-config.yaml against its schema', async () => {
    expect(await issuesOf((ic) => {
      ic.apiVersion = 'v2';
      ic.networking.clusterNetwork[0].hostPrefix = '23';
      delete ic.platform.baremetal.hosts[4].bmc;
    })).toEqual([
      'install-config.yaml: apiVersion: must be "v1"',
      'install-config.yaml: networking.clusterNetwork[0].hostPrefix: must be an integer',
      'install-config.yaml: platform.baremetal.hosts[4].bmc: is required',
    ]);
  });

  it('reports sizes, addresses, CIDRs and port ranges it cannot read', async () => {
    expect(await issuesOf((ic, hw) => {
      hw.servers[4].drives = [{ name: 'nvme0n1', size: '3.84XB', type: 'nvme', purpose: 'osd' }];
      hw.servers[1].address = '10.20.0.300';
      hw.networks[0].cidr = '10.10.0.5/24';
      hw.switches[2].ports.push({ name: 'Ethernet2/48-1', speedGbps: 10, mtu: 1500 });
      ic.networking.serviceNetwork[0] = '172.30.0.0/33';
      ic.platform.baremetal.apiVIPs[0] = 'api';
    })).toEqual([
      'hardware.yaml: servers[1].address: "10.20.0.300" is not an IPv4 address',
      'hardware.yaml: servers[4].drives[0].size: Cannot parse byte size "3.84XB": unknown unit "XB" (use one of B, kB, MB, GB, TB, PB, KiB, MiB, GiB, TiB, PiB)',
      'hardware.yaml: switches[2].ports[3].name: range "Ethernet2/48-1" ends before it starts',
      'hardware.yaml: networks[0].cidr: "10.10.0.5/24" is not an IPv4 CIDR block with host bits zero',
      'install-config.yaml: networking.serviceNetwork[0]: "172.30.0.0/33" is not an IPv4 CIDR block with host bits zero',
      'install-config.yaml: platform.baremetal.apiVIPs[0]: "api" is not an IPv4 address',
    ]);
  });

  it('reports broken references between devices, ports, racks and PDUs', async () => {
    expect(await issuesOf((_ic, hw) => {
      hw.servers[1].profile = 'dl999';
    })).toEqual([
      'hardware.yaml: servers[1].profile: unknown profile "dl999" (not in serverProfiles)',
      'hardware.yaml: servers[1].role: is required',
      'hardware.yaml: servers[1].model: is required',
      'hardware.yaml: servers[1].heightU: is required',
      'hardware.yaml: servers[1].cpu: is required',
      'hardware.yaml: servers[1].memoryGiB: is required',
      'hardware.yaml: servers[1].drives: is required',
      'hardware.yaml: servers[1].nics: is required',
      'hardware.yaml: servers[1].peakWatts: is required',
    ]);
    expect(await issuesOf((_ic, hw) => {
      hw.servers[0].rack = 'B-99';
      hw.pdus[1].name = 'B-14';
      hw.serverProfiles['dl380-control-plane'].bonds[0].members = ['ens1f0', 'ens9f9'];
      hw.links[0].b = 'leaf-1:Ethernet9/9';
      hw.links[1].a = 'ctrl-9:ens1f0';
      hw.links[3].b = 'leaf-2:Ethernet1/1';
      hw.pdus[0].outlets.push('toaster');
    })).toEqual([
      'hardware.yaml: servers[0].rack: rack "B-99" is not defined in racks',
      'hardware.yaml: servers[0].bonds[0].members[1]: "ens9f9" is not a NIC port of ctrl-1',
      'hardware.yaml: servers[1].bonds[0].members[1]: "ens9f9" is not a NIC port of ctrl-2',
      'hardware.yaml: servers[2].bonds[0].members[1]: "ens9f9" is not a NIC port of ctrl-3',
      'hardware.yaml: links[0].b: "Ethernet9/9" is not a port of leaf-1',
      'hardware.yaml: links[1].a: device "ctrl-9" is not a server or switch',
      'hardware.yaml: links[3].b: leaf-2:Ethernet1/1 is already cabled by links[1]',
      'hardware.yaml: pdus[0].outlets[10]: device "toaster" is not a server or switch',
      'hardware.yaml: pdus[1].name: name "B-14" is already used by a rack',
    ]);
  });

  it('matches install-config hosts to servers by name and role', async () => {
    expect(await issuesOf((ic, hw) => {
      ic.platform.baremetal.hosts[11].name = 'worker-10';
      ic.platform.baremetal.hosts[0].role = 'worker';
      ic.platform.baremetal.hosts[1].bmc.address = 'not a url';
      hw.servers.pop();
      for (const p of hw.pdus) p.outlets = p.outlets.filter((o: string) => o !== 'worker-9');
      hw.links = hw.links.filter((l: RawDoc) => !l.a.startsWith('worker-9:'));
    })).toEqual([
      'install-config.yaml: platform.baremetal.hosts[0].role: "worker" disagrees with hardware.yaml, where ctrl-1 is a control-plane server',
      'install-config.yaml: platform.baremetal.hosts[1].bmc.address: "not a url" is not a BMC URL (scheme://host/...)',
      'install-config.yaml: platform.baremetal.hosts[11].name: host "worker-10" has no server of that name in hardware.yaml',
    ]);
  });
});

describe('server profiles', () => {
  it('give every server its own copy of the profile', async () => {
    const def = await loadClusterDefinition(EXAMPLE_DIR);
    const [w1, w2] = def.hardware.servers.filter((s) => s.role === 'worker');
    expect(w1.nics).toEqual(w2.nics);
    expect(w1.nics).not.toBe(w2.nics);
    expect(w1.drives[0]).not.toBe(w2.drives[0]);
  });
});
