import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAndKillWriter } from '../../../test/support/crash-writer-harness.js';
import { startEtcd, type EtcdServer } from '../../../test/support/etcd-server.js';
import { EtcdBackend } from './etcd-backend.js';

let etcd: EtcdServer;
beforeAll(async () => {
  etcd = await startEtcd();
});
afterAll(async () => {
  await etcd?.stop();
});

describe('EtcdBackend crash safety', () => {
  it('keeps every acknowledged write, with its revision, after the writer is killed with SIGKILL', async () => {
    const acked = await runAndKillWriter(['etcd', etcd.endpoint, '/crash-test'], 600);
    expect(acked.size).toBeGreaterThan(0);
    const b = await EtcdBackend.connect({ endpoints: [etcd.endpoint], prefix: '/crash-test' });
    for (const [key, ack] of acked) {
      const kv = await b.get(key);
      expect(kv, key).toBeDefined();
      expect(kv!.createRevision).toBe(ack.create);
      if (ack.update !== undefined) expect(kv!.modRevision).toBe(ack.update);
      else expect(kv!.modRevision).toBeGreaterThanOrEqual(ack.create);
    }
    await b.close();
  });
});
