/**
 * @kubernetes/client-node 1.4 against `ove up` (a child process, its own kubeconfig): typed
 * CRUD, the client's default JSON patch, merge patch and server-side apply, the generic
 * KubernetesObjectApi on a platform kind, Watch, and an informer that keeps its cache right
 * across a kill -9 and restart of the server and across a 410 relist. Scenarios follow
 * client-node's own integration tests (reference/k8s-api.md §2).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { ApiException, CoreV1Api, KubeConfig, KubernetesObjectApi, ListWatch, PatchStrategy, Watch, makeInformer, setHeaderOptions, type KubernetesObject, type V1ConfigMap } from '@kubernetes/client-node';
import { startControlPlane } from '../../src/cmd/control-plane.js';
import { HttpsApi } from '../support/https-api.js';
import { freePort, startOve, type OveProcess } from '../support/ove-process.js';

const VM_MANIFEST = new URL('../fixtures/story/27-vm-legacy-billing-app.yaml', import.meta.url).pathname;

let dir: string;
let port: number;
let ove: OveProcess;
let kc: KubeConfig;
let core: CoreV1Api;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ove-client-node-'));
  port = await freePort();
  ove = await startOve({ dataDir: dir, port });
  kc = new KubeConfig();
  kc.loadFromFile(ove.kubeconfigPath);
  core = kc.makeApiClient(CoreV1Api);
});

afterAll(async () => {
  await ove?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    if (e instanceof ApiException) return e.code;
    throw e;
  }
}

const rvsOf = (items: readonly KubernetesObject[]) => Object.fromEntries(items.map((o) => [o.metadata!.name!, o.metadata!.resourceVersion!]));

describe('client-node 1.4 CoreV1Api', () => {
  it('creates, reads, lists, replaces and deletes a ConfigMap', async () => {
    const created = await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'crud' }, data: { a: '1' } } });
    expect(created.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    const read = await core.readNamespacedConfigMap({ name: 'crud', namespace: 'default' });
    expect(read.data).toEqual({ a: '1' });
    expect(read.metadata?.resourceVersion).toBe(created.metadata?.resourceVersion);
    const list = await core.listNamespacedConfigMap({ namespace: 'default' });
    expect(list.items.map((c) => c.metadata?.name)).toContain('crud');
    const replaced = await core.replaceNamespacedConfigMap({ name: 'crud', namespace: 'default', body: { ...read, data: { a: '2' } } });
    expect(replaced.data).toEqual({ a: '2' });
    expect(Number(replaced.metadata?.resourceVersion)).toBeGreaterThan(Number(read.metadata?.resourceVersion));
    // A replace with the old resourceVersion is a conflict.
    expect(await statusOf(core.replaceNamespacedConfigMap({ name: 'crud', namespace: 'default', body: { ...read, data: { a: '3' } } }))).toBe(409);
    expect(await statusOf(core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'crud' } } }))).toBe(409);
    await core.deleteNamespacedConfigMap({ name: 'crud', namespace: 'default' });
    expect(await statusOf(core.readNamespacedConfigMap({ name: 'crud', namespace: 'default' }))).toBe(404);
  });

  it('patches with its default JSON patch, with merge patch and with server-side apply', async () => {
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'patched' }, data: { a: '1' } } });
    const jp = await core.patchNamespacedConfigMap({ name: 'patched', namespace: 'default', body: [{ op: 'add', path: '/metadata/labels', value: { team: 'blue' } }, { op: 'replace', path: '/data/a', value: '2' }] });
    expect(jp.metadata?.labels).toEqual({ team: 'blue' });
    expect(jp.data).toEqual({ a: '2' });
    const mp = await core.patchNamespacedConfigMap({ name: 'patched', namespace: 'default', body: { data: { b: '3', a: null } } }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch));
    expect(mp.data).toEqual({ b: '3' });
    const sm = await core.patchNamespacedConfigMap({ name: 'patched', namespace: 'default', body: { metadata: { labels: { tier: 'web' } } } }, setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch));
    expect(sm.metadata?.labels).toEqual({ team: 'blue', tier: 'web' });

    const applied = await core.patchNamespacedConfigMap({ name: 'patched', namespace: 'default', fieldManager: 'cn-test', force: true, body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'patched', namespace: 'default' }, data: { c: '4' } } }, setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply));
    expect(applied.data).toEqual({ b: '3', c: '4' });
    const mine = applied.metadata?.managedFields?.find((f) => f.manager === 'cn-test');
    expect(mine?.operation).toBe('Apply');
    expect(mine?.fieldsV1).toEqual({ 'f:data': { 'f:c': {} } });

    // Apply creates what does not exist.
    const made = await core.patchNamespacedConfigMap({ name: 'applied-new', namespace: 'default', fieldManager: 'cn-test', body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'applied-new', namespace: 'default' }, data: { x: 'y' } } }, setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply));
    expect(made.metadata?.uid).toBeTruthy();
    // Another manager changing an owned field without force conflicts.
    const conflict = await statusOf(core.patchNamespacedConfigMap({ name: 'applied-new', namespace: 'default', fieldManager: 'other', body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'applied-new', namespace: 'default' }, data: { x: 'z' } } }, setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply)));
    expect(conflict).toBe(409);
  });
});

describe('client-node 1.4 KubernetesObjectApi (legacy discovery)', () => {
  it('creates, reads, lists, patches and deletes a kubevirt.io/v1 VirtualMachine', async () => {
    const objects = KubernetesObjectApi.makeApiClient(kc);
    const vm = parse(readFileSync(VM_MANIFEST, 'utf8')) as KubernetesObject & { spec: { running: boolean } };
    await objects.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: vm.metadata!.namespace } });
    const created = await objects.create(vm);
    expect(created.metadata?.uid).toBeTruthy();
    const read = await objects.read<typeof vm>({ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', metadata: { name: vm.metadata!.name!, namespace: vm.metadata!.namespace! } });
    // Defaulting (as KubeVirt's VM mutator: architecture, machine type) may add, never change.
    expect(read.spec).toMatchObject(vm.spec);
    const list = await objects.list('kubevirt.io/v1', 'VirtualMachine', vm.metadata!.namespace);
    expect(list.items.map((o) => o.metadata?.name)).toEqual([vm.metadata!.name]);
    const patched = await objects.patch<typeof vm>({ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', metadata: { name: vm.metadata!.name, namespace: vm.metadata!.namespace } } as typeof vm, undefined, undefined, undefined, undefined, PatchStrategy.MergePatch);
    expect(patched.metadata?.name).toBe(vm.metadata!.name);
    const stopped = await objects.patch<typeof vm>({ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', metadata: { name: vm.metadata!.name, namespace: vm.metadata!.namespace }, spec: { running: false } } as typeof vm, undefined, undefined, undefined, undefined, PatchStrategy.MergePatch);
    expect(stopped.spec.running).toBe(false);
    await objects.delete({ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', metadata: { name: vm.metadata!.name, namespace: vm.metadata!.namespace } });
    expect(await statusOf(objects.read({ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', metadata: { name: vm.metadata!.name!, namespace: vm.metadata!.namespace! } }))).toBe(404);
  });
});

describe('client-node 1.4 Watch', () => {
  it('sees a pod ADDED then DELETED', async () => {
    const seen: string[] = [];
    let ended: unknown = 'open';
    const ctl = await new Watch(kc).watch('/api/v1/namespaces/default/pods', {}, (type: string, obj: KubernetesObject) => {
      if (obj.metadata?.name === 'watched') seen.push(type);
    }, (err: unknown) => void (ended = err));
    await core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'watched' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } } });
    await vi.waitFor(() => expect(seen[0]).toBe('ADDED'), { timeout: 10_000 });
    // A pod no node took is deleted at once (the pod strategy's graceful delete needs a nodeName).
    await core.deleteNamespacedPod({ name: 'watched', namespace: 'default' });
    await vi.waitFor(() => expect(seen.at(-1)).toBe('DELETED'), { timeout: 10_000 });
    expect(seen.every((t) => t === 'ADDED' || t === 'MODIFIED' || t === 'DELETED')).toBe(true);
    expect(ended).toBe('open');
    ctl.abort();
  });
});

describe('client-node 1.4 informer', () => {
  it('keeps its cache equal to the server across a kill -9 and restart of ove up', async () => {
    await core.createNamespace({ body: { metadata: { name: 'inf' } } });
    for (let i = 0; i < 5; i++) await core.createNamespacedConfigMap({ namespace: 'inf', body: { metadata: { name: `cm${i}` }, data: { i: String(i) } } });
    const informer = makeInformer<V1ConfigMap>(kc, '/api/v1/namespaces/inf/configmaps', () => core.listNamespacedConfigMap({ namespace: 'inf' }));
    let live = true;
    // What client-node's informerReconnect example does: start again after an error.
    informer.on('error', () => void (live && setTimeout(() => void informer.start(), 100)));
    await informer.start();
    const server = async () => rvsOf((await core.listNamespacedConfigMap({ namespace: 'inf' })).items);
    // The server's list is read again on each try: controllers add objects (the root CA ConfigMap) on their own.
    const expectSynced = () => vi.waitFor(async () => expect(rvsOf(informer.list('inf'))).toEqual(await server()), { timeout: 20_000, interval: 50 });
    await expectSynced();

    await ove.kill9();
    ove = await startOve({ dataDir: dir, port });
    await core.deleteNamespacedConfigMap({ name: 'cm0', namespace: 'inf' });
    await core.replaceNamespacedConfigMap({ name: 'cm1', namespace: 'inf', body: { metadata: { name: 'cm1' }, data: { i: 'changed' } } });
    await core.createNamespacedConfigMap({ namespace: 'inf', body: { metadata: { name: 'after-restart' } } });
    await expectSynced();
    expect(informer.get('cm1', 'inf')?.data).toEqual({ i: 'changed' });
    expect(informer.get('cm0', 'inf')).toBeUndefined();

    // And it keeps following the restarted server live.
    await core.createNamespacedConfigMap({ namespace: 'inf', body: { metadata: { name: 'live' } } });
    await expectSynced();
    live = false;
    await informer.stop();
  });

  it('relists after a 410 Expired and ends with the server\'s list (in-process server: ove up has no compaction-interval flag)', async () => {
    const cpDir = mkdtempSync(join(tmpdir(), 'ove-client-node-410-'));
    const cpPort = await freePort();
    const quiet = () => undefined;
    let cp = await startControlPlane({ dataDir: cpDir, port: cpPort, compactionIntervalMs: 50, log: quiet });
    try {
      const kc410 = new KubeConfig();
      kc410.loadFromOptions({
        clusters: [{ name: 'c', server: cp.url, caData: Buffer.from(cp.caPem).toString('base64') }],
        users: [{ name: 'u', token: cp.adminToken }],
        contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
        currentContext: 'x',
      });
      const api = kc410.makeApiClient(CoreV1Api);
      for (let i = 0; i < 4; i++) await api.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: `e${i}` } } });
      let lists = 0;
      let errors = 0;
      const informer = makeInformer<V1ConfigMap>(kc410, '/api/v1/namespaces/default/configmaps', () => (lists++, api.listNamespacedConfigMap({ namespace: 'default' })));
      informer.on('error', () => void errors++);
      await informer.start();
      const server = async () => rvsOf((await api.listNamespacedConfigMap({ namespace: 'default' })).items);
      await vi.waitFor(async () => expect(rvsOf(informer.list('default'))).toEqual(await server()), { timeout: 10_000, interval: 50 });
      expect(lists).toBe(1);

      // While the informer is cut off, writes made through another server on the same data dir
      // move the store past its revision (and compaction drops that revision from history).
      await cp.stop();
      await vi.waitFor(() => expect(errors).toBeGreaterThan(0), { timeout: 10_000, interval: 20 });
      const other = await startControlPlane({ dataDir: cpDir, port: 0, compactionIntervalMs: 50, log: quiet });
      const cms = { group: '', version: 'v1', plural: 'configmaps', namespaced: true };
      await other.client.delete(cms, 'default', 'e0');
      await other.client.create(cms, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'e-new', namespace: 'default' } });
      await other.stop();
      cp = await startControlPlane({ dataDir: cpDir, port: cpPort, compactionIntervalMs: 50, log: quiet });
      const stale = (informer as unknown as ListWatch<V1ConfigMap>).latestResourceVersion();
      const watchAnswer = await fetchWatchStatus(cp.url, cp.caPem, cp.adminToken, stale);
      expect(watchAnswer).toContain('"code":410');

      await informer.start();
      await vi.waitFor(async () => expect(rvsOf(informer.list('default'))).toEqual(await server()), { timeout: 10_000, interval: 50 });
      expect(lists).toBe(2);
      expect(informer.get('e0', 'default')).toBeUndefined();
      await informer.stop();
    } finally {
      await cp.stop();
      rmSync(cpDir, { recursive: true, force: true });
    }
  });
});

/** The body of a watch from `rv` (it ends at once when the answer is a 410 ERROR event). */
async function fetchWatchStatus(url: string, caPem: string, token: string, rv: string): Promise<string> {
  const api = new HttpsApi(url, caPem, token);
  try {
    return (await api.request({ path: `/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=5&resourceVersion=${rv}` })).text;
  } finally {
    api.close();
  }
}
