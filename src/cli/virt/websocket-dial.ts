/**
 * Opens KubeVirt's streaming subresources (console, vnc) as virtctl's kubecli does
 * (`staging/src/kubevirt.io/client-go/kubevirt/typed/core/v1/async.go`): a websocket GET
 * on the subresource path with the `plain.kubevirt.io` subprotocol, the kubeconfig's
 * bearer token and CA. A refused upgrade that carries a Status fails with the Status's
 * message; otherwise with `Can't connect to websocket (CODE): ...`.
 */
import WebSocket from 'ws';
import type { ClusterAccess } from '../kube/kubeconfig.js';
import { subresourcePath } from './subresource.js';

/** virtctl's websocket subprotocol: binary frames of raw bytes. */
export const PLAIN_STREAM_PROTOCOL = 'plain.kubevirt.io';

/** A failed dial, with the HTTP status when the server answered (0 when it did not). */
export class DialError extends Error {
  constructor(
    message: string,
    readonly statusCode: number,
  ) {
    super(message);
    this.name = 'DialError';
  }
}

/** The websocket URL of a VMI's streaming subresource. */
export function streamUrl(server: string, namespace: string, name: string, sub: string): string {
  const u = new URL(server);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.origin.replace(/\/$/, '') + u.pathname.replace(/\/$/, '') + subresourcePath('virtualmachineinstances', namespace, name, sub);
}

/** The message of a JSON `Status` body (what kubecli's enrichError returns), if it is one. */
export function statusMessage(contentType: string | undefined, body: string): string | undefined {
  if (!(contentType ?? '').startsWith('application/json')) return undefined;
  try {
    const s = JSON.parse(body) as { kind?: string; status?: string; message?: string };
    return s.kind === 'Status' && s.status !== 'Success' ? s.message ?? '' : undefined;
  } catch {
    return undefined;
  }
}

/** Dials once; resolves with the open socket. */
export function dialStream(access: Pick<ClusterAccess, 'server' | 'token' | 'ca' | 'insecureSkipTlsVerify'>, namespace: string, name: string, sub: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(streamUrl(access.server, namespace, name, sub), [PLAIN_STREAM_PROTOCOL], {
      headers: access.token ? { Authorization: `Bearer ${access.token}` } : {},
      ca: access.ca,
      rejectUnauthorized: !access.insecureSkipTlsVerify,
      perMessageDeflate: false,
    });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const code = res.statusCode ?? 0;
        const text = Buffer.concat(chunks).toString('utf8');
        reject(new DialError(statusMessage(res.headers['content-type'], text) ?? `Can't connect to websocket (${code}): websocket: bad handshake`, code));
        ws.terminate();
      });
    });
    ws.once('error', (err) => reject(new DialError(`Can't connect to websocket: ${err.message}`, 0)));
  });
}

/** Waits `ms` of wall time (the CLI polls a real server, not a modelled clock). */
function pause(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Dials until the VMI accepts: virt-api answers 400 while the VMI is not running, and
 * kubecli's SerialConsole retries those once a second until its timeout.
 */
export async function dialWhenRunning(access: Pick<ClusterAccess, 'server' | 'token' | 'ca' | 'insecureSkipTlsVerify'>, namespace: string, name: string, sub: string, timeoutMs: number, retryMs = 1000): Promise<WebSocket> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await dialStream(access, namespace, name, sub);
    } catch (err) {
      if (!(err instanceof DialError) || err.statusCode !== 400) throw err;
      if (Date.now() + retryMs > deadline) throw new DialError('Timeout trying to connect to the virtual machine instance', 0);
      await pause(retryMs);
    }
  }
}
