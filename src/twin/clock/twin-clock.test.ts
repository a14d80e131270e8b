import { describe, it, expect } from 'vitest';
import { TwinClock, parseClockMode } from './twin-clock.js';

describe('TwinClock', () => {
  it('fast-forward jumps to each timer only when idle, in due order', async () => {
    const c = new TwinClock({ mode: 'fast-forward' }, 0);
    const seen: [string, number][] = [];
    let busy = false;
    c.addBusyProbe(() => busy);
    c.setTimer(72 * 60_000, () => seen.push(['upgrade done', c.now()]));
    c.setTimer(1000, () => {
      seen.push(['first', c.now()]);
      busy = true;
      // Work that takes a few wall milliseconds: time must not move meanwhile.
      setTimeout(() => {
        seen.push(['work done at', c.now()]);
        busy = false;
      }, 20);
    });
    c.start();
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toEqual([
      ['first', 1000],
      ['work done at', 1000],
      ['upgrade done', 72 * 60_000],
    ]);
    c.stop();
  });

  it('cancelled timers never fire', async () => {
    const c = new TwinClock({ mode: 'fast-forward' }, 0);
    let fired = false;
    const t = c.setTimer(10, () => (fired = true));
    c.clearTimer(t);
    c.start();
    await c.whenIdle();
    expect(fired).toBe(false);
    expect(c.pendingTimers()).toBe(0);
    c.stop();
  });

  it('speed mode runs N simulated seconds per wall second', async () => {
    const c = new TwinClock({ mode: 'speed', speed: 1000 }, 0);
    c.start();
    const t0 = Date.now();
    await c.sleep(5000);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(c.now()).toBeGreaterThanOrEqual(5000);
    c.stop();
  });

  it('parses the CLI modes and rejects bad speeds', () => {
    expect(parseClockMode('realtime', '60')).toEqual({ mode: 'speed', speed: 60 });
    expect(parseClockMode('fast-forward')).toEqual({ mode: 'fast-forward' });
    expect(() => parseClockMode('realtime', '-1')).toThrow(/positive/);
    expect(() => parseClockMode('warp')).toThrow(/realtime or fast-forward/);
  });
});

describe('TwinClock.switchTo()', () => {
  it('continues from the same instant when leaving fast-forward', async () => {
    const c = new TwinClock({ mode: 'fast-forward' }, 0);
    c.setTimer(3_600_000, () => undefined);
    c.start();
    await new Promise((r) => setTimeout(r, 50));
    expect(c.now()).toBe(3_600_000);
    c.switchTo({ mode: 'realtime' });
    const a = c.now();
    expect(a).toBeGreaterThanOrEqual(3_600_000);
    expect(a).toBeLessThan(3_600_000 + 100);
    c.stop();
  });
});
