/**
 * SqliteBackend: the storage contract on one sqlite file (better-sqlite3), kine-style log
 * (see schema.ts), durable on acknowledgement (WAL fdatasynced after each commit), with
 * concurrent writes group-committed, one transaction per fsync (group-commit.ts). This process
 * owns the file, so watches are fed in-process right after each commit is durable, in
 * revision order.
 */
import type Database from 'better-sqlite3';
import { fdatasync, openSync, closeSync } from 'node:fs';
import {
  CompactedError,
  type Backend,
  type KeyValue,
  type ListOptions,
  type ListResult,
  type Watch,
  type WatchHandlers,
} from '../backend.js';
import { checkValueSize, futureRevisionError, planWrite, rowEvent, rowResult, rowValue, type LogRow, type WriteOp } from '../log-row.js';
import { WatchHub } from '../watch-hub.js';
import { GroupCommitter } from './group-commit.js';
import { openDatabase } from './schema.js';
import { SqliteStore } from './sqlite-store.js';

/** Options of `SqliteBackend.open`. */
export interface SqliteBackendOptions {
  /** Revisions compacted per transaction, so compaction never holds writers for long (kine: 1000). */
  compactBatch?: number;
  /** SQLite page cache in MiB (default 64). */
  cacheMiB?: number;
}

/** The default backend: one sqlite file with etcd semantics. */
export class SqliteBackend implements Backend {
  readonly #db: Database.Database;
  readonly #store: SqliteStore;
  readonly #committer: GroupCommitter;
  readonly #hub = new WatchHub();
  readonly #compactBatch: number;
  #revision: number;
  #compacted: number;
  #compaction: Promise<void> = Promise.resolve();
  #commits = 0;
  #closed = false;
  /** Revision of the last batch known durable (and published to watchers). */
  #durableRevision: number;
  /** Settles when every batch committed so far is on disk. */
  #durable: Promise<void> = Promise.resolve();
  #walFd?: number;

  private constructor(db: Database.Database, opts: SqliteBackendOptions, readonly path = '') {
    this.#db = db;
    this.#store = new SqliteStore(db);
    this.#compactBatch = opts.compactBatch ?? 1000;
    this.#compacted = this.#store.meta('compact_rev');
    // Like etcd, an empty store is at revision 1. Ids are never reused, so the highest one
    // ever assigned survives even when compaction deleted its row.
    this.#revision = Math.max(1, this.#store.maxRevision(), this.#compacted);
    this.#durableRevision = this.#revision;
    this.#committer = new GroupCommitter((ops) => this.#commitBatch(ops));
  }

  /** Opens (or creates) the store at `path`; everything acknowledged before is there. */
  static async open(path: string, opts: SqliteBackendOptions = {}): Promise<SqliteBackend> {
    return new SqliteBackend(openDatabase(path, opts.cacheMiB), opts, path);
  }

  /** Write transactions committed so far (one fsync each): shows group commit at work. */
  get commits(): number {
    return this.#commits;
  }

