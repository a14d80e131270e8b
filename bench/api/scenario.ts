/**
 * The API benchmark's measurements against one running server: closed-loop throughput of
 * creates, updates and gets (64 clients), open-loop latency of each at 1,000 requests/s,
 * LIST of 5,000 objects, watch delivery to 1,000 watchers, and resident memory holding
 * 100,000 objects of 1 KiB.
 */
import { readFileSync } from 'node:fs';
import { HttpsApi } from '../../test/support/https-api.js';
import type { OveProcess } from '../../test/support/ove-process.js';
import { closedLoop, openLoop, percentile, type Op } from './load.js';
import { measureWatchLatency } from './watch-latency.js';

/** Sizes of one run (the defaults are the issue's). */
export const SIZES = {
  clients: 64,
  /** Creates before anything is measured: V8's optimizing compiler needs a few thousand requests
   * (with 500, the same server measured 2,700-3,000 creates/s instead of ~4,000 warm). */
  warmCreates: 5000,
  closedCreates: 4000,
  closedGets: 10_000,
  rate: 1000,
  openCount: 5000,
  listObjects: 5000,
  listRuns: 10,
  watchers: 1000,
  watchWrites: 100,
  watchWritesPerSec: 20,
  memoryObjects: 100_000,
};

/** Latency summary in ms. */
export interface Latency {
  p50: number;
  p99: number;
  achievedRate: number;
}

/** Figures of one server. */
export interface ApiFigures {
  /** Server CPU (user+system) ms per request in the closed-loop runs: independent of how busy the machine is. */
  cpuMsPer: { create: number; update: number; get: number };
  createsPerSec: number;
  updatesPerSec: number;
  getsPerSec: number;
  open: { create: Latency; update: Latency; get: Latency };
  listP50Ms: number;
  watch: { p50: number; p99: number; p99FromSend: number; missing: number; deliveries: number };
}

const PAYLOAD = 'a'.repeat(1024);
const cm = (name: string, extra: object = {}) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ...extra }, data: { v: PAYLOAD } });

function expectStatus(what: string, want: number) {
  return <R extends { status: number; text: string }>(r: R): R => {
    if (r.status !== want) throw new Error(`${what}: HTTP ${r.status} ${r.text.slice(0, 300)}`);
    return r;
  };
}

async function namespace(api: HttpsApi, name: string): Promise<void> {
  await api.request({ method: 'POST', path: '/api/v1/namespaces', body: { metadata: { name } } }).then(expectStatus(`namespace ${name}`, 201));
}

/** Creates `n` ConfigMaps named `${prefix}-i` in `ns` from `clients` workers; returns their resourceVersions and the rate. */
export async function createMany(api: HttpsApi, ns: string, prefix: string, n: number, clients: number): Promise<{ rvs: string[]; perSec: number }> {
  const rvs = new Array<string>(n);
  const perSec = await closedLoop(n, clients, async (i) => {
    const r = await api.request({ method: 'POST', path: `/api/v1/namespaces/${ns}/configmaps`, body: cm(`${prefix}-${i}`) }).then(expectStatus('create', 201));
    rvs[i] = r.json.metadata.resourceVersion;
  });
  return { rvs, perSec };
}

function updater(api: HttpsApi, ns: string, prefix: string, rvs: string[]): Op {
  return async (i) => {
    const name = `${prefix}-${i}`;
    const r = await api.request({ method: 'PUT', path: `/api/v1/namespaces/${ns}/configmaps/${name}`, body: cm(name, { resourceVersion: rvs[i] }) }).then(expectStatus('update', 200));
    rvs[i] = r.json.metadata.resourceVersion;
  };
}

function getter(api: HttpsApi, ns: string, prefix: string, n: number): Op {
  return async (i) => void (await api.request({ path: `/api/v1/namespaces/${ns}/configmaps/${prefix}-${i % n}` }).then(expectStatus('get', 200)));
}

const summary = (r: { latencies: number[]; achievedRate: number }): Latency => ({ p50: percentile(r.latencies, 50), p99: percentile(r.latencies, 99), achievedRate: r.achievedRate });

