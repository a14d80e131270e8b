/**
 * The CacheHub owns one backend watch over `/registry/` and feeds a WatchCache per
 * resource prefix (`/registry/<group>/<plural>/`). Because one ordered stream feeds
 * every cache, the hub knows the global revision it has applied, which is the
 * resourceVersion of every LIST and the target of consistent reads.
 */
import type { Backend, KeyValue, Watch } from '../../storage/backend.js';
import { decodeToJson, labelsOfJson } from './codec.js';
import { WatchCache, type CacheEntry } from './watch-cache.js';

const ROOT = '/registry/';

/** Splits a key into its resource prefix, namespace and name. */
export function splitKey(key: string): { prefix: string; rest: string[] } {
  const parts = key.slice(ROOT.length).split('/');
  return { prefix: `${ROOT}${parts[0]}/${parts[1]}/`, rest: parts.slice(2) };
}

/** The hub of all watch caches. */
export class CacheHub {
  private readonly caches = new Map<string, WatchCache>();
  private revision = 0;
  private startRevision = 0;
  private watch?: Watch;
  private waiters: { rev: number; resolve: () => void }[] = [];
  private failed?: Error;

  constructor(private readonly backend: Backend, private readonly historyCapacity = 10_000) {}

  /** Lists everything once, then follows the backend's watch. */
  async start(): Promise<void> {
    const page = await this.backend.list(ROOT);
    this.revision = page.revision;
    this.startRevision = page.revision;
    for (const kv of page.items) this.cacheFor(splitKey(kv.key).prefix).seed(toEntry(kv));
    this.watch = this.backend.watch(ROOT, this.revision, {
      onEvents: (events) => {
        for (const ev of events) {
          this.cacheFor(splitKey(ev.kv.key).prefix).apply(ev.type, toEntry(ev.kv));
          this.revision = Math.max(this.revision, ev.kv.modRevision);
        }
        this.wake();
      },
      onError: (err) => {
        // The hub cannot fill a gap in its stream; the server must restart its caches.
        this.failed = err;
        for (const w of this.waiters) w.resolve();
        this.waiters = [];
      },
    });
  }

  /** The cache of a resource prefix (created empty if nothing was stored under it yet). */
  cacheFor(prefix: string): WatchCache {
    let c = this.caches.get(prefix);
    if (!c) {
      c = new WatchCache(prefix, this.startRevision, this.historyCapacity);
      this.caches.set(prefix, c);
    }
    return c;
  }

  /** The last revision applied to the caches. */
  currentRevision(): number {
    return this.revision;
  }

  /** Resolves once the caches have applied `rev` (for consistent reads after a write). */
  async waitFor(rev: number, timeoutMs = 3000): Promise<void> {
    if (this.failed) throw this.failed;
    if (this.revision >= rev) return;
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`Too large resource version: ${rev}, current: ${this.revision}`)), timeoutMs);
      this.waiters.push({ rev, resolve: () => (clearTimeout(t), resolve()) });
    });
    if (this.failed) throw this.failed;
  }

  /** Waits until the caches hold everything the backend has committed. */
  async sync(): Promise<number> {
    const rev = await this.backend.currentRevision();
    await this.waitFor(rev);
    return Math.max(rev, this.revision);
  }

  /** Stops following the backend. */
  stop(): void {
    this.watch?.cancel();
  }

  private wake(): void {
    if (this.waiters.length === 0) return;
    const ready = this.waiters.filter((w) => w.rev <= this.revision);
    this.waiters = this.waiters.filter((w) => w.rev > this.revision);
    for (const w of ready) w.resolve();
  }
}

function toEntry(kv: KeyValue): CacheEntry {
  const { rest } = splitKey(kv.key);
  const json = decodeToJson(kv.value, kv.modRevision);
  return {
    key: kv.key,
    namespace: rest.length > 1 ? rest[0] : undefined,
    name: rest[rest.length - 1],
    rv: kv.modRevision,
    json,
    labels: labelsOfJson(json),
  };
}
