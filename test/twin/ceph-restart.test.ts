/**
 * The Ceph engine across kill -9 of `ove up` (twin in fast-forward, sqlite): RBD images, their
 * data, QoS config, OSD states and pending mon timers come back from `<data-dir>/ceph/`, and the
 * StorageCluster controller adopts the restored engine instead of building an empty one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { KubeObject } from '../../src/api/types.js';
import { Client } from '../../src/client/client.js';
import { HttpTransport } from '../../src/client/http-transport.js';
import { STORY_CLASSES } from '../../src/twin/images/e2e-harness.js';
import { freePort, startOve, type OveProcess } from '../support/ove-process.js';
import { startOveCli } from '../e2e/support/cli-runner.js';
import { applyFile, claim, eventually, FAULTS, labelWorkers, PVCS, PVS, run, STORAGE_CLUSTERS } from './storage-kit.js';

const EXAMPLE = resolve(import.meta.dirname, '../../examples/ove-prod-01');
const POOL = 'ocs-storagecluster-cephblockpool';
const SCS = { group: 'storage.k8s.io', version: 'v1', plural: 'storageclasses', namespaced: false };
type Any = Record<string, any>;

describe('the Ceph engine survives kill -9 of ove up', { timeout: 120_000 }, () => {
  let dir: string;
  let port: number;
  let ove: OveProcess | undefined;
  let client: Client;
  let image: string;

  const up = async () => {
    ove = await startOve({ dataDir: dir, port, twin: true, upArgs: ['--clock', 'fast-forward'], readyTimeoutMs: 60_000 });
    client = new Client(new HttpTransport({ server: ove.url, token: ove.adminToken, ca: ove.caPem }));
  };
  const restart = async () => {
    await ove!.kill9();
    await up();
  };
  const out = async (tool: 'ceph' | 'rbd', ...args: string[]) => {
    const r = await run(client, tool, args);
    expect(r.exitCode, r.output).toBe(0);
    return r.output;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ove-ceph-restart-'));
    port = await freePort();
    await up();
    await applyFile(client, join(EXAMPLE, 'storage/01-local-storage.yaml'));
    await labelWorkers(client, 1, 9);
    await eventually(async () => ((await client.list(PVS)).items.length === 108 ? true : undefined), '108 local PVs');
    for (const f of ['02-storagecluster.yaml', '03-cephblockpool-ec.yaml']) await applyFile(client, join(EXAMPLE, 'storage', f));
    await client.create(SCS, STORY_CLASSES[0]!);
    await eventually(async () => ((await client.get(STORAGE_CLUSTERS, 'openshift-storage', 'ocs-storagecluster')).status as Any)?.phase === 'Ready' || undefined, 'StorageCluster Ready', 4000);
    await eventually(async () => ((await run(client, 'ceph', ['status'])).output.includes('4129 active+clean') || undefined), 'all PGs active+clean');
  }, 120_000);

  afterAll(async () => {
    await ove?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the gold claim\'s image, its size, used bytes and QoS, and HEALTH_OK', async () => {
    await client.create(PVCS, claim('db-data', 'ceph-rbd-gold', '50Gi'));
    const bound = await eventually(async () => {
      const c = await client.get(PVCS, 'default', 'db-data');
      return (c.status as Any)?.phase === 'Bound' ? c : undefined;
    }, 'gold claim Bound');
    image = ((await client.get(PVS, undefined, (bound.spec as Any).volumeName)).spec as Any).csi.volumeAttributes.imageName;
    const fio = ['--pvc', 'default/db-data', '--rw', 'randwrite', '--bs', '4k', '--numjobs', '8', '--iodepth', '32', '--runtime', '60', '--size', '1g'];
    expect((await run(client, 'fio', fio)).exitCode).toBe(0);
    await out('rbd', 'config', 'image', 'set', `${POOL}/${image}`, 'rbd_qos_iops_limit', '5000');
    const ls = await out('rbd', 'ls', POOL);
    const info = await out('rbd', 'info', `${POOL}/${image}`);
    const df = JSON.parse((await run(client, 'ceph', ['df'], 'json')).output) as Any;
    const before = df.pools.find((p: Any) => p.name === POOL).stats;
    expect(before.objects).toBe(256);

    await restart();

    // The engine is there at once: no StorageCluster reconcile had to rebuild it.
    expect(await out('rbd', 'ls', POOL)).toBe(ls);
    expect(ls).toBe(`${image}\n`);
    expect(await out('rbd', 'info', `${POOL}/${image}`)).toBe(info);
    expect(info).toContain('size 50 GiB in 12800 objects');
    const after = (JSON.parse((await run(client, 'ceph', ['df'], 'json')).output) as Any).pools.find((p: Any) => p.name === POOL).stats;
    expect(after).toMatchObject({ objects: 256, stored: before.stored, bytes_used: before.bytes_used });
    expect(await out('rbd', 'config', 'image', 'list', `${POOL}/${image}`)).toMatch(/^rbd_qos_iops_limit\s+5000\s+image\s*$/m);
    // The claim still resolves to its image (ceph-csi's journal came back too) and the QoS limit applies.
    expect((await run(client, 'fio', fio.slice(0, 12))).output).toMatch(/write: IOPS=5\.00k, /);
    // And as a user sees it: `ove ceph status` with the kubeconfig `ove up` wrote (the commands above are what `ove rbd` sends).
    const env = { KUBECONFIG: ove!.kubeconfigPath, HOME: dir };
    const status = await startOveCli(['ceph', 'status'], env).done;
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('health: HEALTH_OK');
    expect(status.stdout).toMatch(/osd: 108 osds: 108 up \(since .*\), 108 in/);
    expect(status.stdout).toContain('4129 active+clean');
  });

  it('an OSD failed before the kill stays down after the restart; it is marked out and the data recovers', async () => {
    await client.create(FAULTS, { apiVersion: 'twin.ove.dev/v1alpha1', kind: 'Fault', metadata: { name: 'osd-47-drive' }, spec: { target: { kind: 'Disk', name: 'worker-4/nvme11n1' } } } as KubeObject);
    await eventually(async () => ((await run(client, 'ceph', ['health', 'detail'])).output.includes('OSD_DOWN') || undefined), 'OSD_DOWN');

    await restart();

    const status = await out('ceph', 'status');
    // Not the fresh engine a rebuild would give (108 up): osd.47 is still down.
    expect(status).toMatch(/osd: 108 osds: 107 up \(since .*\), 10[78] in/);
    await eventually(async () => ((await out('ceph', 'health')) === 'HEALTH_OK\n' || undefined), 'HEALTH_OK after recovery', 600, 200);
    const healthy = await out('ceph', 'status');
    expect(healthy).toMatch(/osd: 108 osds: 107 up \(since .*\), 107 in/);
    const log = await out('ceph', '-w', '0');
    expect(log.match(/Marking osd\.47 out \(has been down for 600 seconds\)/g)).toHaveLength(1);
    expect(log.slice(log.indexOf('Marking osd.47 out'))).toContain('Cluster is now healthy');
    expect(await out('rbd', 'ls', POOL)).toBe(`${image}\n`);
  });
});
