/**
 * Hardware byte sizes with decimal (kB, MB, GB, TB, PB: powers of 1000, as drive vendors
 * label them) and binary (KiB, MiB, GiB, TiB, PiB: powers of 1024, as operating systems and
 * Kubernetes quantities count) units, per IEC 80000-13. "3.84 TB" is 3,840,000,000,000 bytes,
 * which is 3,576.28 GiB. Kubernetes quantities (`3840Gi`) belong to `quantity.ts`.
 */

/** A unit symbol understood by `parseByteSize` and `formatBytes`. */
export type ByteUnit =
  | 'B' | 'kB' | 'MB' | 'GB' | 'TB' | 'PB'
  | 'KiB' | 'MiB' | 'GiB' | 'TiB' | 'PiB';

/** Bytes per unit. */
export const BYTE_UNITS: Readonly<Record<ByteUnit, number>> = {
  B: 1,
  kB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  PB: 1e15,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
  TiB: 2 ** 40,
  PiB: 2 ** 50,
};

// "KB" is common on datasheets for 1000 bytes; accept it as an alias of the SI "kB".
const ALIASES: Record<string, ByteUnit> = { KB: 'kB' };

const SIZE_RE = /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*$/;

/**
 * Parses a byte size: a whole number of bytes, or a number with a decimal or binary unit
 * (`3.84TB`, `3.84 TB`, `960GB`, `1.5 TiB`). Unit symbols are case-sensitive, because
 * `Mb` (megabit) and `MB` (megabyte) differ; `KB` is accepted as `kB`.
 */
export function parseByteSize(input: string | number): number {
  if (typeof input === 'number') {
    if (!Number.isSafeInteger(input) || input < 0) {
      throw new RangeError(`Cannot parse byte size: ${input} is not a whole, non-negative number of bytes`);
    }
    return input;
  }
  const m = SIZE_RE.exec(input);
  if (!m) throw new SyntaxError(`Cannot parse byte size "${input}": expected a number and a unit such as 3.84TB or 512GiB`);
  const unitText = m[2] === '' ? 'B' : m[2];
  const unit = (unitText in BYTE_UNITS ? unitText : ALIASES[unitText]) as ByteUnit | undefined;
  if (!unit) {
    throw new SyntaxError(`Cannot parse byte size "${input}": unknown unit "${unitText}" (use one of ${Object.keys(BYTE_UNITS).join(', ')})`);
  }
  const bytes = Math.round(Number(m[1]) * BYTE_UNITS[unit]);
  if (!Number.isSafeInteger(bytes)) throw new RangeError(`Cannot parse byte size "${input}": too large`);
  return bytes;
}

/** Converts a number of bytes into the given unit (3.84e12 bytes in GiB is 3576.279…). */
export function bytesIn(bytes: number, unit: ByteUnit): number {
  return bytes / BYTE_UNITS[unit];
}

/** Formats a number with thousands separators and at most `digits` decimals (`3,576.28`). */
export function formatNumber(n: number, digits = 2): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** Options for `formatBytes`. */
export interface FormatBytesOptions {
  /** A fixed unit, or the largest unit of a system in which the value is at least 1. */
  unit?: ByteUnit;
  system?: 'decimal' | 'binary';
  digits?: number;
}

const DECIMAL: ByteUnit[] = ['PB', 'TB', 'GB', 'MB', 'kB', 'B'];
const BINARY: ByteUnit[] = ['PiB', 'TiB', 'GiB', 'MiB', 'KiB', 'B'];

/** Formats bytes in a readable unit: `formatBytes(3.84e12)` is `3.84 TB`, in binary `3.49 TiB`. */
export function formatBytes(bytes: number, opts: FormatBytesOptions = {}): string {
  const digits = opts.digits ?? 2;
  const unit = opts.unit
    ?? (opts.system === 'binary' ? BINARY : DECIMAL).find((u) => bytes >= BYTE_UNITS[u])
    ?? 'B';
  return `${formatNumber(bytesIn(bytes, unit), digits)} ${unit}`;
}
