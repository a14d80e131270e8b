/**
 * Conversions between the etcd3 client's wire shapes and the storage contract: revisions
 * come as decimal strings, keys and values as Buffers under the backend's key prefix.
 */
import type { IEvent, IKeyValue } from 'etcd3';
import { CompactedError, MAX_VALUE_BYTES, TooLargeError, type KeyValue, type WatchEvent } from '../backend.js';

/** Keys under one prefix in etcd. */
export class KeySpace {
  constructor(readonly prefix: string) {}

  /** The etcd key of `key`. */
  full(key: string): Buffer {
    return Buffer.from(this.prefix + key, 'utf8');
  }

  /** The contract's view of an etcd key-value. */
  kv(raw: IKeyValue): KeyValue {
    return {
      key: raw.key.toString('utf8').slice(this.prefix.length),
      value: new Uint8Array(raw.value.buffer, raw.value.byteOffset, raw.value.byteLength),
      createRevision: Number(raw.create_revision),
      modRevision: Number(raw.mod_revision),
    };
  }

  /** The contract's view of a watch event (a delete carries the deleted value, from prev_kv). */
  event(ev: IEvent): WatchEvent {
    const prev = ev.prev_kv ? this.kv(ev.prev_kv) : undefined;
    if (ev.type === 'Put') return prev ? { type: 'put', kv: this.kv(ev.kv), prev } : { type: 'put', kv: this.kv(ev.kv) };
    const gone = this.kv(ev.kv);
    const kv = { ...gone, value: prev?.value ?? gone.value, createRevision: prev?.createRevision ?? 0 };
    return prev ? { type: 'delete', kv, prev } : { type: 'delete', kv };
  }
}

/** etcd's range_end for every key starting with `prefix` (its `GetPrefixRangeEnd`): the last byte below 0xff, plus one. */
export function prefixEnd(prefix: Buffer): Buffer {
  for (let i = prefix.length - 1; i >= 0; i--) {
    if (prefix[i]! < 0xff) {
      const end = Buffer.from(prefix.subarray(0, i + 1));
      end[i]!++;
      return end;
    }
  }
  // All 0xff (or empty): to the end of the keyspace.
  return Buffer.from([0]);
}

/** Maps the etcd errors the contract names: compacted revisions and oversize requests. */
export function mapEtcdError(err: unknown, ctx: { requested?: number; compacted?: number; size?: number }): Error {
  const e = err instanceof Error ? err : new Error(String(err));
  if (/required revision has been compacted/.test(e.message)) return new CompactedError(ctx.requested ?? 0, ctx.compacted ?? 0);
  if (/request is too large/.test(e.message)) return new TooLargeError(ctx.size ?? 0, MAX_VALUE_BYTES);
  return e;
}

/** True for the etcd3 client's error on a watch that etcd cancelled for a compacted start revision. */
export function isCompactedWatchError(err: Error): boolean {
  // etcd3 1.1.2 drops compact_revision and reports `Watcher canceled: ` with an empty reason.
  return /^Watcher canceled: *$/.test(err.message) || /compacted/.test(err.message);
}
