/**
 * An elastic-tabstop writer with Go's text/tabwriter semantics, as kubectl's printers
 * use it: cells end in tabs, a column block is a run of consecutive lines that have a
 * cell in that column, and each block is as wide as its widest cell plus padding (at
 * least minWidth). `rememberWidths` keeps column widths across flushes, as the
 * liggitt/tabwriter fork kubectl uses does, so watch rows stay aligned.
 */

/** Layout options (kubectl get: minWidth 6, padding 3; describe: minWidth 0, padding 2). */
export interface TabWriterOptions {
  minWidth: number;
  padding: number;
  rememberWidths?: boolean;
}

/** The options kubectl's `printers.GetNewTabWriter` uses, with remembered widths. */
export const GET_TABWRITER: TabWriterOptions = { minWidth: 6, padding: 3, rememberWidths: true };

/** The options kubectl describe's `tabbedString` uses. */
export const DESCRIBE_TABWRITER: TabWriterOptions = { minWidth: 0, padding: 2 };

/** Buffers text and writes it aligned on flush. */
export class TabWriter {
  #buf = '';
  #maxWidths: number[] = [];

  constructor(
    private readonly out: (text: string) => void,
    private readonly opts: TabWriterOptions,
  ) {}

  /** Appends text; cells are separated by `\t`, lines by `\n`. */
  write(text: string): void {
    this.#buf += text;
  }

  /** Formats and writes everything buffered. */
  flush(): void {
    if (!this.#buf) return;
    const text = this.#buf;
    this.#buf = '';
    this.out(formatCells(text.split('\n').map((l) => l.split('\t')), this.opts, this.#maxWidths));
  }

  /** Forgets remembered widths (kubectl does this when a new table starts). */
  resetWidths(): void {
    this.#maxWidths = [];
  }
}

/** Aligns a whole text at once. */
export function alignText(text: string, opts: TabWriterOptions): string {
  return formatCells(
    text.split('\n').map((l) => l.split('\t')),
    opts,
    [],
  );
}

function runeLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function formatCells(lines: string[][], opts: TabWriterOptions, maxWidths: number[]): string {
  const parts: string[] = [];
  const widths: number[] = [];
  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const line = lines[i];
      for (let j = 0; j < line.length; j++) {
        parts.push(line[j]);
        if (j < widths.length) parts.push(' '.repeat(Math.max(0, widths[j] - runeLength(line[j]))));
      }
      if (i + 1 < lines.length) parts.push('\n');
    }
  };
  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t].length - 1) continue;
      writeLines(line0, t);
      line0 = t;
      let width = opts.minWidth;
      for (; t < line1 && column < lines[t].length - 1; t++) {
        const w = runeLength(lines[t][column]) + opts.padding;
        if (w > width) width = w;
      }
      if (opts.rememberWidths) {
        if (maxWidths.length < column) maxWidths.push(...widths.slice(maxWidths.length));
        if (maxWidths.length === column) maxWidths.push(width);
        else if (maxWidths[column] > width) width = maxWidths[column];
        else maxWidths[column] = width;
      }
      widths.push(width);
      format(line0, t);
      widths.pop();
      line0 = t;
    }
    writeLines(line0, line1);
  };
  format(0, lines.length);
  return parts.join('');
}
