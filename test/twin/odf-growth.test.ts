import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ControlPlane } from '../../src/cmd/control-plane.js';
import { startHarness, type Harness } from '../../src/twin/images/e2e-harness.js';
import type { KubeObject } from '../../src/api/types.js';
import { applyFile, claim, eventsFor, eventually, labelWorkers, POOLS, PVCS, run, STORAGE_CLUSTERS } from './storage-kit.js';

const EXAMPLE = resolve(import.meta.dirname, '../../examples/ove-prod-01');
type Any = Record<string, any>;
const cond = (o: KubeObject, type: string) => ((o.status as Any)?.conditions ?? []).find((c: Any) => c.type === type) as Any | undefined;

describe('ODF growing from 3 to 6 to 9 storage nodes, with bad input refused', () => {
  let h: Harness;
  let cp: ControlPlane;
  const sc = () => cp.client.get(STORAGE_CLUSTERS, 'openshift-storage', 'ocs-storagecluster');
  const osdLine = async () => (await run(cp.client, 'ceph', ['status'])).output.split('\n').find((l) => l.includes('osd:')) ?? '';

  beforeAll(async () => {
    h = await startHarness();
    cp = h.cp;
    await labelWorkers(cp.client, 1, 3);
    for (const f of ['01-local-storage.yaml', '02-storagecluster.yaml', '03-cephblockpool-ec.yaml', '04-storageclasses-ceph-rbd.yaml']) await applyFile(cp.client, join(EXAMPLE, 'storage', f));
  }, 180_000);

  afterAll(async () => {
    await h?.stop();
  });

  it('asking for more devices than exist: 36 OSDs on 3 nodes, 72 claims Pending with the reason, the EC 4+2 pool refused on 3 hosts', async () => {
    const s = await eventually(async () => {
      const o = await sc();
      return cond(o, 'Progressing')?.message?.includes('72 of 108 OSD claims Pending') && cond(o, 'Degraded')?.status === 'True' ? o : undefined;
    }, 'Progressing with 72 Pending claims and the pool failure', 4000);
    expect((s.status as Any).phase).toBe('Progressing');
    expect(cond(s, 'Progressing')!.message).toContain('no available local-nvme volume left on the storage nodes of rack0 (worker-1)');
    expect(cond(s, 'Degraded')!.reason).toBe('PoolCreationFailed');
    const pool = await cp.client.get(POOLS, 'openshift-storage', 'ceph-ec-data-pool');
    expect((pool.status as Any).phase).toBe('Failure');
    expect(cond(pool, 'Failure')!.message).toBe('failed to create pool "ceph-ec-data-pool": erasure code profile k=4 m=2 needs 6 failure domains of type "host" but the CRUSH map has 3; the rule could not place all copies and its PGs would never go active+clean');
    const ev = await eventually(async () => (await eventsFor(cp.client, 'openshift-storage', 'ceph-ec-data-pool')).find((e) => e.reason === 'ReconcileFailed'), 'pool event');
    expect(ev.type).toBe('Warning');
    expect(await osdLine()).toMatch(/osd: 36 osds: 36 up/);
    // Nothing half-made: the EC pool does not exist in Ceph.
    const df = JSON.parse((await run(cp.client, 'ceph', ['df'], 'json')).output) as Any;
    expect(df.pools.map((p: Any) => p.name)).toEqual(['.mgr', 'ocs-storagecluster-cephblockpool']);
    // A bronze claim cannot be provisioned while its data pool does not exist.
    await cp.client.create(PVCS, claim('bulk', 'ceph-rbd-bronze', '10Gi'));
    const refused = await eventually(async () => (await eventsFor(cp.client, 'default', 'bulk')).find((e) => e.reason === 'ProvisioningFailed'), 'bronze refused');
    expect(refused.message).toContain('pool not found: pool (ceph-ec-data-pool) not found in Ceph cluster');
  }, 120_000);

  it('labelling three more workers brings 72 OSDs and the EC pool; three more make 108, backfilling onto the new OSDs back to HEALTH_OK', async () => {
    await labelWorkers(cp.client, 4, 6);
    await eventually(async () => ((await osdLine()).match(/osd: 72 osds: 72 up/) ? true : undefined), '72 OSDs', 4000);
    const pool = await eventually(async () => {
      const p = await cp.client.get(POOLS, 'openshift-storage', 'ceph-ec-data-pool');
      return (p.status as Any)?.phase === 'Ready' ? p : undefined;
    }, 'EC pool Ready');
    expect((pool.status as Any).info).toEqual({ type: 'Erasure Coded', failureDomain: 'host' });
    await eventually(async () => ((await cp.client.get(PVCS, 'default', 'bulk')).status as Any)?.phase === 'Bound' || undefined, 'bronze claim Bound');
    await cp.client.create(PVCS, claim('data', 'ceph-rbd-gold', '20Gi'));
    await eventually(async () => ((await cp.client.get(PVCS, 'default', 'data')).status as Any)?.phase === 'Bound' || undefined, 'gold claim Bound');
    const fio = await run(cp.client, 'fio', ['--pvc', 'default/data', '--size', '2g', '--runtime', '10']);
    expect(fio.exitCode).toBe(0);
    const since = (await run(cp.client, 'ceph', ['health'])).nowMs!;

    await labelWorkers(cp.client, 7, 9);
    await eventually(async () => ((await osdLine()).match(/osd: 108 osds: 108 up/) ? true : undefined), '108 OSDs', 4000);
    const ok = await eventually(async () => {
      const r = await run(cp.client, 'ceph', ['status']);
      return r.output.includes('HEALTH_OK') && !r.output.includes('remapped') && !r.output.includes('backfill') ? r.output : undefined;
    }, 'HEALTH_OK after backfill', 4000);
    expect(ok).toMatch(/osd: 108 osds: 108 up \(since .*\), 108 in/);
    const log = (await run(cp.client, 'ceph', ['-w', String(since)])).output;
    expect(log).toMatch(/starting backfill to osd\.(7[2-9]|[89]\d|10[0-7]) from osd\.\d+/);
    expect(log).toMatch(/OBJECT_MISPLACED|objects misplaced/);
    await eventually(async () => ((await sc()).status as Any)?.phase === 'Ready' || undefined, 'StorageCluster Ready', 4000);
  }, 180_000);
});
