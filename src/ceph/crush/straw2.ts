// bucket_straw2_choose (ceph/ceph src/crush/mapper.c): every item draws ln(hash16) / weight and
// the largest draw wins, ties to the lower position.
//
// Speed, with the result unchanged: the rjenkins1 hash32_3(x, item, r) is written out inline (the
// JIT will not inline a function that size, and the call costs about a quarter of a mapping), and
// an item whose draw cannot beat the best so far skips its logarithm and division.
import { CRUSH_HASH_SEED } from './hash.js';
import { straw2Ln } from './ln.js';

const SEED = CRUSH_HASH_SEED;
const ln = straw2Ln;

// BLOCK_MAX[u >> 6] is the largest straw2Ln over the 64 inputs of u's block: an upper bound on
// the numerator of any draw there.
const BLOCK_MAX = new Float64Array(1024);
for (let b = 0; b < 1024; b++) {
  let m = -Infinity;
  for (let u = b * 64; u < b * 64 + 64; u++) m = Math.max(m, straw2Ln(u));
  BLOCK_MAX[b] = m;
}
// best * w is rounded (relative error <= 2^-53); widening it by 2^-40 keeps the skip test conservative.
const WIDEN = 1 + 2 ** -40;

/** Index (into items) of the straw2 winner among items[base..end) for input x and round r. */
export function straw2Choose(items: Int32Array, weights: Uint32Array, base: number, end: number, x: number, r: number): number {
  let high = base;
  let highDraw = -Infinity;
  for (let i = base; i < end; i++) {
    const wi = weights[i]!;
    // A zero weight draws INT64_MIN, which only wins as the first item.
    if (wi === 0) continue;
    // hash32_3(x, items[i], r): mix(a, b, h) mix(c, x, h) mix(y, a, h) mix(b, x, h) mix(y, c, h)
    let a = x | 0;
    let b = items[i]!;
    let c = r | 0;
    let h = SEED ^ a ^ b ^ c;
    let hx = 231232;
    let hy = 1232;
    a = (a - b - h) ^ (h >>> 13); b = (b - h - a) ^ (a << 8); h = (h - a - b) ^ (b >>> 13);
    a = (a - b - h) ^ (h >>> 12); b = (b - h - a) ^ (a << 16); h = (h - a - b) ^ (b >>> 5);
    a = (a - b - h) ^ (h >>> 3); b = (b - h - a) ^ (a << 10); h = (h - a - b) ^ (b >>> 15);
    c = (c - hx - h) ^ (h >>> 13); hx = (hx - h - c) ^ (c << 8); h = (h - c - hx) ^ (hx >>> 13);
    c = (c - hx - h) ^ (h >>> 12); hx = (hx - h - c) ^ (c << 16); h = (h - c - hx) ^ (hx >>> 5);
    c = (c - hx - h) ^ (h >>> 3); hx = (hx - h - c) ^ (c << 10); h = (h - c - hx) ^ (hx >>> 15);
    hy = (hy - a - h) ^ (h >>> 13); a = (a - h - hy) ^ (hy << 8); h = (h - hy - a) ^ (a >>> 13);
    hy = (hy - a - h) ^ (h >>> 12); a = (a - h - hy) ^ (hy << 16); h = (h - hy - a) ^ (a >>> 5);
    hy = (hy - a - h) ^ (h >>> 3); a = (a - h - hy) ^ (hy << 10); h = (h - hy - a) ^ (a >>> 15);
    b = (b - hx - h) ^ (h >>> 13); hx = (hx - h - b) ^ (b << 8); h = (h - b - hx) ^ (hx >>> 13);
    b = (b - hx - h) ^ (h >>> 12); hx = (hx - h - b) ^ (b << 16); h = (h - b - hx) ^ (hx >>> 5);
    b = (b - hx - h) ^ (h >>> 3); hx = (hx - h - b) ^ (b << 10); h = (h - b - hx) ^ (hx >>> 15);
    hy = (hy - c - h) ^ (h >>> 13); c = (c - h - hy) ^ (hy << 8); h = (h - hy - c) ^ (c >>> 13);
    hy = (hy - c - h) ^ (h >>> 12); c = (c - h - hy) ^ (hy << 16); h = (h - hy - c) ^ (c >>> 5);
    hy = (hy - c - h) ^ (h >>> 3); c = (c - h - hy) ^ (hy << 10); h = (h - hy - c) ^ (c >>> 15);
    const u = h & 0xffff;
    // draw = ceil(ln / w) <= ceil(bound / w), which is <= highDraw exactly when bound <= highDraw * w.
    if (i !== base && BLOCK_MAX[u >>> 6]! <= highDraw * wi * WIDEN) continue;
    const draw = Math.trunc(ln(u) / wi);
    if (i === base || draw > highDraw) {
      high = i;
      highDraw = draw;
    }
  }
  return items[high]!;
}
