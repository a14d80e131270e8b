/**
 * API benchmark (issue 2): `ove up` as a child process over HTTPS, on sqlite and on etcd, with
 * its figures side by side: creates/s, updates/s, gets/s with 64 clients; p50/p99 of each at
 * 1,000 requests/s (open loop); LIST of 5,000; watch delivery to 1,000 watchers; resident
 * memory holding 100,000 objects of 1 KiB; and, in the same run, the raw backend's durable
 * single-write rate (bench/storage/measure.ts) with the ratio API creates/s ÷ that rate.
 *
 *   node --import tsx bench/api/main.ts [--only sqlite|etcd] [--quick] [--profile]
 *
 * `--profile` runs the server under `node --cpu-prof` and prints where its time went.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EtcdBackend } from '../../src/storage/etcd/etcd-backend.js';
import { SqliteBackend } from '../../src/storage/sqlite/sqlite-backend.js';
import type { Backend } from '../../src/storage/backend.js';
import { startEtcd, type EtcdServer } from '../../test/support/etcd-server.js';
import { freePort, startOve, type OveProcess } from '../../test/support/ove-process.js';
import { measureConcurrentWriteRate, measureDurableSingleWrites } from '../storage/measure.js';
import { topSelfTime } from './profile-summary.js';
import { SIZES, measureApi, measureMemory, type ApiFigures } from './scenario.js';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const profile = args.includes('--profile');
if (args.includes('--quick')) Object.assign(SIZES, { warmCreates: 1000, closedCreates: 1000, closedGets: 2000, openCount: 1000, watchers: 100, watchWrites: 20, memoryObjects: 5000 });

/** Everything measured for one backend. */
interface Column {
  api: ApiFigures;
  rawSingle: number;
  /** p99 latency (ms) of one raw durable write, worst of before/after: the disk's fsync tail. */
  rawP99Ms: number;
  memory: { seconds: number; rssMiB: number; emptyRssMiB: number };
}

const log = (s: string) => console.log(`  ${s}`);

async function withServer<T>(storage: string, fn: (ove: OveProcess) => Promise<T>, profileDir?: string): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'ove-bench-api-'));
  const ove = await startOve({ dataDir: dir, port: await freePort(), storage, nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [] });
  try {
    return await fn(ove);
  } finally {
    await ove.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

type Raw = { perSec: number; p50Ms: number; p99Ms: number };

async function rawSingleRate(open: () => Promise<Backend>, n: number): Promise<Raw> {
  const b = await open();
  try {
    await measureConcurrentWriteRate(b, 200, 16); // warm-up, as bench/storage does
    return await measureDurableSingleWrites(b, n);
  } finally {
    await b.close();
  }
}

function printProfile(dir: string): void {
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    console.log(`\n  server CPU profile ${join(dir, f)} (top self time):`);
    for (const line of topSelfTime(join(dir, f))) console.log(`    ${line}`);
  }
}

async function runSqlite(): Promise<Column> {
  console.log('sqlite:');
  const rawDir = mkdtempSync(join(tmpdir(), 'ove-bench-raw-'));
  try {
    // The disk is shared, so fsync speed drifts: the raw rate is taken right before and right
    // after the API's figures, and the ratio uses their mean.
    const rawRate = (n: number) => rawSingleRate(() => SqliteBackend.open(join(rawDir, `raw-${n}.db`)), 2000);
    const before = await rawRate(1);
    const profDir = profile ? mkdtempSync(join(tmpdir(), 'ove-bench-prof-')) : undefined;
    const api = await withServer('sqlite', (ove) => measureApi(ove, log), profDir);
    const after = await rawRate(2);
    log(`raw sqlite durable single writes: ${rawLine(before)} before, ${rawLine(after)} after the API figures`);
    if (profDir) printProfile(profDir);
    const memory = await withServer('sqlite', (ove) => measureMemory(ove, SIZES.memoryObjects, log));
    return { api, rawSingle: (before.perSec + after.perSec) / 2, rawP99Ms: Math.max(before.p99Ms, after.p99Ms), memory };
  } finally {
    rmSync(rawDir, { recursive: true, force: true });
  }
}

async function withEtcd<T>(fn: (etcd: EtcdServer, storage: string) => Promise<T>): Promise<T> {
  const etcd = await startEtcd();
  try {
    return await fn(etcd, `etcd://${etcd.endpoint.replace(/^http:\/\//, '')}`);
  } finally {
    await etcd.stop();
  }
}

