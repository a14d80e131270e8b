/**
 * The upload's progress as virtctl shows it with cheggaaa/pb's full template (bytes,
 * bar, percent, speed): one line redrawn with a carriage return on a terminal, or,
 * when output is not a terminal, a line at each tenth so logs stay readable.
 */
import type { CliIo } from '../kube/cli-io.js';

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** Bytes in pb's binary units (`1.50 GiB`). */
export function formatBytes(n: number): string {
  let i = 0;
  let v = n;
  while (v >= 1024 && i < UNITS.length - 1) (v /= 1024), i++;
  return i === 0 ? `${n} B` : `${v.toFixed(2)} ${UNITS[i]}`;
}

/** One progress line: `3.00 MiB / 6.00 MiB [=========>----------] 50.00% 12.00 MiB p/s`. */
export function formatProgress(sent: number, total: number, perSecond: number, width = 40): string {
  const frac = total > 0 ? Math.min(1, sent / total) : 1;
  const full = Math.round(frac * width);
  const bar = full >= width ? '='.repeat(width) : `${'='.repeat(Math.max(0, full - 1))}${full ? '>' : ''}${'-'.repeat(width - full)}`;
  return `${formatBytes(sent)} / ${formatBytes(total)} [${bar}] ${(frac * 100).toFixed(2)}% ${formatBytes(Math.round(perSecond))} p/s`;
}

/** A progress display; `update` as bytes go out, `finish` once (ends the line). */
export function progressLine(io: CliIo, lines: boolean, now = () => Date.now()): { update(sent: number, total: number): void; finish(): void } {
  const start = now();
  let last = { sent: 0, total: 0, drawnAt: 0, tenth: -1 };
  const draw = (end: boolean) => {
    const rate = last.sent / Math.max(0.001, (now() - start) / 1000);
    const line = formatProgress(last.sent, last.total, rate);
    if (lines) io.out(`${line}\n`);
    else io.out(`\r${line}${end ? '\n' : ''}`);
  };
  return {
    update(sent, total) {
      // A retry starts from zero again: show it.
      last = { ...last, sent, total };
      const tenth = total ? Math.floor((10 * sent) / total) : 10;
      if (lines ? tenth !== last.tenth : now() - last.drawnAt >= 200) {
        last.tenth = tenth;
        last.drawnAt = now();
        draw(false);
      }
    },
    finish() {
      if (!lines) draw(true);
      else if (last.tenth !== 10) draw(true);
    },
  };
}
