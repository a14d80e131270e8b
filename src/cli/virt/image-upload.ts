/**
 * `ove virt image-upload dv NAME`: what `virtctl image-upload` does
 * (`pkg/virtctl/imageupload/command.go`, `wait.go`, `util.go`): use the DataVolume's
 * claim if it is an upload target, or create a DataVolume with an `upload` source
 * and `spec.storage` from --size, --storage-class, --access-mode and --volume-mode;
 * wait (every 2 s, up to --wait-secs) for the DataVolume to be UploadReady; find the
 * proxy (--uploadproxy-url, else CDIConfig `status.uploadProxyURL`); request an upload
 * token; POST the file; then wait for the claim's `storage.pod.phase` to be Succeeded.
 * The lines printed are virtctl's.
 */
import { statSync } from 'node:fs';
import type { KubeObject } from '../../api/types.js';
import type { Client } from '../../client/client.js';
import { StatusError } from '../../api/errors.js';
import { parseQuantity } from '../../lib/quantity.js';
import { CliError } from '../kube/cli-error.js';
import type { CliIo } from '../kube/cli-io.js';
import type { ClusterAccess } from '../kube/kubeconfig.js';
import { progressLine } from './upload-progress.js';
import { chooseUploadUrl, postImage } from './upload-post.js';

type Any = Record<string, any>;

const PVCS = { group: '', version: 'v1', plural: 'persistentvolumeclaims', namespaced: true };
const DVS = { group: 'cdi.kubevirt.io', version: 'v1beta1', plural: 'datavolumes', namespaced: true };
const CDI_CONFIGS = { group: 'cdi.kubevirt.io', version: 'v1beta1', plural: 'cdiconfigs', namespaced: false };
const TOKENS = { group: 'upload.cdi.kubevirt.io', version: 'v1beta1', plural: 'uploadtokenrequests', namespaced: true };
const EVENTS = { group: '', version: 'v1', plural: 'events', namespaced: true };

/** uploadReadyWaitInterval and processingWaitInterval (2 s). */
export const UPLOAD_POLL_MS = 2000;

/** The command's flags. */
export interface ImageUploadFlags {
  size?: string;
  imagePath?: string;
  archivePath?: string;
  storageClass?: string;
  accessMode?: string;
  volumeMode?: string;
  noCreate?: boolean;
  forceBind?: boolean;
  insecure?: boolean;
  uploadproxyUrl?: string;
  waitSecs: string;
  retry: string;
  /** Print a percent line per tenth instead of redrawing one bar (not a terminal). */
  lines?: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function uint(flag: string, v: string): number {
  if (!/^\d+$/.test(v)) throw new CliError(`invalid argument "${v}" for "--${flag}" flag: strconv.ParseUint: parsing "${v}": invalid syntax`);
  return Number(v);
}

/** The DataVolume virtctl creates (createUploadDataVolume with createStorageSpec). */
export function uploadDataVolume(ns: string, name: string, f: ImageUploadFlags): KubeObject {
  try {
    parseQuantity(f.size ?? '');
  } catch (e) {
    throw new CliError(`validation failed for size=${f.size ?? ''}: ${(e as Error).message}`);
  }
  const storage: Any = { resources: { requests: { storage: f.size } } };
  if (f.storageClass) storage.storageClassName = f.storageClass;
  if (f.accessMode) {
    if (f.accessMode === 'ReadOnlyMany') throw new CliError('cannot upload to a readonly volume, use either ReadWriteOnce or ReadWriteMany if supported');
    storage.accessModes = [f.accessMode];
  }
  if (f.volumeMode === 'block') storage.volumeMode = 'Block';
  else if (f.volumeMode === 'filesystem') storage.volumeMode = 'Filesystem';
  else if (f.volumeMode) throw new CliError(`invalid volume mode "${f.volumeMode}": use block or filesystem`);
  const annotations = f.forceBind ? { 'cdi.kubevirt.io/storage.bind.immediate.requested': 'true' } : undefined;
  return { apiVersion: 'cdi.kubevirt.io/v1beta1', kind: 'DataVolume', metadata: { name, namespace: ns, ...(annotations ? { annotations } : {}) }, spec: { source: { upload: {} }, storage } };
}

/** Runs the upload. */
export async function imageUpload(client: Client, access: ClusterAccess, io: CliIo, kind: string, name: string, f: ImageUploadFlags): Promise<void> {
  if (kind.toLowerCase() === 'pvc') throw new CliError('uploading into a bare PVC is not supported by ove yet: use "dv" (a DataVolume with an upload source)');
  if (kind.toLowerCase() !== 'dv') throw new CliError(`invalid resource type ${kind}`);
  if (f.archivePath) throw new CliError('--archive-path is not supported by ove yet: upload a disk image with --image-path');
  if (!f.imagePath) throw new CliError('either image-path or archive-path must be provided');
  const waitMs = uint('wait-secs', f.waitSecs) * 1000;
  const retries = uint('retry', f.retry);
  try {
    if (!statSync(f.imagePath).isFile()) throw new Error(`read ${f.imagePath}: is a directory`);
  } catch (e) {
    throw new CliError(`failed to open image file: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? `open ${f.imagePath}: no such file or directory` : (e as Error).message}`);
  }
  const ns = access.namespace;
  const pvc = await client.get(PVCS, ns, name).catch((e) => (e instanceof StatusError && e.code === 404 ? undefined : Promise.reject(e)));
  if (pvc) {
    // getAndValidateUploadPVC, in its order (an existing claim is only reused with --no-create).
    const ann = pvc.metadata.annotations ?? {};
    if (!f.noCreate && !f.size) throw new CliError('PVC creation requires specifying a size');
    if (ann['cdi.kubevirt.io/storage.pod.phase'] === 'Succeeded') throw new CliError(`PVC ${name} already successfully imported/cloned/updated`);
    if (!f.noCreate || !('cdi.kubevirt.io/storage.upload.target' in ann)) throw new CliError(`PVC ${name} not available for upload`);
    io.out(`Using existing PVC ${ns}/${name}\n`);
  } else {
    io.out(`PVC ${ns}/${name} not found\n`);
    if (f.noCreate) throw new CliError(`persistentvolumeclaims "${name}" not found`);
    await client.create(DVS, uploadDataVolume(ns, name, f));
    io.out(`DataVolume ${ns}/${name} created\n`);
  }
  await waitUploadReady(client, io, ns, name, !!f.forceBind, waitMs);
  let proxy = f.uploadproxyUrl || (((await client.get(CDI_CONFIGS, undefined, 'config').catch(() => undefined))?.status as Any)?.uploadProxyURL as string | undefined);
  if (!proxy) throw new CliError('uploadproxy URL not found');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(proxy)) proxy = `https://${proxy}`;
  io.out(`Uploading data to ${proxy}\n`);
  const utr = await client.create(TOKENS, { apiVersion: 'upload.cdi.kubevirt.io/v1beta1', kind: 'UploadTokenRequest', metadata: { name: 'token-for-virtctl', namespace: ns }, spec: { pvcName: name } } as KubeObject);
  const token = String((utr.status as Any)?.token ?? '');
  const tls = { ca: access.ca, insecure: !!f.insecure || access.insecureSkipTlsVerify };
  const url = await chooseUploadUrl(proxy, token, tls);
  io.out('\n');
  const bar = progressLine(io, !!f.lines);
  try {
    await postImage(url, token, tls, f.imagePath, retries, bar.update);
  } catch (e) {
    bar.finish();
    throw new CliError((e as Error).message);
  }
  bar.finish();
  io.out('\n');
  io.out('Uploading data completed successfully, waiting for processing to complete, you can hit ctrl-c without interrupting the progress\n');
  for (;;) {
    const claim = await client.get(PVCS, ns, name);
    if (claim.metadata.annotations?.['cdi.kubevirt.io/storage.pod.phase'] === 'Succeeded') break;
    await sleep(UPLOAD_POLL_MS);
  }
  io.out('Processing completed successfully\n');
  io.out(`Uploading ${f.imagePath} completed successfully\n`);
}

