/** A manually advanced clock for tests and for the twin's fast-forward mode. */
import type { Clock, Timer } from './clock.js';

interface Pending extends Timer {
  fn: () => void;
  seq: number;
  cancelled: boolean;
}

/** Time moves only when `advance` or `advanceToNext` is called. */
export class FakeClock implements Clock {
  private t: number;
  private seq = 0;
  private timers: Pending[] = [];

  constructor(startMs = Date.UTC(2026, 0, 1)) {
    this.t = startMs;
  }

  now(): number {
    return this.t;
  }

  setTimer(ms: number, fn: () => void): Timer {
    const p: Pending = { due: this.t + Math.max(0, ms), fn, seq: this.seq++, cancelled: false };
    this.timers.push(p);
    return p;
  }

  clearTimer(t: Timer): void {
    (t as Pending).cancelled = true;
    this.timers = this.timers.filter((x) => x !== t);
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.setTimer(ms, resolve));
  }

  /** The due time of the earliest pending timer. */
  nextDue(): number | undefined {
    let min: number | undefined;
    for (const p of this.timers) if (min === undefined || p.due < min) min = p.due;
    return min;
  }

  /** Moves time forward by `ms`, firing due timers in order. */
  advance(ms: number): void {
    this.advanceTo(this.t + ms);
  }

  /** Moves time to `target`, firing every timer due by then in (due, creation) order. */
  advanceTo(target: number): void {
    for (;;) {
      const due = this.timers.filter((p) => p.due <= target).sort((a, b) => a.due - b.due || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((p) => p !== due);
      this.t = Math.max(this.t, due.due);
      if (!due.cancelled) due.fn();
    }
    this.t = Math.max(this.t, target);
  }
}
