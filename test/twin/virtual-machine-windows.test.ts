import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import WebSocket from 'ws';
import { startControlPlane, type ControlPlane } from '../../src/cmd/control-plane.js';
import { TwinClock } from '../../src/twin/clock/twin-clock.js';
import { loadClusterDefinition } from '../../src/twin/inventory/index.js';
import { startTwin, type Twin } from '../../src/twin/twin.js';
import type { KubeObject } from '../../src/api/types.js';

const NS = { group: '', version: 'v1', plural: 'namespaces', namespaced: false };
const VMS = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachines', namespaced: true };
const VMIS = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachineinstances', namespaced: true };
const PVCS = { group: '', version: 'v1', plural: 'persistentvolumeclaims', namespaced: true };
const PVS = { group: '', version: 'v1', plural: 'persistentvolumes', namespaced: false };
const EVENTS = { group: '', version: 'v1', plural: 'events', namespaced: true };
const SCS = { group: 'storage.k8s.io', version: 'v1', plural: 'storageclasses', namespaced: false };
const SUB = '/apis/subresources.kubevirt.io/v1/namespaces/sandbox';
const STORY = resolve(import.meta.dirname, '../fixtures/story');
const A = 'twin.ove.dev/';

/** Polls until `fn` returns a value (the clock runs in fast-forward meanwhile). */
async function eventually<T>(fn: () => Promise<T | undefined>, what: string, tries = 800): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

type VmiStatus = { phase?: string; interfaces?: Record<string, unknown>[]; guestOSInfo?: Record<string, string>; conditions?: { type: string; status: string }[] };

