/**
 * The write semantics every log-structured backend shares (memory, sqlite): one row per
 * write in the style of kine's log table (k3s-io/kine `pkg/logstructured/logstructured.go`):
 * `revision` is the row id, deletes are rows with `deleted`, and `prevRevision` links a
 * key's rows into one chain.
 */
import {
  ConflictError,
  KeyExistsError,
  KeyNotFoundError,
  MAX_VALUE_BYTES,
  TooLargeError,
  type KeyValue,
  type WatchEvent,
} from './backend.js';

/** One row of the log: a create, an update or a delete of one key at one revision. */
export interface LogRow {
  revision: number;
  key: string;
  created: boolean;
  deleted: boolean;
  createRevision: number;
  /** The key's previous row (0 for the first create of a key with no remaining rows). */
  prevRevision: number;
  /** The new value; for a delete, the value that was deleted. */
  value: Uint8Array;
  /** The value before this write (absent for a create). */
  oldValue?: Uint8Array;
}

/** A write as the backend's callers ask for it. */
export type WriteOp =
  | { kind: 'create'; key: string; value: Uint8Array }
  | { kind: 'update'; key: string; value: Uint8Array; expected: number }
  | { kind: 'delete'; key: string; expected?: number };

/** Throws `TooLargeError` for a value over etcd's request limit. */
export function checkValueSize(value: Uint8Array): void {
  if (value.byteLength > MAX_VALUE_BYTES) throw new TooLargeError(value.byteLength, MAX_VALUE_BYTES);
}

/** The live value a key's latest row stands for (undefined for a delete or no row). */
export function rowValue(row: LogRow | undefined): KeyValue | undefined {
  if (!row || row.deleted) return undefined;
  return { key: row.key, value: row.value, createRevision: row.createRevision, modRevision: row.revision };
}

/** Decides `op` against the key's latest row: the row to append at `revision`, or the error the op fails with. */
export function planWrite(op: WriteOp, latest: LogRow | undefined, revision: number): LogRow | Error {
  const current = rowValue(latest);
  const prevRevision = latest?.revision ?? 0;
  if (op.kind === 'create') {
    if (current) return new KeyExistsError(op.key);
    return { revision, key: op.key, created: true, deleted: false, createRevision: revision, prevRevision, value: op.value };
  }
  if (!current) return new KeyNotFoundError(op.key);
  if (op.expected !== undefined && op.expected !== current.modRevision) return new ConflictError(op.key, current);
  if (op.kind === 'update') {
    return {
      revision, key: op.key, created: false, deleted: false, createRevision: current.createRevision,
      prevRevision, value: op.value, oldValue: current.value,
    };
  }
  return {
    revision, key: op.key, created: false, deleted: true, createRevision: current.createRevision,
    prevRevision, value: current.value, oldValue: current.value,
  };
}

/** What a write resolves with: the new value, or for a delete the deleted value at the delete's revision. */
export function rowResult(row: LogRow): KeyValue {
  return { key: row.key, value: row.value, createRevision: row.createRevision, modRevision: row.revision };
}

/** The watch event a row stands for. */
export function rowEvent(row: LogRow): WatchEvent {
  const kv = rowResult(row);
  const type = row.deleted ? 'delete' : 'put';
  if (row.created) return { type, kv };
  const prev: KeyValue = {
    key: row.key,
    value: row.oldValue ?? row.value,
    createRevision: row.createRevision,
    modRevision: row.prevRevision,
  };
  return { type, kv, prev };
}

/** The half-open key range `[start, end)` of every key starting with `prefix`, as etcd's range_end. */
export function prefixRange(prefix: string): { start: string; end: string } {
  // Keys are compared as UTF-8 bytes (SQLite BINARY) or UTF-16 units; both keep code-point
  // order below U+D800, so bumping the last unit bounds the prefix. U+10FFFF is past any key.
  const last = prefix.charCodeAt(prefix.length - 1);
  if (prefix === '' || last >= 0xd7ff) return { start: prefix, end: prefix + '\u{10FFFF}' };
  return { start: prefix, end: prefix.slice(0, -1) + String.fromCharCode(last + 1) };
}

/** The error of a read at a revision the store has not reached yet (etcd's `ErrFutureRev`). */
export function futureRevisionError(requested: number, current: number): Error {
  return new RangeError(`required revision is a future revision: requested ${requested}, current ${current}`);
}
