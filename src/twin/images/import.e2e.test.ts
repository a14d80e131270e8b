import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { KubeObject } from '../../api/types.js';
import { CONFIGMAPS, DATA_VOLUMES, PVCS, PVS, STORAGE_PROFILES } from '../../controllers/persistent-volume/resources.js';
import { eventually, record, startHarness, type Harness } from './e2e-harness.js';

type Any = Record<string, any>;
const NS = 'sandbox';
const RHEL = 'https://images.internal.bank.ch/rhel9/rhel-9.4-x86_64-kvm.qcow2';

function dataVolume(name: string, source: Any, storage: Any): KubeObject {
  return { apiVersion: 'cdi.kubevirt.io/v1beta1', kind: 'DataVolume', metadata: { name, namespace: NS }, spec: { source, storage } };
}
const gold = { resources: { requests: { storage: '50Gi' } }, storageClassName: 'ceph-rbd-gold', accessModes: ['ReadWriteMany'] };
const status = (o: KubeObject) => (o.status ?? {}) as Any;

describe('DataVolumes on the twin (fast-forward)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(NS);
  }, 120_000);
  afterAll(async () => h?.stop());

  it('creates a StorageProfile per class with CDI capabilities (RBD prefers RWX Block)', async () => {
    const p = await eventually(async () => {
      const sp = await h.cp.client.get(STORAGE_PROFILES, undefined, 'ceph-rbd-gold');
      return status(sp).claimPropertySets ? sp : undefined;
    }, 'storage profile');
    expect(status(p).claimPropertySets[0]).toEqual({ accessModes: ['ReadWriteMany'], volumeMode: 'Block' });
    expect(status(p).cloneStrategy).toBe('csi-clone');
    const nas = await eventually(async () => status(await h.cp.client.get(STORAGE_PROFILES, undefined, 'ontap-nas-shared')).claimPropertySets, 'nas profile');
    expect(nas[0]).toEqual({ accessModes: ['ReadWriteMany'], volumeMode: 'Filesystem' });
  });

  it('imports the story RHEL 9.4 image: ImportScheduled, ImportInProgress with rising progress, Succeeded near 98 s', async () => {
    const rec = record(h, DATA_VOLUMES, NS, 'test-linux-01-root');
    const t0 = h.clock.now();
    await h.cp.client.create(DATA_VOLUMES, dataVolume('test-linux-01-root', { http: { url: RHEL } }, gold));
    const done = await eventually(async () => {
      const dv = await h.cp.client.get(DATA_VOLUMES, NS, 'test-linux-01-root');
      return status(dv).phase === 'Succeeded' ? dv : undefined;
    }, 'import Succeeded', 2000);
    rec.stop();
    const phases = rec.seen.map((s) => status(s.obj).phase).filter((p, i, a) => p && p !== a[i - 1]);
    expect(phases).toEqual(['Pending', 'ImportScheduled', 'ImportInProgress', 'Succeeded']);
    const progress = rec.seen.filter((s) => status(s.obj).phase === 'ImportInProgress').map((s) => status(s.obj).progress).filter((p) => p !== 'N/A');
    expect(progress.length).toBeGreaterThan(10);
    for (const p of progress) expect(p).toMatch(/^\d+\.\d\d%$/);
    const values = progress.map((p) => parseFloat(p));
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]);
    expect(status(done).progress).toBe('100.0%');
    const ready = status(done).conditions.find((c: Any) => c.type === 'Ready');
    const seconds = (Date.parse(ready.lastTransitionTime) - Date.parse(done.metadata.creationTimestamp!)) / 1000;
    const firstProgress = rec.seen.find((s) => status(s.obj).phase === 'ImportInProgress')!.at;
    console.log(`import: Succeeded after ${seconds} s; ImportInProgress from ${(firstProgress - t0) / 1000} s; ${progress.length} progress values ${progress[0]} … ${progress[progress.length - 1]}`);
    expect(seconds).toBeGreaterThan(88);
    expect(seconds).toBeLessThan(108);
    const conds = Object.fromEntries(status(done).conditions.map((c: Any) => [c.type, c]));
    expect(conds.Bound).toMatchObject({ status: 'True', reason: 'Bound', message: 'PVC test-linux-01-root Bound' });
    expect(conds.Ready.status).toBe('True');
    expect(conds.Running).toMatchObject({ status: 'False', reason: 'Completed', message: 'Import Complete' });
    const pvc = await h.cp.client.get(PVCS, NS, 'test-linux-01-root');
    expect((pvc.spec as Any).volumeMode).toBe('Block');
    expect((pvc.spec as Any).volumeName).toBe(`pvc-${pvc.metadata.uid}`);
    expect(pvc.metadata.annotations?.['pv.kubernetes.io/bound-by-controller']).toBe('yes');
    expect(status(pvc)).toMatchObject({ phase: 'Bound', capacity: { storage: '50Gi' }, accessModes: ['ReadWriteMany'] });
  }, 120_000);

  it('clones the imported disk copy-on-write through a CSI clone, near-instantly', async () => {
    await h.cp.client.create(DATA_VOLUMES, dataVolume('test-linux-02-root', { pvc: { namespace: NS, name: 'test-linux-01-root' } }, gold));
    const dv = await eventually(async () => {
      const d = await h.cp.client.get(DATA_VOLUMES, NS, 'test-linux-02-root');
      return status(d).phase === 'Succeeded' ? d : undefined;
    }, 'clone Succeeded');
    const ready = status(dv).conditions.find((c: Any) => c.type === 'Ready');
    expect((Date.parse(ready.lastTransitionTime) - Date.parse(dv.metadata.creationTimestamp!)) / 1000).toBeLessThanOrEqual(1);
    expect(status(dv).progress).toBe('100.0%');
    const pvc = await h.cp.client.get(PVCS, NS, 'test-linux-02-root');
    expect((pvc.spec as Any).dataSource).toEqual({ kind: 'PersistentVolumeClaim', name: 'test-linux-01-root' });
    const pv = await h.cp.client.get(PVS, undefined, (pvc.spec as Any).volumeName);
    expect(pv.metadata.annotations?.['twin.ove.dev/copy-on-write']).toBe('true');
  }, 60_000);

  it('falls back to a host-assisted copy across storage classes, with progress from the copy model', async () => {
    const rec = record(h, DATA_VOLUMES, NS, 'copy-to-nas');
    await h.cp.client.create(DATA_VOLUMES, dataVolume('copy-to-nas', { pvc: { namespace: NS, name: 'test-linux-01-root' } }, { resources: { requests: { storage: '50Gi' } }, storageClassName: 'ontap-nas-shared' }));
    const dv = await eventually(async () => {
      const d = await h.cp.client.get(DATA_VOLUMES, NS, 'copy-to-nas');
      return status(d).phase === 'Succeeded' ? d : undefined;
    }, 'copy Succeeded', 2000);
    rec.stop();
    const phases = rec.seen.map((s) => status(s.obj).phase).filter((p, i, a) => p && p !== a[i - 1]);
    expect(phases).toEqual(['CloneScheduled', 'CloneInProgress', 'Succeeded']);
    const pvc = await h.cp.client.get(PVCS, NS, 'copy-to-nas');
    expect(pvc.metadata.annotations?.['cdi.kubevirt.io/cloneType']).toBe('copy');
    expect(pvc.metadata.annotations?.['cdi.kubevirt.io/cloneFallbackReason']).toContain('storage class');
    // Filesystem (NAS): CDI adds its 5.5 % filesystem overhead to the request.
    expect((pvc.spec as Any).volumeMode).toBe('Filesystem');
    expect(Number((pvc.spec as Any).resources.requests.storage)).toBe(Math.ceil(50 * 2 ** 30 / (1 - 0.055)));
    // 2.2 GB of data at ~117.7 MB/s: about 19 s.
    const ready = status(dv).conditions.find((c: Any) => c.type === 'Ready');
    const seconds = (Date.parse(ready.lastTransitionTime) - Date.parse(dv.metadata.creationTimestamp!)) / 1000;
    expect(seconds).toBeGreaterThanOrEqual(18);
    expect(seconds).toBeLessThanOrEqual(22);
  }, 120_000);

  it('fails an unknown URL as CDI does, restarts with back-off, and recovers once the catalog serves it', async () => {
    const url = 'https://images.internal.bank.ch/rhel9/rhel-9.5-x86_64-kvm.qcow2';
    await h.cp.client.create(DATA_VOLUMES, dataVolume('broken', { http: { url } }, gold));
    const failing = await eventually(async () => {
      const d = await h.cp.client.get(DATA_VOLUMES, NS, 'broken');
      return status(d).restartCount >= 3 && status(d).conditions?.some((c: Any) => c.type === 'Running' && c.reason === 'Error') ? d : undefined;
    }, 'restarts', 2000);
    expect(status(failing).phase).toBe('ImportInProgress');
    const running = status(failing).conditions.find((c: Any) => c.type === 'Running');
    expect(running).toMatchObject({ status: 'False', reason: 'Error', message: 'Unable to connect to http data source: expected status code 200, got 404. Status: 404 Not Found' });
    await h.cp.client.create(CONFIGMAPS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'twin-image-catalog', namespace: 'ove-system' }, data: { rhel95: `url: ${url}\nformat: qcow2\nvirtualSize: 10Gi\nfileSize: "1000000000"\nallocatedSize: "2000000000"\nbandwidth: "100000000"\n` } })
      .catch(async (e) => {
        if ((e as { code?: number }).code !== 404) throw e;
        await h.cp.client.create({ group: '', version: 'v1', plural: 'namespaces', namespaced: false }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ove-system' } });
        return h.cp.client.create(CONFIGMAPS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'twin-image-catalog', namespace: 'ove-system' }, data: { rhel95: `url: ${url}\nformat: qcow2\nvirtualSize: 10Gi\nfileSize: "1000000000"\nallocatedSize: "2000000000"\nbandwidth: "100000000"\n` } });
      });
    const ok = await eventually(async () => {
      const d = await h.cp.client.get(DATA_VOLUMES, NS, 'broken');
      return status(d).phase === 'Succeeded' ? d : undefined;
    }, 'recovered import', 2000);
    expect(status(ok).restartCount).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('resolves a sourceRef to a DataSource into a clone of its PVC', async () => {
    await h.cp.client.create({ group: 'cdi.kubevirt.io', version: 'v1beta1', plural: 'datasources', namespaced: true }, { apiVersion: 'cdi.kubevirt.io/v1beta1', kind: 'DataSource', metadata: { name: 'rhel9', namespace: NS }, spec: { source: { pvc: { namespace: NS, name: 'test-linux-01-root' } } } });
    await h.cp.client.create(DATA_VOLUMES, { apiVersion: 'cdi.kubevirt.io/v1beta1', kind: 'DataVolume', metadata: { name: 'from-ds', namespace: NS }, spec: { sourceRef: { kind: 'DataSource', name: 'rhel9' }, storage: gold } });
    await eventually(async () => status(await h.cp.client.get(DATA_VOLUMES, NS, 'from-ds')).phase === 'Succeeded' || undefined, 'DataSource clone');
    const pvc = await h.cp.client.get(PVCS, NS, 'from-ds');
    expect((pvc.spec as Any).dataSource).toEqual({ kind: 'PersistentVolumeClaim', name: 'test-linux-01-root' });
  }, 60_000);

  it('an upload DataVolume becomes UploadReady once its upload server runs', async () => {
    await h.cp.client.create(DATA_VOLUMES, dataVolume('upload-me', { upload: {} }, gold));
    const dv = await eventually(async () => {
      const d = await h.cp.client.get(DATA_VOLUMES, NS, 'upload-me');
      return status(d).phase === 'UploadReady' ? d : undefined;
    }, 'UploadReady');
    expect(status(dv).conditions.find((c: Any) => c.type === 'Running').status).toBe('True');
    const pod = await h.cp.client.get({ group: '', version: 'v1', plural: 'pods', namespaced: true }, NS, 'cdi-upload-upload-me');
    expect(pod.metadata.labels).toMatchObject({ app: 'containerized-data-importer', 'cdi.kubevirt.io': 'cdi-upload-server' });
  }, 60_000);

  it('binds a WaitForFirstConsumer claim only after a pod using it is scheduled, on the selected node', async () => {
    await h.cp.client.create({ group: 'storage.k8s.io', version: 'v1', plural: 'storageclasses', namespaced: false }, { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'rbd-wffc' }, provisioner: 'openshift-storage.rbd.csi.ceph.com', parameters: { clusterID: 'openshift-storage', pool: 'p' }, volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: true });
    await h.cp.client.create(PVCS, { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'late', namespace: NS }, spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'rbd-wffc', resources: { requests: { storage: '1Gi' } } } });
    const ev = await eventually(async () => {
      const list = await h.cp.client.list<Any>({ group: '', version: 'v1', plural: 'events', namespaced: true }, NS);
      return list.items.find((e) => e.involvedObject?.name === 'late' && e.reason === 'WaitForFirstConsumer');
    }, 'WaitForFirstConsumer event');
    expect(ev.message).toBe('waiting for first consumer to be created before binding');
    expect(status(await h.cp.client.get(PVCS, NS, 'late')).phase).toBe('Pending');
    await h.cp.client.create({ group: '', version: 'v1', plural: 'pods', namespaced: true }, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'consumer', namespace: NS }, spec: { containers: [{ name: 'c', image: 'registry.example/c:1' }], volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'late' } }] } });
    const pvc = await eventually(async () => {
      const c = await h.cp.client.get(PVCS, NS, 'late');
      return status(c).phase === 'Bound' ? c : undefined;
    }, 'late claim Bound');
    const pod = await h.cp.client.get({ group: '', version: 'v1', plural: 'pods', namespaced: true }, NS, 'consumer');
    expect(pvc.metadata.annotations?.['volume.kubernetes.io/selected-node']).toBe((pod.spec as Any).nodeName);
    // Expansion: the claim asks for more, the provisioner grows the volume, the claim reports it.
    await h.cp.client.patch(PVCS, NS, 'late', 'merge', { spec: { resources: { requests: { storage: '2Gi' } } } });
    await eventually(async () => status(await h.cp.client.get(PVCS, NS, 'late')).capacity?.storage === '2Gi' || undefined, 'expanded');
  }, 60_000);

  it('smart-clones on a NAS class through a temporary VolumeSnapshot (cloneStrategy snapshot)', async () => {
    await h.cp.client.create({ group: 'snapshot.storage.k8s.io', version: 'v1', plural: 'volumesnapshotclasses', namespaced: false }, { apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshotClass', metadata: { name: 'trident-snapclass' }, driver: 'csi.trident.netapp.io', deletionPolicy: 'Delete' });
    await eventually(async () => status(await h.cp.client.get(STORAGE_PROFILES, undefined, 'ontap-nas-shared')).snapshotClass === 'trident-snapclass' || undefined, 'profile snapshot class');
    const nas = { resources: { requests: { storage: '10Gi' } }, storageClassName: 'ontap-nas-shared' };
    await h.cp.client.create(DATA_VOLUMES, dataVolume('nas-golden', { blank: {} }, nas));
    await eventually(async () => status(await h.cp.client.get(DATA_VOLUMES, NS, 'nas-golden')).phase === 'Succeeded' || undefined, 'golden blank');
    const rec = record(h, DATA_VOLUMES, NS, 'nas-clone');
    await h.cp.client.create(DATA_VOLUMES, dataVolume('nas-clone', { pvc: { namespace: NS, name: 'nas-golden' } }, nas));
    const dv = await eventually(async () => {
      const d = await h.cp.client.get(DATA_VOLUMES, NS, 'nas-clone');
      return status(d).phase === 'Succeeded' ? d : undefined;
    }, 'smart clone Succeeded');
    rec.stop();
    const phases = rec.seen.map((x) => status(x.obj).phase).filter((p, i, a) => p && p !== a[i - 1]);
    expect(phases).toEqual(['SnapshotForSmartCloneInProgress', 'SmartClonePVCInProgress', 'Succeeded']);
    const pvc = await h.cp.client.get(PVCS, NS, 'nas-clone');
    expect((pvc.spec as Any).dataSource).toEqual({ apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: `cdi-tmp-${dv.metadata.uid}` });
    expect(pvc.metadata.annotations?.['cdi.kubevirt.io/cloneType']).toBe('snapshot');
    await eventually(async () => h.cp.client.get({ group: 'snapshot.storage.k8s.io', version: 'v1', plural: 'volumesnapshots', namespaced: true }, NS, `cdi-tmp-${dv.metadata.uid}`).then(() => undefined, () => true), 'temporary snapshot deleted');
  }, 60_000);

  it('refuses ReadWriteMany Filesystem on an RBD class as ceph-csi does', async () => {
    await h.cp.client.create(PVCS, { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'rwx-fs', namespace: NS }, spec: { accessModes: ['ReadWriteMany'], volumeMode: 'Filesystem', storageClassName: 'ceph-rbd-gold', resources: { requests: { storage: '10Gi' } } } });
    const ev = await eventually(async () => {
      const list = await h.cp.client.list<Any>({ group: '', version: 'v1', plural: 'events', namespaced: true }, NS);
      return list.items.find((e) => e.involvedObject?.name === 'rwx-fs' && e.reason === 'ProvisioningFailed');
    }, 'ProvisioningFailed event');
    expect(ev.message).toBe('failed to provision volume with StorageClass "ceph-rbd-gold": rpc error: code = InvalidArgument desc = multi node access modes are only supported on rbd `block` type volumes');
    expect(ev.type).toBe('Warning');
    expect(status(await h.cp.client.get(PVCS, NS, 'rwx-fs')).phase).toBe('Pending');
  }, 60_000);
});
