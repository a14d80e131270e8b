import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import WebSocket from 'ws';
import { startControlPlane, type ControlPlane } from '../../src/cmd/control-plane.js';
import { kubeconfig } from '../../src/cmd/kubeconfig.js';
import { TwinClock } from '../../src/twin/clock/twin-clock.js';
import { loadClusterDefinition } from '../../src/twin/inventory/index.js';
import { startTwin, type Twin } from '../../src/twin/twin.js';
import type { KubeObject } from '../../src/api/types.js';
import { startKubectl, type CliResult } from '../e2e/support/cli-runner.js';
import { applyFile, create, eventually, labelWorkers, PVS, PVCS, run, STORAGE_CLUSTERS } from './storage-kit.js';

type Any = Record<string, any>;
const STORY = resolve(import.meta.dirname, '../fixtures/story');
const EXAMPLE = resolve(import.meta.dirname, '../../examples/ove-prod-01');
const VMS = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachines', namespaced: true };
const VMIS = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachineinstances', namespaced: true };
const DVS = { group: 'cdi.kubevirt.io', version: 'v1beta1', plural: 'datavolumes', namespaced: true };
const SNAPSHOTS = { group: 'snapshot.kubevirt.io', version: 'v1beta1', plural: 'virtualmachinesnapshots', namespaced: true };
const SUB = '/apis/subresources.kubevirt.io/v1/namespaces/sandbox';
const POOL = 'ocs-storagecluster-cephblockpool';
const status = (o: KubeObject) => (o.status ?? {}) as Any;

/**
 * Story manifest 10 corrected (`features.smm`, which Secure Boot needs, and a console password for
 * marco), and manifest 13 completed: the story abbreviates its template ("# ... same spec as
 * test-linux-01 ..."), so the corrected copy takes test-linux-01's domain, networks and eviction
 * strategy and keeps manifest 13's own volumes, cloud-init and DataVolume template.
 */
function corrected(): { linux01: Any; linux02: Any } {
  const linux01 = parse(readFileSync(join(STORY, '10-vm-test-linux-01.yaml'), 'utf8')) as Any;
  const t = linux01.spec.template.spec;
  t.domain.features = { smm: {} };
  const ci = t.volumes.find((v: Any) => v.cloudInitNoCloud).cloudInitNoCloud;
  ci.userData = ci.userData.replace('user: marco\n', 'user: marco\npassword: changeme\nchpasswd: { expire: false }\n');
  const linux02 = parse(readFileSync(join(STORY, '13-vm-test-linux-02-clone.yaml'), 'utf8')) as Any;
  const t2 = linux02.spec.template.spec;
  Object.assign(t2, { domain: structuredClone(t.domain), networks: structuredClone(t.networks), evictionStrategy: t.evictionStrategy });
  return { linux01, linux02 };
}

/** The phases an object went through, in order, without repeats. */
function phases(seen: KubeObject[], field = 'phase'): string[] {
  return seen.map((o) => status(o)[field] as string).filter((p, i, a) => p && p !== a[i - 1]);
}

