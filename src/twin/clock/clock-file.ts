/**
 * The twin's time kept in the data dir (`twin-clock.json`), so a restart resumes where the
 * simulated datacenter was: after a fast-forward run the twin's time is ahead of the wall
 * clock, and the objects and the Ceph engine carry timestamps from it. Written every couple of
 * wall seconds and at stop; a crash loses at most that much of a fast-forward run's lead.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../lib/clock.js';

const FILE = 'twin-clock.json';

/** The saved twin time (ms since the epoch), or undefined when there is none or it is unreadable. */
export function readClockFile(dataDir: string): number | undefined {
  try {
    const v = (JSON.parse(readFileSync(join(dataDir, FILE), 'utf8')) as { nowMs?: unknown }).nowMs;
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the clock's now (temp file, fsync, rename). */
export function writeClockFile(dataDir: string, nowMs: number): void {
  const tmp = join(dataDir, `${FILE}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, JSON.stringify({ nowMs }));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, join(dataDir, FILE));
}

/** Saves `clock.now()` every `everyMs` of wall time; the returned function saves once more and stops. */
export function keepClockFile(clock: Clock, dataDir: string, everyMs = 2000): () => void {
  const save = () => writeClockFile(dataDir, clock.now());
  const timer = setInterval(save, everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    save();
  };
}
