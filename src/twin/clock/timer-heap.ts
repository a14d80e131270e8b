/** A min-heap of timers ordered by due time, then creation order (stable for equal due times). */
import type { Timer } from '../../lib/clock.js';

/** A timer in the heap. */
export interface HeapTimer extends Timer {
  fn: () => void;
  seq: number;
  cancelled: boolean;
}

/** The timer heap. */
export class TimerHeap {
  private a: HeapTimer[] = [];
  private seq = 0;
  private live = 0;

  /** Number of pending (not cancelled) timers. */
  get size(): number {
    return this.live;
  }

  push(due: number, fn: () => void): HeapTimer {
    const t: HeapTimer = { due, fn, seq: this.seq++, cancelled: false };
    this.a.push(t);
    this.up(this.a.length - 1);
    this.live++;
    return t;
  }

  cancel(t: HeapTimer): void {
    if (!t.cancelled) {
      t.cancelled = true;
      this.live--;
    }
  }

  /** The due time of the earliest live timer. */
  peekDue(): number | undefined {
    this.dropCancelled();
    return this.a[0]?.due;
  }

  /** Removes and returns the earliest live timer due at or before `until`. */
  popDue(until: number): HeapTimer | undefined {
    this.dropCancelled();
    const top = this.a[0];
    if (!top || top.due > until) return undefined;
    this.pop();
    top.cancelled = true;
    this.live--;
    return top;
  }

  private dropCancelled(): void {
    while (this.a.length && this.a[0].cancelled) this.pop();
  }

  private pop(): void {
    const last = this.a.pop()!;
    if (this.a.length) {
      this.a[0] = last;
      this.down(0);
    }
  }

  private less(i: number, j: number): boolean {
    const x = this.a[i];
    const y = this.a[j];
    return x.due < y.due || (x.due === y.due && x.seq < y.seq);
  }

  private up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      [this.a[i], this.a[p]] = [this.a[p], this.a[i]];
      i = p;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.a.length && this.less(l, m)) m = l;
      if (r < this.a.length && this.less(r, m)) m = r;
      if (m === i) return;
      [this.a[i], this.a[m]] = [this.a[m], this.a[i]];
      i = m;
    }
  }
}