/** Runs every measurement but memory against `ove`; `log` gets progress lines. */
export async function measureApi(ove: OveProcess, log: (s: string) => void): Promise<ApiFigures> {
  const s = SIZES;
  const api = new HttpsApi(ove.url, ove.caPem, ove.adminToken, s.clients);
  // The open loops use the same 64 warm keep-alive connections as the closed loops (as wrk -c 64
  // would): a pool that opened a new connection whenever the server lagged spent the server's CPU
  // on TLS handshakes exactly when it was behind, and the backlog then fed itself. Requests that
  // wait for a free connection still count from their scheduled time.
  const wide = api;
  try {
    for (const ns of ['bench', 'open', 'list', 'watch']) await namespace(api, ns);
    await createMany(api, 'bench', 'warm', s.warmCreates, s.clients);

    let cpu = cpuMs(ove.pid);
    let own = process.cpuUsage();
    const cpuSince = (n: number) => {
      const now = cpuMs(ove.pid);
      const per = (now - cpu) / n;
      cpu = now;
      const mine = process.cpuUsage(own);
      own = process.cpuUsage();
      log(`  (load generator CPU ${((mine.user + mine.system) / 1000 / n).toFixed(2)} ms per request; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})`);
      return per;
    };
    const created = await createMany(api, 'bench', 'c', s.closedCreates, s.clients);
    const cpuCreate = cpuSince(s.closedCreates);
    log(`creates/s with ${s.clients} clients: ${created.perSec.toFixed(0)} (server CPU ${cpuCreate.toFixed(2)} ms each)`);
    const updatesPerSec = await closedLoop(s.closedCreates, s.clients, updater(api, 'bench', 'c', created.rvs));
    const cpuUpdate = cpuSince(s.closedCreates);
    log(`updates/s with ${s.clients} clients: ${updatesPerSec.toFixed(0)} (server CPU ${cpuUpdate.toFixed(2)} ms each)`);
    const getsPerSec = await closedLoop(s.closedGets, s.clients, getter(api, 'bench', 'c', s.closedCreates));
    const cpuGet = cpuSince(s.closedGets);
    log(`gets/s with ${s.clients} clients: ${getsPerSec.toFixed(0)} (server CPU ${cpuGet.toFixed(2)} ms each)`);

    const openRvs = new Array<string>(s.openCount);
    const create = summary(await openLoop(s.rate, s.openCount, async (i) => {
      const r = await wide.request({ method: 'POST', path: '/api/v1/namespaces/open/configmaps', body: cm(`o-${i}`) }).then(expectStatus('create', 201));
      openRvs[i] = r.json.metadata.resourceVersion;
    }));
    log(`create at ${s.rate}/s: p50 ${create.p50.toFixed(1)} ms, p99 ${create.p99.toFixed(1)} ms`);
    const update = summary(await openLoop(s.rate, s.openCount, updater(wide, 'open', 'o', openRvs)));
    log(`update at ${s.rate}/s: p50 ${update.p50.toFixed(1)} ms, p99 ${update.p99.toFixed(1)} ms`);
    const get = summary(await openLoop(s.rate, s.openCount, getter(wide, 'open', 'o', s.openCount)));
    log(`get at ${s.rate}/s: p50 ${get.p50.toFixed(1)} ms, p99 ${get.p99.toFixed(1)} ms`);

    await createMany(api, 'list', 'l', s.listObjects, s.clients);
    const listTimes: number[] = [];
    for (let i = 0; i <= s.listRuns; i++) {
      const t = performance.now();
      const r = await api.request({ path: '/api/v1/namespaces/list/configmaps', noParse: true }).then(expectStatus('list', 200));
      if (i > 0) listTimes.push(performance.now() - t);
      if (r.text.split('"name":"l-').length - 1 !== s.listObjects) throw new Error('LIST did not return every object');
    }
    const listP50Ms = percentile(listTimes, 50);
    log(`LIST of ${s.listObjects}: p50 ${listP50Ms.toFixed(1)} ms`);

    const w = await measureWatchLatency(api, ove.url, ove.caPem, ove.adminToken, 'watch', s.watchers, s.watchWrites, s.watchWritesPerSec);
    const watch = { p50: percentile(w.fromAck, 50), p99: percentile(w.fromAck, 99), p99FromSend: percentile(w.fromSend, 99), missing: w.missing, deliveries: w.fromAck.length };
    log(`watch to ${s.watchers} watchers: p50 ${watch.p50.toFixed(1)} ms, p99 ${watch.p99.toFixed(1)} ms from ack (${watch.deliveries} deliveries, ${watch.missing} missing)`);
    return { cpuMsPer: { create: cpuCreate, update: cpuUpdate, get: cpuGet }, createsPerSec: created.perSec, updatesPerSec, getsPerSec, open: { create, update, get }, listP50Ms, watch };
  } finally {
    api.close();
  }
}

/** Resident memory of a process in MiB (VmRSS of /proc/PID/status). */
export function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]) / 1024;
}

/** CPU time (user + system) a process has used, in ms (/proc/PID/stat fields 14 and 15, in clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  // After the command name, field 3 (state) is index 0, so utime (14) and stime (15) are 11 and 12.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Fills a fresh server with `n` ConfigMaps of 1 KiB and reads its resident memory. */
export async function measureMemory(ove: OveProcess, n: number, log: (s: string) => void): Promise<{ seconds: number; rssMiB: number; emptyRssMiB: number }> {
  const api = new HttpsApi(ove.url, ove.caPem, ove.adminToken, SIZES.clients);
  try {
    const emptyRssMiB = rssMiB(ove.pid);
    await namespace(api, 'mem');
    const t = performance.now();
    await createMany(api, 'mem', 'm', n, SIZES.clients);
    const seconds = (performance.now() - t) / 1000;
    const list = await api.request({ path: '/api/v1/namespaces/mem/configmaps?limit=1' }).then(expectStatus('list', 200));
    const stored = 1 + Number(list.json.metadata.remainingItemCount ?? 0);
    if (stored < n) throw new Error(`expected ${n} stored objects, the server lists ${stored}`);
    const rss = rssMiB(ove.pid);
    log(`memory holding ${n} objects of 1 KiB: ${rss.toFixed(0)} MiB (empty ${emptyRssMiB.toFixed(0)} MiB; filled in ${seconds.toFixed(1)} s)`);
    return { seconds, rssMiB: rss, emptyRssMiB };
  } finally {
    api.close();
  }
}
