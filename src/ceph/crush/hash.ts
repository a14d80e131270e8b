// rjenkins1, CRUSH's only hash (type 0): Bob Jenkins' 96-bit mix over u32 words.
// Facts from ceph/ceph src/crush/hash.c: seed 1315423911, the constants x = 231232 and y = 1232
// (which the mixes update in place), and the order of mix() calls for 2, 3 and 4 inputs.
// Every mix is written out as three lines of three steps so the JIT keeps all words in registers;
// values are int32 between steps and the result is returned as u32.

/** `crush_hash_seed` from ceph/ceph src/crush/hash.c. */
export const CRUSH_HASH_SEED = 1315423911;

/** CRUSH_HASH_RJENKINS1, the hash id buckets carry. */
export const CRUSH_HASH_RJENKINS1 = 0;

/** crush_hash32_rjenkins1_2(a, b) as u32. */
export function hash32_2(a: number, b: number): number {
  let h = CRUSH_HASH_SEED ^ a ^ b;
  let x = 231232;
  let y = 1232;
  a |= 0; b |= 0;
  // mix(a, b, h)
  a = (a - b - h) ^ (h >>> 13); b = (b - h - a) ^ (a << 8); h = (h - a - b) ^ (b >>> 13);
  a = (a - b - h) ^ (h >>> 12); b = (b - h - a) ^ (a << 16); h = (h - a - b) ^ (b >>> 5);
  a = (a - b - h) ^ (h >>> 3); b = (b - h - a) ^ (a << 10); h = (h - a - b) ^ (b >>> 15);
  // mix(x, a, h)
  x = (x - a - h) ^ (h >>> 13); a = (a - h - x) ^ (x << 8); h = (h - x - a) ^ (a >>> 13);
  x = (x - a - h) ^ (h >>> 12); a = (a - h - x) ^ (x << 16); h = (h - x - a) ^ (a >>> 5);
  x = (x - a - h) ^ (h >>> 3); a = (a - h - x) ^ (x << 10); h = (h - x - a) ^ (a >>> 15);
  // mix(b, y, h)
  b = (b - y - h) ^ (h >>> 13); y = (y - h - b) ^ (b << 8); h = (h - b - y) ^ (y >>> 13);
  b = (b - y - h) ^ (h >>> 12); y = (y - h - b) ^ (b << 16); h = (h - b - y) ^ (y >>> 5);
  b = (b - y - h) ^ (h >>> 3); y = (y - h - b) ^ (b << 10); h = (h - b - y) ^ (y >>> 15);
  return h >>> 0;
}

/** crush_hash32_rjenkins1_3(a, b, c) as u32 (straw, straw2, uniform). */
export function hash32_3(a: number, b: number, c: number): number {
  let h = CRUSH_HASH_SEED ^ a ^ b ^ c;
  let x = 231232;
  let y = 1232;
  a |= 0; b |= 0; c |= 0;
  // mix(a, b, h)
  a = (a - b - h) ^ (h >>> 13); b = (b - h - a) ^ (a << 8); h = (h - a - b) ^ (b >>> 13);
  a = (a - b - h) ^ (h >>> 12); b = (b - h - a) ^ (a << 16); h = (h - a - b) ^ (b >>> 5);
  a = (a - b - h) ^ (h >>> 3); b = (b - h - a) ^ (a << 10); h = (h - a - b) ^ (b >>> 15);
  // mix(c, x, h)
  c = (c - x - h) ^ (h >>> 13); x = (x - h - c) ^ (c << 8); h = (h - c - x) ^ (x >>> 13);
  c = (c - x - h) ^ (h >>> 12); x = (x - h - c) ^ (c << 16); h = (h - c - x) ^ (x >>> 5);
  c = (c - x - h) ^ (h >>> 3); x = (x - h - c) ^ (c << 10); h = (h - c - x) ^ (x >>> 15);
  // mix(y, a, h)
  y = (y - a - h) ^ (h >>> 13); a = (a - h - y) ^ (y << 8); h = (h - y - a) ^ (a >>> 13);
  y = (y - a - h) ^ (h >>> 12); a = (a - h - y) ^ (y << 16); h = (h - y - a) ^ (a >>> 5);
  y = (y - a - h) ^ (h >>> 3); a = (a - h - y) ^ (y << 10); h = (h - y - a) ^ (a >>> 15);
  // mix(b, x, h)
  b = (b - x - h) ^ (h >>> 13); x = (x - h - b) ^ (b << 8); h = (h - b - x) ^ (x >>> 13);
  b = (b - x - h) ^ (h >>> 12); x = (x - h - b) ^ (b << 16); h = (h - b - x) ^ (x >>> 5);
  b = (b - x - h) ^ (h >>> 3); x = (x - h - b) ^ (b << 10); h = (h - b - x) ^ (x >>> 15);
  // mix(y, c, h)
  y = (y - c - h) ^ (h >>> 13); c = (c - h - y) ^ (y << 8); h = (h - y - c) ^ (c >>> 13);
  y = (y - c - h) ^ (h >>> 12); c = (c - h - y) ^ (y << 16); h = (h - y - c) ^ (c >>> 5);
  y = (y - c - h) ^ (h >>> 3); c = (c - h - y) ^ (y << 10); h = (h - y - c) ^ (c >>> 15);
  return h >>> 0;
}

