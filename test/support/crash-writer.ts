/**
 * A writer process for the crash tests: opens a backend and writes under load (32 workers,
 * each creating a key then updating it), printing `create|update <key> <revision>` to stdout
 * for every acknowledged write, until it is killed.
 *
 *   node --import tsx test/support/crash-writer.ts sqlite <file>
 *   node --import tsx test/support/crash-writer.ts etcd <endpoint> <prefix>
 */
import type { Backend } from '../../src/storage/backend.js';
import { EtcdBackend } from '../../src/storage/etcd/etcd-backend.js';
import { SqliteBackend } from '../../src/storage/sqlite/sqlite-backend.js';

const [kind, target, prefix] = process.argv.slice(2);
const backend: Backend = kind === 'sqlite'
  ? await SqliteBackend.open(target!)
  : await EtcdBackend.connect({ endpoints: [target!], prefix: prefix! });

const value = new Uint8Array(1024).fill(0x61);
let next = 0;

async function worker(): Promise<void> {
  for (;;) {
    const key = `/crash/k${next++}`;
    const c = await backend.create(key, value);
    // A pipe write is synchronous on Linux, so a printed ack is in the pipe before any kill.
    process.stdout.write(`create ${key} ${c.modRevision}\n`);
    const u = await backend.update(key, value, c.modRevision);
    process.stdout.write(`update ${key} ${u.modRevision}\n`);
  }
}

process.stdout.write('ready\n');
await Promise.all(Array.from({ length: 32 }, worker));
