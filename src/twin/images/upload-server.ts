/**
 * The CDI upload server's process on the twin (`cdi-upload-<claim>`, CDI
 * `pkg/uploadserver/uploadserver.go`): it takes one upload at a time from the proxy
 * (a concurrent one gets 503, one after success 409), reads the image to its end
 * (`receiveImage`: format, virtual size and data from the bytes themselves), refuses an
 * image that does not fit the claim, then processes it in modelled time
 * (`uploadProcessingSeconds`), writes the data into the claim's volume and exits 0 with
 * `Upload Complete`, as the real server shuts down after a successful upload. A sync
 * upload is answered after processing; an async one as soon as the data is in.
 * The bytes themselves are dropped: the twin has no disks.
 */
import type { KubeObject } from '../../api/types.js';
import type { Clock, Timer } from '../../lib/clock.js';
import { quantityValue } from '../../lib/quantity.js';
import type { Manager } from '../../runtime/manager.js';
import { FILESYSTEM_OVERHEAD } from '../../controllers/data-volume/children.js';
import type { UploadAnswer, UploadReceiver, UploadRequest } from '../../controllers/data-volume/upload-receiver.js';
import type { VolumeProvisioner } from '../../controllers/persistent-volume/provisioner.js';
import { UploadFailure } from './image-sink.js';
import { receiveImage, type ReceivedImage } from './image-stream.js';
import { IMPORT_MODEL, uploadProcessingSeconds, type ImportParams } from './import-model.js';
import { formFilePart } from './multipart-file.js';
import { exitSucceeded, recordClaimWrite } from './worker-pod.js';

type Any = Record<string, any>;

const PODS = { group: '', version: 'v1', plural: 'pods', namespaced: true };
const PVCS = { group: '', version: 'v1', plural: 'persistentvolumeclaims', namespaced: true };

/** What the twin records on the claim about an upload (the stream's own facts). */
export const UPLOAD_ANN = {
  format: 'twin.ove.dev/upload-format',
  virtualSize: 'twin.ove.dev/upload-virtual-size',
  bytes: 'twin.ove.dev/upload-bytes',
} as const;

/** The upload servers of one control plane. */
export class UploadServers implements UploadReceiver {
  /** By pod uid: what the server is doing (absent: waiting for an upload). */
  private readonly state = new Map<string, 'uploading' | 'processing' | 'done'>();
  private readonly pods;
  private readonly timers = new Set<Timer>();

  constructor(private readonly mgr: Manager, private readonly clock: Clock, private readonly provisioner?: VolumeProvisioner, private readonly params: ImportParams = IMPORT_MODEL) {
    this.pods = mgr.informer(PODS);
    this.pods.on({ delete: (p) => this.state.delete(p.metadata.uid ?? '') });
  }

  /** Stops pending processing timers (the process is going away). */
  stop(): void {
    for (const t of this.timers) this.clock.clearTimer(t);
    this.timers.clear();
  }

  async receive(req: UploadRequest): Promise<UploadAnswer> {
    const pod = this.pods.get(`${req.namespace}/cdi-upload-${req.claim}`);
    const cs = ((pod?.status as Any)?.containerStatuses ?? [])[0];
    // The proxy cannot reach a server that is not running: Go's client error becomes a 500.
    if (!pod || (pod.status as Any)?.phase !== 'Running' || !cs?.state?.running) return drain(req, { code: 500, body: '' });
    if (req.method === 'HEAD' && req.async) return { code: 200, body: '' };
    if (req.method !== 'POST') return drain(req, { code: 404, body: '404 page not found\n' });
    const uid = pod.metadata.uid!;
    const st = this.state.get(uid);
    if (st === 'uploading' || st === 'processing') return drain(req, { code: 503, body: '' });
    if (st === 'done') return drain(req, { code: 409, body: '' });
    this.state.set(uid, 'uploading');
    try {
      const pvc = await this.mgr.client.get(PVCS, req.namespace, req.claim);
      const block = (pvc.spec as Any).volumeMode === 'Block';
      const capacity = Number(quantityValue(String((pvc.status as Any)?.capacity?.storage ?? (pvc.spec as Any).resources?.requests?.storage ?? '0')));
      // CDI keeps the filesystem overhead free on Filesystem volumes (data-processor.go).
      const available = block ? capacity : Math.floor(capacity * (1 - FILESYSTEM_OVERHEAD));
      const body = req.form ? formFilePart(req.body, req.contentType) : req.body;
      const image = await receiveImage(body, available, block ? '/dev/cdi-block-volume' : '/data/disk.img');
      this.state.set(uid, 'processing');
      const processed = this.process(pod, pvc, image);
      if (!req.async) await processed;
      return { code: 200, body: '' };
    } catch (e) {
      this.state.delete(uid);
      if (!(e instanceof UploadFailure)) return drain(req, { code: 500, body: `Saving stream failed: ${e instanceof Error ? e.message : String(e)}` });
      // uploadHandlerAsync: a ValidationSizeError is a 400, anything else a 500, with the reason in the body.
      return { code: e.code, body: `Saving stream failed: ${e.message}` };
    }
  }

  private process(pod: KubeObject, pvc: KubeObject, image: ReceivedImage): Promise<void> {
    const seconds = uploadProcessingSeconds(image.format, image.virtualSize, image.dataBytes, this.params);
    return new Promise<void>((resolve) => {
      const t = this.clock.setTimer(seconds * 1000, () => {
        this.timers.delete(t);
        void this.finish(pod, pvc, image)
          .catch((e) => {
            // The server would exit non-zero; here it becomes ready for another attempt.
            this.state.delete(pod.metadata.uid!);
            this.mgr.log(`upload server ${pod.metadata.name}: ${e instanceof Error ? e.message : String(e)}`);
          })
          .finally(resolve);
      });
      this.timers.add(t);
    });
  }

  private async finish(pod: KubeObject, pvc: KubeObject, image: ReceivedImage): Promise<void> {
    const ns = pvc.metadata.namespace!;
    const claim = pvc.metadata.name!;
    await recordClaimWrite(this.mgr.client, this.provisioner, ns, claim, image.dataBytes);
    await this.mgr.client.patch(PVCS, ns, claim, 'merge', { metadata: { annotations: { [UPLOAD_ANN.format]: image.compression ? `${image.format}+${image.compression}` : image.format, [UPLOAD_ANN.virtualSize]: String(image.virtualSize), [UPLOAD_ANN.bytes]: String(image.wireBytes) } } });
    const current = await this.mgr.client.get(PODS, ns, pod.metadata.name!);
    this.state.set(pod.metadata.uid!, 'done');
    await exitSucceeded(this.mgr.client, current, this.clock.now(), 'Upload Complete');
  }
}

/** Reads a refused request's body to its end, so the client gets the answer instead of a reset connection. */
async function drain(req: UploadRequest, answer: UploadAnswer): Promise<UploadAnswer> {
  for await (const _ of req.body) void _;
  return answer;
}
