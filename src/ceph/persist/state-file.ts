// Durable replacement of a small file: write a temp file, fsync it, rename it over the old one,
// fsync the directory. After a crash the file is the old version or the new one, never a mix.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync, existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Replaces `path` with `text` atomically and durably (creating its directory, mode 0700). */
export function writeFileDurable(path: string, text: string): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `.${basename(path)}.tmp`);
  const fd = openSync(tmp, 'w', 0o600);
  try {
    const buf = Buffer.from(text);
    for (let off = 0; off < buf.length;) off += writeSync(fd, buf, off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  fsyncDir(dir);
}

/** The file's text, or undefined when it does not exist. */
export function readFileIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** Removes `path` durably (no-op when absent). */
export function removeFileDurable(path: string): void {
  if (!existsSync(path)) return;
  rmSync(path);
  fsyncDir(dirname(path));
}

/**
 * `writeFileDurable` with the write and fsync on the thread pool, for saves nobody waits for.
 * The temp file is its own, and the rename happens only if `stillWanted()` says so at that moment:
 * the check and the (synchronous, metadata-only) rename run in one turn of the event loop, so a
 * synchronous save made meanwhile is never replaced by this older text.
 */
export async function writeFileDurableInBackground(path: string, text: string, stillWanted: () => boolean): Promise<boolean> {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, `.${basename(path)}.bg.tmp`);
  const fh = await open(tmp, 'w', 0o600);
  try {
    await fh.writeFile(text);
    await fh.sync();
  } finally {
    await fh.close();
  }
  if (!stillWanted()) return false;
  renameSync(tmp, path);
  const d = await open(dir, 'r');
  try {
    await d.sync();
  } finally {
    await d.close();
  }
  return true;
}
