// Per-bucket data the legacy algorithms need, computed as Ceph's builder does when a bucket is
// made (ceph/ceph src/crush/builder.c): straw lengths, list prefix sums, tree node weights.

/**
 * crush_calc_straw: straw lengths (u32, 16.16) for a legacy straw bucket. Items are visited from
 * the lightest up; version 0 is the original (buggy) handling of equal weights, version >= 1 the fix.
 */
export function calcStraws(weights: readonly number[], strawCalcVersion: number): Uint32Array {
  const size = weights.length;
  const straws = new Uint32Array(size);
  // Stable ascending order by weight (Ceph uses an insertion sort that keeps equal weights in order).
  const order = weights.map((_, i) => i).sort((p, q) => weights[p]! - weights[q]! || p - q);
  let numleft = size;
  let straw = 1.0;
  let wbelow = 0;
  let lastw = 0;
  let i = 0;
  while (i < size) {
    const wi = weights[order[i]!]!;
    if (wi === 0) {
      straws[order[i]!] = 0;
      i++;
      if (strawCalcVersion >= 1) numleft--;
      continue;
    }
    straws[order[i]!] = Math.trunc(straw * 0x10000) >>> 0;
    i++;
    if (i === size) break;
    const prev = weights[order[i - 1]!]!;
    const cur = weights[order[i]!]!;
    if (strawCalcVersion === 0) {
      if (cur === prev) continue;
      wbelow += (prev - lastw) * numleft;
      for (let j = i; j < size; j++) {
        if (weights[order[j]!] === cur) numleft--;
        else break;
      }
    } else {
      wbelow += (prev - lastw) * numleft;
      numleft--;
    }
    // C computes numleft * (cur - prev) in unsigned 32-bit arithmetic.
    const wnext = Math.imul(numleft, (cur - prev) >>> 0) >>> 0;
    const pbelow = wbelow / (wbelow + wnext);
    straw *= Math.pow(1.0 / pbelow, 1.0 / numleft);
    lastw = prev;
  }
  return straws;
}

/** Prefix sums of item weights for a list bucket (sum_weights[i] = w0 + ... + wi), u32. */
export function listSumWeights(weights: readonly number[]): Uint32Array {
  const sums = new Uint32Array(weights.length);
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc = (acc + weights[i]!) >>> 0;
    sums[i] = acc;
  }
  return sums;
}

/** Depth of the implicit binary tree for `size` items (calc_depth in builder.c). */
export function treeDepth(size: number): number {
  if (size === 0) return 0;
  let depth = 1;
  for (let t = size - 1; t; t >>= 1) depth++;
  return depth;
}

/** Number of trailing zero bits of n (n > 0): the node's height in the tree. */
export function treeHeight(n: number): number {
  let h = 0;
  while ((n & 1) === 0) {
    h++;
    n >>= 1;
  }
  return h;
}

function treeParent(n: number): number {
  const h = treeHeight(n);
  return n & (1 << (h + 1)) ? n - (1 << h) : n + (1 << h);
}

/** Node weights of a tree bucket: leaf i is node 2i+1, every inner node holds its subtree's sum. */
export function treeNodeWeights(weights: readonly number[]): Uint32Array {
  const depth = treeDepth(weights.length);
  const nodes = new Uint32Array(weights.length ? 1 << depth : 0);
  for (let i = 0; i < weights.length; i++) {
    let node = 2 * i + 1;
    nodes[node] = weights[i]!;
    for (let j = 1; j < depth; j++) {
      node = treeParent(node);
      nodes[node] = (nodes[node]! + weights[i]!) >>> 0;
    }
  }
  return nodes;
}
