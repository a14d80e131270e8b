/**
 * `ove virt` end to end: a control plane over HTTPS with the twin in fast-forward in this
 * process, and `node bin/ove.mjs virt ...` as child processes against its kubeconfig:
 * start/stop/restart/pause with virtctl's words, guestosinfo, ssh-info, vnc, and the
 * story's console login driven through piped stdin, left with ^].
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../src/api/types.js';
import { startControlPlane, type ControlPlane } from '../../src/cmd/control-plane.js';
import { kubeconfig } from '../../src/cmd/kubeconfig.js';
import { TwinClock } from '../../src/twin/clock/twin-clock.js';
import { loadClusterDefinition } from '../../src/twin/inventory/index.js';
import { startTwin, type Twin } from '../../src/twin/twin.js';
import { startOveCli, type CliResult } from '../e2e/support/cli-runner.js';

const NS = { group: '', version: 'v1', plural: 'namespaces', namespaced: false };
const VMS = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachines', namespaced: true };
const VMIS = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachineinstances', namespaced: true };
const VMIMS = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachineinstancemigrations', namespaced: true };
const SCS = { group: 'storage.k8s.io', version: 'v1', plural: 'storageclasses', namespaced: false };
const STORY = resolve(import.meta.dirname, '../../../shared/story/manifests');
const ROOT = resolve(import.meta.dirname, '../..');

type Status = { phase?: string; printableStatus?: string; conditions?: { type: string; status: string }[]; interfaces?: { ipAddress?: string }[] };
const status = (o: KubeObject) => (o.status ?? {}) as Status;

/** Polls until `fn` returns a value (the twin's clock runs in fast-forward meanwhile). */
async function eventually<T>(fn: () => Promise<T | undefined>, what: string, tries = 2400): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Story manifest 10 with the two corrections chapter 5 needs (SMM for Secure Boot, a console password for marco). */
function testLinux01(): KubeObject {
  const vm = parse(readFileSync(resolve(STORY, '10-vm-test-linux-01.yaml'), 'utf8')) as KubeObject & { spec: { template: { spec: { domain: Record<string, unknown>; volumes: { cloudInitNoCloud?: { userData: string } }[] } } } };
  vm.spec.template.spec.domain.features = { smm: {} };
  const ci = vm.spec.template.spec.volumes.find((v) => v.cloudInitNoCloud)!.cloudInitNoCloud!;
  ci.userData = ci.userData.replace('user: marco\n', 'user: marco\npassword: changeme\nchpasswd: { expire: false }\n');
  return vm;
}

