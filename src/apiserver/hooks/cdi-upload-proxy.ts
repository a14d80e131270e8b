/**
 * cdi-uploadproxy, served on the API server's HTTPS listener under `/cdi-uploadproxy`
 * (OpenShift exposes the proxy through a Route; CDIConfig `status.uploadProxyURL` tells
 * clients where it is, and ove publishes this prefix there). As CDI's proxy does
 * (`pkg/uploadproxy/uploadproxy.go`): the paths `/v1beta1/upload`, `/v1beta1/upload-async`,
 * `/v1beta1/upload-form`, `/v1beta1/upload-form-async` (and the `v1alpha1` ones) and
 * `/healthz`; `Authorization: Bearer <token>` missing or malformed is a 400, a token that
 * does not validate a 401, a token for anything but uploading into a claim a 400; then
 * the claim must be an upload target whose upload pod is ready (polled every second for
 * 10 s), else 503 with the reason in the body; then the request goes to the claim's
 * upload server and its answer comes back. The API server's own authentication is not
 * involved: the upload token is the credential.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Client } from '../../client/client.js';
import type { Clock } from '../../lib/clock.js';
import type { UploadAnswer, UploadReceiver } from '../../controllers/data-volume/upload-receiver.js';
import type { UploadTokens } from './cdi-upload-token.js';

type Any = Record<string, any>;

/** Where ove serves the upload proxy on its listener. */
export const UPLOAD_PROXY_PREFIX = '/cdi-uploadproxy';

/** common.SyncUploadPaths, AsyncUploadPaths, SyncUploadFormPaths, AsyncUploadFormPaths. */
const ROUTES = new Map<string, { async: boolean; form: boolean }>();
for (const v of ['v1alpha1', 'v1beta1']) {
  ROUTES.set(`/${v}/upload`, { async: false, form: false });
  ROUTES.set(`/${v}/upload-async`, { async: true, form: false });
  ROUTES.set(`/${v}/upload-form`, { async: false, form: true });
  ROUTES.set(`/${v}/upload-form-async`, { async: true, form: true });
}

const AUTH = /^Bearer\s+([A-Za-z0-9\-._~+/]+=*)$/i;
/** waitReadyTime and waitReadyImterval of the proxy. */
const WAIT_READY = { totalMs: 10_000, intervalMs: 1000 };

/** What the proxy works with. */
export interface UploadProxyDeps {
  tokens: UploadTokens;
  /** A client to read claims with (the loopback client, once it exists). */
  client: () => Client;
  /** The upload servers, once the controllers run. */
  receiver: () => UploadReceiver | undefined;
  clock: Clock;
  log(msg: string, err?: unknown): void;
}

/** Wraps a listener: requests under the prefix go to the upload proxy, the rest to `inner`. */
export function withCdiUploadProxy(inner: (req: IncomingMessage, out: ServerResponse) => void, deps: UploadProxyDeps): (req: IncomingMessage, out: ServerResponse) => void {
  return (req, out) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== UPLOAD_PROXY_PREFIX && !path.startsWith(`${UPLOAD_PROXY_PREFIX}/`)) return inner(req, out);
    proxy(deps, req, path.slice(UPLOAD_PROXY_PREFIX.length)).then(
      (a) => reply(out, a),
      (e) => (deps.log('upload proxy request failed', e), reply(out, { code: 500, body: '' })),
    );
  };
}

function reply(out: ServerResponse, a: UploadAnswer): void {
  if (out.headersSent) return void out.end();
  out.writeHead(a.code, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(a.body) });
  out.end(a.body);
}

async function proxy(d: UploadProxyDeps, req: IncomingMessage, path: string): Promise<UploadAnswer> {
  if (path === '/healthz') return { code: 200, body: 'OK' };
  const route = ROUTES.get(path);
  if (!route) return refuse(req, 404, '404 page not found\n');
  const m = AUTH.exec(req.headers.authorization ?? '');
  if (!m) return refuse(req, 400, '');
  const token = d.tokens.validate(m[1], d.clock.now());
  if (!token) return refuse(req, 401, '');
  if (token.operation !== 'Upload' || !token.name || !token.namespace || token.resource?.resource !== 'persistentvolumeclaims') return refuse(req, 400, '');
  const notReady = await uploadReady(d, token.namespace, token.name);
  if (notReady) return refuse(req, 503, notReady);
  const receiver = d.receiver();
  if (!receiver) return refuse(req, 500, '');
  return receiver.receive({ namespace: token.namespace, claim: token.name, method: (req.method ?? 'GET').toUpperCase(), async: route.async, form: route.form, contentType: req.headers['content-type'], body: req });
}

/** Why the claim cannot take an upload now (undefined when it can), as the proxy's uploadReady reports it. */
async function uploadReady(d: UploadProxyDeps, namespace: string, name: string): Promise<string | undefined> {
  const PVCS = { group: '', version: 'v1', plural: 'persistentvolumeclaims', namespaced: true };
  for (let waited = 0; ; waited += WAIT_READY.intervalMs) {
    const pvc = await d.client().get(PVCS, namespace, name).catch((e: { code?: number }) => {
      if (e?.code === 404) return undefined;
      throw e;
    });
    if (!pvc) return `rejecting Upload Request for PVC ${name} that doesn't exist`;
    const ann = (pvc.metadata.annotations ?? {}) as Any;
    if (!('cdi.kubevirt.io/storage.upload.target' in ann)) return `PVC ${name} is not an upload target`;
    if (ann['cdi.kubevirt.io/storage.pod.phase'] === 'Succeeded') return `rejecting Upload Request for PVC ${name} that already finished uploading`;
    if (ann['cdi.kubevirt.io/storage.pod.ready'] === 'true') return undefined;
    if (waited >= WAIT_READY.totalMs) return 'timed out waiting for the condition';
    await new Promise<void>((r) => d.clock.setTimer(WAIT_READY.intervalMs, r));
  }
}

/** Answers without forwarding, after reading the body to its end (so the client sees the answer, not a reset). */
async function refuse(req: IncomingMessage, code: number, body: string): Promise<UploadAnswer> {
  for await (const _ of req) void _;
  return { code, body };
}
