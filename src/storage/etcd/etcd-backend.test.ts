import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEtcd, type EtcdServer } from '../../../test/support/etcd-server.js';
import { CompactedError, MAX_VALUE_BYTES, TooLargeError, type Backend } from '../backend.js';
import { collect } from '../contract/contract-context.js';
import { runBackendContract } from '../backend.contract.js';
import { EtcdBackend } from './etcd-backend.js';

// No skip when etcd is missing: startEtcd throws and every case fails.
let etcd: EtcdServer;
beforeAll(async () => {
  etcd = await startEtcd();
});
afterAll(async () => {
  await etcd?.stop();
});

const prefixes = new WeakMap<Backend, string>();
let n = 0;

async function connect(prefix: string): Promise<EtcdBackend> {
  const b = await EtcdBackend.connect({ endpoints: [etcd.endpoint], prefix });
  prefixes.set(b, prefix);
  return b;
}

runBackendContract('etcd', {
  create: () => connect(`/ove-test/${n++}/`),
  async reopen(b) {
    await b.close();
    return connect(prefixes.get(b)!);
  },
});

describe('EtcdBackend', () => {
  const enc = (s: string) => new TextEncoder().encode(s);

  it('maps etcd refusing a compacted watch or range (compacted by another client) to CompactedError', async () => {
    const stale = await connect(`/ove-test/${n++}/`);
    const other = await connect(`/ove-test/${n++}/`);
    const first = await stale.create('/k', enc('1'));
    let kv = first;
    for (let i = 0; i < 5; i++) kv = await stale.update('/k', enc(String(i)), kv.modRevision);
    await other.compact(kv.modRevision);

    const listErr = await stale.list('/', { revision: first.modRevision }).catch((e: Error) => e);
    expect(listErr).toBeInstanceOf(CompactedError);
    expect((listErr as CompactedError).compacted).toBe(kv.modRevision);
    const w = collect(stale, '/', first.modRevision - 1);
    const err = await w.failure;
    expect(err).toBeInstanceOf(CompactedError);
    expect((err as CompactedError).compacted).toBe(kv.modRevision);
    await stale.close();
    await other.close();
  });

  it('maps etcd refusing an oversize request to TooLargeError', async () => {
    const b = await connect(`/ove-test/${n++}/`);
    // Passes the client-side check (value = limit) but key and framing push the request over it.
    const err = await b.create('/k', new Uint8Array(MAX_VALUE_BYTES)).catch((e: Error) => e);
    expect(err).toBeInstanceOf(TooLargeError);
    expect(await b.get('/k')).toBeUndefined();
    await b.close();
  });

  it('refuses a prefix that does not start with a slash', async () => {
    await expect(EtcdBackend.connect({ endpoints: [etcd.endpoint], prefix: 'x' })).rejects.toThrow(/must start with/);
  });
});
