import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ControlPlane } from '../../src/cmd/control-plane.js';
import { startHarness, type Harness } from '../../src/twin/images/e2e-harness.js';
import type { KubeObject } from '../../src/api/types.js';
import { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { kubeconfig } from '../../src/cmd/kubeconfig.js';
import { registerCephCommands } from '../../src/cli/commands/ceph.js';
import { registerTwinCommands } from '../../src/cli/commands/twin.js';
import { applyFile, claim, create, eventsFor, eventually, FAULTS, labelWorkers, PODS, PVCS, PVS, run, STORAGE_CLUSTERS } from './storage-kit.js';

const EXAMPLE = resolve(import.meta.dirname, '../../examples/ove-prod-01');
type Any = Record<string, any>;

/** The story's chapter 3 StorageCluster (manifests/03-storagecluster.yaml), as written. */
const storyStorageCluster: KubeObject = {
  apiVersion: 'ocs.openshift.io/v1', kind: 'StorageCluster', metadata: { name: 'ocs-storagecluster', namespace: 'openshift-storage' },
  spec: {
    manageNodes: false, monDataDirHostPath: '/var/lib/rook',
    storageDeviceSets: [{
      name: 'ocs-deviceset-nvme', count: 9, replica: 3, portable: false,
      dataPVCTemplate: { spec: { storageClassName: 'local-nvme', accessModes: ['ReadWriteOnce'], volumeMode: 'Block', resources: { requests: { storage: '3840Gi' } } } },
      placement: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'cluster.ocs.openshift.io/openshift-storage', operator: 'In', values: [''] }] }] } } },
    }],
  },
};

const phaseOf = (o: KubeObject) => (o.status as Any | undefined)?.phase;