  async get(key: string): Promise<KeyValue | undefined> {
    this.#check();
    // Reads wait for the fsync in flight, so nothing read can be lost by a crash.
    await this.#durable;
    return rowValue(this.#store.latestRow(key));
  }

  async list(prefix: string, opts: ListOptions = {}): Promise<ListResult> {
    this.#check();
    const at = opts.revision || 0;
    if (at > 0 && at < this.#compacted) throw new CompactedError(at, this.#compacted);
    if (at > this.#revision) throw futureRevisionError(at, this.#revision);
    await this.#durable;
    const page = { prefix, after: opts.startAfter ?? '', limit: opts.limit && opts.limit > 0 ? opts.limit : -1 };
    const { items, total } = at > 0 ? this.#store.listAt(page, at) : this.#store.listLatest(page);
    const more = total !== undefined;
    return { items, revision: at || this.#revision, more, remaining: more ? total - items.length : 0 };
  }

  create(key: string, value: Uint8Array): Promise<KeyValue> {
    return this.#submit({ kind: 'create', key, value });
  }

  update(key: string, value: Uint8Array, expectedModRevision: number): Promise<KeyValue> {
    return this.#submit({ kind: 'update', key, value, expected: expectedModRevision });
  }

  delete(key: string, expectedModRevision?: number): Promise<KeyValue> {
    return this.#submit({ kind: 'delete', key, expected: expectedModRevision });
  }

  watch(prefix: string, fromRevision: number, handlers: WatchHandlers): Watch {
    this.#check();
    if (fromRevision < this.#compacted) return this.#hub.failed(new CompactedError(fromRevision, this.#compacted), handlers);
    // History stops at the durable revision; later rows reach the watch when their fsync completes.
    const history = this.#store.history(fromRevision, prefix).filter((r) => r.revision <= this.#durableRevision).map(rowEvent);
    return this.#hub.subscribe(prefix, fromRevision, history, handlers);
  }

  async compact(revision: number): Promise<void> {
    this.#check();
    if (revision > this.#revision) throw futureRevisionError(revision, this.#revision);
    if (revision > this.#compacted) {
      // Recorded first (durably): from here on reads below it are refused, so deleting the
      // rows afterwards, in batches, can never show a half-compacted past.
      this.#store.setMeta('compact_rev', revision);
      this.#durable = this.#durable.then(() => this.#syncWal());
      await this.#durable;
      this.#compacted = revision;
    }
    this.#compaction = this.#compaction.catch(() => undefined).then(() => this.#deleteCompacted(this.#compacted));
    await this.#compaction;
  }

  async currentRevision(): Promise<number> {
    this.#check();
    return this.#durableRevision;
  }

  async compactedRevision(): Promise<number> {
    this.#check();
    return this.#compacted + 1;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#committer.flush();
    await this.#durable.catch(() => undefined);
    this.#closed = true;
    if (this.#walFd !== undefined) closeSync(this.#walFd);
    this.#hub.closeAll();
    await this.#compaction.catch(() => undefined);
    this.#db.close();
  }

  #submit(op: WriteOp): Promise<KeyValue> {
    try {
      this.#check();
      if (op.kind !== 'delete') checkValueSize(op.value);
    } catch (err) {
      return Promise.reject(err);
    }
    return this.#committer.submit(op);
  }

  /** One transaction for the whole batch; each guard is checked in order against the batch's own earlier writes. */
  #commitBatch(ops: WriteOp[]): { results: Array<KeyValue | Error>; durable: Promise<void> } {
    const base = this.#revision;
    const rows: LogRow[] = [];
    const results: Array<KeyValue | Error> = [];
    this.#db.transaction(() => {
      for (const op of ops) {
        // Reads inside the transaction see its uncommitted rows, so an op sees the batch so far.
        const planned = planWrite(op, this.#store.latestRow(op.key), base + rows.length + 1);
        if (planned instanceof Error) {
          results.push(planned);
          continue;
        }
        this.#store.append(planned);
        rows.push(planned);
        results.push(rowResult(planned));
      }
    })();
    this.#commits++;
    if (rows.length) this.#revision = base + rows.length;
    const revision = this.#revision;
    // synchronous=NORMAL leaves the WAL unsynced at commit; ove syncs it on the thread pool,
    // so the event loop keeps serving while the disk works. Each sync covers every earlier
    // commit, and batches settle in commit order.
    this.#durable = this.#durable.then(() => this.#syncWal()).then(() => {
      if (revision > this.#durableRevision) {
        const events = rows.map(rowEvent);
        this.#durableRevision = revision;
        if (events.length) this.#hub.publish(events);
      }
    });
    return { results, durable: this.#durable };
  }

  #syncWal(): Promise<void> {
    if (this.#walFd === undefined) {
      try {
        this.#walFd = openSync(`${this.path}-wal`, 'r+');
      } catch {
        // No WAL file (in-memory database): nothing to sync.
        return Promise.resolve();
      }
    }
    const fd = this.#walFd;
    return new Promise((resolve, reject) => fdatasync(fd, (err) => (err ? reject(err) : resolve())));
  }

  async #deleteCompacted(target: number): Promise<void> {
    let done = this.#store.meta('compact_done');
    while (done < target && !this.#closed) {
      const to = Math.min(target, done + this.#compactBatch);
      this.#db.transaction(() => {
        this.#store.compactRange(done, to);
        this.#store.setMeta('compact_done', to);
      })();
      done = to;
      // Let queued writes commit between batches.
      if (done < target) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  #check(): void {
    if (this.#closed) throw new Error('Cannot use the sqlite backend: it is closed');
  }
}
