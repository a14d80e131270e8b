import { describe, expect, it } from 'vitest';
import type { Clock, Timer } from '../lib/clock.js';
import { CompactedError } from './backend.js';
import { startCompactor } from './compactor.js';
import { MemoryBackend } from './memory/memory-backend.js';

/** A clock that only moves when the test advances it. */
class FakeClock implements Clock {
  #now = 0;
  #timers: Array<Timer & { fn: () => void }> = [];
  now(): number {
    return this.#now;
  }
  setTimer(ms: number, fn: () => void): Timer {
    const t = { due: this.#now + ms, fn };
    this.#timers.push(t);
    return t;
  }
  clearTimer(t: Timer): void {
    this.#timers = this.#timers.filter((x) => x !== t);
  }
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.setTimer(ms, resolve));
  }
  advance(ms: number): void {
    this.#now += ms;
    for (const t of this.#timers.filter((x) => x.due <= this.#now)) {
      this.clearTimer(t);
      t.fn();
    }
  }
  get pending(): number {
    return this.#timers.length;
  }
}

const enc = (s: string) => new TextEncoder().encode(s);

describe('startCompactor()', () => {
  it('compacts, at each tick, to the revision seen at the previous tick', async () => {
    const b = new MemoryBackend();
    const clock = new FakeClock();
    const c = startCompactor(b, clock, { intervalMs: 1000 });
    let kv = await b.create('/k', enc('0'));
    clock.advance(999);
    await c.settled();
    expect(await b.compactedRevision()).toBe(1);

    clock.advance(1);
    await c.settled();
    const seenAtTick1 = kv.modRevision;
    expect(await b.compactedRevision()).toBe(1);
    for (let i = 1; i <= 3; i++) kv = await b.update('/k', enc(String(i)), kv.modRevision);

    clock.advance(1000);
    await c.settled();
    expect(await b.compactedRevision()).toBe(seenAtTick1 + 1);
    await expect(b.list('/', { revision: seenAtTick1 - 1 })).rejects.toBeInstanceOf(CompactedError);
    expect((await b.list('/', { revision: seenAtTick1 })).items).toHaveLength(1);

    clock.advance(1000);
    await c.settled();
    expect(await b.compactedRevision()).toBe(kv.modRevision + 1);
    c.stop();
    expect(clock.pending).toBe(0);
  });

  it('uses a five-minute interval by default and keeps going after a failed tick', async () => {
    const b = new MemoryBackend();
    const clock = new FakeClock();
    const errors: Error[] = [];
    const c = startCompactor(b, clock, { onError: (e) => errors.push(e) });
    await b.create('/k', enc('v'));
    clock.advance(5 * 60_000);
    await c.settled();
    await b.close();
    clock.advance(5 * 60_000);
    await c.settled();
    expect(errors).toHaveLength(1);
    expect(clock.pending).toBe(1);
    c.stop();
    expect(clock.pending).toBe(0);
  });
});
