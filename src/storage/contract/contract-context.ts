/** Shared helpers of the backend contract suite (see ../backend.contract.ts). */
import type { Backend, Watch, WatchEvent } from '../backend.js';

/** How the contract suite gets backends. */
export interface BackendFactory {
  /** A fresh, empty backend (its own file or key prefix). */
  create(): Promise<Backend>;
  /** Closes `backend` and opens the same store again; absent when the backend keeps nothing. */
  reopen?(backend: Backend): Promise<Backend>;
}

/** What each group of contract cases gets: a way to open backends that are closed after each case. */
export interface ContractContext {
  open(): Promise<Backend>;
  reopen?(backend: Backend): Promise<Backend>;
}

/** UTF-8 bytes of `s`. */
export function bytes(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/** `b` decoded as UTF-8. */
export function text(b: Uint8Array): string {
  return new TextDecoder().decode(b);
}

/** A watch that collects events; `until(n)` resolves once `n` events arrived, `failure` once it errors. */
export interface Collector {
  events: WatchEvent[];
  watch: Watch;
  until(n: number): Promise<WatchEvent[]>;
  failure: Promise<Error>;
}

/** Starts a watch on `backend` that records what it gets. */
export function collect(backend: Backend, prefix: string, fromRevision: number): Collector {
  const events: WatchEvent[] = [];
  const waiters: Array<{ n: number; resolve: (e: WatchEvent[]) => void; reject: (e: Error) => void }> = [];
  let failed: Error | undefined;
  let onFailure!: (e: Error) => void;
  const failure = new Promise<Error>((resolve) => (onFailure = resolve));
  const settle = () => {
    for (const w of [...waiters]) {
      if (events.length >= w.n) w.resolve(events.slice(0, w.n));
      else if (failed) w.reject(failed);
      else continue;
      waiters.splice(waiters.indexOf(w), 1);
    }
  };
  const watch = backend.watch(prefix, fromRevision, {
    onEvents(evs) {
      events.push(...evs);
      settle();
    },
    onError(err) {
      failed = err;
      onFailure(err);
      settle();
    },
  });
  return {
    events,
    watch,
    failure,
    until: (n) => new Promise((resolve, reject) => {
      waiters.push({ n, resolve, reject });
      settle();
    }),
  };
}

/** The error `p` rejects with (fails the test if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
