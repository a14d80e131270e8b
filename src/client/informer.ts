/**
 * An informer: LIST, then WATCH from the list's resourceVersion, keeping a local
 * store and calling handlers on add, update and delete. It re-watches from the last
 * seen resourceVersion when a watch ends, and re-lists (diffing against its store)
 * after 410 Expired, as client-go's reflector does.
 */
import { StatusError } from '../api/errors.js';
import type { KubeObject } from '../api/types.js';
import { Backoff } from '../lib/backoff.js';
import type { Client, ListQuery, ResourceRef, WatchEvent } from './client.js';
import type { LineStream } from './transport.js';

/** Event callbacks. */
export interface InformerHandlers<T> {
  add?(obj: T): void;
  update?(oldObj: T, newObj: T): void;
  delete?(obj: T): void;
}

/** The store key of an object: `namespace/name` or `name`. */
export function objectKeyOf(o: KubeObject): string {
  return o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name!;
}

/** A list-watch cache of one resource. */
export class Informer<T extends KubeObject = KubeObject> {
  readonly store = new Map<string, T>();
  private readonly handlers: InformerHandlers<T>[] = [];
  private rv = '';
  private stream?: LineStream;
  private stopped = false;
  private synced = false;
  private syncWaiters: (() => void)[] = [];
  private readonly backoff = new Backoff(50, 10_000);
  private timer?: NodeJS.Timeout;

  constructor(private readonly client: Client, readonly ref: ResourceRef, private readonly namespace?: string, private readonly query: Pick<ListQuery, 'labelSelector' | 'fieldSelector'> = {}) {}

  /** Adds handlers; objects already in the store are replayed as adds. */
  on(h: InformerHandlers<T>): void {
    this.handlers.push(h);
    for (const o of this.store.values()) h.add?.(o);
  }

  /** Starts listing and watching. */
  start(): void {
    void this.relist();
  }

  /** True once the first list is in the store. */
  hasSynced(): boolean {
    return this.synced;
  }

  /** Resolves after the first list. */
  waitForSync(): Promise<void> {
    return this.synced ? Promise.resolve() : new Promise((r) => this.syncWaiters.push(r));
  }

  /** Stops watching. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.stream?.close();
  }

  /** A cached object by key. */
  get(key: string): T | undefined {
    return this.store.get(key);
  }

  /** Every cached object. */
  list(): T[] {
    return [...this.store.values()];
  }

  private async relist(): Promise<void> {
    if (this.stopped) return;
    try {
      const list = await this.client.list<T>(this.ref, this.namespace, { ...this.query });
      const seen = new Set<string>();
      for (const item of list.items) {
        item.apiVersion ??= list.apiVersion;
        item.kind ??= list.kind.replace(/List$/, '');
        seen.add(objectKeyOf(item));
        this.upsert(item);
      }
      for (const [k, o] of [...this.store]) {
        if (!seen.has(k)) {
          this.store.delete(k);
          for (const h of this.handlers) h.delete?.(o);
        }
      }
      this.rv = list.metadata.resourceVersion;
      this.backoff.reset();
      if (!this.synced) {
        this.synced = true;
        for (const w of this.syncWaiters.splice(0)) w();
      }
      this.watch();
    } catch {
      this.retry(() => this.relist());
    }
  }

  private watch(): void {
    if (this.stopped) return;
    let expired = false;
    this.stream = this.client.watch<T>(
      this.ref,
      this.namespace,
      { ...this.query, resourceVersion: this.rv, allowWatchBookmarks: true },
      (e: WatchEvent<T>) => {
        if (e.type === 'ERROR') {
          const code = (e.object as unknown as { code?: number }).code;
          if (code === 410) expired = true;
          return;
        }
        this.rv = e.object.metadata.resourceVersion ?? this.rv;
        if (e.type === 'BOOKMARK') return;
        if (e.type === 'DELETED') {
          const k = objectKeyOf(e.object);
          const old = this.store.get(k);
          this.store.delete(k);
          for (const h of this.handlers) h.delete?.(old ?? e.object);
        } else this.upsert(e.object);
      },
      (err) => {
        if (this.stopped) return;
        if (expired || (err instanceof StatusError && err.code === 410)) return void this.relist();
        if (err) return this.retry(() => this.watch());
        this.watch();
      },
    );
  }

  private upsert(obj: T): void {
    const k = objectKeyOf(obj);
    const old = this.store.get(k);
    this.store.set(k, obj);
    if (!old) for (const h of this.handlers) h.add?.(obj);
    else if (old.metadata.resourceVersion !== obj.metadata.resourceVersion) for (const h of this.handlers) h.update?.(old, obj);
  }

  private retry(fn: () => void): void {
    if (this.stopped) return;
    this.timer = setTimeout(fn, this.backoff.next());
  }
}
