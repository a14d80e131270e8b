/** Time as every controller, agent and model sees it: injected, never read from Date directly. */
export interface Clock {
  /** Milliseconds since the epoch, in this clock's time. */
  now(): number;
  /** Runs `fn` once after `ms` of this clock's time; returns a handle for `clearTimer`. */
  setTimer(ms: number, fn: () => void): Timer;
  clearTimer(t: Timer): void;
  /** Resolves after `ms` of this clock's time. */
  sleep(ms: number): Promise<void>;
}

/** A pending timer. */
export interface Timer {
  readonly due: number;
}

/** Wall time: the clock of a real deployment and of `--clock realtime`. */
export class RealClock implements Clock {
  now(): number {
    return Date.now();
  }
  setTimer(ms: number, fn: () => void): Timer {
    const handle = setTimeout(fn, Math.max(0, ms));
    handle.unref?.();
    return { due: Date.now() + ms, handle } as Timer & { handle: NodeJS.Timeout };
  }
  clearTimer(t: Timer): void {
    clearTimeout((t as Timer & { handle: NodeJS.Timeout }).handle);
  }
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
  }
}

/** RFC 3339 timestamp with second precision, as Kubernetes writes `creationTimestamp`. */
export function rfc3339(ms: number): string {
  const sec = Math.floor(ms / 1000);
  // Every write stamps the time, often several times in the same second: format each second once.
  if (sec !== lastSecond) {
    lastSecond = sec;
    lastText = new Date(sec * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastText;
}

let lastSecond = NaN;
let lastText = '';