/** crush_hash32_rjenkins1_4(a, b, c, d) as u32 (list and tree buckets). */
export function hash32_4(a: number, b: number, c: number, d: number): number {
  let h = CRUSH_HASH_SEED ^ a ^ b ^ c ^ d;
  let x = 231232;
  let y = 1232;
  a |= 0; b |= 0; c |= 0; d |= 0;
  // mix(a, b, h)
  a = (a - b - h) ^ (h >>> 13); b = (b - h - a) ^ (a << 8); h = (h - a - b) ^ (b >>> 13);
  a = (a - b - h) ^ (h >>> 12); b = (b - h - a) ^ (a << 16); h = (h - a - b) ^ (b >>> 5);
  a = (a - b - h) ^ (h >>> 3); b = (b - h - a) ^ (a << 10); h = (h - a - b) ^ (b >>> 15);
  // mix(c, d, h)
  c = (c - d - h) ^ (h >>> 13); d = (d - h - c) ^ (c << 8); h = (h - c - d) ^ (d >>> 13);
  c = (c - d - h) ^ (h >>> 12); d = (d - h - c) ^ (c << 16); h = (h - c - d) ^ (d >>> 5);
  c = (c - d - h) ^ (h >>> 3); d = (d - h - c) ^ (c << 10); h = (h - c - d) ^ (d >>> 15);
  // mix(a, x, h)
  a = (a - x - h) ^ (h >>> 13); x = (x - h - a) ^ (a << 8); h = (h - a - x) ^ (x >>> 13);
  a = (a - x - h) ^ (h >>> 12); x = (x - h - a) ^ (a << 16); h = (h - a - x) ^ (x >>> 5);
  a = (a - x - h) ^ (h >>> 3); x = (x - h - a) ^ (a << 10); h = (h - a - x) ^ (x >>> 15);
  // mix(y, b, h)
  y = (y - b - h) ^ (h >>> 13); b = (b - h - y) ^ (y << 8); h = (h - y - b) ^ (b >>> 13);
  y = (y - b - h) ^ (h >>> 12); b = (b - h - y) ^ (y << 16); h = (h - y - b) ^ (b >>> 5);
  y = (y - b - h) ^ (h >>> 3); b = (b - h - y) ^ (y << 10); h = (h - y - b) ^ (b >>> 15);
  // mix(c, x, h)
  c = (c - x - h) ^ (h >>> 13); x = (x - h - c) ^ (c << 8); h = (h - c - x) ^ (x >>> 13);
  c = (c - x - h) ^ (h >>> 12); x = (x - h - c) ^ (c << 16); h = (h - c - x) ^ (x >>> 5);
  c = (c - x - h) ^ (h >>> 3); x = (x - h - c) ^ (c << 10); h = (h - c - x) ^ (x >>> 15);
  // mix(y, d, h)
  y = (y - d - h) ^ (h >>> 13); d = (d - h - y) ^ (y << 8); h = (h - y - d) ^ (d >>> 13);
  y = (y - d - h) ^ (h >>> 12); d = (d - h - y) ^ (y << 16); h = (h - y - d) ^ (d >>> 5);
  y = (y - d - h) ^ (h >>> 3); d = (d - h - y) ^ (y << 10); h = (h - y - d) ^ (d >>> 15);
  return h >>> 0;
}

