import { LL_TABLE, RH_LH_TABLE } from './ln-table.js';

const MASK64 = (1n << 64n) - 1n;

/**
 * crush_ln(xin): about 2^44 * log2(xin + 1) for xin in 0..0xffff, computed exactly as Ceph does
 * (ceph/ceph src/crush/mapper.c) from the shipped tables, with 64-bit products done in BigInt.
 * This is the reference; the mapper uses the equivalent float form below.
 */
export function crushLn(xin: number): bigint {
  let x = (xin + 1) >>> 0;
  let iexpon = 15;
  // Normalise x into [2^15, 2^16] so the table index has 8 significant bits.
  if ((x & 0x18000) === 0) {
    const bits = Math.clz32(x & 0x1ffff) - 16;
    x = (x << bits) >>> 0;
    iexpon = 15 - bits;
  }
  const index1 = (x >>> 8) << 1;
  const rh = BigInt(RH_LH_TABLE[index1 - 256]!);
  const lh = BigInt(RH_LH_TABLE[index1 + 1 - 256]!);
  const xl64 = ((BigInt(x) * rh) & MASK64) >> 48n;
  const ll = BigInt(LL_TABLE[Number(xl64 & 0xffn)]!);
  return (BigInt(iexpon) << 44n) + ((lh + ll) >> 4n);
}

// Per-k tables as doubles; every value is an integer below 2^53, so each is exact.
// LH and LL are stored pre-divided by 16 (exact: a power-of-two scaling), so their sum is
// (LH + LL) / 16 exactly and only the floor of Ceph's `>> 4` remains.
const RH = new Float64Array(129);
const LH16 = new Float64Array(129);
const LL16 = Float64Array.from(LL_TABLE, (v) => v / 16);
for (let k = 0; k <= 128; k++) {
  RH[k] = RH_LH_TABLE[2 * k]!;
  LH16[k] = RH_LH_TABLE[2 * k + 1]! / 16;
}

// Scaling by powers of two is exact, so multiplications stand in for the divisions.
const INV48 = 2 ** -48;
const TWO44 = 2 ** 44;

/**
 * crush_ln(u) - 2^48, the straw2 numerator, in doubles from the 4 KB tables (a 512 KB lookup table
 * would miss the cache). Ceph takes bits 48..55 of the 64-bit product x * RH; the double product
 * is rounded, but floor(x * RH / 2^48) comes out exact for all 65,536 inputs (ln.test.ts checks
 * every one against the BigInt reference).
 */
export function straw2Ln(u: number): number {
  let x = u + 1;
  let iexpon = 15;
  if ((x & 0x18000) === 0) {
    const bits = Math.clz32(x & 0x1ffff) - 16;
    x <<= bits;
    iexpon = 15 - bits;
  }
  const k = (x >>> 8) - 128;
  const xl = (x * RH[k]! * INV48) & 0xff;
  return (iexpon - 16) * TWO44 + Math.floor(LH16[k]! + LL16[xl]!);
}
