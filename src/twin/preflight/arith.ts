/** Number formatting for the arithmetic lines of findings. */
import { formatNumber } from '../../lib/units.js';

/** `9400` → `9,400`. */
export function n(value: number, digits = 2): string {
  return formatNumber(value, digits);
}

/** `a / b` as a percentage with one decimal (`150.6 %`). */
export function pct(a: number, b: number): string {
  return `${formatNumber((a / b) * 100, 1)} %`;
}

/** Groups equal values into `6 × 1,400 W + 4 × 250 W`. */
export function sumTerms(values: number[], unit: string): string {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const terms = [...counts.entries()].sort((a, b) => b[0] - a[0]).map(([v, c]) => (c === 1 ? `${n(v)} ${unit}` : `${c} × ${n(v)} ${unit}`));
  return terms.length ? terms.join(' + ') : `0 ${unit}`;
}
