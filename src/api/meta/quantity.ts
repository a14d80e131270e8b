/**
 * Kubernetes resource quantities: parsing and the canonical form kube-apiserver stores and
 * prints (`k8s.io/apimachinery/pkg/api/resource/quantity.go`: `ParseQuantity`,
 * `CanonicalizeBytes`). `0.5` -> `500m`, `1000` -> `1k`, `1.5Gi` -> `1536Mi`, `1e3` stays `1e3`.
 * Values are kept as a BigInt mantissa and a power of ten, rounded up to nano precision.
 */

/** How a quantity was written, which decides how it is printed back. */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** A parsed quantity: `mantissa * 10^exponent`. */
export interface Quantity {
  mantissa: bigint;
  exponent: number;
  format: QuantityFormat;
}

const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_BY_EXP = new Map(Object.entries(DECIMAL).map(([s, e]) => [e, s]));
const BINARY_BY_EXP = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const RE = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** Parses a quantity string or number; undefined when it is not one. */
export function parseQuantity(input: string | number): Quantity | undefined {
  const m = RE.exec(String(input).trim());
  if (!m) return undefined;
  const [, sign, num, suffix = ''] = m;
  const [int, frac = ''] = num.split('.');
  let mantissa = BigInt(`${int || '0'}${frac}`) * (sign === '-' ? -1n : 1n);
  let exponent = -frac.length;
  let format: QuantityFormat = 'DecimalSI';
  if (suffix in BINARY) {
    mantissa *= 1024n ** BigInt(BINARY[suffix]);
    format = 'BinarySI';
  } else if (suffix in DECIMAL) {
    exponent += DECIMAL[suffix];
  } else {
    exponent += Number(suffix.slice(1));
    format = 'DecimalExponent';
  }
  // Anything finer than a nano-unit is rounded up (away from zero).
  if (exponent < -9) {
    const div = pow10(-9 - exponent);
    const q = mantissa / div;
    mantissa = q * div === mantissa ? q : q + (mantissa < 0n ? -1n : 1n);
    exponent = -9;
  }
  return { mantissa, exponent, format };
}

function stripTens(q: { mantissa: bigint; exponent: number }): { mantissa: bigint; exponent: number } {
  let { mantissa, exponent } = q;
  while (mantissa !== 0n && mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  return { mantissa, exponent };
}

/** The canonical string of a parsed quantity (`Quantity.String()`). */
export function formatQuantity(q: Quantity): string {
  if (q.mantissa === 0n) return '0';
  let { mantissa, exponent } = stripTens(q);
  let format = q.format;
  if (format === 'BinarySI') {
    const abs = mantissa < 0n ? -mantissa : mantissa;
    // Small or fractional binary values print as decimal, to avoid rounding.
    if (exponent < 0 || abs * pow10(exponent) < 1024n) format = 'DecimalSI';
    else {
      let value = mantissa * pow10(exponent);
      let e = 0;
      while (e < 6 && value % 1024n === 0n) {
        value /= 1024n;
        e++;
      }
      return `${value}${BINARY_BY_EXP[e]}`;
    }
  }
  // Lower the exponent to a multiple of three.
  const r = ((exponent % 3) + 3) % 3;
  mantissa *= pow10(r);
  exponent -= r;
  if (format === 'DecimalSI' && DECIMAL_BY_EXP.has(exponent)) return `${mantissa}${DECIMAL_BY_EXP.get(exponent)}`;
  return exponent === 0 ? `${mantissa}` : `${mantissa}e${exponent}`;
}

/** The canonical form of a quantity, or undefined when the input does not parse. */
export function canonicalQuantity(input: string | number): string | undefined {
  const q = parseQuantity(input);
  return q ? formatQuantity(q) : undefined;
}
