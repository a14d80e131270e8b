import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepClockFile, readClockFile, writeClockFile } from './clock-file.js';
import { TwinClock } from './twin-clock.js';

describe('the twin clock file', () => {
  it('reads back what was written, and nothing from a missing or damaged file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ove-clock-'));
    expect(readClockFile(dir)).toBeUndefined();
    writeClockFile(dir, 1_800_000_000_123);
    expect(readClockFile(dir)).toBe(1_800_000_000_123);
    writeFileSync(join(dir, 'twin-clock.json'), '{"nowMs":');
    expect(readClockFile(dir)).toBeUndefined();
  });

  it('keeps a fast-forwarded clock’s lead: stopping saves its now', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ove-clock-'));
    const ahead = Date.now() + 3 * 86_400_000;
    const clock = new TwinClock({ mode: 'fast-forward' }, ahead);
    const stop = keepClockFile(clock, dir, 60_000);
    stop();
    expect(readClockFile(dir)).toBe(ahead);
  });

  it('saves periodically without waiting for stop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ove-clock-'));
    const clock = new TwinClock({ mode: 'fast-forward' }, 1_900_000_000_000);
    const stop = keepClockFile(clock, dir, 5);
    try {
      for (let i = 0; i < 400 && readClockFile(dir) === undefined; i++) await new Promise((r) => setTimeout(r, 5));
      expect(readClockFile(dir)).toBe(1_900_000_000_000);
    } finally {
      stop();
    }
  });
});
