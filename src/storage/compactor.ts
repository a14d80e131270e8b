/**
 * startCompactor: periodic compaction like kube-apiserver's `--etcd-compaction-interval`
 * (default 5m; `staging/src/k8s.io/apiserver/pkg/storage/etcd3/compact.go`). Each tick
 * remembers the current revision and compacts to the one remembered at the previous tick,
 * so about one interval of history stays readable for watches and paged lists.
 */
import type { Clock, Timer } from '../lib/clock.js';
import type { Backend } from './backend.js';

/** Options of `startCompactor`. */
export interface CompactorOptions {
  /** Time between ticks, and so the history kept (default 5 minutes, as kube-apiserver). */
  intervalMs?: number;
  /** Called with a tick's failure; the next tick tries again (default: ignore). */
  onError?: (err: Error) => void;
}

/** A running compactor. */
export interface Compactor {
  stop(): void;
  /** Resolves when the tick in progress (if any) has finished. */
  settled(): Promise<void>;
}

/** Starts compacting `backend` every `intervalMs` of `clock` time. */
export function startCompactor(backend: Backend, clock: Clock, { intervalMs = 5 * 60_000, onError }: CompactorOptions = {}): Compactor {
  let previous = 0;
  let timer: Timer | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      const current = await backend.currentRevision();
      if (previous > 0) await backend.compact(previous);
      previous = current;
    } catch (err) {
      onError?.(err as Error);
    }
  };
  const schedule = () => {
    timer = clock.setTimer(intervalMs, () => {
      running = tick().finally(() => {
        if (!stopped) schedule();
      });
    });
  };
  schedule();
  return {
    stop() {
      stopped = true;
      if (timer) clock.clearTimer(timer);
    },
    settled: () => running,
  };
}
