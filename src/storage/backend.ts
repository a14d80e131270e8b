/**
 * The storage backend contract: etcd semantics over opaque bytes.
 *
 * Keys are strings (the API server uses `/registry/<group>/<resource>/<ns>/<name>`),
 * values are opaque bytes. A single global revision increases strictly with every
 * write; each key remembers the revision that created it and the one that last
 * modified it. The API server's `metadata.resourceVersion` is a key's `modRevision`.
 */

/** One stored key as a backend returns it. */
export interface KeyValue {
  key: string;
  value: Uint8Array;
  createRevision: number;
  modRevision: number;
}

/** Options of a ranged read. */
export interface ListOptions {
  /** Return at most this many keys (0 or absent: all). */
  limit?: number;
  /** Start after this key (exclusive); the API server builds `continue` tokens from it. */
  startAfter?: string;
  /** Read as of this revision (0 or absent: latest). Older than the compacted revision: `CompactedError`. */
  revision?: number;
}

/** A page of keys under a prefix, read at one revision. */
export interface ListResult {
  items: KeyValue[];
  /** The revision the read was served at (the store's current revision for a latest read). */
  revision: number;
  /** True when `limit` cut the result short. */
  more: boolean;
  /** Keys under the prefix after the last returned one (for `remainingItemCount`). */
  remaining: number;
}

/** A change seen by a watch, in revision order. */
export interface WatchEvent {
  type: 'put' | 'delete';
  /** For a put, the new value; for a delete, the value just before deletion with `modRevision` the delete's revision. */
  kv: KeyValue;
  /** The value before this change (absent for a create). */
  prev?: KeyValue;
}

/** A live watch. Events arrive in revision order; `onError` gets `CompactedError` when the start revision is gone. */
export interface Watch {
  cancel(): void;
}

/** Callbacks of a watch. */
export interface WatchHandlers {
  onEvents(events: WatchEvent[]): void;
  onError(err: Error): void;
}

/** The interface every backend (memory, sqlite, etcd) implements; see backend.contract.ts. */
export interface Backend {
  get(key: string): Promise<KeyValue | undefined>;
  list(prefix: string, opts?: ListOptions): Promise<ListResult>;
  /** Creates the key; fails with `KeyExistsError` if it exists. Resolves once durable. */
  create(key: string, value: Uint8Array): Promise<KeyValue>;
  /** Replaces the key if its modRevision is `expectedModRevision`, else `ConflictError` carrying the current value (or `NotFoundError`). */
  update(key: string, value: Uint8Array, expectedModRevision: number): Promise<KeyValue>;
  /** Deletes the key (guarded when `expectedModRevision` is given); resolves with the deleted value, its modRevision set to the delete's revision. */
  delete(key: string, expectedModRevision?: number): Promise<KeyValue>;
  /** Streams every change under `prefix` with revision > `fromRevision`. */
  watch(prefix: string, fromRevision: number, handlers: WatchHandlers): Watch;
  /** Forgets history at or below `revision` (current values are kept). */
  compact(revision: number): Promise<void>;
  currentRevision(): Promise<number>;
  /** The oldest revision still readable (compacted revision + 1). */
  compactedRevision(): Promise<number>;
  close(): Promise<void>;
}

/** The key exists already (create). */
export class KeyExistsError extends Error {
  constructor(readonly key: string) {
    super(`key exists: ${key}`);
    this.name = 'KeyExistsError';
  }
}

/** The key does not exist (update, delete). */
export class KeyNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`key not found: ${key}`);
    this.name = 'KeyNotFoundError';
  }
}

/** A guarded write lost: the key's modRevision is not the expected one. */
export class ConflictError extends Error {
  constructor(readonly key: string, readonly current: KeyValue) {
    super(`conflict on ${key}: current modRevision ${current.modRevision}`);
    this.name = 'ConflictError';
  }
}

/** The requested revision has been compacted away. */
export class CompactedError extends Error {
  constructor(readonly requested: number, readonly compacted: number) {
    super(`required revision ${requested} has been compacted (compacted revision ${compacted})`);
    this.name = 'CompactedError';
  }
}

/** The value is larger than the backend accepts (etcd's 1.5 MiB request limit). */
export class TooLargeError extends Error {
  constructor(readonly size: number, readonly limit: number) {
    super(`request is too large: ${size} bytes, limit ${limit}`);
    this.name = 'TooLargeError';
  }
}

/** etcd's default `--max-request-bytes` (1.5 MiB); every backend refuses values above it. */
export const MAX_VALUE_BYTES = 1_572_864;