describe('ove virt against the twin', { timeout: 300_000 }, () => {
  let dir: string;
  let cp: ControlPlane;
  let clock: TwinClock;
  let twin: Twin;
  let env: Record<string, string>;
  const ove = (...args: string[]): Promise<CliResult> => startOveCli(['virt', ...args, '-n', 'sandbox'], env).done;
  const vm = () => cp.client.get(VMS, 'sandbox', 'test-linux-01');
  const vmi = () => cp.client.get(VMIS, 'sandbox', 'test-linux-01');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ove-virt-e2e-'));
    clock = new TwinClock({ mode: 'fast-forward' }, Date.UTC(2026, 2, 4, 8, 0, 0));
    clock.start();
    cp = await startControlPlane({ dataDir: dir, storage: 'memory', port: 0, clock, log: () => undefined });
    clock.addBusyProbe(() => cp.busy());
    writeFileSync(join(dir, 'kubeconfig'), kubeconfig(cp.url, cp.caPem, cp.adminToken));
    env = { KUBECONFIG: join(dir, 'kubeconfig'), HOME: dir };
    const def = await loadClusterDefinition(resolve(ROOT, 'examples/ove-prod-01'));
    twin = await startTwin({ client: cp.client, manager: cp.manager, clock, def, progress: () => undefined });
    await twin.installed;
    await cp.client.create(NS, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'sandbox' } });
    for (const doc of parseAllDocuments(readFileSync(resolve(STORY, '04-storageclasses-ceph-rbd.yaml'), 'utf8'))) await cp.client.create(SCS, doc.toJS() as KubeObject);
    await cp.client.create(VMS, testLinux01());
    await eventually(async () => (status(await vmi()).conditions?.some((c) => c.type === 'AgentConnected' && c.status === 'True') ? true : undefined), 'VMI running with its guest agent');
  }, 180_000);

  afterAll(async () => {
    twin?.stop();
    clock?.stop();
    await cp?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('console: the login prompt with the hostname, marco logs in, ^] leaves with exit code 0', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/ove.mjs'), 'virt', 'console', 'test-linux-01', '-n', 'sandbox'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    const exited = new Promise<number | null>((r) => child.once('close', r));
    try {
      await eventually(async () => (out.includes('test-linux-01 login: ') ? true : undefined), `login prompt (stderr: ${err})`);
      expect(err).toBe('Successfully connected to test-linux-01 console. The escape sequence is ^]\n');
      expect(out).toContain('Red Hat Enterprise Linux 9.4 (Plow)\r\nKernel 5.14.0-427.el9.x86_64 on an x86_64\r\n\r\ntest-linux-01 login: ');
      child.stdin.write('marco\r');
      await eventually(async () => (out.includes('Password: ') ? true : undefined), 'password prompt');
      child.stdin.write('changeme\r');
      await eventually(async () => (out.includes('[marco@test-linux-01 ~]$ ') ? true : undefined), 'shell prompt');
      child.stdin.write(Buffer.from([0x1d]));
      let code: number | null | undefined;
      void exited.then((c) => (code = c));
      await eventually(async () => (code !== undefined ? true : undefined), 'ove to exit after ^]', 800);
      expect(code).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('guestosinfo, ssh-info and vnc read the running guest', async () => {
    const [info, ssh, vnc] = await Promise.all([ove('guestosinfo', 'test-linux-01'), ove('ssh-info', 'test-linux-01'), ove('vnc', 'test-linux-01')]);
    expect(info.code).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ hostname: 'test-linux-01', os: { prettyName: 'Red Hat Enterprise Linux 9.4 (Plow)' } });
    const ip = status(await vmi()).interfaces![0].ipAddress!;
    expect(ssh).toMatchObject({ code: 0, stderr: '' });
    expect(ssh.stdout).toContain(`From a host on the pod network: ssh marco@${ip}\n`);
    expect(vnc).toMatchObject({ code: 0, stderr: '' });
    expect(vnc.stdout).toContain('Connected to the VNC server of test-linux-01: RFB 003.008\nSecurity types offered: None (1)\nDesktop "test-linux-01": 1280x800');
  });

  it('start, restart, stop, start, pause, unpause and migrate with virtctl\'s words', async () => {
    expect(await ove('start', 'test-linux-01')).toMatchObject({ code: 1, stdout: '', stderr: 'Error starting VirtualMachine Operation cannot be fulfilled on virtualmachine.kubevirt.io "test-linux-01": VM is already running\n' });
    const before = (await vmi()).metadata.uid;
    expect(await ove('restart', 'test-linux-01')).toMatchObject({ code: 0, stdout: 'VM test-linux-01 was scheduled to restart\n' });
    await eventually(async () => {
      const v = await vmi();
      return v.metadata.uid !== before && status(v).phase === 'Running' ? true : undefined;
    }, 'restarted VMI Running');
    expect(await ove('stop', 'test-linux-01')).toMatchObject({ code: 0, stdout: 'VM test-linux-01 was scheduled to stop\n' });
    await eventually(async () => (status(await vm()).printableStatus === 'Stopped' ? true : undefined), 'Stopped');
    expect(await ove('stop', 'test-linux-01', '--grace-period', '0')).toMatchObject({ code: 1, stderr: 'Must both use --force=true and set --grace-period.\n' });
    expect(await ove('pause', 'vm', 'test-linux-01')).toMatchObject({ code: 1, stderr: 'Error pausing VirtualMachineInstance test-linux-01. VirtualMachine test-linux-01 is not set to run\n' });
    expect(await ove('start', 'test-linux-01')).toMatchObject({ code: 0, stdout: 'VM test-linux-01 was scheduled to start\n' });
    await eventually(async () => (status(await vm()).printableStatus === 'Running' ? true : undefined), 'Running again');
    expect(await ove('pause', 'vm', 'test-linux-01')).toMatchObject({ code: 0, stdout: 'VMI test-linux-01 was scheduled to pause\n' });
    await eventually(async () => (status(await vm()).printableStatus === 'Paused' ? true : undefined), 'Paused');
    expect(await ove('unpause', 'vmi', 'test-linux-01')).toMatchObject({ code: 0, stdout: 'VMI test-linux-01 was scheduled to unpause\n' });
    await eventually(async () => (status(await vm()).printableStatus === 'Running' ? true : undefined), 'Running after unpause');
    expect(await ove('migrate', 'test-linux-01')).toMatchObject({ code: 0, stdout: 'VM test-linux-01 was scheduled to migrate\n' });
    const vmims = (await cp.client.list(VMIMS, 'sandbox')).items;
    expect(vmims.map((m) => (m.spec as { vmiName: string }).vmiName)).toEqual(['test-linux-01']);
    expect(await ove('start', 'ghost')).toMatchObject({ code: 1, stderr: 'Error starting VirtualMachine virtualmachines.kubevirt.io "ghost" not found\n' });
  });
});