describe('chapter 5 on the twin: test-win-01 from Windows Setup to qemu-ga', () => {
  let dir: string;
  let cp: ControlPlane;
  let clock: TwinClock;
  let twin: Twin;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ove-win-'));
    clock = new TwinClock({ mode: 'fast-forward' }, Date.UTC(2026, 2, 4, 8, 0, 0));
    clock.start();
    cp = await startControlPlane({ dataDir: dir, storage: 'memory', port: 0, insecure: true, clock, log: () => undefined });
    clock.addBusyProbe(() => cp.busy());
    twin = await startTwin({ client: cp.client, manager: cp.manager, clock, def: await loadClusterDefinition(resolve(import.meta.dirname, '../../examples/ove-prod-01')), progress: () => undefined });
    await twin.installed;
    await cp.client.create(NS, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'sandbox' } });
    for (const doc of parseAllDocuments(readFileSync(resolve(STORY, '04-storageclasses-ceph-rbd.yaml'), 'utf8'))) await cp.client.create(SCS, doc.toJS() as KubeObject);
  }, 120_000);

  afterAll(async () => {
    twin?.stop();
    clock?.stop();
    await cp?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const vmi = () => cp.client.get(VMIS, 'sandbox', 'test-win-01');
  const ann = async (k: string) => (await vmi()).metadata.annotations?.[A + k];
  const annotate = (a: Record<string, string>) => cp.client.patch(VMIS, 'sandbox', 'test-win-01', 'merge', { metadata: { annotations: Object.fromEntries(Object.entries(a).map(([k, v]) => [A + k, v])) } });
  const events = async () => (await cp.client.list(EVENTS, 'sandbox')).items.filter((e) => (e as unknown as { involvedObject: { name: string } }).involvedObject.name === 'test-win-01') as unknown as { reason: string; type: string; message: string }[];
  // Screens pass quickly in fast-forward: wait for the screen's Event rather than the annotation's current value.
  const screen = (s: string) => eventually(async () => ((await events()).some((e) => e.reason === s) ? true : undefined), `screen ${s}`);
  const usedBytes = async () => {
    const pvc = await cp.client.get(PVCS, 'sandbox', 'test-win-01-root');
    const pv = await cp.client.get(PVS, undefined, (pvc.spec as { volumeName: string }).volumeName);
    return twin.storage.provisioner.volume((pv.spec as { csi: { volumeHandle: string } }).csi.volumeHandle)!.usedBytes;
  };

  it('loads viostor, NetKVM and Balloon in Setup, installs in ~15 min, gets a lease, and reports through qemu-ga', async () => {
    const win = parse(readFileSync(resolve(STORY, '11-vm-test-win-01.yaml'), 'utf8')) as KubeObject & { spec: { template: { spec: { domain: { features: { hyperv: Record<string, unknown> } } } } } };
    const hv = win.spec.template.spec.domain.features.hyperv;
    hv.synictimer = hv.stimer; // the story's `stimer` is libvirt's name; KubeVirt's field is `synictimer`
    delete hv.stimer;
    for (const name of ['windows-2022-iso', 'virtio-win-iso']) {
      await cp.client.create(PVCS, { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'sandbox' }, spec: { accessModes: ['ReadWriteMany'], volumeMode: 'Block', storageClassName: 'ceph-rbd-gold', resources: { requests: { storage: '6Gi' } } } });
    }
    await cp.client.create(VMS, win);
    await screen('NoDrivesFound');
    // "Next" with no drive listed does nothing.
    await annotate({ 'windows-install': 'start' });
    await screen('NoDiskSelected');
    expect(await ann('windows-install-started')).toBeUndefined();
    // Real time while the install's first seconds are inspected (fast-forward would race past them).
    clock.switchTo({ mode: 'realtime' });
    await annotate({ 'load-driver': 'viostor\\2k22\\amd64,NetKVM\\2k22\\amd64,Balloon\\2k22\\amd64' });
    await eventually(async () => ((await ann('windows-install-started')) ? true : undefined), 'install started');
    const started = Date.parse((await ann('windows-install-started'))!);
    expect((await events()).find((e) => e.reason === 'InstallStarted')?.message).toContain('Drive 0 Unallocated Space (100.0 GB)');
    expect(await usedBytes()).toBeLessThan(1e9);
    // Setup (WinPE) has no guest agent and reports no guest NIC.
    const during = (await vmi()).status as VmiStatus;
    expect(during.interfaces?.[0]).not.toHaveProperty('interfaceName');
    await expect(cp.client.call('GET', `${SUB}/virtualmachineinstances/test-win-01/guestosinfo`)).rejects.toMatchObject({ code: 409 });
    expect(await ann('windows-setup')).toBe('CopyingFiles');
    clock.switchTo({ mode: 'fast-forward' });

    await screen('CustomizeSettings');
    const reached = (await events()).find((e) => e.reason === 'CustomizeSettings') as unknown as { firstTimestamp: string };
    const installed = Date.parse(reached.firstTimestamp) - started;
    expect(installed / 60_000).toBeGreaterThan(14);
    expect(installed / 60_000).toBeLessThan(15.5);
    expect(await usedBytes()).toBeCloseTo(11.2e9, -8);
    const reasons = (await events()).map((e) => e.reason);
    expect(reasons).toEqual(expect.arrayContaining(['CopyingFiles', 'GettingFilesReady', 'InstallingFeatures', 'InstallingUpdates', 'FinishingUp', 'GuestRestarting', 'GettingDevicesReady', 'GettingReady', 'CustomizeSettings', 'WindowsInstalled']));
    // The VMI stayed Running through Setup's restarts; the serial console shows OVMF booting the disk's boot manager each time.
    expect(((await vmi()).status as VmiStatus).phase).toBe('Running');
    const consoleText = await readConsole(cp, (out) => (out.match(/BdsDxe: starting Boot0004 "Windows Boot Manager"/g) ?? []).length === 2);
    expect(consoleText.match(/Press any key to boot from CD or DVD/g)).toHaveLength(3);
    const disk = JSON.parse((await cp.client.get(PVCS, 'sandbox', 'test-win-01-root')).metadata.annotations![`${A}windows-disk`]) as { computerName: string; drivers: Record<string, number> };
    expect(disk.computerName).toMatch(/^WIN-[A-Z0-9]{11}$/);
    expect(Object.keys(disk.drivers)).toEqual(['viostor', 'NetKVM', 'Balloon']);

    await annotate({ 'set-administrator-password': 'true' });
    await screen('LogonScreen');
    await eventually(async () => ((await ann('windows-dhcp-lease')) === '10.0.2.2/24' ? true : undefined), 'DHCP lease');
    expect((await events()).find((e) => e.reason === 'GuestNetworkUp')?.message).toContain('gateway 10.0.2.1');
    await annotate({ 'install-guest-agent': 'true' });
    const up = await eventually(async () => {
      const s = (await vmi()).status as VmiStatus;
      return s.conditions?.some((c) => c.type === 'AgentConnected' && c.status === 'True') ? s : undefined;
    }, 'AgentConnected');
    expect(up.guestOSInfo).toMatchObject({ id: 'mswindows', name: 'Microsoft Windows', prettyName: 'Windows Server 2022 Datacenter', kernelRelease: '20348', kernelVersion: '10.0' });
    const podIp = up.interfaces![0].ipAddress as string;
    expect(podIp).toMatch(/^10\.12[89]\./);
    expect(up.interfaces![0]).toMatchObject({ name: 'default', interfaceName: 'Ethernet', infoSource: 'domain, guest-agent', ipAddresses: [podIp] });
    const info = await cp.client.call<{ hostname: string; os: { prettyName: string } }>('GET', `${SUB}/virtualmachineinstances/test-win-01/guestosinfo`);
    expect(info.hostname).toBe(disk.computerName);
    const fs = await cp.client.call<{ items: { mountPoint: string; fileSystemType: string; usedBytes: number; totalBytes: number }[] }>('GET', `${SUB}/virtualmachineinstances/test-win-01/filesystemlist`);
    expect(fs.items).toHaveLength(1);
    expect(fs.items[0]).toMatchObject({ mountPoint: 'C:\\', fileSystemType: 'NTFS', usedBytes: 11.2e9 });
    // 100Gi is 107.4 GB; Windows shows ~99.4 GiB for C: after the ESP, MSR and recovery partitions.
    expect(fs.items[0].totalBytes / 2 ** 30).toBeGreaterThan(99);
    expect(fs.items[0].totalBytes / 2 ** 30).toBeLessThan(100);
  }, 60_000);

  it('a restart boots the installed Windows from the disk (not Setup), and the stop is an ACPI shutdown', async () => {
    const before = (await vmi()).metadata.uid;
    await cp.client.call('PUT', `${SUB}/virtualmachines/test-win-01/restart`, {});
    const again = await eventually(async () => {
      const v = await vmi();
      return v.metadata.uid !== before && v.metadata.annotations?.[`${A}windows-setup`] === 'LogonScreen' ? v : undefined;
    }, 'logon screen after restart');
    expect(again.metadata.annotations?.[`${A}windows-install-started`]).toBeUndefined();
    await eventually(async () => (((await vmi()).status as VmiStatus).conditions?.some((c) => c.type === 'AgentConnected') ? true : undefined), 'agent after restart');
    const stopped = (await events()).filter((e) => e.reason === 'Stopped');
    expect(stopped.length).toBeGreaterThan(0);
    expect(stopped.every((e) => e.type === 'Normal')).toBe(true);
  }, 30_000);
});

/** The serial console's replay, once `done` holds for it. */
async function readConsole(cp: ControlPlane, done: (out: string) => boolean): Promise<string> {
  const ws = new WebSocket(`${cp.url.replace('http', 'ws')}${SUB}/virtualmachineinstances/test-win-01/console`, 'plain.kubevirt.io', { headers: { Authorization: `Bearer ${cp.adminToken}` } });
  let out = '';
  ws.on('message', (d: Buffer) => (out += d.toString('utf8')));
  await new Promise((r, j) => (ws.once('open', r), ws.once('error', j)));
  await eventually(async () => (done(out) ? true : undefined), 'console output', 200);
  ws.close();
  return out;
}