/** hash32_3(a, b, c) & 0xffff: the straw draw, kept in small-integer range so it is never boxed. */
export function hash32_3Low16(a: number, b: number, c: number): number {
  let h = CRUSH_HASH_SEED ^ a ^ b ^ c;
  let x = 231232;
  let y = 1232;
  a |= 0; b |= 0; c |= 0;
  // mix(a, b, h)
  a = (a - b - h) ^ (h >>> 13); b = (b - h - a) ^ (a << 8); h = (h - a - b) ^ (b >>> 13);
  a = (a - b - h) ^ (h >>> 12); b = (b - h - a) ^ (a << 16); h = (h - a - b) ^ (b >>> 5);
  a = (a - b - h) ^ (h >>> 3); b = (b - h - a) ^ (a << 10); h = (h - a - b) ^ (b >>> 15);
  // mix(c, x, h)
  c = (c - x - h) ^ (h >>> 13); x = (x - h - c) ^ (c << 8); h = (h - c - x) ^ (x >>> 13);
  c = (c - x - h) ^ (h >>> 12); x = (x - h - c) ^ (c << 16); h = (h - c - x) ^ (x >>> 5);
  c = (c - x - h) ^ (h >>> 3); x = (x - h - c) ^ (c << 10); h = (h - c - x) ^ (x >>> 15);
  // mix(y, a, h)
  y = (y - a - h) ^ (h >>> 13); a = (a - h - y) ^ (y << 8); h = (h - y - a) ^ (a >>> 13);
  y = (y - a - h) ^ (h >>> 12); a = (a - h - y) ^ (y << 16); h = (h - y - a) ^ (a >>> 5);
  y = (y - a - h) ^ (h >>> 3); a = (a - h - y) ^ (y << 10); h = (h - y - a) ^ (a >>> 15);
  // mix(b, x, h)
  b = (b - x - h) ^ (h >>> 13); x = (x - h - b) ^ (b << 8); h = (h - b - x) ^ (x >>> 13);
  b = (b - x - h) ^ (h >>> 12); x = (x - h - b) ^ (b << 16); h = (h - b - x) ^ (x >>> 5);
  b = (b - x - h) ^ (h >>> 3); x = (x - h - b) ^ (b << 10); h = (h - b - x) ^ (x >>> 15);
  // mix(y, c, h)
  y = (y - c - h) ^ (h >>> 13); c = (c - h - y) ^ (y << 8); h = (h - y - c) ^ (c >>> 13);
  y = (y - c - h) ^ (h >>> 12); c = (c - h - y) ^ (y << 16); h = (h - y - c) ^ (c >>> 5);
  y = (y - c - h) ^ (h >>> 3); c = (c - h - y) ^ (y << 10); h = (h - y - c) ^ (c >>> 15);
  return h & 0xffff;
}

/** hash32_2(a, b) & 0xffff: the is_out draw, kept in small-integer range so it is never boxed. */
export function hash32_2Low16(a: number, b: number): number {
  let h = CRUSH_HASH_SEED ^ a ^ b;
  let x = 231232;
  let y = 1232;
  a |= 0; b |= 0;
  // mix(a, b, h)
  a = (a - b - h) ^ (h >>> 13); b = (b - h - a) ^ (a << 8); h = (h - a - b) ^ (b >>> 13);
  a = (a - b - h) ^ (h >>> 12); b = (b - h - a) ^ (a << 16); h = (h - a - b) ^ (b >>> 5);
  a = (a - b - h) ^ (h >>> 3); b = (b - h - a) ^ (a << 10); h = (h - a - b) ^ (b >>> 15);
  // mix(x, a, h)
  x = (x - a - h) ^ (h >>> 13); a = (a - h - x) ^ (x << 8); h = (h - x - a) ^ (a >>> 13);
  x = (x - a - h) ^ (h >>> 12); a = (a - h - x) ^ (x << 16); h = (h - x - a) ^ (a >>> 5);
  x = (x - a - h) ^ (h >>> 3); a = (a - h - x) ^ (x << 10); h = (h - x - a) ^ (a >>> 15);
  // mix(b, y, h)
  b = (b - y - h) ^ (h >>> 13); y = (y - h - b) ^ (b << 8); h = (h - b - y) ^ (y >>> 13);
  b = (b - y - h) ^ (h >>> 12); y = (y - h - b) ^ (b << 16); h = (h - b - y) ^ (y >>> 5);
  b = (b - y - h) ^ (h >>> 3); y = (y - h - b) ^ (b << 10); h = (h - b - y) ^ (y >>> 15);
  return h & 0xffff;
}
