/**
 * Watch delivery alone (the 1,000 watchers, 100 writes at 20/s) against `ove up` on sqlite:
 * `node --import tsx bench/api/watch-only.ts [--watchers 1000]`, for iterating on the fan-out path.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpsApi } from '../../test/support/https-api.js';
import { freePort, startOve } from '../../test/support/ove-process.js';
import { percentile } from './load.js';
import { cpuMs } from './scenario.js';
import { measureWatchLatency } from './watch-latency.js';

const at = process.argv.indexOf('--watchers');
const watchers = at >= 0 ? Number(process.argv[at + 1]) : 1000;
const dir = mkdtempSync(join(tmpdir(), 'ove-watch-only-'));
const ove = await startOve({ dataDir: dir, port: await freePort(), storage: 'sqlite' });
const api = new HttpsApi(ove.url, ove.caPem, ove.adminToken, 16);
try {
  await api.request({ method: 'POST', path: '/api/v1/namespaces', body: { metadata: { name: 'watch' } } });
  const cpu0 = cpuMs(ove.pid);
  const w = await measureWatchLatency(api, ove.url, ove.caPem, ove.adminToken, 'watch', watchers, 100, 20);
  const cpu = cpuMs(ove.pid) - cpu0;
  console.log(`${watchers} watchers: p50 ${percentile(w.fromAck, 50).toFixed(1)} ms, p99 ${percentile(w.fromAck, 99).toFixed(1)} ms from ack, ${w.missing} missing; server CPU ${(cpu / 100).toFixed(1)} ms per event fanned out`);
} finally {
  api.close();
  await ove.stop();
  rmSync(dir, { recursive: true, force: true });
}
