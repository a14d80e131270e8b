/**
 * The twin's time kept in the data dir (`twin-clock.json`), so a restart resumes where the
 * simulated datacenter was: after a fast-forward run the twin's time is ahead of the wall
 * clock, and the objects and the Ceph engine carry timestamps from it. Written every couple of
 * wall seconds (off the event loop: an fsync can take tens of ms on a busy disk) and at stop; a
 * crash loses at most that much of a fast-forward run's lead.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
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

/** `writeClockFile` on the thread pool. */
async function writeClockFileAsync(dataDir: string, nowMs: number): Promise<void> {
  // Its own temp file: the synchronous save at stop may run while this one is in flight.
  const tmp = join(dataDir, `${FILE}.tmp-async`);
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(JSON.stringify({ nowMs }));
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, join(dataDir, FILE));
}

/** Saves `clock.now()` every `everyMs` of wall time; the returned function saves once more (synchronously) and stops. */
export function keepClockFile(clock: Clock, dataDir: string, everyMs = 2000): () => void {
  let saving: Promise<void> | undefined;
  const timer = setInterval(() => {
    // A save still in flight (slow disk) covers this tick.
    saving ??= writeClockFileAsync(dataDir, clock.now()).catch(() => undefined).finally(() => (saving = undefined));
  }, everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    writeClockFile(dataDir, clock.now());
  };
}
