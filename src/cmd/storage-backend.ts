/** Chooses the storage backend from `--storage`: sqlite (default), memory, or `etcd://host:port[,host:port]`. */
import { join } from 'node:path';
import type { Backend } from '../storage/backend.js';
import { MemoryBackend } from '../storage/memory/memory-backend.js';
import { SqliteBackend } from '../storage/sqlite/sqlite-backend.js';
import { EtcdBackend } from '../storage/etcd/etcd-backend.js';

/** Opens the backend a `--storage` value names. */
export async function openBackend(spec: string, dataDir: string): Promise<Backend> {
  if (spec === 'memory') return new MemoryBackend();
  if (spec === 'sqlite') return SqliteBackend.open(join(dataDir, 'state.db'));
  if (spec.startsWith('etcd://')) {
    const endpoints = spec
      .slice('etcd://'.length)
      .split(',')
      .filter(Boolean)
      .map((h) => `http://${h}`);
    if (endpoints.length === 0) throw new Error(`--storage ${spec}: no etcd endpoints given (etcd://host:port[,host:port])`);
    return EtcdBackend.connect({ endpoints, prefix: '/ove' });
  }
  throw new Error(`--storage ${spec}: must be sqlite, memory or etcd://host:port[,host:port]`);
}
