import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ConflictError, KeyExistsError, KeyNotFoundError, type Backend } from '../backend.js';
import { runBackendContract } from '../backend.contract.js';
import { SqliteBackend } from './sqlite-backend.js';

const dir = mkdtempSync(join(tmpdir(), 'ove-sqlite-'));
const paths = new WeakMap<Backend, string>();
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function openAt(path: string): Promise<SqliteBackend> {
  const b = await SqliteBackend.open(path, { compactBatch: 3 });
  paths.set(b, path);
  return b;
}

runBackendContract('sqlite', {
  create: () => openAt(join(dir, `contract-${n++}.db`)),
  async reopen(b) {
    await b.close();
    return openAt(paths.get(b)!);
  },
});

describe('SqliteBackend group commit', () => {
  const enc = (s: string) => new TextEncoder().encode(s);

  it('commits the writes of one tick in one transaction, each failing on its own', async () => {
    const b = await openAt(join(dir, `gc-${n++}.db`));
    const base = await b.create('/g/k', enc('0'));
    const before = b.commits;
    const ops = [
      b.create('/g/a', enc('a')),
      b.create('/g/a', enc('dup')),
      b.update('/g/k', enc('1'), base.modRevision),
      b.update('/g/k', enc('2'), base.modRevision),
      b.delete('/g/missing'),
      b.delete('/g/a'),
      b.create('/g/a', enc('again')),
    ];
    const settled = await Promise.allSettled(ops);
    expect(b.commits - before).toBe(1);
    const reason = (i: number) => (settled[i] as PromiseRejectedResult).reason;
    const value = (i: number) => (settled[i] as PromiseFulfilledResult<{ modRevision: number }>).value;
    expect(reason(1)).toBeInstanceOf(KeyExistsError);
    expect(reason(3)).toBeInstanceOf(ConflictError);
    expect(reason(3).current.modRevision).toBe(value(2).modRevision);
    expect(reason(4)).toBeInstanceOf(KeyNotFoundError);
    expect([0, 2, 5, 6].map((i) => value(i).modRevision)).toEqual([2, 3, 4, 5].map((d) => base.modRevision + d - 1));
    expect(new TextDecoder().decode((await b.get('/g/a'))!.value)).toBe('again');
    await b.close();
  });

  it('lists 5,000 keys and a 100-key page from them', async () => {
    const b = await openAt(join(dir, `big-${n++}.db`));
    const value = new Uint8Array(512).fill(1);
    await Promise.all(Array.from({ length: 5000 }, (_, i) => b.create(`/big/ns${i % 50}/k${i}`, value)));
    const all = await b.list('/big/');
    expect(all.items).toHaveLength(5000);
    const ns = await b.list('/big/ns7/', { limit: 60 });
    expect(ns.items).toHaveLength(60);
    expect(ns.remaining).toBe(40);
    await b.close();
  });

  it('compaction deletes superseded rows and tombstones, in batches, and keeps current rows', async () => {
    const path = join(dir, `compact-${n++}.db`);
    const b = await openAt(path);
    const a = await b.create('/c/a', enc('1'));
    const a2 = await b.update('/c/a', enc('2'), a.modRevision);
    await b.create('/c/b', enc('x'));
    const bDel = await b.delete('/c/b');
    const c = await b.create('/c/c', enc('y'));
    await b.compact(bDel.modRevision);
    await b.close();
    const db = new Database(path, { readonly: true });
    const ids = db.prepare('SELECT id FROM log ORDER BY id').pluck().all();
    const meta = Object.fromEntries((db.prepare('SELECT key, value FROM meta').raw().all() as [string, number][]));
    db.close();
    expect(ids).toEqual([a2.modRevision, c.modRevision]);
    expect(meta).toEqual({ compact_rev: bDel.modRevision, compact_done: bDel.modRevision });
  });

  it('refuses a second open of the same file while the first owns it', async () => {
    const path = join(dir, `own-${n++}.db`);
    const b = await openAt(path);
    await b.create('/o/k', enc('x'));
    await expect(SqliteBackend.open(path)).rejects.toThrow(/locked|busy/i);
    await b.close();
  });
});
