/**
 * A dynamic Kubernetes client over a Transport: CRUD, patch (all four types), status,
 * list and watch for any resource, with failures surfaced as StatusError carrying the
 * server's Status. Controllers, the CLI and tests use it with either transport.
 */
import { StatusError, type Status } from '../api/errors.js';
import type { KubeObject } from '../api/types.js';
import type { LineStream, Transport } from './transport.js';

/** Names a resource the way URLs do. */
export interface ResourceRef {
  group: string;
  version: string;
  plural: string;
  namespaced: boolean;
}

/** A list response. */
export interface ObjectList<T = KubeObject> {
  apiVersion: string;
  kind: string;
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
  items: T[];
}

/** Query options of list and watch. */
export interface ListQuery {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  resourceVersion?: string;
  resourceVersionMatch?: string;
  allowWatchBookmarks?: boolean;
  timeoutSeconds?: number;
}

/** Options of writes. */
export interface WriteQuery {
  dryRun?: boolean;
  fieldManager?: string;
  fieldValidation?: 'Ignore' | 'Warn' | 'Strict';
  force?: boolean;
  subresource?: string;
}

/** A watch event. */
export interface WatchEvent<T = KubeObject> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: T;
}

const PATCH_TYPES = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
} as const;

/** The URL path of a resource's collection or object. */
export function resourcePath(r: ResourceRef, namespace?: string, name?: string, subresource?: string): string {
  let p = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  if (r.namespaced && namespace) p += `/namespaces/${encodeURIComponent(namespace)}`;
  p += `/${r.plural}`;
  if (name) p += `/${encodeURIComponent(name)}`;
  if (subresource) p += `/${subresource}`;
  return p;
}

function qs(q: Record<string, string | number | boolean | undefined>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') s.set(k, String(v));
  const out = s.toString();
  return out ? `?${out}` : '';
}

/** A dynamic client. */
export class Client {
  constructor(readonly transport: Transport) {}

  /** Sends a request and decodes JSON, turning non-2xx answers into StatusError. */
  async call<T>(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<T> {
    const payload = body === undefined ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    const res = await this.transport.request({ method, path, body: payload, headers: payload !== undefined ? { 'Content-Type': contentType } : {} });
    const text = res.text ?? res.body.toString('utf8');
    if (res.status < 200 || res.status >= 300) throw toStatusError(res.status, text);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  get<T = KubeObject>(r: ResourceRef, namespace: string | undefined, name: string, subresource?: string): Promise<T> {
    return this.call('GET', resourcePath(r, namespace, name, subresource));
  }

  list<T = KubeObject>(r: ResourceRef, namespace?: string, q: ListQuery = {}): Promise<ObjectList<T>> {
    return this.call('GET', resourcePath(r, namespace) + qs({ ...q }));
  }

  create<T extends KubeObject>(r: ResourceRef, obj: T, q: WriteQuery = {}): Promise<T> {
    return this.call('POST', resourcePath(r, obj.metadata.namespace) + writeQs(q), obj);
  }

  update<T extends KubeObject>(r: ResourceRef, obj: T, q: WriteQuery = {}): Promise<T> {
    return this.call('PUT', resourcePath(r, obj.metadata.namespace, obj.metadata.name, q.subresource) + writeQs(q), obj);
  }

  /** PUT to the status subresource. */
  updateStatus<T extends KubeObject>(r: ResourceRef, obj: T, q: WriteQuery = {}): Promise<T> {
    return this.update(r, obj, { ...q, subresource: 'status' });
  }

  patch<T = KubeObject>(r: ResourceRef, namespace: string | undefined, name: string, type: keyof typeof PATCH_TYPES, patch: unknown, q: WriteQuery = {}): Promise<T> {
    return this.call('PATCH', resourcePath(r, namespace, name, q.subresource) + writeQs(q), patch, PATCH_TYPES[type]);
  }

  delete<T = unknown>(r: ResourceRef, namespace: string | undefined, name: string, opts: { propagationPolicy?: string; gracePeriodSeconds?: number; preconditions?: { uid?: string; resourceVersion?: string }; dryRun?: boolean } = {}): Promise<T> {
    const { dryRun, ...body } = opts;
    return this.call('DELETE', resourcePath(r, namespace, name) + (dryRun ? '?dryRun=All' : ''), body);
  }

  /** Opens a watch; events arrive in order until the server closes it (`onEnd`). */
  watch<T = KubeObject>(r: ResourceRef, namespace: string | undefined, q: ListQuery, onEvent: (e: WatchEvent<T>) => void, onEnd: (err?: Error) => void): LineStream {
    let status = 200;
    return this.transport.stream(
      { method: 'GET', path: resourcePath(r, namespace) + qs({ ...q, watch: 'true' }) },
      {
        onStatus: (s) => (status = s),
        onLine: (line) => {
          if (status !== 200) {
            onEnd(toStatusError(status, line));
            return;
          }
          onEvent(JSON.parse(line) as WatchEvent<T>);
        },
        onEnd,
      },
    );
  }
}

function writeQs(q: WriteQuery): string {
  return qs({ dryRun: q.dryRun ? 'All' : undefined, fieldManager: q.fieldManager, fieldValidation: q.fieldValidation, force: q.force });
}

/** Builds a StatusError from an error response body. */
export function toStatusError(code: number, text: string): StatusError {
  try {
    const s = JSON.parse(text) as Status;
    if (s.kind === 'Status') return new StatusError(s.reason as never, s.message, s.details, s.code ?? code);
  } catch {
    // not a Status body
  }
  return new StatusError('InternalError', text || `HTTP ${code}`, undefined, code);
}
