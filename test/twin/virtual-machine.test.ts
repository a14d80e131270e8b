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
import { stopVm } from '../../src/cli/virt/lifecycle.js';

const NS = { group: '', version: 'v1', plural: 'namespaces', namespaced: false };
const VMS = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachines', namespaced: true };
const VMIS = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachineinstances', namespaced: true };
const DVS = { group: 'cdi.kubevirt.io', version: 'v1beta1', plural: 'datavolumes', namespaced: true };
const PODS = { group: '', version: 'v1', plural: 'pods', namespaced: true };
const SUB = '/apis/subresources.kubevirt.io/v1/namespaces/sandbox';
const PVCS = { group: '', version: 'v1', plural: 'persistentvolumeclaims', namespaced: true };
const EVENTS = { group: '', version: 'v1', plural: 'events', namespaced: true };
const SCS = { group: 'storage.k8s.io', version: 'v1', plural: 'storageclasses', namespaced: false };
const STORY = resolve(import.meta.dirname, '../fixtures/story');

/** Polls until `fn` returns a value (the clock runs in fast-forward meanwhile). */
async function eventually<T>(fn: () => Promise<T | undefined>, what: string, tries = 600): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const status = (o: KubeObject) => (o.status ?? {}) as Record<string, unknown> & { phase?: string; printableStatus?: string; conditions?: { type: string; status: string }[] };

/** Story manifest 10 as written, and the corrected copy (`features.smm`, and a console password for marco). */
function manifests(): { asWritten: KubeObject; corrected: KubeObject } {
  const text = readFileSync(resolve(STORY, '10-vm-test-linux-01.yaml'), 'utf8');
  const asWritten = parse(text) as KubeObject;
  const corrected = structuredClone(asWritten) as KubeObject & { spec: { template: { spec: { domain: Record<string, unknown>; volumes: { cloudInitNoCloud?: { userData: string } }[] } } } };
  corrected.spec.template.spec.domain.features = { smm: {} };
  const ci = corrected.spec.template.spec.volumes.find((v) => v.cloudInitNoCloud)!.cloudInitNoCloud!;
  ci.userData = ci.userData.replace('user: marco\n', 'user: marco\npassword: changeme\nchpasswd: { expire: false }\n');
  return { asWritten, corrected };
}

