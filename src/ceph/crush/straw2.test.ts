import { describe, expect, it } from 'vitest';
import { straw2Choose } from './straw2.js';
import { crushLn } from './ln.js';
import { hash32_3 } from './hash.js';

// The definition, in BigInt: draw = (crush_ln(hash & 0xffff) - 2^48) / w truncated toward zero,
// INT64_MIN for w = 0, first strictly greater draw wins.
function reference(items: number[], weights: number[], x: number, r: number): number {
  let high = 0;
  let best = 0n;
  for (let i = 0; i < items.length; i++) {
    const draw = weights[i] === 0 ? -(1n << 63n) : (crushLn(hash32_3(x, items[i]!, r) & 0xffff) - (1n << 48n)) / BigInt(weights[i]!);
    if (i === 0 || draw > best) {
      high = i;
      best = draw;
    }
  }
  return items[high]!;
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
}

describe('straw2Choose', () => {
  it('agrees with the BigInt definition on random buckets, weights and inputs', () => {
    const rnd = lcg(42);
    let checked = 0;
    for (let t = 0; t < 400; t++) {
      const size = 1 + (rnd() % 14);
      const items = Array.from({ length: size }, (_, i) => (t % 2 ? -1 - i - t : i + t));
      const kind = t % 5;
      const weights = items.map(() => {
        const v = rnd();
        if (kind === 0) return 0x10000;
        if (kind === 1) return v % 4 === 0 ? 0 : v % 0x80000;
        if (kind === 2) return 1 + (v % 3);
        if (kind === 3) return v >>> 0; // up to 2^32 - 1: quotients near the truncation edge
        return 228_882 + (v % 5);
      });
      for (let x = 0; x < 40; x++) {
        const r = rnd() % 60;
        const xv = rnd() | 0;
        const got = straw2Choose(Int32Array.from(items), Uint32Array.from(weights), 0, size, xv, r);
        expect(got).toBe(reference(items, weights, xv, r));
        checked++;
      }
    }
    expect(checked).toBe(16_000);
  });

  it('returns the first item when every weight is zero', () => {
    expect(straw2Choose(Int32Array.from([5, 6, 7]), new Uint32Array(3), 0, 3, 1, 0)).toBe(5);
  });
});
