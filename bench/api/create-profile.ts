/**
 * Profiles the create path alone: `ove up --no-twin` on sqlite under `node --cpu-prof`,
 * 64 HTTPS clients creating ConfigMaps of 1 KiB, then the server's inclusive profile.
 * `node --import tsx bench/api/create-profile.ts [--n 6000] [--storage sqlite|memory]`
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpsApi } from '../../test/support/https-api.js';
import { freePort, startOve } from '../../test/support/ove-process.js';
import { createMany, cpuMs } from './scenario.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : dflt;
};
const n = Number(arg('n', '6000'));
const storage = arg('storage', 'sqlite');
const dir = mkdtempSync(join(tmpdir(), 'ove-create-prof-'));
const profDir = mkdtempSync(join(tmpdir(), 'ove-create-prof-out-'));
const ove = await startOve({ dataDir: dir, port: await freePort(), storage, nodeArgs: [...(process.env.NODE_EXTRA ? process.env.NODE_EXTRA.split(' ') : []), ...(process.env.NOPROF ? [] : ['--cpu-prof', `--cpu-prof-dir=${profDir}`])] });
const api = new HttpsApi(ove.url, ove.caPem, ove.adminToken, 64);
try {
  await api.request({ method: 'POST', path: '/api/v1/namespaces', body: { metadata: { name: 'bench' } } });
  await createMany(api, 'bench', 'warm', Number(process.env.WARM ?? 1000), 64);
  const cpu0 = cpuMs(ove.pid);
  const { perSec } = await createMany(api, 'bench', 'cm', n, 64);
  console.log(`${storage}: ${perSec.toFixed(0)} creates/s, server CPU ${((cpuMs(ove.pid) - cpu0) / n).toFixed(3)} ms per create`);
} finally {
  api.close();
  await ove.stop();
  rmSync(dir, { recursive: true, force: true });
}
for (const f of readdirSync(profDir)) console.log(join(profDir, f));
