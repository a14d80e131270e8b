/**
 * HTTP upgrades (websockets) into the API server: authenticate and authorize exactly
 * as the request pipeline does, resolve the resource, then hand the socket to the
 * upgrade hook registered for `<group>/<plural>/<subresource>` (KubeVirt's console
 * and vnc). Failures are answered on the raw socket as a Status with its HTTP code.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { StatusError, internalError } from '../api/errors.js';
import type { UserInfo } from './authn/user.js';
import { authorizeRequest } from './authorize-request.js';
import { parseRequestPath, type RequestInfo } from './http/request-info.js';
import type { ServerDeps } from './server.js';

/** A resolved upgrade request. */
export interface UpgradeRequest {
  info: RequestInfo;
  user: UserInfo;
  query: URLSearchParams;
}

/** Takes over an upgraded socket (it must answer or destroy it). */
export type UpgradeHook = (deps: ServerDeps, req: UpgradeRequest, http: IncomingMessage, socket: Duplex, head: Buffer) => Promise<void>;

/** Handles one `upgrade` event of the HTTP server; hooks are keyed `<group>/<plural>/<subresource>`. */
export async function handleUpgrade(deps: ServerDeps, hooks: Map<string, UpgradeHook>, req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
  try {
    const url = new URL(req.url ?? '/', 'https://ove');
    const user = await authorizeRequest(deps, req, url);
    const info = parseRequestPath(url.pathname);
    const hook = info.isResource && info.subresource ? hooks.get(`${info.group}/${info.resource}/${info.subresource}`) : undefined;
    if (!hook || !info.name) throw new StatusError('NotFound', 'the server could not find the requested resource', {});
    await hook(deps, { info, user, query: url.searchParams }, req, socket, head);
  } catch (err) {
    rejectUpgrade(socket, err, (e) => deps.log('upgrade failed', e));
  }
}

/** Answers an upgrade with a Status error and closes the socket. */
export function rejectUpgrade(socket: Duplex, err: unknown, log?: (e: unknown) => void): void {
  const se = err instanceof StatusError ? err : internalError(err);
  if (!(err instanceof StatusError)) log?.(err);
  if (socket.destroyed) return;
  const body = JSON.stringify(se.toStatus());
  socket.end(`HTTP/1.1 ${se.code} ${se.reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}
