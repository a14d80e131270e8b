/**
 * virtctl image-upload's transfer (`pkg/virtctl/imageupload/upload.go`): a HEAD on
 * `<proxy>/v1beta1/upload-async` with the token decides between the async and the sync
 * path; the file is then POSTed as `application/octet-stream` with its length and
 * `Authorization: Bearer <token>`, streamed from disk through a progress meter; anything
 * but 200 is `unexpected return value CODE, BODY`, retried up to `--retry` times.
 */
import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** virtctl's uploadProxyURIAsync. */
export const UPLOAD_PATH_ASYNC = '/v1beta1/upload-async';
/** virtctl's uploadProxyURI. */
export const UPLOAD_PATH_SYNC = '/v1beta1/upload';

/** TLS settings for the proxy: the kubeconfig's CA, or no verification with --insecure. */
export interface ProxyTls {
  ca?: string;
  insecure: boolean;
}

/** path.Join of the proxy URL's path and an upload path, unless the URL already names it (ConstructUploadProxyPath). */
export function uploadUrl(proxyUrl: string, path: string): string {
  const u = new URL(proxyUrl);
  if (!proxyUrl.includes(path)) u.pathname = `${u.pathname.replace(/\/+$/, '')}${path}`;
  return u.toString();
}

function send(url: string, method: string, token: string, tls: ProxyTls, body?: { path: string; bytes: number; progress: (n: number) => void }): Promise<{ code: number; text: string }> {
  const u = new URL(url);
  const mod = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request(u, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/octet-stream', 'Content-Length': body.bytes } : {}) },
      ca: tls.ca,
      rejectUnauthorized: !tls.insecure,
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ code: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (!body) return void req.end();
    let sent = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        sent += chunk.length;
        body.progress(sent);
        cb(null, chunk);
      },
    });
    pipeline(createReadStream(body.path), meter, req).catch(reject);
  });
}

/** The URL to POST to: async when the proxy answers the HEAD probe with 200 (ConstructUploadProxyPathAsync). */
export async function chooseUploadUrl(proxyUrl: string, token: string, tls: ProxyTls): Promise<string> {
  const async = uploadUrl(proxyUrl, UPLOAD_PATH_ASYNC);
  const probe = await send(async, 'HEAD', token, tls).catch(() => undefined);
  return probe?.code === 200 ? async : uploadUrl(proxyUrl, UPLOAD_PATH_SYNC);
}

/** POSTs the file, retrying up to `retries` times; throws virtctl's error after the last. */
export async function postImage(url: string, token: string, tls: ProxyTls, file: string, retries: number, progress: (sent: number, total: number) => void): Promise<void> {
  const bytes = statSync(file).size;
  let last: unknown;
  for (let attempt = 1; attempt <= retries; attempt++) {
    try {
      const r = await send(url, 'POST', token, tls, { path: file, bytes, progress: (n) => progress(n, bytes) });
      if (r.code === 200) return;
      last = new Error(`unexpected return value ${r.code}, ${r.text}`);
    } catch (e) {
      last = e;
    }
    // virtctl sleeps retry × rand(50) ms between attempts.
    if (attempt < retries) await new Promise((r) => setTimeout(r, attempt * Math.floor(Math.random() * 50)));
  }
  throw new Error(`error uploading image after ${retries} retries: ${last instanceof Error ? last.message : String(last)}`);
}
