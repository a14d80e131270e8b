/**
 * Formats a number as C++ iostreams print a float or double by default (printf "%g", precision 6):
 * six significant digits, trailing zeros dropped, exponent form below 1e-4 or from 1e6 up.
 */
export function formatFloat6(v: number): string {
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  const exp = v.toExponential(5);
  const e = Number(exp.slice(exp.indexOf('e') + 1));
  if (e < -4 || e >= 6) {
    const mantissa = stripZeros(exp.slice(0, exp.indexOf('e')));
    const abs = Math.abs(e);
    return `${mantissa}e${e < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
  }
  return stripZeros(v.toFixed(5 - e));
}

function stripZeros(s: string): string {
  if (!s.includes('.')) return s;
  return s.replace(/0+$/, '').replace(/\.$/, '');
}
