/**
 * A work queue with client-go's semantics: a key is queued at most once, never
 * processed by two workers at once (a key added while in process is queued again
 * when it is done), delayed adds through the injected clock, and per-key exponential
 * back-off for failures (5 ms doubling to 1000 s, as DefaultControllerRateLimiter).
 */
import type { Clock, Timer } from './clock.js';

/** A deduplicating, delay-capable queue of keys. */
export class WorkQueue {
  private readonly queue: string[] = [];
  private readonly dirty = new Set<string>();
  private readonly processing = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly delayed = new Map<string, Timer>();
  private waiters: ((key: string | undefined) => void)[] = [];
  private shuttingDown = false;

  constructor(private readonly clock: Clock, private readonly baseDelayMs = 5, private readonly maxDelayMs = 1_000_000) {}

  /** Queues a key (no-op if already queued). */
  add(key: string): void {
    if (this.shuttingDown || this.dirty.has(key)) return;
    this.dirty.add(key);
    if (this.processing.has(key)) return;
    const w = this.waiters.shift();
    if (w) {
      this.dirty.delete(key);
      this.processing.add(key);
      w(key);
    } else this.queue.push(key);
  }

  /** Queues a key after a delay of the clock's time; an earlier pending delay wins. */
  addAfter(key: string, ms: number): void {
    if (ms <= 0) return this.add(key);
    const due = this.clock.now() + ms;
    const existing = this.delayed.get(key);
    if (existing && existing.due <= due) return;
    if (existing) this.clock.clearTimer(existing);
    this.delayed.set(key, this.clock.setTimer(ms, () => {
      this.delayed.delete(key);
      this.add(key);
    }));
  }

  /** Re-queues a key after its failure back-off. */
  addRateLimited(key: string): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    this.addAfter(key, Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** n));
  }

  /** Clears a key's failure history after a success. */
  forget(key: string): void {
    this.failures.delete(key);
  }

  /** How many times the key has failed in a row. */
  retries(key: string): number {
    return this.failures.get(key) ?? 0;
  }

  /** Waits for the next key; undefined once shut down. */
  get(): Promise<string | undefined> {
    const key = this.queue.shift();
    if (key !== undefined) {
      this.dirty.delete(key);
      this.processing.add(key);
      return Promise.resolve(key);
    }
    if (this.shuttingDown) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Marks a key processed; if it was re-added meanwhile it goes back in the queue. */
  done(key: string): void {
    this.processing.delete(key);
    if (this.dirty.has(key)) {
      this.dirty.delete(key);
      this.add(key);
    }
  }

  /** True while anything is queued or in process (timers excluded). */
  busy(): boolean {
    return this.queue.length > 0 || this.processing.size > 0;
  }

  /** Number of queued keys. */
  get length(): number {
    return this.queue.length;
  }

  /** Stops handing out keys. */
  shutDown(): void {
    this.shuttingDown = true;
    for (const t of this.delayed.values()) this.clock.clearTimer(t);
    for (const w of this.waiters.splice(0)) w(undefined);
  }
}
