/** Writing responses: JSON bodies, Warning headers, and Status errors (one place for all of them). */
import type { ServerResponse } from 'node:http';
import { StatusError, internalError } from '../../api/errors.js';
import type { RestResponse } from '../handlers/context.js';

/** Writes a handler's response. */
export function respond(out: ServerResponse, r: RestResponse, contentType = 'application/json'): void {
  const body = r.raw ? (r.body as string) : JSON.stringify(r.body);
  const headers: Record<string, string | string[]> = { 'Content-Type': r.contentType ?? contentType, 'Cache-Control': 'no-cache, private' };
  // RFC 7234 warnings as kube writes them: `299 - "<text>"`.
  if (r.warnings?.length) headers.Warning = r.warnings.map((w) => `299 - ${JSON.stringify(w)}`);
  out.writeHead(r.code, headers);
  out.end(body);
}

/** Writes any error as a Status; unexpected errors become 500 InternalError. */
export function respondError(out: ServerResponse, err: unknown, log?: (e: unknown) => void): void {
  const se = err instanceof StatusError ? err : internalError(err);
  if (!(err instanceof StatusError)) log?.(err);
  if (out.headersSent) {
    out.end();
    return;
  }
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' };
  if (se.details?.retryAfterSeconds) headers['Retry-After'] = String(se.details.retryAfterSeconds);
  out.writeHead(se.code, headers);
  out.end(JSON.stringify(se.toStatus()));
}
