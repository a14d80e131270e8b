/**
 * Storage benchmark: durable single-write rate, group-committed rate at 64 writers and their
 * ratio, for sqlite (and etcd, started here); plus sqlite LIST and compaction of 5,000 keys.
 * References (shared/reference/k8s-api.md §4 "Our SQLite baseline", §6 "npm etcd3"): sqlite
 * synchronous=FULL one txn each 3,775/s, kine-style LIST of 5,000 rows 29–39 ms, compaction of
 * 5,000 superseded rows 35–39 ms; etcd3 sequential 1 KiB puts 685/s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Backend } from '../../src/storage/backend.js';
import { EtcdBackend } from '../../src/storage/etcd/etcd-backend.js';
import { SqliteBackend } from '../../src/storage/sqlite/sqlite-backend.js';
import { startEtcd } from '../../test/support/etcd-server.js';
import { measureConcurrentWriteRate, measureDurableSingleWriteRate } from './measure.js';

const REF = { sqliteSingle: 3775, etcdSingle: 685, kineList5000Ms: [29, 39], compact5000Ms: [35, 39] };

async function writeRates(name: string, b: Backend, single: number, concurrent: number, ref: number): Promise<void> {
  await measureConcurrentWriteRate(b, 200, 16); // warm-up
  const s = await measureDurableSingleWriteRate(b, single);
  const c = await measureConcurrentWriteRate(b, concurrent, 64);
  console.log(`${name} single durable writes:    ${s.toFixed(0)}/s (reference ${ref}/s, ratio ${(s / ref).toFixed(2)})`);
  console.log(`${name} 64 concurrent writers:    ${c.toFixed(0)}/s`);
  console.log(`${name} concurrent/single ratio:  ${(c / s).toFixed(1)}x`);
}

async function timeMs(fn: () => Promise<unknown>, times: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < times; i++) await fn();
  return (performance.now() - start) / times;
}

async function sqliteListAndCompact(b: SqliteBackend): Promise<void> {
  const value = new Uint8Array(2048).fill(0x62);
  let kvs = await Promise.all(Array.from({ length: 5000 }, (_, i) => b.create(`/list/ns${i % 50}/k${i}`, value)));
  await b.list('/list/'); // warm the page cache, as a running server's is
  const all = await timeMs(() => b.list('/list/'), 10);
  const ns = await timeMs(() => b.list('/list/ns7/'), 100);
  console.log(`sqlite LIST of 5,000 keys (2 KiB): ${all.toFixed(1)} ms (kine-style reference ${REF.kineList5000Ms.join('–')} ms, ratio ${(all / REF.kineList5000Ms[0]!).toFixed(2)})`);
  console.log(`sqlite LIST of one namespace (100): ${ns.toFixed(2)} ms (reference < 1 ms)`);
  const update = async () => void (kvs = await Promise.all(kvs.map((kv) => b.update(kv.key, value, kv.modRevision))));
  for (let round = 0; round < 4; round++) await update();
  await b.list('/list/');
  const deep = await timeMs(() => b.list('/list/'), 10);
  console.log(`sqlite LIST of 5,000 keys with 5 revisions each: ${deep.toFixed(1)} ms (ratio to 1 revision each ${(deep / all).toFixed(2)})`);
  await b.compact(await b.currentRevision());
  await update();
  const rev = await b.currentRevision();
  const start = performance.now();
  await b.compact(rev);
  const ms = performance.now() - start;
  console.log(`sqlite compact of 5,000 superseded rows: ${ms.toFixed(1)} ms (reference ${REF.compact5000Ms.join('–')} ms, ratio ${(ms / REF.compact5000Ms[0]!).toFixed(2)})`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ove-bench-storage-'));
  try {
    const sqlite = await SqliteBackend.open(join(dir, 'bench.db'));
    const commitsBefore = sqlite.commits;
    await writeRates('sqlite', sqlite, 2000, 20_000, REF.sqliteSingle);
    console.log(`sqlite transactions: ${sqlite.commits - commitsBefore} for ${200 + 2000 + 20_000} writes`);
    await sqlite.close();
    // A fresh file, as the reference's LIST and compaction figures were measured on one.
    const fresh = await SqliteBackend.open(join(dir, 'list.db'));
    await sqliteListAndCompact(fresh);
    await fresh.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const etcd = await startEtcd();
  try {
    const b = await EtcdBackend.connect({ endpoints: [etcd.endpoint], prefix: '/bench' });
    await writeRates('etcd', b, 1000, 5000, REF.etcdSingle);
    await b.close();
  } finally {
    await etcd.stop();
  }
}

await main();