async function runEtcd(): Promise<Column> {
  console.log('etcd:');
  const profDir = profile ? mkdtempSync(join(tmpdir(), 'ove-bench-prof-')) : undefined;
  const { api, rawSingle, rawP99Ms } = await withEtcd(async (etcd, storage) => {
    const rawRate = (n: number) => rawSingleRate(() => EtcdBackend.connect({ endpoints: [etcd.endpoint], prefix: `/raw-bench-${n}` }), 1000);
    const before = await rawRate(1);
    const figures = await withServer(storage, (ove) => measureApi(ove, log), profDir);
    const after = await rawRate(2);
    log(`raw etcd durable single writes: ${rawLine(before)} before, ${rawLine(after)} after the API figures`);
    return { api: figures, rawSingle: (before.perSec + after.perSec) / 2, rawP99Ms: Math.max(before.p99Ms, after.p99Ms) };
  });
  if (profDir) printProfile(profDir);
  const memory = await withEtcd((_, storage) => withServer(storage, (ove) => measureMemory(ove, SIZES.memoryObjects, log)));
  return { api, rawSingle, rawP99Ms, memory };
}

const rawLine = (r: Raw) => `${r.perSec.toFixed(0)}/s (p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(1)} ms each)`;

function printTable(cols: Record<string, Column>): void {
  const names = Object.keys(cols);
  const f = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
  const rows: [string, (c: Column) => string, string][] = [
    [`creates/s (${SIZES.clients} clients)`, (c) => f(c.api.createsPerSec), ''],
    ['raw backend durable single writes/s (mean of before/after)', (c) => f(c.rawSingle), ''],
    ['ratio API creates/s ÷ raw single', (c) => f(c.api.createsPerSec / c.rawSingle, 2), '≥ 1.0'],
    ['server CPU ms per create / update / get', (c) => `${f(c.api.cpuMsPer.create, 2)} / ${f(c.api.cpuMsPer.update, 2)} / ${f(c.api.cpuMsPer.get, 2)}`, ''],
    [`updates/s (${SIZES.clients} clients)`, (c) => f(c.api.updatesPerSec), ''],
    [`gets/s (${SIZES.clients} clients)`, (c) => f(c.api.getsPerSec), ''],
    [`create p50 / p99 ms at ${SIZES.rate}/s`, (c) => `${f(c.api.open.create.p50, 1)} / ${f(c.api.open.create.p99, 1)}`, 'p99 ≤ 25'],
    ['raw durable single write p99 ms (the disk’s fsync tail; worst of before/after)', (c) => f(c.rawP99Ms, 1), ''],
    [`update p50 / p99 ms at ${SIZES.rate}/s`, (c) => `${f(c.api.open.update.p50, 1)} / ${f(c.api.open.update.p99, 1)}`, ''],
    [`get p50 / p99 ms at ${SIZES.rate}/s`, (c) => `${f(c.api.open.get.p50, 1)} / ${f(c.api.open.get.p99, 1)}`, 'p99 ≤ 5'],
    [`LIST of ${SIZES.listObjects} p50 ms`, (c) => f(c.api.listP50Ms, 1), '≤ 100'],
    [`watch p50 / p99 ms to ${SIZES.watchers} watchers (from ack)`, (c) => `${f(c.api.watch.p50, 1)} / ${f(c.api.watch.p99, 1)}`, 'p99 ≤ 100'],
    ['watch deliveries missing', (c) => String(c.api.watch.missing), '0'],
    [`RSS MiB holding ${SIZES.memoryObjects} × 1 KiB`, (c) => f(c.memory.rssMiB), '≤ 1024'],
    [`time to create them, s`, (c) => f(c.memory.seconds, 1), ''],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  console.log(`\n${'figure'.padEnd(w0)}  ${names.map((n) => n.padStart(14)).join('  ')}  target`);
  for (const [label, get, target] of rows) console.log(`${label.padEnd(w0)}  ${names.map((n) => get(cols[n]!).padStart(14)).join('  ')}  ${target}`);
}

async function main(): Promise<void> {
  const cols: Record<string, Column> = {};
  if (!only || only === 'sqlite') cols.sqlite = await runSqlite();
  if (!only || only === 'etcd') cols.etcd = await runEtcd();
  printTable(cols);
}

await main();
