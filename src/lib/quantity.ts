/**
 * Kubernetes resource quantities (`resource.Quantity`, `staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go`):
 * parsing with kube's grammar, suffixes and rounding, canonical formatting as kube serializes
 * them (`1536Mi`, `500m`, `1e3`), and exact comparisons. Values are kept as an exact decimal
 * (`unscaled × 10^scale` in bigint), so bytes up to 2^63-1 compare without float error.
 */

/** Which suffix family a quantity is written in; canonical output keeps the family. */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** A parsed quantity: the value is `unscaled × 10^scale`. */
export interface Quantity {
  unscaled: bigint;
  scale: number;
  format: QuantityFormat;
  /** The value in base units as a float (bytes, cores). */
  value: number;
}

/** The error messages of `quantity.go` (ErrFormatWrong, ErrNumeric, ErrSuffix). */
export const QUANTITY_ERRORS = {
  formatWrong: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
  numeric: 'unable to parse numeric part of quantity',
  suffix: "unable to parse quantity's suffix",
} as const;

const DEC_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BIN_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const MAX_INT64 = (1n << 63n) - 1n;
const NANO_SCALE = -9;

interface Split {
  negative: boolean;
  num: string;
  denom: string;
  suffix: string;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** parseQuantityString: sign, integer digits, fraction digits, suffix (letters, optional sign, digits). */
function split(str: string): Split {
  let pos = 0;
  let negative = false;
  if (str[0] === '-' || str[0] === '+') {
    negative = str[0] === '-';
    pos++;
  }
  while (str[pos] === '0') pos++;
  const numStart = pos;
  while (isDigit(str[pos])) pos++;
  const num = str.slice(numStart, pos) || '0';
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    const start = pos;
    while (isDigit(str[pos])) pos++;
    denom = str.slice(start, pos);
  }
  const suffixStart = pos;
  while (pos < str.length && 'eEinumkKMGTP'.includes(str[pos])) pos++;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (isDigit(str[pos])) pos++;
  if (pos < str.length) throw new Error(QUANTITY_ERRORS.formatWrong);
  return { negative, num, denom, suffix: str.slice(suffixStart) };
}

function interpret(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } {
  if (Object.hasOwn(DEC_SUFFIXES, suffix)) return { base: 10, exponent: DEC_SUFFIXES[suffix], format: 'DecimalSI' };
  if (Object.hasOwn(BIN_SUFFIXES, suffix)) return { base: 2, exponent: BIN_SUFFIXES[suffix], format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[-+]?\d+$/.test(suffix.slice(1))) {
    const exponent = Number(suffix.slice(1));
    if (Number.isSafeInteger(exponent) && Math.abs(exponent) <= 2 ** 31) return { base: 10, exponent, format: 'DecimalExponent' };
  }
  throw new Error(QUANTITY_ERRORS.suffix);
}

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** Rounds `unscaled × 10^scale` away from zero to `target` scale (inf.RoundUp). */
function roundUp(unscaled: bigint, scale: number, target: number): bigint {
  if (scale >= target) return unscaled * pow10(scale - target);
  const div = pow10(target - scale);
  const q = unscaled / div;
  if (q * div === unscaled) return q;
  return unscaled < 0n ? q - 1n : q + 1n;
}

function toFloat(unscaled: bigint, scale: number): number {
  return Number(`${unscaled}e${scale}`);
}

/**
 * Parses a quantity as `resource.ParseQuantity` does (after the JSON decoder's TrimSpace):
 * throws an Error with kube's message on bad input; values finer than 1n round up (away from
 * zero); magnitudes cap at 2^63-1; a BinarySI value between 0 and 1 becomes DecimalSI.
 */
