// Ceph's number printing: byte_u_t / si_u_t (src/include/types.h format_u), weightf_t,
// lowprecision_t and percentify (src/mon/PGMap.cc), and timespan_str for ages.

/** printf("%.*f") with C's round-half-to-even on exact binary ties (toFixed rounds those up). */
export function cFixed(v: number, digits: number): string {
  const scaled = v * 10 ** digits;
  const floor = Math.floor(scaled);
  if (scaled - floor === 0.5 && Number.isFinite(scaled) && Math.abs(scaled) < 2 ** 52) {
    const even = floor % 2 === 0 ? floor : floor + 1;
    return (even / 10 ** digits).toFixed(digits);
  }
  return v.toFixed(digits);
}

function formatU(v: number, units: readonly string[]): string {
  let n = Math.floor(v);
  let index = 0;
  while (n >= 1024 && index < units.length - 1) {
    n = Math.floor(n / 1024);
    index++;
  }
  const mult = 1024 ** index;
  if (index === 0 || v % mult === 0) return `${n}${units[index]}`;
  let out = '';
  for (let i = 2; i >= 0; i--) {
    out = `${cFixed(v / mult, i)}${units[index]}`;
    if (out.length <= 7) break;
  }
  return out;
}

/** byte_u_t: `0 B`, `1.0 GiB`, `3.5 TiB`, `377 TiB` (at most 7 characters when it can). */
export function bytesU(v: number): string {
  return formatU(Math.max(0, Math.round(v)), [' B', ' KiB', ' MiB', ' GiB', ' TiB', ' PiB', ' EiB']);
}

/** si_u_t: counts with k/M/G by 1000 (`5.00k`). */
export function siU(v: number): string {
  let n = Math.max(0, Math.round(v));
  const units = ['', 'k', 'M', 'G', 'T', 'P', 'E'];
  let index = 0;
  const orig = n;
  while (n >= 1000 && index < units.length - 1) {
    n = Math.floor(n / 1000);
    index++;
  }
  const mult = 1000 ** index;
  if (index === 0 || orig % mult === 0) return `${n}${units[index]}`;
  let out = '';
  for (let i = 2; i >= 0; i--) {
    out = `${cFixed(orig / mult, i)}${units[index]}`;
    if (out.length <= 7) break;
  }
  return out;
}

/** weightf_t: a CRUSH weight or reweight with five decimals, `0` for zero. */
export function weightF(v: number): string {
  const f = Math.fround(v);
  if (f < -0.01) return '-';
  if (f < 0.000001) return '0';
  return cFixed(f, 5);
}

/** lowprecision_t: two decimals, `0` below 0.001. */
export function lowPrecision(v: number): string {
  if (v < -0.01) return '-';
  if (v < 0.001) return '0';
  return cFixed(v, 2);
}

/** percentify: two decimals, `0` below 0.01. */
export function percentify(v: number): string {
  return v < 0.01 ? '0' : cFixed(v, 2);
}

/** timespan_str for ages (`5s`, `15m`, `2h`, `3d`, `2w`, `4M`, `1y`): each unit until twice the next. */
export function ageStr(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 120) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (d < 14) return `${d}d`;
  const w = Math.floor(d / 7);
  if (d < 60) return `${w}w`;
  const mo = Math.floor(d / 30);
  if (d < 730) return `${mo}M`;
  return `${Math.floor(d / 365)}y`;
}
