/**
 * The `ove` CLI end to end: a control plane in this process, `node bin/ove.mjs` and the
 * real kubectl as child processes against the same kubeconfig. Table output must be
 * identical to kubectl's; the server's clock is frozen so ages match.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeObject } from '../../src/api/types.js';
import type { ResourceRef } from '../../src/client/client.js';
import { startControlPlane, type ControlPlane } from '../../src/cmd/control-plane.js';
import { kubeconfig } from '../../src/cmd/kubeconfig.js';
import { RealClock } from '../../src/lib/clock.js';
import { startKubectl, startOveCli, type CliResult } from './support/cli-runner.js';

const ref = (group: string, version: string, plural: string, namespaced = true): ResourceRef => ({ group, version, plural, namespaced });
const NAMESPACES = ref('', 'v1', 'namespaces', false);
const CONFIGMAPS = ref('', 'v1', 'configmaps');
const NODES = ref('', 'v1', 'nodes', false);
const PODS = ref('', 'v1', 'pods');
const EVENTS = ref('', 'v1', 'events');
const PDBS = ref('policy', 'v1', 'poddisruptionbudgets');
const STATEFULSETS = ref('apps', 'v1', 'statefulsets');
const DAEMONSETS = ref('apps', 'v1', 'daemonsets');

/** Wall-clock timers, but a fixed "now": every age the server prints is the same for both CLIs. */
class FrozenClock extends RealClock {
  constructor(private readonly at: number) {
    super();
  }
  override now(): number {
    return this.at;
  }
}

const VM_YAML = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: test-linux-01
  labels: {app: demo}
spec:
  runStrategy: Halted
  template:
    spec:
      domain:
        devices: {}
        memory: {guest: 1Gi}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: blue
