/**
 * EtcdBackend: the storage contract on a real etcd 3.4+ (npm `etcd3`), the way kube-apiserver
 * uses it (`staging/src/k8s.io/apiserver/pkg/storage/etcd3/store.go`): guarded transactions
 * `If(mod == rev)`, creates `If(create == 0)`, watches from a start revision with prev_kv, and
 * the compacted revision kept in `compact_rev_key` (`.../etcd3/compact.go`).
 */
import { CompareResult, CompareTarget, Etcd3, type ICompare, type IOptions, type KVClient } from 'etcd3';
import {
  CompactedError,
  ConflictError,
  KeyExistsError,
  KeyNotFoundError,
  type Backend,
  type KeyValue,
  type ListOptions,
  type ListResult,
  type Watch,
  type WatchHandlers,
} from '../backend.js';
import { checkValueSize } from '../log-row.js';
import { failedWatch } from '../watch-hub.js';
import { KeySpace, mapEtcdError, prefixEnd } from './etcd-convert.js';
import { startEtcdWatch } from './etcd-watch.js';

/** Options of `EtcdBackend.connect`. */
export interface EtcdBackendOptions {
  /** Client URLs, e.g. `http://127.0.0.1:2379`. */
  endpoints: string[];
  /** Prefix of every key in etcd; must start with `/` (default `/ove`). */
  prefix?: string;
  /** Further etcd3 client options (TLS, auth, dial timeout). */
  client?: Omit<IOptions, 'hosts'>;
}

// kube-apiserver's key, outside every `/`-prefixed keyspace; compaction is cluster-wide anyway.
const COMPACT_KEY = Buffer.from('compact_rev_key');

/** The high-availability backend: etcd itself. */
export class EtcdBackend implements Backend {
  readonly #client: Etcd3;
  readonly #kv: KVClient;
  readonly #keys: KeySpace;
  readonly #watches = new Set<Watch>();
  #compacted = 0;
  #closed = false;

  private constructor(client: Etcd3, prefix: string) {
    this.#client = client;
    this.#kv = client.kv;
    this.#keys = new KeySpace(prefix);
  }

  /** Connects and reads the compacted revision. */
  static async connect(opts: EtcdBackendOptions): Promise<EtcdBackend> {
    const prefix = opts.prefix ?? '/ove';
    if (!prefix.startsWith('/')) throw new TypeError(`Cannot use etcd prefix '${prefix}': it must start with '/'`);
    const b = new EtcdBackend(new Etcd3({ ...opts.client, hosts: opts.endpoints }), prefix);
    try {
      await b.compactedRevision();
    } catch (err) {
      b.#client.close();
      throw err;
    }
    return b;
  }

  async get(key: string): Promise<KeyValue | undefined> {
    const res = await this.#call(() => this.#kv.range({ key: this.#keys.full(key) }));
    return res.kvs[0] && this.#keys.kv(res.kvs[0]);
  }

  async list(prefix: string, opts: ListOptions = {}): Promise<ListResult> {
    const start = this.#keys.full(prefix);
    const after = opts.startAfter ? Buffer.concat([this.#keys.full(opts.startAfter), Buffer.from([0])]) : start;
    const revision = opts.revision || 0;
    const res = await this.#call(
      () => this.#kv.range({
        key: Buffer.compare(after, start) > 0 ? after : start,
        range_end: prefixEnd(start),
        limit: opts.limit || 0,
        revision,
      }),
      revision,
    );
    const items = res.kvs.map((kv) => this.#keys.kv(kv));
    return { items, revision: revision || Number(res.header.revision), more: res.more, remaining: Number(res.count) - items.length };
  }