describe('chapter 5 end to end on the twin: kubectl apply, ODF, import, console, snapshot and the copy-on-write clone', () => {
  let h: { cp: ControlPlane; clock: TwinClock; twin: Twin };
  let dir: string;
  let kubectl: (...args: string[]) => Promise<CliResult>;
  const seen: Record<string, KubeObject[]> = {};
  const watches: { close(): void }[] = [];
  const record = (ref: typeof VMS, name: string) => {
    seen[`${ref.plural}/${name}`] = [];
    watches.push(h.cp.client.watch(ref, 'sandbox', { fieldSelector: `metadata.name=${name}` }, (e) => void (e.type !== 'DELETED' && seen[`${ref.plural}/${name}`]!.push(e.object)), () => undefined));
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ove-ch5-'));
    // TLS, as kubectl sends its bearer token only over HTTPS.
    const clock = new TwinClock({ mode: 'fast-forward' }, Date.UTC(2026, 2, 4, 8, 0, 0));
    clock.start();
    const cp = await startControlPlane({ dataDir: join(dir, 'data'), storage: 'memory', port: 0, clock, log: () => undefined });
    clock.addBusyProbe(() => cp.busy());
    const twin = await startTwin({ client: cp.client, manager: cp.manager, clock, def: await loadClusterDefinition(EXAMPLE), progress: () => undefined });
    h = { cp, clock, twin };
    await twin.installed;
    await create(cp.client, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'sandbox' } });
    writeFileSync(join(dir, 'kubeconfig'), kubeconfig(cp.url, cp.caPem, cp.adminToken).replace('namespace: default', 'namespace: sandbox'));
    kubectl = (...args) => startKubectl(args, { KUBECONFIG: join(dir, 'kubeconfig'), HOME: dir }, join(dir, 'cache')).done;
    // Chapter 3 before chapter 5: ODF on workers 1-9 (the corrected StorageCluster) and the RBD classes.
    await applyFile(cp.client, join(EXAMPLE, 'storage/01-local-storage.yaml'));
    await labelWorkers(cp.client, 1, 9);
    await eventually(async () => ((await cp.client.list(PVS)).items.length === 108 ? true : undefined), '108 local PVs');
    await create(cp.client, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'openshift-storage' } });
    for (const f of ['02-storagecluster.yaml', '03-cephblockpool-ec.yaml']) await applyFile(cp.client, join(EXAMPLE, 'storage', f));
    await eventually(async () => (status(await cp.client.get(STORAGE_CLUSTERS, 'openshift-storage', 'ocs-storagecluster')).phase === 'Ready' ? true : undefined), 'StorageCluster Ready', 4000);
    await applyFile(cp.client, join(EXAMPLE, 'storage/04-storageclasses-ceph-rbd.yaml'));
  }, 180_000);

  afterAll(async () => {
    for (const w of watches) w.close();
    h?.twin.stop();
    h?.clock.stop();
    await h?.cp.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('kubectl apply: the story\'s test-linux-01 is refused by the webhook, the corrected one is created', async () => {
    const refused = await kubectl('apply', '-f', join(STORY, '10-vm-test-linux-01.yaml'));
    expect(refused.code).toBe(1);
    // kubectl apply prints a 422's causes this way (the API's message names the webhook).
    expect(refused.stderr).toBe('The request is invalid: spec.template.spec.domain: spec.template.spec.domain has EFI SecureBoot enabled. SecureBoot requires SMM, which is currently disabled.\n');
    record(VMS, 'test-linux-01');
    record(DVS, 'test-linux-01-root');
    const file = join(dir, 'test-linux-01.yaml');
    writeFileSync(file, stringify(corrected().linux01));
    const applied = await kubectl('apply', '-f', file);
    expect(applied).toMatchObject({ code: 0, stdout: 'virtualmachine.kubevirt.io/test-linux-01 created\n' });
  });

  it('imports the RHEL 9.4 image with rising progress, then the VM goes Provisioning → Starting → Running on an RBD image', async () => {
    const vmi = await eventually(async () => {
      const v = await h.cp.client.get(VMIS, 'sandbox', 'test-linux-01');
      return status(v).phase === 'Running' ? v : undefined;
    }, 'VMI Running', 2000);
    const dvs = seen['datavolumes/test-linux-01-root']!;
    expect(phases(dvs)).toEqual(['Pending', 'ImportScheduled', 'ImportInProgress', 'Succeeded']);
    const progress = dvs.filter((d) => status(d).phase === 'ImportInProgress').map((d) => status(d).progress as string).filter((p) => p && p !== 'N/A');
    expect(progress.length).toBeGreaterThan(10);
    for (const p of progress) expect(p).toMatch(/^\d+\.\d\d%$/);
    const values = progress.map(parseFloat);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]!);
    expect(status(dvs[dvs.length - 1]!).progress).toBe('100.0%');
    const s = status(vmi);
    expect(s.nodeName).toMatch(/^worker-\d+$/);
    const [a, b] = (s.interfaces[0].ipAddress as string).split('.').map(Number);
    expect(a === 10 && b! >= 128 && b! <= 131).toBe(true);
    expect(s.phaseTransitionTimestamps.map((p: Any) => p.phase)).toEqual(['Pending', 'Scheduling', 'Scheduled', 'Running']);
    await eventually(async () => (status(await h.cp.client.get(VMS, 'sandbox', 'test-linux-01')).ready ? true : undefined), 'VM ready');
    expect(phases(seen['virtualmachines/test-linux-01']!, 'printableStatus')).toEqual(['Provisioning', 'Starting', 'Running']);
    const get = await kubectl('get', 'vmi', 'test-linux-01');
    expect(get.stdout.split('\n')[1]!.split(/\s+/)).toEqual(['test-linux-01', expect.any(String), 'Running', s.interfaces[0].ipAddress, s.nodeName, 'True']);
    // The root disk is an RBD image of the gold pool (ceph-csi's csi-vol-<uuid>).
    const pv = await h.cp.client.get(PVS, undefined, ((await h.cp.client.get(PVCS, 'sandbox', 'test-linux-01-root')).spec as Any).volumeName);
    expect((pv.spec as Any).csi.volumeAttributes.imageName).toMatch(/^csi-vol-[0-9a-f-]{36}$/);
  });

  it('the console shows the RHEL 9.4 banner and the login prompt with the hostname', async () => {
    const out = await consoleUntil(h, 'test-linux-01', 'test-linux-01 login: ');
    expect(out).toContain('Red Hat Enterprise Linux 9.4 (Plow)\r\nKernel 5.14.0-427.el9.x86_64 on an x86_64\r\n\r\ntest-linux-01 login: ');
  });

  it('kubectl apply of the snapshot (manifest 12): Succeeded and readyToUse', async () => {
    const applied = await kubectl('apply', '-f', join(STORY, '12-vmsnapshot-test-linux-01-pre-update.yaml'));
    expect(applied).toMatchObject({ code: 0, stdout: 'virtualmachinesnapshot.snapshot.kubevirt.io/test-linux-01-snap-pre-update created\n' });
    const snap = await eventually(async () => {
      const x = await h.cp.client.get(SNAPSHOTS, 'sandbox', 'test-linux-01-snap-pre-update');
      return status(x).phase === 'Succeeded' ? x : undefined;
    }, 'snapshot Succeeded', 2000);
    expect(status(snap)).toMatchObject({ readyToUse: true, snapshotVolumes: { includedVolumes: ['rootdisk'] } });
  });

  it('test-linux-02 (manifest 13): refused as written, the completed copy clones test-linux-01\'s disk copy-on-write and boots as test-linux-02', async () => {
    const refused = await kubectl('apply', '-f', join(STORY, '13-vm-test-linux-02-clone.yaml'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('The VirtualMachine "test-linux-02" is invalid: spec.template.spec.domain: Required value\n');
    record(DVS, 'test-linux-02-root');
    const file = join(dir, 'test-linux-02.yaml');
    writeFileSync(file, stringify(corrected().linux02));
    expect(await kubectl('apply', '-f', file)).toMatchObject({ code: 0, stdout: 'virtualmachine.kubevirt.io/test-linux-02 created\n' });
    const dv = await eventually(async () => {
      const d = await h.cp.client.get(DVS, 'sandbox', 'test-linux-02-root');
      return status(d).phase === 'Succeeded' ? d : undefined;
    }, 'clone Succeeded', 2000);
    const clonePhases = phases(seen['datavolumes/test-linux-02-root']!);
    expect(clonePhases[clonePhases.length - 1]).toBe('Succeeded');
    // A CSI clone on the same RBD class: CDI's CSICloneInProgress, then Succeeded within the second.
    expect(clonePhases).toEqual(['CSICloneInProgress', 'Succeeded']);
    const ready = status(dv).conditions.find((c: Any) => c.type === 'Ready');
    const seconds = (Date.parse(ready.lastTransitionTime) - Date.parse(dv.metadata.creationTimestamp!)) / 1000;
    expect(seconds).toBeLessThanOrEqual(1);
    // The clone's image is an RBD clone whose parent is a snapshot of test-linux-01's image.
    const image = async (claim: string) => {
      const pvc = await h.cp.client.get(PVCS, 'sandbox', claim);
      return ((await h.cp.client.get(PVS, undefined, (pvc.spec as Any).volumeName)).spec as Any).csi.volumeAttributes.imageName as string;
    };
    const [parent, child] = [await image('test-linux-01-root'), await image('test-linux-02-root')];
    const info = await run(h.cp.client, 'rbd', ['info', `${POOL}/${child}`]);
    expect(info.exitCode).toBe(0);
    expect(info.output).toMatch(new RegExp(`\\tparent: ${POOL}/${parent}@csi-vol-[0-9a-f-]{36}-temp\\n\\toverlap: 50 GiB\\n`));
    expect(info.output).toMatch(/op_features: clone-child/);
    const vmi = await eventually(async () => {
      const v = await h.cp.client.get(VMIS, 'sandbox', 'test-linux-02');
      return status(v).phase === 'Running' ? v : undefined;
    }, 'test-linux-02 Running', 2000);
    expect(status(vmi).nodeName).toMatch(/^worker-\d+$/);
    // The guest is what the cloned disk holds: the image test-linux-01's disk was imported from.
    expect(vmi.metadata.annotations?.['twin.ove.dev/guest-os-hint']).toBe('https://images.internal.bank.ch/rhel9/rhel-9.4-x86_64-kvm.qcow2');
    // cloud-init sees a new instance on the cloned disk and sets the new hostname.
    const out = await consoleUntil(h, 'test-linux-02', 'test-linux-02 login: ');
    expect(out).toContain('Red Hat Enterprise Linux 9.4 (Plow)');
    expect(out).not.toContain('test-linux-01 login:');
  });
});

/** Opens the serial console and collects its output until `text` appears. */
async function consoleUntil(h: { cp: ControlPlane }, vmi: string, text: string): Promise<string> {
  const ws = new WebSocket(`${h.cp.url.replace('https', 'wss')}${SUB}/virtualmachineinstances/${vmi}/console`, 'plain.kubevirt.io', { headers: { Authorization: `Bearer ${h.cp.adminToken}` }, ca: h.cp.caPem });
  let out = '';
  ws.on('message', (d: Buffer) => (out += d.toString('utf8')));
  await new Promise((r, j) => (ws.once('open', r), ws.once('error', j)));
  try {
    await eventually(async () => (out.includes(text) ? true : undefined), `${vmi} console: ${text}`, 2000);
  } finally {
    ws.close();
  }
  return out;
}
