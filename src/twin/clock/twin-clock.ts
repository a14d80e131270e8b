/**
 * The twin's clock (DESIGN.md, Time and the twin), in three modes:
 * - `realtime`: wall time;
 * - `speed` N: N simulated seconds per wall second, from the moment the clock starts;
 * - `fast-forward`: time stands still while anything is busy and jumps to the next
 *   timer as soon as everything is idle, so hours of simulated operations run in
 *   seconds with the same controllers.
 */
import type { Clock, Timer } from '../../lib/clock.js';
import { TimerHeap, type HeapTimer } from './timer-heap.js';

/** The clock modes `--clock` accepts. */
export type ClockMode = { mode: 'realtime' } | { mode: 'speed'; speed: number } | { mode: 'fast-forward' };

/** Something that can be busy (a work queue, a node agent, requests in flight). */
export type BusyProbe = () => boolean | Promise<boolean>;

/** Parses `--clock realtime|fast-forward` with `--speed N`. */
export function parseClockMode(clock: string, speed?: string): ClockMode {
  if (clock === 'fast-forward') return { mode: 'fast-forward' };
  if (clock !== 'realtime') throw new Error(`--clock ${clock}: must be realtime or fast-forward`);
  if (speed === undefined) return { mode: 'realtime' };
  const n = Number(speed);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--speed ${speed}: must be a positive number of simulated seconds per second`);
  return n === 1 ? { mode: 'realtime' } : { mode: 'speed', speed: n };
}

/** The twin's clock. */
export class TwinClock implements Clock {
  private readonly heap = new TimerHeap();
  private readonly probes: BusyProbe[] = [];
  private virtualNow: number;
  private wallStart = Date.now();
  private wallTimer?: NodeJS.Timeout;
  private running = false;
  private idleWaiters: (() => void)[] = [];

  constructor(public mode: ClockMode, startMs = Date.now()) {
    this.virtualNow = startMs;
  }

  now(): number {
    if (this.mode.mode === 'fast-forward') return this.virtualNow;
    const speed = this.mode.mode === 'speed' ? this.mode.speed : 1;
    return this.virtualNow + (Date.now() - this.wallStart) * speed;
  }

  /** Changes mode without a jump back in time (e.g. fast-forward through an install, then realtime); `atLeast` may move it forward. */
  switchTo(mode: ClockMode, atLeast = 0): void {
    this.virtualNow = Math.max(this.now(), atLeast);
    this.wallStart = Date.now();
    this.mode = mode;
    clearTimeout(this.wallTimer);
    if (!this.running) return;
    if (mode.mode === 'fast-forward') this.kick();
    else this.armWall();
  }

  setTimer(ms: number, fn: () => void): Timer {
    const t = this.heap.push(this.now() + Math.max(0, ms), fn);
    if (this.mode.mode !== 'fast-forward') this.armWall();
    else this.kick();
    return t;
  }

  clearTimer(t: Timer): void {
    this.heap.cancel(t as HeapTimer);
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.setTimer(ms, resolve));
  }

  /** Registers something whose work must finish before fast-forward time moves. */
  addBusyProbe(p: BusyProbe): void {
    this.probes.push(p);
  }

  /** Starts driving time (fast-forward) or timers (realtime and speed). */
  start(): void {
    this.running = true;
    if (this.mode.mode === 'fast-forward') this.kick();
    else this.armWall();
  }

  /** Stops firing timers. */
  stop(): void {
    this.running = false;
    clearTimeout(this.wallTimer);
  }

  /** Resolves the next time fast-forward finds everything idle (for tests and scenarios). */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.kick();
    });
  }

  /** Pending timers (for diagnostics). */
  pendingTimers(): number {
    return this.heap.size;
  }

  private armWall(): void {
    if (!this.running) return;
    clearTimeout(this.wallTimer);
    const next = this.heap.peekDue();
    if (next === undefined) return;
    const speed = this.mode.mode === 'speed' ? this.mode.speed : 1;
    const wait = Math.max(0, (next - this.now()) / speed);
    // setTimeout's limit is 2^31-1 ms; re-arm for timers further out.
    this.wallTimer = setTimeout(() => {
      this.fireDue(this.now());
      this.armWall();
    }, Math.min(wait, 2 ** 31 - 1));
    this.wallTimer.unref?.();
  }

  private fireDue(until: number): void {
    for (;;) {
      const t = this.heap.popDue(until);
      if (!t) return;
      t.fn();
    }
  }

  // Fast-forward: one driver loop at a time; it checks idleness over a few event-loop
  // turns (writes resolve, then watch events arrive, then queues fill) before moving time.
  private driving = false;
  private kick(): void {
    if (this.mode.mode !== 'fast-forward' || this.driving || !this.running) return;
    this.driving = true;
    void this.drive().finally(() => (this.driving = false));
  }

  private async drive(): Promise<void> {
    for (;;) {
      if (!this.running || this.mode.mode !== 'fast-forward') return;
      if (!(await this.settledIdle())) continue;
      if (this.mode.mode !== 'fast-forward') return;
      for (const w of this.idleWaiters.splice(0)) w();
      const due = this.heap.peekDue();
      if (due === undefined) return;
      this.virtualNow = Math.max(this.virtualNow, due);
      this.fireDue(this.virtualNow);
    }
  }

  private async settledIdle(): Promise<boolean> {
    for (let turn = 0; turn < 3; turn++) {
      await new Promise((r) => setImmediate(r));
      for (const p of this.probes) {
        if (!this.running) return false;
        if (await Promise.resolve().then(p).catch(() => false)) return this.waitBusy();
      }
    }
    return true;
  }

  private async waitBusy(): Promise<false> {
    // Something is working: give it a moment of wall time rather than spinning the event loop.
    await new Promise((r) => setTimeout(r, 1));
    return false;
  }
}
