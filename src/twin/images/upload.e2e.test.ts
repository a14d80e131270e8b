/**
 * CDI uploads end to end on the twin over HTTPS: an upload DataVolume, an
 * UploadTokenRequest through the API, the image POSTed to cdi-uploadproxy, and
 * `ove virt image-upload` as a child process against a kubeconfig.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { writeFileSync } from 'node:fs';
import https from 'node:https';
import { join } from 'node:path';
import type { KubeObject } from '../../api/types.js';
import { kubeconfig } from '../../cmd/kubeconfig.js';
import { DATA_VOLUMES, PVCS, PVS } from '../../controllers/persistent-volume/resources.js';
import { startOveCli } from '../../../test/e2e/support/cli-runner.js';
import { eventually, record, startHarness, type Harness } from './e2e-harness.js';
import { buildQcow2 } from './qcow2-fixture.js';
import { UPLOAD_ANN } from './upload-server.js';

type Any = Record<string, any>;
const NS = 'sandbox';
const MiB = 2 ** 20;
const TOKENS = { group: 'upload.cdi.kubevirt.io', version: 'v1beta1', plural: 'uploadtokenrequests', namespaced: true };
const CDI_CONFIGS = { group: 'cdi.kubevirt.io', version: 'v1beta1', plural: 'cdiconfigs', namespaced: false };
const status = (o: KubeObject) => (o.status ?? {}) as Any;

function uploadDv(name: string, size: string): KubeObject {
  return { apiVersion: 'cdi.kubevirt.io/v1beta1', kind: 'DataVolume', metadata: { name, namespace: NS }, spec: { source: { upload: {} }, storage: { resources: { requests: { storage: size } }, storageClassName: 'ceph-rbd-gold' } } };
}

describe('CDI upload on the twin', { timeout: 180_000 }, () => {
  let h: Harness;
  const post = (path: string, token: string, body: Buffer, headers: Record<string, string> = {}) =>
    new Promise<{ code: number; text: string }>((resolve, reject) => {
      const req = https.request(`${h.cp.url}/cdi-uploadproxy${path}`, { method: 'POST', ca: h.cp.caPem, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream', 'Content-Length': body.length, ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ code: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      });
      req.on('error', reject);
      req.end(body);
    });
  const token = async (pvcName: string) => status(await h.cp.client.create(TOKENS, { apiVersion: 'upload.cdi.kubevirt.io/v1beta1', kind: 'UploadTokenRequest', metadata: { name: 'test', namespace: NS }, spec: { pvcName } })).token as string;
  const dv = (name: string) => h.cp.client.get(DATA_VOLUMES, NS, name);
  const phase = (name: string, want: string) => eventually(async () => ((s) => (s.phase === want ? s : undefined))(status(await dv(name))), `${name} ${want}`, 2000);

  beforeAll(async () => {
    h = await startHarness(NS, { https: true });
  }, 150_000);
  afterAll(async () => h?.stop());

  it('publishes the proxy in CDIConfig status.uploadProxyURL', async () => {
    const url = await eventually(async () => status(await h.cp.client.get(CDI_CONFIGS, undefined, 'config')).uploadProxyURL as string | undefined, 'CDIConfig');
    expect(url).toBe(`${h.cp.url}/cdi-uploadproxy`);
  });

  it('uploads a qcow2 through the proxy: UploadScheduled → UploadReady → Succeeded, the volume holds its data', async () => {
    const rec = record(h, DATA_VOLUMES, NS, 'cirros');
    await h.cp.client.create(DATA_VOLUMES, uploadDv('cirros', '64Mi'));
    await phase('cirros', 'UploadReady');
    const pvc0 = await h.cp.client.get(PVCS, NS, 'cirros');
    expect(pvc0.metadata.annotations).toMatchObject({ 'cdi.kubevirt.io/storage.pod.phase': 'Running', 'cdi.kubevirt.io/storage.pod.ready': 'true', 'cdi.kubevirt.io/storage.upload.target': '' });
    const img = buildQcow2(48 * MiB, 40);
    const tok = await token('cirros');

    expect(await post('/v1beta1/upload', 'x' + tok.slice(1), img)).toEqual({ code: 401, text: '' });
    expect((await post('/v1beta1/upload', tok, img, { Authorization: 'Basic abc' })).code).toBe(400);

    expect(await post('/v1beta1/upload', tok, img)).toEqual({ code: 200, text: '' });
    const done = await phase('cirros', 'Succeeded');
    rec.stop();
    const phases = rec.seen.map((s) => status(s.obj).phase).filter((p, i, a) => p && p !== a[i - 1]);
    expect(phases).toEqual(['Pending', 'UploadScheduled', 'UploadReady', 'Succeeded']);
    expect(done.progress).toBe('100.0%');
    expect(done.conditions.find((c: Any) => c.type === 'Running')).toMatchObject({ status: 'False', reason: 'Completed', message: 'Upload Complete' });
    const pvc = await h.cp.client.get(PVCS, NS, 'cirros');
    expect(pvc.metadata.annotations).toMatchObject({ 'cdi.kubevirt.io/storage.pod.phase': 'Succeeded', [UPLOAD_ANN.format]: 'qcow2', [UPLOAD_ANN.virtualSize]: String(48 * MiB), [UPLOAD_ANN.bytes]: String(img.length) });
    const pv = await h.cp.client.get(PVS, undefined, (pvc.spec as Any).volumeName);
    const vol = h.twin.storage.provisioner.volume((pv.spec as Any).csi.volumeHandle)!;
    expect(vol.usedBytes).toBe(40 * 65536);
    await eventually(async () => ((await h.cp.client.get({ group: '', version: 'v1', plural: 'pods', namespaced: true }, NS, 'cdi-upload-cirros').catch(() => undefined)) ? undefined : true), 'upload pod deleted');

    const again = await post('/v1beta1/upload', tok, img);
    expect(again).toEqual({ code: 503, text: 'rejecting Upload Request for PVC cirros that already finished uploading' });
  });

  it('refuses an image larger than the claim as CDI does, and the DataVolume stays UploadReady', async () => {
    await h.cp.client.create(DATA_VOLUMES, uploadDv('small', '16Mi'));
    await phase('small', 'UploadReady');
    const tok = await token('small');
    const big = await post('/v1beta1/upload-async', tok, buildQcow2(1024 * MiB, 4));
    expect(big).toEqual({ code: 400, text: `Saving stream failed: Unable to convert source data to target format: virtual image size ${1024 * MiB} is larger than the reported available storage ${16 * MiB}. A larger PVC is required` });
    const raw = await post('/v1beta1/upload', tok, Buffer.alloc(17 * MiB, 1));
    expect(raw).toEqual({ code: 500, text: 'Saving stream failed: Unable to transfer source data to target file: write /dev/cdi-block-volume: no space left on device' });
    expect(status(await dv('small')).phase).toBe('UploadReady');
    // The failed attempts left the server ready for a good one: a raw image through the form path.
    const disk = Buffer.alloc(3 * MiB, 9);
    const form = Buffer.concat([Buffer.from('--zz\r\nContent-Disposition: form-data; name="file"; filename="disk.img"\r\n\r\n'), disk, Buffer.from('\r\n--zz--\r\n')]);
    expect((await post('/v1beta1/upload-form-async', tok, form, { 'Content-Type': 'multipart/form-data; boundary=zz' })).code).toBe(200);
    await phase('small', 'Succeeded');
    const pvc = await h.cp.client.get(PVCS, NS, 'small');
    expect(pvc.metadata.annotations).toMatchObject({ [UPLOAD_ANN.format]: 'raw', [UPLOAD_ANN.virtualSize]: String(3 * MiB) });
  });

  it('lets edit (and admin) create upload tokens but not view, through CDI\'s aggregated roles', async () => {
    const SARS = { group: 'authorization.k8s.io', version: 'v1', plural: 'subjectaccessreviews', namespaced: false };
    const RBS = { group: 'rbac.authorization.k8s.io', version: 'v1', plural: 'rolebindings', namespaced: true };
    for (const [user, role] of [['alice', 'edit'], ['victor', 'view']]) {
      await h.cp.client.create(RBS, { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: `${user}-${role}`, namespace: NS }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role }, subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: user }] } as KubeObject);
    }
    const can = async (user: string) => status(await h.cp.client.create(SARS, { apiVersion: 'authorization.k8s.io/v1', kind: 'SubjectAccessReview', metadata: {}, spec: { user, resourceAttributes: { namespace: NS, verb: 'create', group: 'upload.cdi.kubevirt.io', resource: 'uploadtokenrequests' } } } as KubeObject)).allowed;
    await eventually(async () => ((await can('alice')) ? true : undefined), 'edit may create uploadtokenrequests');
    await eventually(async () => ((await can('victor')) === false ? true : undefined), 'view may not');
  });

  it('answers 503 with the reason for a claim that is missing, not an upload target, or whose upload pod never gets ready', async () => {
    expect(await post('/v1beta1/upload', await token('nope'), Buffer.alloc(10))).toEqual({ code: 503, text: "rejecting Upload Request for PVC nope that doesn't exist" });
    const claim = (name: string, annotations: Record<string, string>) => h.cp.client.create(PVCS, { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: NS, annotations }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'ceph-rbd-gold' } } as KubeObject);
    await claim('plain', {});
    expect(await post('/v1beta1/upload', await token('plain'), Buffer.alloc(10))).toEqual({ code: 503, text: 'PVC plain is not an upload target' });
    // An upload target nobody serves: the proxy polls every second for 10 s (twin time), then gives up.
    await claim('orphan', { 'cdi.kubevirt.io/storage.upload.target': '' });
    const t0 = h.clock.now();
    expect(await post('/v1beta1/upload-async', await token('orphan'), Buffer.alloc(10))).toEqual({ code: 503, text: 'timed out waiting for the condition' });
    expect(h.clock.now() - t0).toBeGreaterThanOrEqual(10_000);
  });

  it('ove virt image-upload creates the DataVolume, uploads and waits for processing, with virtctl\'s lines', async () => {
    const file = join(h.dir, 'disk.qcow2');
    writeFileSync(file, buildQcow2(32 * MiB, 24));
    writeFileSync(join(h.dir, 'kubeconfig'), kubeconfig(h.cp.url, h.cp.caPem, h.cp.adminToken));
    const env = { KUBECONFIG: join(h.dir, 'kubeconfig'), HOME: h.dir };
    const r = await startOveCli(['virt', 'image-upload', 'dv', 'cli-disk', '--size=64Mi', `--image-path=${file}`, '--storage-class', 'ceph-rbd-gold', '-n', NS], env).done;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual([`PVC ${NS}/cli-disk not found`, `DataVolume ${NS}/cli-disk created`]);
    expect(lines).toContain('Waiting for PVC cli-disk upload pod to be ready...');
    expect(lines).toContain('Pod now ready');
    expect(lines).toContain(`Uploading data to ${h.cp.url}/cdi-uploadproxy`);
    expect(r.stdout).toMatch(/\[=+\] 100\.00%/);
    expect(lines.slice(-4)).toEqual([
      'Uploading data completed successfully, waiting for processing to complete, you can hit ctrl-c without interrupting the progress',
      'Processing completed successfully',
      `Uploading ${file} completed successfully`,
      '',
    ]);
    expect(status(await dv('cli-disk')).phase).toBe('Succeeded');
    const bad = await startOveCli(['virt', 'image-upload', 'dv', 'cli-disk', '--no-create', `--image-path=${file}`, '-n', NS], env).done;
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('PVC cli-disk already successfully imported/cloned/updated\n');
  });
});
