import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { join, resolve } from 'node:path';
import type { KubeObject } from '../../src/api/types.js';
import { startHarness, type Harness } from '../../src/twin/images/e2e-harness.js';
import { applyFile, eventually, FAULTS, labelWorkers, PVS, run, STORAGE_CLUSTERS } from './storage-kit.js';

const EXAMPLE = resolve(import.meta.dirname, '../../examples/ove-prod-01');
type Any = Record<string, any>;
const fault = (name: string, kind: string, target: string) => ({ apiVersion: 'twin.ove.dev/v1alpha1', kind: 'Fault', metadata: { name }, spec: { target: { kind, name: target } } }) as KubeObject;

describe('twin power and network faults reach the Ceph engine (the corrected StorageCluster)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    const client = h.cp.client;
    await applyFile(client, join(EXAMPLE, 'storage/01-local-storage.yaml'));
    await labelWorkers(client, 1, 9);
    await eventually(async () => ((await client.list(PVS)).items.length === 108 ? true : undefined), '108 local PVs');
    for (const f of ['02-storagecluster.yaml', '03-cephblockpool-ec.yaml', '04-storageclasses-ceph-rbd.yaml']) await applyFile(client, join(EXAMPLE, 'storage', f));
    await eventually(async () => ((await client.get(STORAGE_CLUSTERS, 'openshift-storage', 'ocs-storagecluster')).status as Any)?.phase === 'Ready' || undefined, 'StorageCluster Ready', 4000);
    await eventually(async () => ((await run(client, 'ceph', ['status'])).output.includes('4129 active+clean') ? true : undefined), 'all PGs active+clean', 4000);
  }, 120_000);

  afterEach(async () => {
    for (const f of (await h.cp.client.list(FAULTS)).items) await h.cp.client.delete(FAULTS, undefined, f.metadata.name!);
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('leaf-6 fails: workers 7-9 keep power but are cut off, their 36 OSDs are marked down by their peers; back, they boot', async () => {
    const client = h.cp.client;
    await client.create(FAULTS, fault('leaf-6-down', 'Switch', 'leaf-6'));
    // Peers report them after osd_heartbeat_grace; the PGs peer for a moment, then settle.
    const status = await eventually(async () => {
      const r = await run(client, 'ceph', ['status']);
      return r.output.includes('3 hosts (36 osds) down') && !r.output.includes('peering') ? r.output : undefined;
    }, 'OSDs down and PGs peered', 4000);
    expect(status).toMatch(/osd: 108 osds: 72 up \(since .*\), 10[0-8] in/);
    expect(status).toMatch(/mon: 3 daemons, quorum a,b,c/);
    // Each PG has one copy per ODF rack (workers 1/4/7, 2/5/8, 3/6/9), so losing 7-9 leaves some with one
    // copy of three (below min_size 2: inactive); the EC 4+2 pool over hosts loses up to three shards.
    expect(status).toMatch(/\d+ undersized\+degraded\+peered/);
    expect(status).toMatch(/\d+ active\+undersized\+degraded/);
    const detail = (await run(client, 'ceph', ['health', 'detail'])).output;
    expect(detail).toMatch(/^HEALTH_WARN/);
    expect(detail).toMatch(/\[WRN\] OSD_DOWN: (36|9) osds down/);
    expect(detail).toContain('[WRN] OSD_HOST_DOWN: 3 hosts (36 osds) down');
    expect(detail).toContain('host worker-7 (root=default,rack=rack0) (12 osds) is down');
    expect(detail).toMatch(/PG_AVAILABILITY: Reduced data availability: \d+ pgs inactive/);

    await client.delete(FAULTS, undefined, 'leaf-6-down');
    const ok = await eventually(async () => {
      const r = await run(client, 'ceph', ['status']);
      return r.output.includes('HEALTH_OK') ? r.output : undefined;
    }, 'HEALTH_OK after the switch returns', 4000);
    expect(ok).toMatch(/osd: 108 osds: 108 up \(since .*\), 108 in/);
    const log = (await run(client, 'ceph', ['-w', '0'])).output;
    expect(log).toMatch(/osd\.72 \[WRN\] Monitor daemon marked osd\.72 down, but it is still running/);
  }, 60_000);

  it('pdu-b14-a fails: pdu-b14-b trips, rack B-14 goes dark with all three MONs, and `ceph status` cannot reach a quorum until the repair', async () => {
    const client = h.cp.client;
    await client.create(FAULTS, fault('pdu-b14-a-down', 'PDU', 'pdu-b14-a'));
    const f = await eventually(async () => {
      const x = await client.get(FAULTS, undefined, 'pdu-b14-a-down');
      return (x.status as Any)?.message ? x : undefined;
    }, 'Fault status');
    expect((f.status as Any).message).toContain('overload tripped pdu-b14-b');
    const r = await eventually(async () => {
      const x = await run(client, 'ceph', ['status']);
      return x.exitCode !== 0 ? x : undefined;
    }, 'ceph status failing');
    expect(r.exitCode).toBe(1);
    expect(r.output).toMatch(/^\S+\+0000 7f[0-9a-f]{10}  0 monclient\(hunting\): authenticate timed out after 300\n\[errno 110\] RADOS timed out \(error connecting to the cluster\)\n$/);
    expect((await run(client, 'rbd', ['ls', 'ocs-storagecluster-cephblockpool'])).exitCode).toBe(1);

    await client.delete(FAULTS, undefined, 'pdu-b14-a-down');
    const ok = await eventually(async () => {
      const x = await run(client, 'ceph', ['status']);
      return x.exitCode === 0 && x.output.includes('HEALTH_OK') ? x.output : undefined;
    }, 'HEALTH_OK after power returns', 4000);
    expect(ok).toMatch(/mon: 3 daemons, quorum a,b,c/);
    expect(ok).toMatch(/osd: 108 osds: 108 up \(since .*\), 108 in/);
    expect(ok).toContain('4129 active+clean');
  }, 60_000);
});