`;

// Each ove run starts Node with tsx (seconds on a loaded machine), hence the long timeout.
describe('ove CLI against a live control plane', { timeout: 240_000 }, () => {
  let dir: string;
  let cp: ControlPlane;
  let env: Record<string, string>;
  const ove = (args: string[], input?: string): Promise<CliResult> => startOveCli(args, env, input).done;
  const kubectl = (args: string[]): Promise<CliResult> => startKubectl(args, env, join(dir, 'kubectl-cache')).done;
  const same = async (args: string[]) => {
    const [k, o] = await Promise.all([kubectl(args), ove(args)]);
    expect({ code: o.code, stdout: o.stdout, stderr: o.stderr }).toEqual({ code: k.code, stdout: k.stdout, stderr: k.stderr });
    return o;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ove-cli-'));
    cp = await startControlPlane({ dataDir: join(dir, 'data'), storage: 'memory', port: 0, clock: new FrozenClock(Date.now()), log: () => {} });
    writeFileSync(join(dir, 'kubeconfig'), kubeconfig(cp.url, cp.caPem, cp.adminToken));
    env = { KUBECONFIG: join(dir, 'kubeconfig'), HOME: dir };
    await cp.client.create(NAMESPACES, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'sandbox' } });
    await cp.client.create(NAMESPACES, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'quiet' } });
    await cp.client.create(NODES, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-3', labels: { 'node-role.kubernetes.io/worker': '' } } });
    await cp.client.create(CONFIGMAPS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a-rather-long-configmap-name', namespace: 'sandbox' }, data: { a: '1', b: '2' } } as KubeObject);
  });

  afterAll(async () => {
    await cp?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('apply -f creates, then reports unchanged and configured, as kubectl prints them', async () => {
    const file = join(dir, 'vm.yaml');
    writeFileSync(file, VM_YAML);
    expect(await ove(['apply', '-f', file, '-n', 'sandbox'])).toMatchObject({ code: 0, stdout: 'virtualmachine.kubevirt.io/test-linux-01 created\nconfigmap/settings created\n' });
    expect(await ove(['apply', '-f', file, '-n', 'sandbox'])).toMatchObject({ code: 0, stdout: 'virtualmachine.kubevirt.io/test-linux-01 unchanged\nconfigmap/settings unchanged\n' });
    expect(await ove(['apply', '-f', '-', '-n', 'sandbox'], VM_YAML.replace('mode: blue', 'mode: green'))).toMatchObject({
      code: 0,
      stdout: 'virtualmachine.kubevirt.io/test-linux-01 unchanged\nconfigmap/settings configured\n',
    });
    const cm = await cp.client.get<KubeObject & { data: Record<string, string> }>(CONFIGMAPS, 'sandbox', 'settings');
    expect(cm.data.mode).toBe('green');
    expect(cm.metadata.managedFields?.some((f) => (f as { manager?: string }).manager === 'ove')).toBe(true);
  });

  it('get prints the same tables as kubectl get for namespaces, configmaps and virtual machines', async () => {
    await same(['get', 'ns']);
    await same(['get', 'cm', '-n', 'sandbox']);
    await same(['get', 'cm', '-A']);
    await same(['get', 'vm', '-n', 'sandbox']);
    await same(['get', 'vm,vmi,dv', '-n', 'sandbox']);
    await same(['get', 'ns,cm,vm', '-A', '-o', 'wide']);
    await same(['get', 'virtualmachines.kubevirt.io/test-linux-01', 'cm/settings', '-n', 'sandbox']);
    await same(['get', 'cm', '-n', 'sandbox', '-l', 'app=none']);
    await same(['get', 'cm', '-n', 'sandbox', '--field-selector', 'metadata.name=settings', '--show-labels']);
  });

  it('get -o json|name prints what kubectl prints', async () => {
    await same(['get', 'cm', 'settings', '-n', 'sandbox', '-o', 'json']);
    await same(['get', 'vm,cm', '-n', 'sandbox', '-o', 'json']);
    await same(['get', 'vm,cm', '-n', 'sandbox', '-o', 'name']);
  });

  it('get reports empty namespaces, unknown types and missing objects as kubectl does', async () => {
    const empty = await same(['get', 'vm', '-n', 'quiet']);
    expect(empty.stderr).toBe('No resources found in quiet namespace.\n');
    const unknown = await same(['get', 'foo']);
    expect(unknown).toMatchObject({ code: 1, stderr: 'error: the server doesn\'t have a resource type "foo"\n' });
    const missing = await same(['get', 'vm', 'nope', '-n', 'sandbox']);
    expect(missing).toMatchObject({ code: 1, stderr: 'Error from server (NotFound): virtualmachines.kubevirt.io "nope" not found\n' });
  });

  it('get -w prints the list, then each event as a row aligned like kubectl get -w', async () => {
    const args = ['get', 'cm', '-n', 'sandbox', '-w'];
    const k = startKubectl(args, env, join(dir, 'kubectl-cache'));
    const o = startOveCli(args, env);
    await Promise.all([k.waitFor('settings'), o.waitFor('settings')]);
    await cp.client.create(CONFIGMAPS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'watched-by-both-clis', namespace: 'sandbox' } } as KubeObject);
    await Promise.all([k.waitFor('watched-by-both-clis'), o.waitFor('watched-by-both-clis')]);
    k.kill();
    o.kill();
    await Promise.all([k.done, o.done]);
    // The two CLIs print their rows at slightly different moments, so an AGE may differ by a second.
    const ages = (t: string) => t.replace(/\b\d+s\b/g, 'Ns');
    expect(ages(o.stdout())).toBe(ages(k.stdout()));
    expect(o.stdout()).toMatch(/^NAME +DATA +AGE\n/);
  });

  it('get vm,cm -w streams several types, each row under its own kind.group/ header', async () => {
    const o = startOveCli(['get', 'vm,cm', '-n', 'sandbox', '-w'], env);
    await o.waitFor('configmap/settings');
    await cp.client.create(CONFIGMAPS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'late', namespace: 'sandbox' } } as KubeObject);
    await o.waitFor('configmap/late');
    o.kill();
    await o.done;
    const blocks = o.stdout().split('\n\n');
    expect(blocks[0]).toMatch(/^NAME +AGE +STATUS +READY\nvirtualmachine\.kubevirt\.io\/test-linux-01 +0s/);
    expect(blocks[1]).toMatch(/^NAME +DATA +AGE\nconfigmap\/a-rather-long-configmap-name +2 +0s\n/);
    expect(blocks[1]).toMatch(/\nconfigmap\/late +0 +0s\n$/);
  });

  it('describe prints what kubectl describe prints, with the object\'s events', async () => {
    const vm = await cp.client.get(ref('kubevirt.io', 'v1', 'virtualmachines'), 'sandbox', 'test-linux-01');
    const at = new Date(Date.now() - 150 * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    await cp.client.create(EVENTS, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'test-linux-01.1', namespace: 'sandbox' },
      involvedObject: { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', name: 'test-linux-01', namespace: 'sandbox', uid: vm.metadata.uid },
      reason: 'SuccessfulDataVolumeCreate',
      message: 'Created DataVolume test-linux-01-root',
      type: 'Normal',
      count: 1,
      firstTimestamp: at,
      lastTimestamp: at,
      source: { component: 'virtualmachine-controller' },
    } as unknown as KubeObject);
    await same(['describe', 'ns', 'sandbox']);
    await same(['describe', 'cm', 'settings', '-n', 'sandbox']);
    const o = await same(['describe', 'vm', 'test-linux-01', '-n', 'sandbox']);
    expect(o.stdout).toMatch(/^Name: +test-linux-01\nNamespace: +sandbox\nLabels: +app=demo\n/);
    expect(o.stdout).toMatch(/\n  Normal  SuccessfulDataVolumeCreate  150m  virtualmachine-controller  Created DataVolume test-linux-01-root\n$/);
  });

  it('delete waits until a finalizer lets the object go', async () => {
    await cp.client.create(CONFIGMAPS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'held', namespace: 'sandbox', finalizers: ['example.com/hold'] } } as KubeObject);
    const o = startOveCli(['delete', 'cm', 'held', '-n', 'sandbox'], env);
    await o.waitFor('configmap "held" deleted\n');
    const held = await cp.client.get(CONFIGMAPS, 'sandbox', 'held');
    expect(held.metadata.deletionTimestamp).toBeDefined();
    expect(o.exited()).toBe(false);
    await cp.client.patch(CONFIGMAPS, 'sandbox', 'held', 'merge', { metadata: { finalizers: null } });
    expect(await o.done).toMatchObject({ code: 0, stdout: 'configmap "held" deleted\n' });
    expect(await ove(['delete', 'cm', 'held', '-n', 'sandbox'])).toMatchObject({ code: 1, stderr: 'Error from server (NotFound): configmaps "held" not found\n' });
  });

  it('delete -f deletes what a manifest names', async () => {
    const file = join(dir, 'vm.yaml');
    writeFileSync(file, VM_YAML);
    const r = await ove(['delete', '-f', file, '-n', 'sandbox']);
    expect(r).toMatchObject({ code: 0, stdout: 'virtualmachine.kubevirt.io "test-linux-01" deleted\nconfigmap "settings" deleted\n' });
    await expect(cp.client.get(CONFIGMAPS, 'sandbox', 'settings')).rejects.toMatchObject({ code: 404 });
    expect(await ove(['create', '-f', file, '-n', 'sandbox'])).toMatchObject({ code: 0, stdout: 'virtualmachine.kubevirt.io/test-linux-01 created\nconfigmap/settings created\n' });
    expect(await ove(['create', '-f', file, '-n', 'sandbox'])).toMatchObject({
      code: 1,
      stderr: `Error from server (AlreadyExists): error when creating "${file}": virtualmachines.kubevirt.io "test-linux-01" already exists\nError from server (AlreadyExists): error when creating "${file}": configmaps "settings" already exists\n`,
    });
  });

  it('cordon and uncordon patch spec.unschedulable and print kubectl\'s lines', async () => {
    expect(await ove(['adm', 'cordon', 'worker-3'])).toMatchObject({ code: 0, stdout: 'node/worker-3 cordoned\n' });
    expect((await cp.client.get<KubeObject & { spec: { unschedulable?: boolean } }>(NODES, undefined, 'worker-3')).spec.unschedulable).toBe(true);
    expect(await ove(['adm', 'cordon', 'worker-3'])).toMatchObject({ code: 0, stdout: 'node/worker-3 already cordoned\n' });
    await same(['get', 'nodes']);
    await same(['describe', 'node', 'worker-3']);
    expect(await ove(['adm', 'uncordon', 'worker-3'])).toMatchObject({ code: 0, stdout: 'node/worker-3 uncordoned\n' });
    expect((await cp.client.get<KubeObject & { spec: { unschedulable?: boolean } }>(NODES, undefined, 'worker-3')).spec.unschedulable).toBeFalsy();
  });

  it('drain evicts through the eviction subresource, retrying while a PodDisruptionBudget blocks', async () => {
    // Real owners, or the garbage collector would delete the pods as orphans.
    const template = (app: string) => ({ metadata: { labels: { app } }, spec: { containers: [{ name: 'main', image: 'registry.example.com/app:1' }] } });
    const sts = await cp.client.create(STATEFULSETS, { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'sandbox' }, spec: { serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: template('db') } } as KubeObject);
    const ds = await cp.client.create(DAEMONSETS, { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'sandbox' }, spec: { selector: { matchLabels: { app: 'agent' } }, template: template('agent') } } as KubeObject);
    const owners: Record<string, KubeObject> = { StatefulSet: sts, DaemonSet: ds };
    const owner = (kind: string) => [{ apiVersion: 'apps/v1', kind, name: owners[kind].metadata.name!, uid: owners[kind].metadata.uid!, controller: true }];
    const pod = (name: string, kind: string): KubeObject =>
      ({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace: 'sandbox', labels: { app: name.split('-')[0] }, ownerReferences: owner(kind) },
        spec: { nodeName: 'worker-3', terminationGracePeriodSeconds: 0, containers: [{ name: 'main', image: 'registry.example.com/app:1' }] },
      }) as KubeObject;
    for (const p of [pod('db-0', 'StatefulSet'), pod('agent-x1', 'DaemonSet')]) {
      const created = await cp.client.create(PODS, p);
      await cp.client.updateStatus(PODS, { ...created, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } } as KubeObject);
    }
    await cp.client.create(PDBS, { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'db', namespace: 'sandbox' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'db' } } } } as KubeObject);

    await same(['get', 'pods', '-n', 'sandbox', '-o', 'wide']);
    await same(['describe', 'pod', 'db-0', '-n', 'sandbox']);

    const refused = await ove(['adm', 'drain', 'worker-3']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): sandbox/agent-x1');

    const o = startOveCli(['adm', 'drain', 'worker-3', '--ignore-daemonsets'], env);
    await o.waitFor(`error when evicting pods/"db-0" -n "sandbox" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.`);
    expect(o.stderr()).toContain('Warning: ignoring DaemonSet-managed Pods: sandbox/agent-x1\n');
    expect((await cp.client.get(PODS, 'sandbox', 'db-0')).metadata.deletionTimestamp).toBeUndefined();
    await cp.client.patch(PDBS, 'sandbox', 'db', 'merge', { spec: { minAvailable: 0 } });
    const r = await o.done;
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^node\/worker-3 already cordoned\n(evicting pod sandbox\/db-0\n)+pod\/db-0 evicted\nnode\/worker-3 drained\n$/);
    await expect(cp.client.get(PODS, 'sandbox', 'db-0')).rejects.toMatchObject({ code: 404 });
    expect((await cp.client.get(PODS, 'sandbox', 'agent-x1')).metadata.name).toBe('agent-x1');
  });

  it('names a missing file, a YAML error, a missing kubeconfig and an unreachable server', async () => {
    expect(await ove(['apply', '-f', join(dir, 'x.yaml')])).toMatchObject({ code: 1, stderr: `error: the path "${join(dir, 'x.yaml')}" does not exist\n` });
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [oops\n');
    const parsed = await ove(['apply', '-f', bad]);
    expect(parsed.code).toBe(1);
    expect(parsed.stderr).toMatch(new RegExp(`^error: error parsing ${bad.replace(/[.]/g, '\\.')}: error converting YAML to JSON: yaml: line \\d+: `));
    const none = await startOveCli(['get', 'ns'], { HOME: dir }, '', dir).done;
    expect(none).toMatchObject({ code: 1, stderr: 'ove: no kubeconfig found: set KUBECONFIG or run "ove up"\n' });
    const port = await new Promise<number>((ok) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => ok(p));
      });
    });
    const dead = join(dir, 'dead-kubeconfig');
    writeFileSync(dead, kubeconfig(`https://127.0.0.1:${port}`, cp.caPem, cp.adminToken));
    const unreachable = await ove(['get', 'ns', '--kubeconfig', dead]);
    expect(unreachable).toMatchObject({ code: 1, stderr: `ove: cannot reach the API server at https://127.0.0.1:${port}: connect ECONNREFUSED\n` });
  });
});