describe('ODF on the twin: the story StorageCluster, the corrected one, failure and volumes', () => {
  let h: Harness;
  let cp: ControlPlane;

  beforeAll(async () => {
    h = await startHarness();
    cp = h.cp;
    await applyFile(cp.client, join(EXAMPLE, 'storage/01-local-storage.yaml'));
    await labelWorkers(cp.client, 1, 9);
    await eventually(async () => ((await cp.client.list(PVS)).items.length === 108 ? true : undefined), '108 local PVs');
  }, 180_000);

  afterAll(async () => {
    await h?.stop();
  });

  it('the story\'s StorageCluster makes 27 claims of 3840Gi that stay Pending on 3.84 TB drives, with the reason', async () => {
    const pv = (await cp.client.list(PVS)).items[0]!;
    expect(pv.spec).toMatchObject({ storageClassName: 'local-nvme', volumeMode: 'Block', capacity: { storage: '3750000000Ki' } });
    await create(cp.client, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'openshift-storage' } });
    await create(cp.client, storyStorageCluster);
    const sc = await eventually(async () => {
      const s = await cp.client.get(STORAGE_CLUSTERS, 'openshift-storage', 'ocs-storagecluster');
      const c = ((s.status as Any)?.conditions ?? []).find((x: Any) => x.type === 'Progressing');
      return c?.message?.includes('27 of 27 OSD claims Pending') ? s : undefined;
    }, 'StorageCluster Progressing with 27 Pending claims');
    expect(phaseOf(sc)).toBe('Progressing');
    const claims = (await cp.client.list(PVCS, 'openshift-storage')).items;
    expect(claims).toHaveLength(27);
    expect(claims.every((c) => !(c.spec as Any).volumeName)).toBe(true);
    const ev = await eventually(async () => (await eventsFor(cp.client, 'openshift-storage', 'ocs-deviceset-nvme-0-data-0')).find((e) => e.reason === 'FailedBinding'), 'FailedBinding event');
    expect(ev.type).toBe('Warning');
    expect(ev.message).toContain('asks for 3840Gi (4123168604160 bytes)');
    expect(ev.message).toContain('has 3840000000000 bytes (3576.28 GiB');
    const osdPods = (await cp.client.list(PODS, 'openshift-storage')).items.filter((p) => p.metadata.labels?.app === 'rook-ceph-osd');
    expect(osdPods).toHaveLength(0);

    await cp.client.delete(STORAGE_CLUSTERS, 'openshift-storage', 'ocs-storagecluster');
    await eventually(async () => ((await cp.client.list(PVCS, 'openshift-storage')).items.length === 0 ? true : undefined), 'story claims gone');
  }, 120_000);

  it('the corrected StorageCluster gives 108 OSDs up and in, quorum, HEALTH_OK, the pools active+clean and the right capacity', async () => {
    for (const f of ['02-storagecluster.yaml', '03-cephblockpool-ec.yaml', '04-storageclasses-ceph-rbd.yaml']) await applyFile(cp.client, join(EXAMPLE, 'storage', f));
    await eventually(async () => (phaseOf(await cp.client.get(STORAGE_CLUSTERS, 'openshift-storage', 'ocs-storagecluster')) === 'Ready' ? true : undefined), 'StorageCluster Ready', 4000);
    const status = await eventually(async () => {
      const r = await run(cp.client, 'ceph', ['status']);
      return r.output.includes('4129 active+clean') ? r.output : undefined;
    }, 'all PGs active+clean');
    expect(status).toContain('health: HEALTH_OK');
    expect(status).toMatch(/mon: 3 daemons, quorum a,b,c/);
    expect(status).toMatch(/osd: 108 osds: 108 up \(since .*\), 108 in \(since .*\)/);
    expect(status).toContain('pools:   3 pools, 4129 pgs');
    expect(status).toContain('108 GiB used, 377 TiB / 377 TiB avail');
    const df = JSON.parse((await run(cp.client, 'ceph', ['df'], 'json')).output) as Any;
    const block = df.pools.find((p: Any) => p.name === 'ocs-storagecluster-cephblockpool');
    expect(block.stats.max_avail).toBe(131_289_342_668_204);
    expect(df.pools.find((p: Any) => p.name === 'ceph-ec-data-pool').stats.max_avail).toBe(262_578_685_336_409);
  }, 180_000);
  it('a gold claim gets a thin RBD image and a PV with ceph-csi\'s handle; RWX Filesystem and claims above MAX AVAIL are refused', async () => {
    await cp.client.create(PVCS, claim('db-data', 'ceph-rbd-gold', '50Gi'));
    const bound = await eventually(async () => {
      const c = await cp.client.get(PVCS, 'default', 'db-data');
      return phaseOf(c) === 'Bound' ? c : undefined;
    }, 'gold claim Bound');
    const pv = await cp.client.get(PVS, undefined, (bound.spec as Any).volumeName);
    const csi = (pv.spec as Any).csi;
    expect(csi.driver).toBe('openshift-storage.rbd.csi.ceph.com');
    const pools = JSON.parse((await run(cp.client, 'ceph', ['df'], 'json')).output).pools as Any[];
    const poolId = pools.find((p) => p.name === 'ocs-storagecluster-cephblockpool')!.id as number;
    expect(csi.volumeHandle).toMatch(new RegExp(`^0001-0011-openshift-storage-${poolId.toString(16).padStart(16, '0')}-[0-9a-f-]{36}$`));
    expect((pv.spec as Any).volumeMode).toBe('Block');
    const image = csi.volumeAttributes.imageName as string;
    expect(image).toMatch(/^csi-vol-[0-9a-f-]{36}$/);
    expect((await run(cp.client, 'rbd', ['ls', 'ocs-storagecluster-cephblockpool'])).output).toBe(`${image}\n`);
    const info = (await run(cp.client, 'rbd', ['info', `ocs-storagecluster-cephblockpool/${image}`])).output;
    expect(info).toContain('size 50 GiB in 12800 objects');
    expect(info).toContain('features: layering, exclusive-lock, object-map, fast-diff');

    await cp.client.create(PVCS, claim('shared-fs', 'ceph-rbd-gold', '10Gi', { mode: 'Filesystem', access: 'ReadWriteMany' }));
    const rwx = await eventually(async () => (await eventsFor(cp.client, 'default', 'shared-fs')).find((e) => e.reason === 'ProvisioningFailed'), 'RWX refused');
    expect(rwx.message).toContain('code = InvalidArgument desc = multi node access modes are only supported on rbd `block` type volumes');
    await cp.client.create(PVCS, claim('too-big', 'ceph-rbd-gold', '120Ti'));
    const big = await eventually(async () => (await eventsFor(cp.client, 'default', 'too-big')).find((e) => e.reason === 'ProvisioningFailed'), 'MAX AVAIL refusal');
    expect(big.message).toContain('code = ResourceExhausted desc = requested size 131941395333120 bytes (120 TiB) exceeds MAX AVAIL of pool ocs-storagecluster-cephblockpool: 131289342668204 bytes');
    expect(phaseOf(await cp.client.get(PVCS, 'default', 'too-big'))).not.toBe('Bound');
    // Nothing half-made: no image for the refused claims.
    expect((await run(cp.client, 'rbd', ['ls', 'ocs-storagecluster-cephblockpool'])).output).toBe(`${image}\n`);
  }, 120_000);

  it('fio matches the story\'s baseline, and `rbd config image set ... rbd_qos_iops_limit` caps the image', async () => {
    const fio = ['--pvc', 'default/db-data', '--rw', 'randwrite', '--bs', '4k', '--numjobs', '8', '--iodepth', '32', '--runtime', '60', '--size', '1g'];
    const before = await run(cp.client, 'fio', fio);
    expect(before.exitCode).toBe(0);
    expect(before.output).toMatch(/write: IOPS=48\.2k, BW=188MiB\/s \(197MB\/s\)/);
    const pv = await cp.client.get(PVS, undefined, ((await cp.client.get(PVCS, 'default', 'db-data')).spec as Any).volumeName);
    const image = (pv.spec as Any).csi.volumeAttributes.imageName as string;
    const set = await run(cp.client, 'rbd', ['config', 'image', 'set', `ocs-storagecluster-cephblockpool/${image}`, 'rbd_qos_iops_limit', '5000']);
    expect(set).toEqual({ output: '', exitCode: 0, nowMs: expect.any(Number) });
    expect((await run(cp.client, 'fio', fio)).output).toMatch(/write: IOPS=5\.00k, /);
    // The 1 GiB fio laid down is in the pool: 256 objects.
    const df = JSON.parse((await run(cp.client, 'ceph', ['df'], 'json')).output) as Any;
    expect(df.pools.find((p: Any) => p.name === 'ocs-storagecluster-cephblockpool').stats.objects).toBe(256);
  }, 60_000);

  it('`ove ceph`, `ove rbd` and `ove twin fio` print the tools\' output from the server', async () => {
    const cfg = join(mkdtempSync(join(tmpdir(), 'ove-cfg-')), 'kubeconfig');
    writeFileSync(cfg, kubeconfig(cp.url, cp.caPem, cp.adminToken));
    const ove = async (...args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const program = new Command().exitOverride();
      registerTwinCommands(program, { out: (t) => void out.push(t), err: (t) => void err.push(t) });
      registerCephCommands(program, { out: (t) => void out.push(t), err: (t) => void err.push(t) });
      await program.parseAsync(['node', 'ove', ...args, '--kubeconfig', cfg]);
      const code = process.exitCode;
      process.exitCode = 0;
      return { out: out.join(''), err: err.join(''), code };
    };
    const tree = await ove('ceph', 'osd', 'tree');
    expect(tree.code).toBe(0);
    expect(tree.out).toMatch(/^ID\s+CLASS\s+WEIGHT/);
    expect(tree.out).toContain('host worker-9');
    const health = await ove('ceph', 'health', '-f', 'json');
    expect(JSON.parse(health.out).status).toBe('HEALTH_OK');
    const stuck = await ove('ceph', 'pg', 'dump_stuck');
    expect(stuck.out).toBe('ok\n');
    const ls = await ove('rbd', 'ls', 'ocs-storagecluster-cephblockpool');
    expect(ls.out).toMatch(/^csi-vol-/);
    const bad = await ove('rbd', 'info', 'no-such-pool/x');
    expect(bad.code).toBe(22);
    expect(bad.err).toContain("rbd: error opening pool 'no-such-pool': (2) No such file or directory");
    const w = await ove('ceph', '-w', '--watch-seconds', '0');
    expect(w.code).toBe(0);
    expect(w.out).toMatch(/^  cluster:\n/);
    expect(w.out).toMatch(/\d{4}-\d\d-\d\dT[\d:.]+\+0000 mon\.a \[INF\] pool 'ocs-storagecluster-cephblockpool' created/);
    const s = await ove('ceph', '-s', '-f', 'json');
    expect(JSON.parse(s.out).osdmap.num_up_osds).toBe(108);
    const fio = await ove('twin', 'fio', '--pvc', 'default/db-data', '--rw', 'randwrite', '--bs', '4k', '--numjobs', '8', '--iodepth', '32', '--runtime', '60');
    expect(fio.out).toMatch(/^test: \(groupid=0, jobs=8\): err= 0\n  write: IOPS=5\.00k/);
  }, 60_000);

  it('a failed drive under osd.47 walks through HEALTH_WARN, is marked out after 600 s, recovers and returns to HEALTH_OK', async () => {
    const pod = (await cp.client.list(PODS, 'openshift-storage')).items.find((p) => p.metadata.labels?.['ceph-osd-id'] === '47')!;
    const claimName = (pod.spec as Any).volumes[0].persistentVolumeClaim.claimName as string;
    const pv = await cp.client.get(PVS, undefined, ((await cp.client.get(PVCS, 'openshift-storage', claimName)).spec as Any).volumeName);
    const drive = `${(pod.spec as Any).nodeName}/${pv.metadata.annotations!['storage.openshift.com/device-name']}`;
    expect(drive).toBe('worker-4/nvme11n1');
    const fault = await cp.client.create(FAULTS, { apiVersion: 'twin.ove.dev/v1alpha1', kind: 'Fault', metadata: { name: 'osd-47-drive' }, spec: { target: { kind: 'Disk', name: drive } } } as KubeObject);
    const failedAt = Date.parse(fault.metadata.creationTimestamp!);
    const warn = await eventually(async () => {
      const r = await run(cp.client, 'ceph', ['health', 'detail']);
      return r.output.startsWith('HEALTH_WARN') && r.output.includes('OSD_DOWN') ? r.output : undefined;
    }, 'HEALTH_WARN with OSD_DOWN');
    expect(warn).toContain('[WRN] OSD_DOWN: 1 osds down');
    expect(warn).toMatch(/PG_DEGRADED: Degraded data redundancy: \d+\/768 objects degraded/);
    expect((await run(cp.client, 'ceph', ['status'])).output).toMatch(/osd: 108 osds: 107 up \(since .*\), 108 in/);
    const healthy = await eventually(async () => {
      const r = await run(cp.client, 'ceph', ['status']);
      return r.output.includes('HEALTH_OK') ? r.output : undefined;
    }, 'HEALTH_OK again', 4000);
    expect(healthy).toMatch(/osd: 108 osds: 107 up \(since .*\), 107 in/);
    const log = (await run(cp.client, 'ceph', ['-w', String(failedAt)])).output;
    const out = log.split('\n').find((l) => l.includes('Marking osd.47 out (has been down for 600 seconds)'))!;
    expect(out).toBeDefined();
    const outAt = Date.parse(`${out.slice(0, 23)}Z`);
    expect((outAt - failedAt) / 1000).toBeGreaterThanOrEqual(600);
    expect((outAt - failedAt) / 1000).toBeLessThan(610);
    expect(log).toContain('Cluster is now healthy');
  }, 180_000);

  it('a VM whose disk lands on PGs below min_size pauses with an I/O error (qemu werror=stop), as KubeVirt reports it', async () => {
    const VMS = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachines', namespaced: true };
    const VMIS = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachineinstances', namespaced: true };
    await cp.client.create(VMS, {
      apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', metadata: { name: 'db-01', namespace: 'default' },
      spec: { runStrategy: 'Always', template: { spec: { domain: { cpu: { cores: 1 }, memory: { guest: '1Gi' }, devices: { disks: [{ name: 'data', disk: { bus: 'virtio' } }] } }, volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'db-data' } }] } } },
    } as KubeObject);
    const vmi = await eventually(async () => {
      const v = await cp.client.get(VMIS, 'default', 'db-01');
      return phaseOf(v) === 'Running' ? v : undefined;
    }, 'VMI Running');
    expect((vmi.status as Any).nodeName).toMatch(/^worker-\d$/);
    // Two of ODF's three virtual racks (workers 1/4/7 and 2/5/8) lose every OSD drive: each PG keeps one copy of three, below min_size 2.
    const hosts = ['worker-1', 'worker-4', 'worker-7', 'worker-2', 'worker-5', 'worker-8'];
    const drives = Array.from({ length: 12 }, (_, i) => `nvme${i}n1`);
    for (const host of hosts) for (const d of drives) {
      await cp.client.create(FAULTS, { apiVersion: 'twin.ove.dev/v1alpha1', kind: 'Fault', metadata: { name: `io-${host}-${d}` }, spec: { target: { kind: 'Disk', name: `${host}/${d}` } } } as KubeObject);
    }
    const paused = await eventually(async () => {
      const v = await cp.client.get(VMIS, 'default', 'db-01');
      const c = ((v.status as Any).conditions ?? []).find((x: Any) => x.type === 'Paused' && x.status === 'True');
      return c ? c : undefined;
    }, 'VMI paused on the I/O error', 4000);
    expect(paused).toMatchObject({ reason: 'PausedIOError', message: 'VMI was paused, low-level IO error detected' });
    expect((await eventsFor(cp.client, 'default', 'db-01')).some((e) => e.reason === 'IOerror' && e.type === 'Warning')).toBe(true);
    const vm = await eventually(async () => {
      const v = await cp.client.get(VMS, 'default', 'db-01');
      return (v.status as Any)?.printableStatus === 'Paused' ? v : undefined;
    }, 'VM Paused');
    expect(vm.metadata.name).toBe('db-01');
    expect((await run(cp.client, 'ceph', ['health'])).output).toMatch(/^HEALTH_(WARN|ERR)/);
  }, 240_000);
});