  async create(key: string, value: Uint8Array): Promise<KeyValue> {
    checkValueSize(value);
    const k = this.#keys.full(key);
    const res = await this.#call(() => this.#kv.txn({
      compare: [cmp(k, CompareTarget.Create, CompareResult.Equal, 0)],
      success: [{ request_put: { key: k, value: buf(value) } }],
    }), 0, value.byteLength);
    if (!res.succeeded) throw new KeyExistsError(key);
    const rev = Number(res.header.revision);
    return { key, value, createRevision: rev, modRevision: rev };
  }

  async update(key: string, value: Uint8Array, expectedModRevision: number): Promise<KeyValue> {
    checkValueSize(value);
    const k = this.#keys.full(key);
    const res = await this.#call(() => this.#kv.txn({
      compare: [exists(k), cmp(k, CompareTarget.Mod, CompareResult.Equal, expectedModRevision)],
      success: [{ request_put: { key: k, value: buf(value), prev_kv: true } }],
      failure: [{ request_range: { key: k } }],
    }), 0, value.byteLength);
    if (!res.succeeded) throw this.#guardError(key, res.responses[0]!.response_range.kvs);
    const prev = res.responses[0]!.response_put.prev_kv;
    return { key, value, createRevision: Number(prev.create_revision), modRevision: Number(res.header.revision) };
  }

  async delete(key: string, expectedModRevision?: number): Promise<KeyValue> {
    const k = this.#keys.full(key);
    const guard = expectedModRevision === undefined ? [] : [cmp(k, CompareTarget.Mod, CompareResult.Equal, expectedModRevision)];
    const res = await this.#call(() => this.#kv.txn({
      compare: [exists(k), ...guard],
      success: [{ request_delete_range: { key: k, prev_kv: true } }],
      failure: [{ request_range: { key: k } }],
    }));
    if (!res.succeeded) throw this.#guardError(key, res.responses[0]!.response_range.kvs);
    const prev = this.#keys.kv(res.responses[0]!.response_delete_range.prev_kvs[0]!);
    return { ...prev, modRevision: Number(res.header.revision) };
  }

  watch(prefix: string, fromRevision: number, handlers: WatchHandlers): Watch {
    if (this.#closed) throw new Error('Cannot use the etcd backend: it is closed');
    // etcd serves a watch from the compacted revision itself; the contract (and the other
    // backends) need every event after fromRevision, so refuse what compact() forgot.
    if (fromRevision < this.#compacted) return failedWatch(new CompactedError(fromRevision, this.#compacted), handlers);
    const inner = startEtcdWatch(this.#client, this.#keys, prefix, fromRevision, handlers, async () => (await this.compactedRevision()) - 1);
    const watch: Watch = {
      cancel: () => {
        this.#watches.delete(watch);
        inner.cancel();
      },
    };
    this.#watches.add(watch);
    return watch;
  }

  async compact(revision: number): Promise<void> {
    await this.#recordCompaction(revision);
    try {
      await this.#kv.compact({ revision, physical: true });
    } catch (err) {
      if (!(mapEtcdError(err, {}) instanceof CompactedError)) throw err;
    }
  }

  async currentRevision(): Promise<number> {
    const res = await this.#call(() => this.#kv.range({ key: COMPACT_KEY, count_only: true }));
    return Number(res.header.revision);
  }

  async compactedRevision(): Promise<number> {
    const res = await this.#call(() => this.#kv.range({ key: COMPACT_KEY }));
    const stored = res.kvs[0] ? Number(res.kvs[0].value.toString()) : 0;
    this.#compacted = Math.max(this.#compacted, stored);
    return this.#compacted + 1;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const w of [...this.#watches]) w.cancel();
    this.#client.close();
  }

  /** Raises compact_rev_key to `revision` (never lowers it), as kube-apiserver's compactor does before compacting. */
  async #recordCompaction(revision: number): Promise<void> {
    for (;;) {
      const cur = await this.#call(() => this.#kv.range({ key: COMPACT_KEY }));
      const kv = cur.kvs[0];
      const stored = kv ? Number(kv.value.toString()) : 0;
      if (stored >= revision) return void (this.#compacted = Math.max(this.#compacted, stored));
      const current = Number(cur.header.revision);
      if (revision > current) throw new RangeError(`required revision is a future revision: requested ${revision}, current ${current}`);
      const res = await this.#call(() => this.#kv.txn({
        compare: [cmp(COMPACT_KEY, CompareTarget.Mod, CompareResult.Equal, kv ? kv.mod_revision : 0)],
        success: [{ request_put: { key: COMPACT_KEY, value: Buffer.from(String(revision)) } }],
      }));
      if (res.succeeded) return void (this.#compacted = Math.max(this.#compacted, revision));
    }
  }

  #guardError(key: string, kvs: Parameters<KeySpace['kv']>[0][]): Error {
    return kvs[0] ? new ConflictError(key, this.#keys.kv(kvs[0])) : new KeyNotFoundError(key);
  }

  async #call<T>(fn: () => Promise<T>, requested = 0, size = 0): Promise<T> {
    if (this.#closed) throw new Error('Cannot use the etcd backend: it is closed');
    try {
      return await fn();
    } catch (err) {
      const mapped = mapEtcdError(err, { requested, size });
      if (!(mapped instanceof CompactedError)) throw mapped;
      throw new CompactedError(requested, (await this.compactedRevision()) - 1);
    }
  }
}

function cmp(key: Buffer, target: CompareTarget, result: CompareResult, rev: number | string): ICompare {
  const field = target === CompareTarget.Create ? 'create_revision' : 'mod_revision';
  return { key, target, result, [field]: rev };
}

function exists(key: Buffer): ICompare {
  return { key, target: CompareTarget.Version, result: CompareResult.Greater, version: 0 };
}

function buf(value: Uint8Array): Buffer {
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}
