/**
 * The watch cache of one resource: the current objects as JSON text, plus a bounded
 * history of events, fed by the CacheHub from the backend's single watch. LIST and
 * WATCH are served from here, so reads never touch the database (as kube-apiserver's
 * cacher does). Each event is serialized once per wire format, for all watchers.
 */
import type { KubeObject } from '../../api/types.js';

/** One cached object. */
export interface CacheEntry {
  key: string;
  namespace: string | undefined;
  name: string;
  rv: number;
  /** The object's JSON, with metadata.resourceVersion. */
  json: string;
  labels: Record<string, string> | undefined;
  parsed?: KubeObject;
}

/** One change, as watchers receive it. */
export interface CacheEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  rv: number;
  entry: CacheEntry;
  prev?: CacheEntry;
  /** Serialized forms, computed once per format on first use. */
  encoded: Map<string, string>;
}

/** A subscriber; `deliver` gets every event after `fromRevision` in order. */
export interface CacheWatcher {
  namespace?: string;
  deliver(ev: CacheEvent): void;
}

/** The parsed object of an entry (parsed once, on demand). */
export function entryObject(e: CacheEntry): KubeObject {
  if (!e.parsed) e.parsed = JSON.parse(e.json) as KubeObject;
  return e.parsed;
}

/** The cache of one resource prefix. */
export class WatchCache {
  readonly items = new Map<string, CacheEntry>();
  private history: CacheEvent[] = [];
  private head = 0;
  private sorted: string[] | null = null;
  private readonly watchers = new Set<CacheWatcher>();
  /** Watches may start from any revision at or after this one. */
  oldestServable: number;

  constructor(readonly prefix: string, startRevision: number, private readonly capacity = 10_000) {
    this.oldestServable = startRevision;
  }

  /** Loads an object during the initial list (no event). */
  seed(entry: CacheEntry): void {
    this.items.set(entry.key, entry);
    this.sorted = null;
  }

  /** Applies one event from the backend and fans it out. */
  apply(type: 'put' | 'delete', entry: CacheEntry): void {
    const prev = this.items.get(entry.key);
    let ev: CacheEvent;
    if (type === 'delete') {
      if (!prev) return;
      this.items.delete(entry.key);
      this.sorted = null;
      ev = { type: 'DELETED', rv: entry.rv, entry: { ...prev, rv: entry.rv, json: retagRv(prev.json, entry.rv), parsed: undefined }, prev, encoded: new Map() };
    } else {
      this.items.set(entry.key, entry);
      if (!prev) this.sorted = null;
      ev = { type: prev ? 'MODIFIED' : 'ADDED', rv: entry.rv, entry, prev, encoded: new Map() };
    }
    this.record(ev);
    for (const w of this.watchers) {
      if (w.namespace && w.namespace !== ev.entry.namespace) continue;
      w.deliver(ev);
    }
  }

  /** The events after `rv` still in history, or undefined when `rv` is too old. */
  eventsSince(rv: number): CacheEvent[] | undefined {
    if (rv < this.oldestServable) return undefined;
    const out: CacheEvent[] = [];
    const n = this.history.length;
    for (let i = 0; i < n; i++) {
      const ev = this.history[(this.head + i) % n];
      if (ev.rv > rv) out.push(ev);
    }
    return out;
  }

  /** Registers a watcher; the caller replays history first (under the same tick) to avoid gaps. */
  subscribe(w: CacheWatcher): () => void {
    this.watchers.add(w);
    return () => this.watchers.delete(w);
  }

  /** Number of live watchers. */
  watcherCount(): number {
    return this.watchers.size;
  }

  /** Current entries in key order, optionally under a namespace and after a key. */
  list(namespace?: string, startAfter?: string): CacheEntry[] {
    return [...this.iterate(namespace, startAfter)];
  }

  /** Iterates current entries in key order, optionally under a namespace and after a key. */
  *iterate(namespace?: string, startAfter?: string): Generator<CacheEntry> {
    if (!this.sorted) this.sorted = [...this.items.keys()].sort();
    const sorted = this.sorted;
    const nsPrefix = namespace ? `${this.prefix}${namespace}/` : undefined;
    let i = 0;
    if (startAfter !== undefined) i = upperBound(sorted, startAfter);
    if (nsPrefix) i = Math.max(i, lowerBound(sorted, nsPrefix));
    for (; i < sorted.length; i++) {
      const k = sorted[i];
      if (nsPrefix && !k.startsWith(nsPrefix)) break;
      const e = this.items.get(k);
      if (e) yield e;
    }
  }

  private record(ev: CacheEvent): void {
    if (this.history.length < this.capacity) {
      this.history.push(ev);
      return;
    }
    const evicted = this.history[this.head];
    this.history[this.head] = ev;
    this.head = (this.head + 1) % this.capacity;
    this.oldestServable = evicted.rv;
  }
}

function retagRv(json: string, rv: number): string {
  return json.replace(/"resourceVersion":"\d+"/, `"resourceVersion":"${rv}"`);
}

function lowerBound(a: string[], x: string): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(a: string[], x: string): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