/** waitDvUploadScheduled: polls the DataVolume until UploadReady, failing on WaitForFirstConsumer and on claim errors. */
async function waitUploadReady(client: Client, io: CliIo, ns: string, name: string, forceBind: boolean, waitMs: number): Promise<void> {
  let logged = false;
  for (const start = Date.now(); ; await sleep(UPLOAD_POLL_MS)) {
    const dv = await client.get(DVS, ns, name).catch((e) => (e instanceof StatusError && e.code === 404 ? undefined : Promise.reject(e)));
    const phase = (dv?.status as Any)?.phase as string | undefined;
    if (!dv) io.out(`DV ${name} not found... \n`);
    else if ((phase === 'WaitForFirstConsumer' || phase === 'PendingPopulation') && !forceBind) {
      throw new CliError(`cannot upload to DataVolume in ${phase} phase, make sure the PVC is Bound, or use force-bind flag`);
    } else if (phase === 'UploadReady') {
      if (logged) io.out('Pod now ready\n');
      return;
    } else {
      await eventErrors(client, ns, name);
      if (!logged) io.out(`Waiting for PVC ${name} upload pod to be ready...\n`);
      logged = true;
    }
    if (Date.now() - start >= waitMs) throw new CliError('timed out waiting for the condition');
  }
}

/** handleEventErrors: a ProvisioningFailed on the claim or ErrClaimNotValid on the DataVolume ends the wait. */
async function eventErrors(client: Client, ns: string, name: string): Promise<void> {
  const list = await client.list(EVENTS, ns, { fieldSelector: `involvedObject.name=${name}` }).catch(() => undefined);
  for (const e of (list?.items ?? []) as Any[]) {
    if (e.involvedObject?.kind === 'PersistentVolumeClaim' && e.reason === 'ProvisioningFailed' && !String(e.message).includes('the object has been modified')) throw new CliError(`provisioning failed: ${e.message}`);
    if (e.involvedObject?.kind === 'DataVolume' && e.reason === 'ErrClaimNotValid') throw new CliError(`claim not valid: ${e.message}`);
  }
}
