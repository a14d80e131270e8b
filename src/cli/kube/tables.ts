/**
 * Table requests (`Accept: application/json;as=Table;v=v1;g=meta.k8s.io`, what kubectl
 * get sends): a GET, a LIST followed over `continue` tokens, and a WATCH whose events
 * each carry a one-row Table.
 */
import { resourcePath, toStatusError, type Client, type ListQuery, type ResourceRef } from '../../client/client.js';
import type { LineStream } from '../../client/transport.js';
import type { Table } from './table-printer.js';

/** kubectl get's Accept header (k8s-api.md §1). */
export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

/** kubectl's default --chunk-size. */
export const CHUNK_SIZE = 500;

function query(q: Record<string, string | number | boolean | undefined>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') s.set(k, String(v));
  const out = s.toString();
  return out ? `?${out}` : '';
}

async function tableRequest(client: Client, path: string): Promise<Table> {
  const res = await client.transport.request({ method: 'GET', path, headers: { Accept: TABLE_ACCEPT } });
  const text = res.body.toString('utf8');
  if (res.status < 200 || res.status >= 300) throw toStatusError(res.status, text);
  const doc = JSON.parse(text) as Table;
  if (doc.kind !== 'Table') throw new Error(`the server answered ${path} with ${String((doc as { kind?: unknown }).kind)} instead of a Table`);
  return doc;
}

/** One object as a Table. */
export function getTable(client: Client, r: ResourceRef, namespace: string | undefined, name: string): Promise<Table> {
  return tableRequest(client, resourcePath(r, namespace, name));
}

/** A whole collection as one Table, following `continue` in chunks of CHUNK_SIZE. */
export async function listTable(client: Client, r: ResourceRef, namespace: string | undefined, q: ListQuery = {}): Promise<Table> {
  let table: Table | undefined;
  let cont: string | undefined;
  do {
    const page = await tableRequest(client, resourcePath(r, namespace) + query({ labelSelector: q.labelSelector, fieldSelector: q.fieldSelector, limit: CHUNK_SIZE, continue: cont }));
    if (!table) table = page;
    else table.rows = [...(table.rows ?? []), ...(page.rows ?? [])];
    table.metadata = { resourceVersion: page.metadata?.resourceVersion };
    cont = page.metadata?.continue || undefined;
  } while (cont);
  return table;
}

/** A Table watch event. */
export interface TableEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: Table;
}

/** Watches a collection from `resourceVersion`, each event a one-row Table; `onEnd` when the server closes. */
export function watchTable(client: Client, r: ResourceRef, namespace: string | undefined, q: ListQuery, onEvent: (e: TableEvent) => void, onEnd: (err?: Error) => void): LineStream {
  let status = 200;
  const path = resourcePath(r, namespace) + query({ labelSelector: q.labelSelector, fieldSelector: q.fieldSelector, resourceVersion: q.resourceVersion, watch: true });
  return client.transport.stream(
    { method: 'GET', path, headers: { Accept: TABLE_ACCEPT } },
    {
      onStatus: (s) => (status = s),
      onLine: (line) => {
        if (status !== 200) return onEnd(toStatusError(status, line));
        const e = JSON.parse(line) as TableEvent;
        if (e.type === 'ERROR') return onEnd(toStatusError((e.object as unknown as { code?: number }).code ?? 500, JSON.stringify(e.object)));
        onEvent(e);
      },
      onEnd,
    },
  );
}