export function parseQuantity(input: string | number): Quantity {
  const str = typeof input === 'number' ? String(input) : input.trim();
  if (str.length === 0) throw new Error(QUANTITY_ERRORS.formatWrong);
  if (str === '0') return { unscaled: 0n, scale: 0, format: 'DecimalSI', value: 0 };
  const { negative, num, denom, suffix } = split(str);
  const { base, exponent, format: parsedFormat } = interpret(suffix);
  let format = parsedFormat;
  let unscaled = BigInt(num + denom);
  let scale = -denom.length;
  if (base === 10) scale += exponent;
  else unscaled *= 1n << BigInt(exponent);
  // Round up to the nano, then cap at the int64 maximum (amount.Round(Nano, RoundUp); maxAllowed).
  if (unscaled !== 0n && scale < NANO_SCALE) {
    unscaled = roundUp(unscaled, scale, NANO_SCALE);
    scale = NANO_SCALE;
  }
  if (compareExact(unscaled, scale, MAX_INT64, 0) > 0) {
    unscaled = MAX_INT64;
    scale = 0;
  }
  if (format === 'BinarySI' && unscaled !== 0n && compareExact(unscaled, scale, 1n, 0) < 0) format = 'DecimalSI';
  if (negative) unscaled = -unscaled;
  return { unscaled, scale, format, value: toFloat(unscaled, scale) };
}

/** Compares two exact decimals. */
function compareExact(a: bigint, as: number, b: bigint, bs: number): number {
  const s = Math.min(as, bs);
  const x = a * pow10(as - s);
  const y = b * pow10(bs - s);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b` (Quantity.Cmp), exactly. */
export function compareQuantities(a: Quantity | string, b: Quantity | string): number {
  const qa = typeof a === 'string' ? parseQuantity(a) : a;
  const qb = typeof b === 'string' ? parseQuantity(b) : b;
  return compareExact(qa.unscaled, qa.scale, qb.unscaled, qb.scale);
}

/** Quantity.Value(): the value rounded up to an integer (bytes, whole cores), as a bigint. */
export function quantityValue(q: Quantity | string): bigint {
  const x = typeof q === 'string' ? parseQuantity(q) : q;
  return roundUp(x.unscaled, x.scale, 0);
}

/** Quantity.MilliValue(): the value in thousandths, rounded up, as a bigint. */
export function quantityMilliValue(q: Quantity | string): bigint {
  const x = typeof q === 'string' ? parseQuantity(q) : q;
  return roundUp(x.unscaled, x.scale, -3);
}

/** The canonical string kube serializes (`CanonicalizeBytes`): `1536Mi`, `1500m`, `500m`, `1e3`. */
export function formatQuantity(q: Quantity): string {
  let format = q.format;
  if (format === 'BinarySI') {
    const small = compareExact(q.unscaled, q.scale, -1024n, 0) > 0 && compareExact(q.unscaled, q.scale, 1024n, 0) < 0;
    const integral = q.scale >= 0 || q.unscaled % pow10(-q.scale) === 0n;
    if (small || !integral) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let n = q.scale >= 0 ? q.unscaled * pow10(q.scale) : q.unscaled / pow10(-q.scale);
    let exp = 0;
    while (n !== 0n && n % 1024n === 0n && exp < 60) {
      n /= 1024n;
      exp += 10;
    }
    const suffix = Object.keys(BIN_SUFFIXES).find((k) => BIN_SUFFIXES[k] === exp) ?? '';
    return `${n}${suffix}`;
  }
  // AsCanonicalBytes: strip trailing zeros, then lower the exponent to a multiple of 3.
  let n = q.unscaled;
  let exp = q.scale;
  if (n === 0n) exp = 0;
  while (n !== 0n && n % 10n === 0n) {
    n /= 10n;
    exp++;
  }
  const r = ((exp % 3) + 3) % 3;
  n *= pow10(r);
  exp -= r;
  if (format === 'DecimalExponent') return exp === 0 ? `${n}` : `${n}e${exp}`;
  const suffix = Object.keys(DEC_SUFFIXES).find((k) => DEC_SUFFIXES[k] === exp);
  return suffix === undefined ? `${n}e${exp}` : `${n}${suffix}`;
}

/** Parses and re-serializes a quantity in kube's canonical form (what a stored object holds). */
export function canonicalQuantity(input: string | number): string {
  return formatQuantity(parseQuantity(input));
}

/** Whether the input parses as a quantity. */
export function isQuantity(input: unknown): boolean {
  if (typeof input !== 'string' && typeof input !== 'number') return false;
  try {
    parseQuantity(input);
    return true;
  } catch {
    return false;
  }
}
