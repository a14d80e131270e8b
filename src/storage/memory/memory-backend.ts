/**
 * MemoryBackend: the storage contract held in process memory, for unit tests. It keeps the
 * full log (history, watch from a past revision, compaction) with the same write semantics
 * as the sqlite backend (`../log-row.ts`), so tests see real etcd-like behaviour.
 */
import {
  CompactedError,
  type Backend,
  type KeyValue,
  type ListOptions,
  type ListResult,
  type Watch,
  type WatchHandlers,
} from '../backend.js';
import {
  checkValueSize,
  futureRevisionError,
  planWrite,
  rowEvent,
  rowResult,
  rowValue,
  type LogRow,
  type WriteOp,
} from '../log-row.js';
import { WatchHub } from '../watch-hub.js';

/** An in-memory backend with etcd semantics (history, watch, compaction); nothing survives the process. */
export class MemoryBackend implements Backend {
  #log: LogRow[] = [];
  /** Latest row of each key, tombstones included (their revision links a re-create). */
  readonly #latest = new Map<string, LogRow>();
  /** Live keys in sorted order. */
  #keys: string[] = [];
  // Like etcd, an empty store is at revision 1, so the first write gets 2.
  #revision = 1;
  #compacted = 0;
  #closed = false;
  readonly #hub = new WatchHub();

  async get(key: string): Promise<KeyValue | undefined> {
    this.#open();
    return rowValue(this.#latest.get(key));
  }

  async list(prefix: string, opts: ListOptions = {}): Promise<ListResult> {
    this.#open();
    const at = opts.revision || 0;
    if (at > 0 && at < this.#compacted) throw new CompactedError(at, this.#compacted);
    if (at > this.#revision) throw futureRevisionError(at, this.#revision);
    const after = opts.startAfter ?? '';
    const matching = at > 0 ? this.#stateAt(at) : this.#liveFrom(prefix, after);
    const all = matching.filter((kv) => kv.key.startsWith(prefix) && kv.key > after);
    const limit = opts.limit || 0;
    const items = limit > 0 ? all.slice(0, limit) : all;
    return { items, revision: at || this.#revision, more: items.length < all.length, remaining: all.length - items.length };
  }

  create(key: string, value: Uint8Array): Promise<KeyValue> {
    return this.#write({ kind: 'create', key, value });
  }

  update(key: string, value: Uint8Array, expectedModRevision: number): Promise<KeyValue> {
    return this.#write({ kind: 'update', key, value, expected: expectedModRevision });
  }

  delete(key: string, expectedModRevision?: number): Promise<KeyValue> {
    return this.#write({ kind: 'delete', key, expected: expectedModRevision });
  }

  watch(prefix: string, fromRevision: number, handlers: WatchHandlers): Watch {
    this.#open();
    if (fromRevision < this.#compacted) return this.#hub.failed(new CompactedError(fromRevision, this.#compacted), handlers);
    const start = this.#firstAfter(fromRevision);
    const history = this.#log.slice(start).filter((r) => r.key.startsWith(prefix)).map(rowEvent);
    return this.#hub.subscribe(prefix, fromRevision, history, handlers);
  }

  async compact(revision: number): Promise<void> {
    this.#open();
    if (revision <= this.#compacted) return;
    if (revision > this.#revision) throw futureRevisionError(revision, this.#revision);
    const superseded = new Set<number>();
    for (const row of this.#log) {
      if (row.revision > revision) break;
      superseded.add(row.prevRevision);
    }
    const gone = (r: LogRow) => r.revision <= revision && (r.deleted || superseded.has(r.revision));
    for (const [key, row] of this.#latest) if (gone(row)) this.#latest.delete(key);
    this.#log = this.#log.filter((r) => !gone(r));
    this.#compacted = revision;
  }

  async currentRevision(): Promise<number> {
    this.#open();
    return this.#revision;
  }

  async compactedRevision(): Promise<number> {
    this.#open();
    return this.#compacted + 1;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#hub.closeAll();
  }

  async #write(op: WriteOp): Promise<KeyValue> {
    this.#open();
    if (op.kind !== 'delete') checkValueSize(op.value);
    // Copy, so a caller reusing its buffer cannot rewrite history.
    const planned = planWrite(op.kind === 'delete' ? op : { ...op, value: op.value.slice() }, this.#latest.get(op.key), this.#revision + 1);
    if (planned instanceof Error) throw planned;
    this.#revision = planned.revision;
    this.#log.push(planned);
    this.#latest.set(planned.key, planned);
    this.#index(planned);
    this.#hub.publish([rowEvent(planned)]);
    return rowResult(planned);
  }

  #index(row: LogRow): void {
    const i = lowerBound(this.#keys, row.key);
    const present = this.#keys[i] === row.key;
    if (row.deleted && present) this.#keys.splice(i, 1);
    else if (!row.deleted && !present) this.#keys.splice(i, 0, row.key);
  }

  #liveFrom(prefix: string, after: string): KeyValue[] {
    const from = lowerBound(this.#keys, prefix > after ? prefix : after);
    const out: KeyValue[] = [];
    for (let i = from; i < this.#keys.length && this.#keys[i]!.startsWith(prefix); i++) {
      out.push(rowValue(this.#latest.get(this.#keys[i]!))!);
    }
    return out;
  }

  #stateAt(revision: number): KeyValue[] {
    const state = new Map<string, LogRow>();
    for (const row of this.#log) {
      if (row.revision > revision) break;
      if (row.deleted) state.delete(row.key);
      else state.set(row.key, row);
    }
    return [...state.values()].map((r) => rowValue(r)!).sort((a, b) => (a.key < b.key ? -1 : 1));
  }

  #firstAfter(revision: number): number {
    let lo = 0;
    let hi = this.#log.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#log[mid]!.revision <= revision) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  #open(): void {
    if (this.#closed) throw new Error('Cannot use the memory backend: it is closed');
  }
}

function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
