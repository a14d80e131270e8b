/**
 * The controller loop (controller-runtime's contract): a reconciler gets a key, never
 * an event; returning `requeueAfterMs` waits, throwing retries with back-off, and a
 * TerminalError is logged without retry. Workers pull from a WorkQueue.
 */
import { WorkQueue } from '../lib/workqueue.js';
import type { Clock } from '../lib/clock.js';

/** What a reconcile asks for next. */
export interface Result {
  requeueAfterMs?: number;
}

/** Reconciles one key (`namespace/name` or `name`). */
export type Reconcile = (key: string) => Promise<Result | void>;

/** An error not worth retrying. */
export class TerminalError extends Error {
  override name = 'TerminalError';
}

/** Runs a reconciler over a queue with N workers. */
export class Controller {
  readonly queue: WorkQueue;
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    readonly name: string,
    private readonly reconcile: Reconcile,
    clock: Clock,
    private readonly log: (msg: string, err?: unknown) => void,
    private readonly workers = 1,
  ) {
    this.queue = new WorkQueue(clock);
  }

  /** Queues a key. */
  enqueue(key: string): void {
    this.queue.add(key);
  }

  /** Starts the workers. */
  start(): void {
    if (this.running) return;
    this.running = true;
    for (let i = 0; i < this.workers; i++) this.loops.push(this.loop());
  }

  /** Stops the workers after their current keys. */
  async stop(): Promise<void> {
    this.running = false;
    this.queue.shutDown();
    await Promise.all(this.loops);
  }

  private async loop(): Promise<void> {
    for (;;) {
      const key = await this.queue.get();
      if (key === undefined) return;
      try {
        const r = await this.reconcile(key);
        this.queue.forget(key);
        if (r?.requeueAfterMs !== undefined) this.queue.addAfter(key, r.requeueAfterMs);
      } catch (err) {
        if (err instanceof TerminalError) {
          this.log(`${this.name}: ${key}: ${err.message}`);
          this.queue.forget(key);
        } else {
          if (this.queue.retries(key) >= 3) this.log(`${this.name}: reconcile ${key} failed (retry ${this.queue.retries(key)})`, err);
          this.queue.addRateLimited(key);
        }
      } finally {
        this.queue.done(key);
      }
    }
  }
}
