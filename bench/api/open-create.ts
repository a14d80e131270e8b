/**
 * Open-loop creates alone (`--rate` per second, `--count` sends, latency from the scheduled send
 * time) against `ove up` on sqlite, for iterating on tail latency; NODE_EXTRA passes node flags
 * to the server (e.g. `--max-semi-space-size=64`).
 * `node --import tsx bench/api/open-create.ts [--rate 1000] [--count 5000]`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpsApi } from '../../test/support/https-api.js';
import { freePort, startOve } from '../../test/support/ove-process.js';
import { openLoop, percentile } from './load.js';
import { createMany } from './scenario.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const rate = arg('rate', 1000);
const count = arg('count', 5000);
const dir = mkdtempSync(join(tmpdir(), 'ove-open-create-'));
const ove = await startOve({ dataDir: dir, port: await freePort(), storage: 'sqlite', nodeArgs: process.env.NODE_EXTRA ? process.env.NODE_EXTRA.split(' ') : [] });
const api = new HttpsApi(ove.url, ove.caPem, ove.adminToken, 64);
try {
  await api.request({ method: 'POST', path: '/api/v1/namespaces', body: { metadata: { name: 'open' } } });
  await createMany(api, 'open', 'warm', 2000, 64);
  const r = await openLoop(rate, count, async (i) => {
    const res = await api.request({ method: 'POST', path: '/api/v1/namespaces/open/configmaps', body: { metadata: { name: `o-${i}` }, data: { v: 'a'.repeat(1024) } } });
    if (res.status !== 201) throw new Error(`create: ${res.status}`);
  });
  const worst = r.latencies.map((l, i) => [l, i] as const).sort((a, b) => b[0] - a[0]).slice(0, 5);
  console.log(`creates at ${rate}/s (achieved ${r.achievedRate.toFixed(0)}/s): p50 ${percentile(r.latencies, 50).toFixed(1)} ms, p99 ${percentile(r.latencies, 99).toFixed(1)} ms; worst ${worst.map(([l, i]) => `${l.toFixed(0)}@${i}`).join(' ')}`);
} finally {
  api.close();
  await ove.stop();
  rmSync(dir, { recursive: true, force: true });
}
