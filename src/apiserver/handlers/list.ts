/**
 * LIST: served from the watch cache (a consistent read first waits for the cache to
 * reach the backend's revision), or from the backend for historical reads (`Exact`)
 * and continuations of a snapshot the cache has moved past. The response is assembled
 * from each object's cached JSON text without re-serializing it.
 */
import { StatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import type { Backend } from '../../storage/backend.js';
import { CompactedError } from '../../storage/backend.js';
import { negotiate } from '../http/negotiate.js';
import type { ServedResource } from '../registry/resource-registry.js';
import { decodeToJson, labelsOfJson, listPrefix } from '../storage/codec.js';
import { entryObject, type CacheEntry } from '../storage/watch-cache.js';
import { splitKey } from '../storage/cache-hub.js';
import { TablePrinter, type IncludeObject } from '../table/table.js';
import type { ApiDeps, RestRequest, RestResponse } from './context.js';
import { encodeContinue, parseListOptions, type ListOpts } from './list-options.js';
import { toYaml } from './yaml-output.js';

/** The selected page of a list. */
export interface ListPage {
  entries: CacheEntry[];
  revision: number;
  continueToken?: string;
  remaining?: number;
}

/** Handles GET on a collection (without watch). */
export async function handleList(deps: ApiDeps, req: RestRequest, backend: Backend, printers: (res: ServedResource) => TablePrinter): Promise<RestResponse> {
  const opts = parseListOptions(req.res, req.query);
  const rep = negotiate(req.headers.accept, ['table', 'json', 'yaml']);
  const page = await selectPage(deps, req.res, req.info.namespace, opts, backend);
  const meta: Record<string, unknown> = { resourceVersion: String(page.revision) };
  if (page.continueToken) meta.continue = page.continueToken;
  if (page.remaining !== undefined) meta.remainingItemCount = page.remaining;
  if (rep === 'table') {
    const include = (req.query.get('includeObject') ?? 'Metadata') as IncludeObject;
    const objs = page.entries.map((e) => servedObject(req.res, entryObject(e)));
    return { code: 200, body: printers(req.res).table(objs, deps.clock.now(), include, meta) };
  }
  if (rep === 'yaml') {
    const items = page.entries.map((e) => servedObject(req.res, entryObject(e)));
    return { code: 200, body: toYaml({ kind: req.res.listKind, apiVersion: req.res.apiVersion, metadata: meta, items }), raw: true, contentType: 'application/yaml' };
  }
  const items = page.entries.map((e) => servedJson(req.res, e)).join(',');
  return { code: 200, raw: true, body: `{"kind":"${req.res.listKind}","apiVersion":"${req.res.apiVersion}","metadata":${JSON.stringify(meta)},"items":[${items}]}` };
}

/** Picks the source and the page for list options (shared with watch's initial events). */
export async function selectPage(deps: ApiDeps, res: ServedResource, namespace: string | undefined, opts: ListOpts, backend: Backend): Promise<ListPage> {
  const cache = deps.hub.cacheFor(res.keyPrefix);
  const ns = res.namespaced ? namespace : undefined;
  // A name alone picks one key only when the namespace is known too (a cluster-wide list of a namespaced kind must scan).
  const nameOnly = res.namespaced && ns === undefined ? undefined : opts.fields.exact('metadata.name');
  const match = (e: CacheEntry) => opts.labels.matches(e.labels) && (opts.fields.requirements.length === 0 || opts.fields.matches(entryObject(e)));
  const filtered = opts.labels.empty && opts.fields.requirements.length === 0;

  const token = opts.continueToken;
  if (token && token.rv !== deps.hub.currentRevision()) return backendPage(res, ns, opts, backend, token.rv, token.start, match, filtered);
  if (!token && opts.resourceVersionMatch === 'Exact') return backendPage(res, ns, opts, backend, Number(opts.resourceVersion), undefined, match, filtered);

  let revision: number;
  if (token) revision = token.rv;
  else if (opts.resourceVersion === '') revision = await deps.hub.sync();
  else if (opts.resourceVersion === '0') revision = deps.hub.currentRevision();
  else {
    await waitForRevision(deps, Number(opts.resourceVersion));
    revision = deps.hub.currentRevision();
  }

  const out: CacheEntry[] = [];
  let last: string | undefined;
  let more = false;
  const it = nameOnly !== undefined && !token ? singleEntry(cache.items.get(keyFor(res, ns, nameOnly))) : cache.iterate(ns, token?.start);
  for (const e of it) {
    if (!match(e)) continue;
    if (opts.limit > 0 && out.length === opts.limit) {
      more = true;
      break;
    }
    out.push(e);
    last = e.key;
  }
  const page: ListPage = { entries: out, revision };
  if (more && last) {
    page.continueToken = encodeContinue(revision, last);
    if (filtered) page.remaining = countAfter(cache.iterate(ns, last));
  }
  return page;
}

async function waitForRevision(deps: ApiDeps, rv: number): Promise<void> {
  try {
    await deps.hub.waitFor(rv);
  } catch (e) {
    // apiserver's cacher: `Too large resource version`, a 504 Timeout with cause ResourceVersionTooLarge.
    throw new StatusError('Timeout', (e as Error).message, { causes: [{ reason: 'ResourceVersionTooLarge' as never, message: 'Too large resource version', field: '' }], retryAfterSeconds: 1 });
  }
}

async function backendPage(res: ServedResource, ns: string | undefined, opts: ListOpts, backend: Backend, revision: number, startAfter: string | undefined, match: (e: CacheEntry) => boolean, filtered: boolean): Promise<ListPage> {
  const prefix = listPrefix(res.keyPrefix, ns);
  const out: CacheEntry[] = [];
  let cursor = startAfter;
  let more = false;
  let remaining = 0;
  try {
    for (;;) {
      const chunk = await backend.list(prefix, { revision, startAfter: cursor, limit: Math.max(opts.limit, 500) });
      for (const kv of chunk.items) {
        cursor = kv.key;
        const json = decodeToJson(kv.value, kv.modRevision);
        const { rest } = splitKey(kv.key);
        const e: CacheEntry = { key: kv.key, namespace: rest.length > 1 ? rest[0] : undefined, name: rest[rest.length - 1], rv: kv.modRevision, json, labels: labelsOfJson(json) };
        if (!match(e)) continue;
        if (opts.limit > 0 && out.length === opts.limit) {
          more = true;
          break;
        }
        out.push(e);
      }
      if (more || !chunk.more) {
        remaining = more ? chunk.remaining : 0;
        break;
      }
    }
  } catch (e) {
    if (e instanceof CompactedError) {
      if (startAfter !== undefined) {
        throw new StatusError('Expired', 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.');
      }
      throw new StatusError('Expired', `The resourceVersion for the provided list is too old.`);
    }
    throw e;
  }
  const page: ListPage = { entries: out, revision };
  if (more) {
    page.continueToken = encodeContinue(revision, out[out.length - 1].key);
    if (filtered) page.remaining = remaining;
  }
  return page;
}

function* singleEntry(e: CacheEntry | undefined): Generator<CacheEntry> {
  if (e) yield e;
}

function keyFor(res: ServedResource, ns: string | undefined, name: string): string {
  return ns ? `${res.keyPrefix}${ns}/${name}` : `${res.keyPrefix}${name}`;
}

function countAfter(it: Iterable<CacheEntry>): number {
  let n = 0;
  for (const _ of it) n++;
  return n;
}

/** The object as served at the request's version (stored objects of other versions are relabelled, None conversion). */
export function servedObject(res: ServedResource, obj: KubeObject): KubeObject {
  return obj.apiVersion === res.apiVersion ? obj : { ...obj, apiVersion: res.apiVersion };
}

/** The JSON text of an entry as served at the request's version. */
export function servedJson(res: ServedResource, e: CacheEntry): string {
  if (e.json.startsWith(`{"apiVersion":"${res.apiVersion}"`)) return e.json;
  return JSON.stringify(servedObject(res, entryObject(e)));
}
