/**
 * WATCH: a newline-framed JSON stream of `{"type","object"}` events served from the
 * watch cache. Each event is serialized once per format and shared by all watchers.
 * A start revision older than the cache's history gets one ERROR event (410 Expired)
 * and the stream ends, which is how client-go and client-node know to re-list.
 */
import type { ServerResponse } from 'node:http';
import { StatusError } from '../../api/errors.js';
import { negotiate } from '../http/negotiate.js';
import type { ServedResource } from '../registry/resource-registry.js';
import { entryObject, type CacheEntry, type CacheEvent } from '../storage/watch-cache.js';
import type { TablePrinter, IncludeObject } from '../table/table.js';
import type { ApiDeps, RestRequest } from './context.js';
import { parseListOptions } from './list-options.js';
import { servedJson, servedObject } from './list.js';

/** Watches close when their writes back up past this many bytes (a stalled client). */
const MAX_BUFFERED = 32 * 1024 * 1024;
/** The cacher sends a bookmark about once a minute (staging/.../cacher/cacher.go). */
const BOOKMARK_INTERVAL_MS = 60_000;
/** `--min-request-timeout` default; each watch ends after a random 1-2x of it. */
const MIN_REQUEST_TIMEOUT_S = 1800;

/** Serves a watch request on `out` until the client leaves or the timeout ends it. */
export async function handleWatch(deps: ApiDeps, req: RestRequest, out: ServerResponse, printers: (res: ServedResource) => TablePrinter): Promise<void> {
  const { res } = req;
  const opts = parseListOptions(res, req.query);
  const rep = negotiate(req.headers.accept, ['table', 'json']);
  const include = (req.query.get('includeObject') ?? 'Metadata') as IncludeObject;
  const ns = res.namespaced ? req.info.namespace : undefined;
  const cache = deps.hub.cacheFor(res.keyPrefix);
  const printer = rep === 'table' ? printers(res) : undefined;

  const fromRv = opts.resourceVersion === '' || opts.resourceVersion === '0' ? undefined : Number(opts.resourceVersion);
  if (fromRv !== undefined && fromRv > deps.hub.currentRevision()) {
    try {
      await deps.hub.waitFor(fromRv);
    } catch (e) {
      throw new StatusError('Timeout', (e as Error).message, { retryAfterSeconds: 1 });
    }
  }

  out.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  out.flushHeaders?.();
  let columnsSent = false;
  const matches = (e: CacheEntry | undefined) =>
    !!e && (!ns || e.namespace === ns) && opts.labels.matches(e.labels) && (opts.fields.requirements.length === 0 || opts.fields.matches(entryObject(e)));
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    unsubscribe?.();
    clearInterval(bookmarks);
    clearTimeout(timeout);
    out.end();
  };
  const write = (line: string) => {
    if (closed) return;
    out.write(line);
    if (out.writableLength > MAX_BUFFERED) close();
  };
  const encode = (type: string, e: CacheEntry, ev?: CacheEvent): string => {
    if (!printer) {
      const k = `json:${type}`;
      const cached = ev?.encoded.get(k);
      if (cached) return cached;
      const line = `{"type":"${type}","object":${servedJson(res, e)}}\n`;
      ev?.encoded.set(k, line);
      return line;
    }
    const withColumns = !columnsSent;
    columnsSent = true;
    const k = `table:${type}:${include}:${withColumns}`;
    const cached = ev?.encoded.get(k);
    if (cached) return cached;
    const obj = servedObject(res, entryObject(e));
    const table = printer.table([obj], deps.clock.now(), include, { resourceVersion: String(e.rv) }, withColumns);
    const line = `{"type":"${type}","object":${JSON.stringify(table)}}\n`;
    ev?.encoded.set(k, line);
    return line;
  };
  const deliver = (ev: CacheEvent) => {
    const now = matches(ev.entry);
    const before = ev.type === 'MODIFIED' ? matches(ev.prev) : ev.type === 'DELETED';
    if (ev.type === 'DELETED') {
      if (matches(ev.prev)) write(encode('DELETED', ev.entry, ev));
    } else if (now && before) write(encode('MODIFIED', ev.entry, ev));
    else if (now) write(encode('ADDED', ev.entry, ev));
    else if (before) write(encode('DELETED', ev.entry, ev));
  };

  // Snapshot, history and subscription happen in one synchronous block: the cache
  // applies events synchronously, so nothing can fall between them.
  let unsubscribe: (() => void) | undefined;
  if (fromRv === undefined) {
    for (const e of cache.iterate(ns)) if (matches(e)) write(encode('ADDED', e));
    if (opts.sendInitialEvents) write(bookmark(res, deps.hub.currentRevision(), true));
  } else {
    const history = cache.eventsSince(fromRv);
    if (!history) {
      write(errorEvent(fromRv, cache.oldestServable));
      close();
      return;
    }
    if (opts.sendInitialEvents) {
      for (const e of cache.iterate(ns)) if (matches(e)) write(encode('ADDED', e));
      write(bookmark(res, deps.hub.currentRevision(), true));
    } else {
      for (const ev of history) {
        if (ns && ev.entry.namespace !== ns) continue;
        deliver(ev);
      }
    }
  }
  unsubscribe = cache.subscribe({ namespace: ns, deliver });

  const bookmarks = setInterval(() => {
    if (opts.allowWatchBookmarks) write(bookmark(res, deps.hub.currentRevision(), false));
  }, BOOKMARK_INTERVAL_MS);
  bookmarks.unref();
  const seconds = opts.timeoutSeconds ?? MIN_REQUEST_TIMEOUT_S * (1 + Math.random());
  const timeout = setTimeout(close, seconds * 1000);
  timeout.unref();
  out.on('close', close);
}

function bookmark(res: ServedResource, rv: number, initialEnd: boolean): string {
  const metadata: Record<string, unknown> = { resourceVersion: String(rv) };
  if (initialEnd) metadata.annotations = { 'k8s.io/initial-events-end': 'true' };
  return `{"type":"BOOKMARK","object":${JSON.stringify({ kind: res.kind, apiVersion: res.apiVersion, metadata })}}\n`;
}

/** The 410 as an ERROR event, with the cacher's wording (`too old resource version: %d (%d)`). */
function errorEvent(requested: number, oldest: number): string {
  const status = new StatusError('Expired', `too old resource version: ${requested} (${oldest})`).toStatus();
  return `{"type":"ERROR","object":${JSON.stringify(status)}}\n`;
}
