/**
 * In-process watch fan-out for backends whose writes all happen in this process (memory,
 * sqlite). A watch is registered in the same synchronous step that reads its history, so
 * replayed and live events neither overlap nor leave a gap; delivery is deferred to a
 * microtask and always in revision order.
 */
import type { Watch, WatchEvent, WatchHandlers } from './backend.js';

interface Subscriber {
  prefix: string;
  from: number;
  handlers: WatchHandlers;
  buffer: WatchEvent[];
  scheduled: boolean;
  open: boolean;
}

/** Watchers of one backend, fed with committed events. */
export class WatchHub {
  readonly #subs = new Set<Subscriber>();

  /** Starts a watch of revisions after `from` whose first events are `history` (already filtered and ordered). */
  subscribe(prefix: string, from: number, history: WatchEvent[], handlers: WatchHandlers): Watch {
    const sub: Subscriber = { prefix, from, handlers, buffer: [...history], scheduled: false, open: true };
    this.#subs.add(sub);
    if (sub.buffer.length) this.#schedule(sub);
    return {
      cancel: () => {
        sub.open = false;
        this.#subs.delete(sub);
      },
    };
  }

  /** A watch that fails with `err` (see `failedWatch`). */
  failed(err: Error, handlers: WatchHandlers): Watch {
    return failedWatch(err, handlers);
  }

  /** Hands committed events (in revision order) to every matching watcher. */
  publish(events: WatchEvent[]): void {
    for (const sub of this.#subs) {
      let added = false;
      for (const ev of events) {
        if (ev.kv.modRevision > sub.from && ev.kv.key.startsWith(sub.prefix)) {
          sub.buffer.push(ev);
          added = true;
        }
      }
      if (added) this.#schedule(sub);
    }
  }

  /** Ends every watch without further callbacks. */
  closeAll(): void {
    for (const sub of this.#subs) sub.open = false;
    this.#subs.clear();
  }

  #schedule(sub: Subscriber): void {
    if (sub.scheduled) return;
    sub.scheduled = true;
    queueMicrotask(() => {
      sub.scheduled = false;
      if (!sub.open || !sub.buffer.length) return;
      const events = sub.buffer;
      sub.buffer = [];
      sub.handlers.onEvents(events);
    });
  }
}

/** A watch that fails with `err`, delivered asynchronously like a stream error (unless cancelled first). */
export function failedWatch(err: Error, handlers: WatchHandlers): Watch {
  let open = true;
  queueMicrotask(() => {
    if (open) handlers.onError(err);
  });
  return { cancel: () => void (open = false) };
}