describe('chapter 5 on the twin: test-linux-01 from apply to console login', () => {
  let dir: string;
  let cp: ControlPlane;
  let clock: TwinClock;
  let twin: Twin;
  const seen: string[] = [];
  let stopWatch: () => void = () => undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ove-vm-'));
    clock = new TwinClock({ mode: 'fast-forward' }, Date.UTC(2026, 2, 4, 8, 0, 0));
    clock.start();
    cp = await startControlPlane({ dataDir: dir, storage: 'memory', port: 0, insecure: true, clock, log: () => undefined });
    clock.addBusyProbe(() => cp.busy());
    const def = await loadClusterDefinition(resolve(import.meta.dirname, '../../examples/ove-prod-01'));
    twin = await startTwin({ client: cp.client, manager: cp.manager, clock, def, progress: () => undefined });
    await twin.installed;
    await cp.client.create(NS, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'sandbox' } });
    // Chapter 3's StorageClasses, as the story applied them before chapter 5.
    for (const doc of parseAllDocuments(readFileSync(resolve(STORY, '04-storageclasses-ceph-rbd.yaml'), 'utf8'))) await cp.client.create(SCS, doc.toJS() as KubeObject);
    const w = cp.client.watch(VMS, 'sandbox', {}, (e) => {
      const s = status(e.object).printableStatus;
      if (s && seen[seen.length - 1] !== s) seen.push(s);
    }, () => undefined);
    stopWatch = () => w.close();
  }, 120_000);

  afterAll(async () => {
    stopWatch();
    twin?.stop();
    clock?.stop();
    await cp?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rejects the manifest as written (Secure Boot without SMM) and both running and runStrategy, creating nothing', async () => {
    const { asWritten, corrected } = manifests();
    await expect(cp.client.create(VMS, asWritten)).rejects.toMatchObject({ code: 422, message: expect.stringContaining('spec.template.spec.domain has EFI SecureBoot enabled. SecureBoot requires SMM, which is currently disabled.') });
    const both = structuredClone(corrected) as KubeObject & { spec: Record<string, unknown> };
    both.spec.runStrategy = 'Always';
    await expect(cp.client.create(VMS, both)).rejects.toMatchObject({ code: 422, message: expect.stringContaining('Running and RunStrategy are mutually exclusive') });
    expect((await cp.client.list(VMS, 'sandbox')).items).toHaveLength(0);
    expect((await cp.client.list(DVS, 'sandbox')).items).toHaveLength(0);
  });

  it('provisions, starts and runs: VM Provisioning → Starting → Running, VMI on a worker with a pod IP in 10.128.0.0/14', async () => {
    const { corrected } = manifests();
    await cp.client.create(VMS, corrected);
    const dv = await eventually<KubeObject>(() => cp.client.get(DVS, 'sandbox', 'test-linux-01-root'), 'DataVolume');
    expect(dv.metadata.ownerReferences).toMatchObject([{ kind: 'VirtualMachine', name: 'test-linux-01', controller: true }]);
    await eventually(async () => (status(await cp.client.get(VMS, 'sandbox', 'test-linux-01')).printableStatus === 'Provisioning' ? true : undefined), 'Provisioning');
    // CDI's controllers (data-volume) import the story's image into a bound ReadWriteMany claim; the VM waits meanwhile.
    await eventually(async () => (status(await cp.client.get(DVS, 'sandbox', 'test-linux-01-root')).phase === 'ImportInProgress' ? true : undefined), 'import running');
    expect(status(await cp.client.get(VMS, 'sandbox', 'test-linux-01')).printableStatus).toBe('Provisioning');
    expect((await cp.client.list(VMIS, 'sandbox')).items).toHaveLength(0);
    const vmi = await eventually(async () => {
      const v = await cp.client.get(VMIS, 'sandbox', 'test-linux-01');
      return status(v).phase === 'Running' ? v : undefined;
    }, 'VMI Running');
    const s = status(vmi) as { nodeName: string; interfaces: { ipAddress: string; mac: string }[]; conditions: { type: string; status: string }[]; migrationMethod: string; phaseTransitionTimestamps: { phase: string }[] };
    expect(s.nodeName).toMatch(/^worker-\d$/);
    const [a, b] = s.interfaces[0].ipAddress.split('.').map(Number);
    expect(a === 10 && b >= 128 && b <= 131).toBe(true);
    expect(s.interfaces[0].mac).toMatch(/^52:54:00:/);
    expect(s.conditions.find((c) => c.type === 'LiveMigratable')?.status).toBe('True');
    expect(s.migrationMethod).toBe('LiveMigration');
    expect(s.phaseTransitionTimestamps.map((p) => p.phase)).toEqual(['Pending', 'Scheduling', 'Scheduled', 'Running']);
    const pods = (await cp.client.list(PODS, 'sandbox')).items.filter((p) => p.metadata.labels?.['kubevirt.io'] === 'virt-launcher');
    expect(pods).toHaveLength(1);
    expect(pods[0].metadata.name).toMatch(/^virt-launcher-test-linux-01-[a-z0-9]{5}$/);
    const req = (pods[0].spec as { containers: { resources: { requests: Record<string, string> } }[] }).containers[0].resources.requests;
    expect(req).toMatchObject({ cpu: '400m', memory: '8500Mi', 'devices.kubevirt.io/kvm': '1' });
    const vm = await eventually(async () => {
      const v = await cp.client.get(VMS, 'sandbox', 'test-linux-01');
      return status(v).printableStatus === 'Running' && status(v).ready ? v : undefined;
    }, 'VM Running and ready');
    expect(status(vm)).toMatchObject({ created: true, ready: true });
    expect(seen).toEqual(['Provisioning', 'Starting', 'Running']);
  });

  it('the console shows the RHEL 9.4 banner and login prompt, and marco logs in', async () => {
    await eventually(async () => {
      const v = await cp.client.get(VMIS, 'sandbox', 'test-linux-01');
      return status(v).conditions?.some((c) => c.type === 'AgentConnected' && c.status === 'True') ? true : undefined;
    }, 'guest agent');
    const ws = new WebSocket(`${cp.url.replace('http', 'ws')}${SUB}/virtualmachineinstances/test-linux-01/console`, 'plain.kubevirt.io', { headers: { Authorization: `Bearer ${cp.adminToken}` } });
    let out = '';
    ws.on('message', (d: Buffer) => (out += d.toString('utf8')));
    await new Promise((r, j) => (ws.once('open', r), ws.once('error', j)));
    expect(ws.protocol).toBe('plain.kubevirt.io');
    await eventually(async () => (out.includes('test-linux-01 login: ') ? true : undefined), 'login prompt');
    expect(out).toContain('Red Hat Enterprise Linux 9.4 (Plow)\r\nKernel 5.14.0-427.el9.x86_64 on an x86_64\r\n\r\ntest-linux-01 login: ');
    ws.send(Buffer.from('marco\r'));
    await eventually(async () => (out.includes('Password: ') ? true : undefined), 'password prompt');
    ws.send(Buffer.from('changeme\r'));
    await eventually(async () => (out.includes('[marco@test-linux-01 ~]$ ') ? true : undefined), 'shell prompt');
    ws.close();
    const info = await cp.client.call<{ hostname: string; os: { prettyName: string } }>('GET', `${SUB}/virtualmachineinstances/test-linux-01/guestosinfo`);
    expect(info).toMatchObject({ hostname: 'test-linux-01', os: { prettyName: 'Red Hat Enterprise Linux 9.4 (Plow)' } });
    const users = await cp.client.call<{ items: { userName: string }[] }>('GET', `${SUB}/virtualmachineinstances/test-linux-01/userlist`);
    expect(users.items.map((u) => u.userName)).toEqual(['marco']);
  });

  it('serves subresources.kubevirt.io/v1 as virt-api does: its discovery list, methods, and authenticated websockets only', async () => {
    const disc = await cp.client.call<{ resources: { name: string; verbs: unknown }[] }>('GET', '/apis/subresources.kubevirt.io/v1');
    expect(disc.resources.map((r) => r.name)).toEqual(expect.arrayContaining(['virtualmachines/start', 'virtualmachines/stop', 'virtualmachines/restart', 'virtualmachines/migrate', 'virtualmachineinstances/console', 'virtualmachineinstances/vnc', 'virtualmachineinstances/pause']));
    // Besides the subresources, virt-api lists its one namespaced route, expand-vm-spec.
    expect(disc.resources.filter((r) => !r.name.includes('/')).map((r) => r.name)).toEqual(['expand-vm-spec']);
    expect(disc.resources.every((r) => r.verbs === null)).toBe(true);
    await expect(cp.client.call('GET', `${SUB}/virtualmachines/test-linux-01/start`)).rejects.toMatchObject({ code: 405 });
    await expect(cp.client.call('GET', `${SUB}/virtualmachineinstances/test-linux-01/console`)).rejects.toMatchObject({ code: 400, message: expect.stringContaining('websocket: the client is not using the websocket protocol') });
    const anon = new WebSocket(`${cp.url.replace('http', 'ws')}${SUB}/virtualmachineinstances/test-linux-01/console`, 'plain.kubevirt.io');
    await expect(new Promise((r, j) => (anon.once('open', r), anon.once('error', j)))).rejects.toThrow(/401/);
    const vnc = new WebSocket(`${cp.url.replace('http', 'ws')}${SUB}/virtualmachineinstances/test-linux-01/vnc`, 'plain.kubevirt.io', { headers: { Authorization: `Bearer ${cp.adminToken}` } });
    const hello = await new Promise<string>((r, j) => (vnc.once('message', (d: Buffer) => r(d.toString('latin1'))), vnc.once('error', j)));
    expect(hello).toBe('RFB 003.008\n');
    vnc.close();
  });

  it('start, stop and restart through the subresources, with KubeVirt refusals', async () => {
    await expect(cp.client.call('PUT', `${SUB}/virtualmachines/test-linux-01/start`, {})).rejects.toMatchObject({ code: 409, message: 'Operation cannot be fulfilled on virtualmachine.kubevirt.io "test-linux-01": VM is already running' });
    const before = await cp.client.get(VMIS, 'sandbox', 'test-linux-01');
    await cp.client.call('PUT', `${SUB}/virtualmachines/test-linux-01/restart`, {});
    const after = await eventually(async () => {
      const v = await cp.client.get(VMIS, 'sandbox', 'test-linux-01');
      return v.metadata.uid !== before.metadata.uid && status(v).phase === 'Running' ? v : undefined;
    }, 'restarted VMI');
    expect(after.metadata.annotations?.['twin.ove.dev/guest-first-boot']).toBe('false');

    await cp.client.call('PUT', `${SUB}/virtualmachines/test-linux-01/stop`, {});
    const stopped = await eventually(async () => {
      const v = await cp.client.get(VMS, 'sandbox', 'test-linux-01');
      return status(v).printableStatus === 'Stopped' ? v : undefined;
    }, 'Stopped');
    expect((stopped.spec as { running?: boolean }).running).toBe(false);
    await eventually(async () => ((await cp.client.list(VMIS, 'sandbox')).items.length === 0 ? true : undefined), 'VMI gone');
    await expect(cp.client.call('PUT', `${SUB}/virtualmachines/test-linux-01/stop`, {})).rejects.toMatchObject({ code: 409, message: expect.stringContaining('VM is not running') });
    await expect(cp.client.call('PUT', `${SUB}/virtualmachineinstances/test-linux-01/pause`, {})).rejects.toMatchObject({ code: 404 });

    // A dry run checks and changes nothing (virtctl start --dry-run sends dryRun: ["All"]).
    await cp.client.call('PUT', `${SUB}/virtualmachines/test-linux-01/start`, { dryRun: ['All'] });
    expect((await cp.client.get(VMS, 'sandbox', 'test-linux-01')).spec).toMatchObject({ running: false });
    await cp.client.call('PUT', `${SUB}/virtualmachines/test-linux-01/start`, {});
    await eventually(async () => (status(await cp.client.get(VMS, 'sandbox', 'test-linux-01')).printableStatus === 'Running' ? true : undefined), 'Running again');
    await cp.client.call('PUT', `${SUB}/virtualmachineinstances/test-linux-01/pause`, {});
    await eventually(async () => (status(await cp.client.get(VMS, 'sandbox', 'test-linux-01')).printableStatus === 'Paused' ? true : undefined), 'Paused');
    const tail = seen.slice(3);
    expect(tail).toEqual(expect.arrayContaining(['Stopping', 'Stopped', 'Starting', 'Running', 'Paused']));
  });

  it('stop presses the ACPI button: Linux powers off in its shutdown time; a guest that ignores it runs until `virt stop --force --grace-period 0`', async () => {
    const vm = (name: string, features: Record<string, unknown>): KubeObject => ({
      apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', metadata: { name, namespace: 'sandbox' },
      spec: { runStrategy: 'Always', template: { spec: { terminationGracePeriodSeconds: 180, domain: { features, cpu: { cores: 1 }, memory: { guest: '1Gi' }, devices: { disks: [{ name: 'root', disk: { bus: 'virtio' } }] } }, volumes: [{ name: 'root', containerDisk: { image: 'quay.io/containerdisks/fedora:40' } }] } } },
    });
    await cp.client.create(VMS, vm('acpi-on', {}));
    await cp.client.create(VMS, vm('acpi-off', { acpi: { enabled: false } }));
    for (const n of ['acpi-on', 'acpi-off']) await eventually(async () => (status(await cp.client.get(VMIS, 'sandbox', n)).phase === 'Running' ? true : undefined), `${n} running`);
    // Past the kernel's start, so systemd-logind is up to act on the button.
    const booted = clock.now() + 30_000;
    await eventually(async () => (clock.now() > booted ? true : undefined), 'guests booted');
    const events = async (n: string) => (await cp.client.list(EVENTS, 'sandbox')).items.filter((e) => (e as unknown as { involvedObject: { name: string } }).involvedObject.name === n) as unknown as { reason: string; type: string; message: string; lastTimestamp: string }[];
    // From the button press (ShuttingDown) to the domain gone (Stopped), in simulated seconds.
    const finished = async (n: string) => {
      const ev = await events(n);
      const at = (r: string) => ev.find((e) => e.reason === r)?.lastTimestamp;
      const [from, to] = [at('ShuttingDown'), at('Stopped')];
      return from && to ? (Date.parse(to) - Date.parse(from)) / 1000 : undefined;
    };

    for (const n of ['acpi-on', 'acpi-off']) await cp.client.call('PUT', `${SUB}/virtualmachines/${n}/stop`, {});
    const seconds = await eventually(() => finished('acpi-on'), 'acpi-on powered off');
    expect(seconds).toBeGreaterThanOrEqual(4);
    expect(seconds).toBeLessThan(6);
    expect((await events('acpi-on')).map((e) => e.reason)).toEqual(expect.arrayContaining(['ShuttingDown', 'Stopped']));
    // The guest without ACPI is still running, 10 simulated seconds later, within its 180 s grace period.
    const later = clock.now() + 10_000;
    await eventually(async () => (clock.now() > later ? true : undefined), '10 s');
    expect(status(await cp.client.get(VMIS, 'sandbox', 'acpi-off')).phase).toBe('Running');
    expect(status(await cp.client.get(VMS, 'sandbox', 'acpi-off')).printableStatus).toBe('Stopping');
    // A plain second stop is refused; the forced one (virtctl stop --force --grace-period 0) sets the grace period to 0.
    await expect(cp.client.call('PUT', `${SUB}/virtualmachines/acpi-off/stop`, {})).rejects.toMatchObject({ code: 409, message: expect.stringContaining('Halted does not support manual stop requests') });
    const out: string[] = [];
    await stopVm(cp.client, { out: (t) => void out.push(t), err: () => undefined }, 'sandbox', 'acpi-off', { force: true, gracePeriod: '0' });
    expect(out.join('')).toBe('VM acpi-off was scheduled to stop\n');
    await eventually(() => finished('acpi-off'), 'acpi-off killed');
    await eventually(async () => (status(await cp.client.get(VMS, 'sandbox', 'acpi-off')).printableStatus === 'Stopped' ? true : undefined), 'acpi-off Stopped');
    const killed = (await events('acpi-off')).find((e) => e.reason === 'Stopped');
    expect(killed).toMatchObject({ type: 'Warning', message: expect.stringContaining('did not shut down within the grace period of 0 s') });
    expect((await events('acpi-off')).filter((e) => e.reason === 'Stopped')).toHaveLength(1);
  });

  it('test-win-01 boots to Windows Setup, which lists no drives until viostor is loaded from the virtio-win CD', async () => {
    const win = parse(readFileSync(resolve(STORY, '11-vm-test-win-01.yaml'), 'utf8')) as KubeObject & { spec: { template: { spec: { domain: { features: { hyperv: Record<string, unknown> } } } } } };
    // The story's `stimer` is not a KubeVirt field (strict decoding rejects it); the field is `synictimer`.
    const hv = win.spec.template.spec.domain.features.hyperv;
    hv.synictimer = hv.stimer;
    delete hv.stimer;
    for (const name of ['windows-2022-iso', 'virtio-win-iso']) {
      await cp.client.create(PVCS, { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'sandbox' }, spec: { accessModes: ['ReadWriteMany'], volumeMode: 'Block', storageClassName: 'ceph-rbd-gold', resources: { requests: { storage: '6Gi' } } } });
    }
    await cp.client.create(VMS, win);
    const setup = await eventually(async () => {
      const v = await cp.client.get(VMIS, 'sandbox', 'test-win-01');
      return v.metadata.annotations?.['twin.ove.dev/windows-setup'] ? v : undefined;
    }, 'Windows Setup');
    expect(setup.metadata.annotations?.['twin.ove.dev/windows-setup']).toBe('NoDrivesFound');
    expect(setup.metadata.annotations?.['twin.ove.dev/vtpm-ek']).toMatch(/^[0-9a-f]{16}$/);
    const events = async (reason: string) => (await cp.client.list(EVENTS, 'sandbox')).items.filter((e) => (e as { reason?: string }).reason === reason && (e as unknown as { involvedObject: { name: string } }).involvedObject.name === 'test-win-01');
    expect((await events('NoDrivesFound'))[0]).toMatchObject({ type: 'Warning', message: expect.stringContaining("We couldn't find any drives") });
    await cp.client.patch(VMIS, 'sandbox', 'test-win-01', 'merge', { metadata: { annotations: { 'twin.ove.dev/load-driver': 'viostor\\2k22\\amd64' } } });
    await eventually(async () => ((await cp.client.get(VMIS, 'sandbox', 'test-win-01')).metadata.annotations?.['twin.ove.dev/windows-setup'] === 'DisksVisible' ? true : undefined), 'disks visible');
    expect((await events('DriverLoaded'))[0]).toMatchObject({ type: 'Normal', message: expect.stringContaining('rootdisk') });
  });

  it('a VM too big for any worker shows ErrorUnschedulable with the scheduler message', async () => {
    await cp.client.create(VMS, {
      apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', metadata: { name: 'huge', namespace: 'sandbox' },
      spec: { runStrategy: 'Always', template: { spec: { domain: { cpu: { cores: 2 }, memory: { guest: '4000Gi' }, devices: { disks: [{ name: 'root', disk: { bus: 'virtio' } }] } }, volumes: [{ name: 'root', containerDisk: { image: 'quay.io/containerdisks/fedora:40' } }] } } },
    });
    const vm = await eventually(async () => {
      const v = await cp.client.get(VMS, 'sandbox', 'huge');
      return status(v).printableStatus === 'ErrorUnschedulable' ? v : undefined;
    }, 'ErrorUnschedulable');
    expect(status(vm).ready).toBe(false);
    const vmi = await cp.client.get(VMIS, 'sandbox', 'huge');
    const cond = (status(vmi).conditions as { type: string; reason?: string; message?: string }[]).find((c) => c.type === 'PodScheduled');
    expect(cond).toMatchObject({ reason: 'Unschedulable', message: expect.stringMatching(/^0\/12 nodes are available: .*Insufficient memory/) });
    expect(status(vmi).phase).toBe('Scheduling');
  });
});
