import { describe, it, expect } from 'vitest';
import { WorkQueue } from './workqueue.js';
import { FakeClock } from './fake-clock.js';

describe('WorkQueue', () => {
  it('deduplicates keys and hands them out in order', async () => {
    const q = new WorkQueue(new FakeClock());
    q.add('a');
    q.add('b');
    q.add('a');
    expect(q.length).toBe(2);
    expect(await q.get()).toBe('a');
    expect(await q.get()).toBe('b');
  });

  it('never gives a key to two workers: a re-add while processing waits for done()', async () => {
    const q = new WorkQueue(new FakeClock());
    q.add('a');
    const k = await q.get();
    q.add('a');
    expect(q.length).toBe(0);
    q.done(k!);
    expect(q.length).toBe(1);
  });

  it('delays adds by the clock and backs off failures exponentially', async () => {
    const clock = new FakeClock();
    const q = new WorkQueue(clock, 5);
    q.addRateLimited('x');
    q.addRateLimited('x');
    expect(q.length).toBe(0);
    clock.advance(5);
    expect(q.length).toBe(1);
    expect(q.retries('x')).toBe(2);
    q.forget('x');
    expect(q.retries('x')).toBe(0);
  });
});
