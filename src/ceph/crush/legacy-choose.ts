// The pre-straw2 bucket algorithms (ceph/ceph src/crush/mapper.c): uniform (a permutation that
// depends on x), list, tree and straw. Kept for maps that still carry such buckets.
import type { CompiledMap } from './compiled-map.js';
import { hash32_3, hash32_3Low16, hash32_4 } from './hash.js';
import { treeHeight } from './bucket-precompute.js';

/** The per-bucket permutation cache of `struct crush_work_bucket`, reset by every do_rule call. */
export interface PermWorkspace {
  permX: Uint32Array;
  permN: Uint32Array;
  /** Same indexing as CompiledMap.items. */
  perm: Int32Array;
  /** Buckets whose cache was touched since the last reset, so a reset costs only what was used. */
  touched: Int32Array;
  touchedCount: number;
}

/** Creates an empty permutation workspace for a map. */
export function newPermWorkspace(m: CompiledMap): PermWorkspace {
  return {
    permX: new Uint32Array(m.maxBuckets),
    permN: new Uint32Array(m.maxBuckets),
    perm: new Int32Array(m.items.length),
    touched: new Int32Array(m.maxBuckets),
    touchedCount: 0,
  };
}

/** Forgets every cached permutation (crush_init_workspace). */
export function resetPermWorkspace(ws: PermWorkspace): void {
  for (let i = 0; i < ws.touchedCount; i++) ws.permN[ws.touched[i]!] = 0;
  ws.touchedCount = 0;
}

/** bucket_perm_choose: item at position r % size of an x-seeded Fisher-Yates permutation. */
export function permChoose(m: CompiledMap, ws: PermWorkspace, b: number, x: number, r: number): number {
  const size = m.size[b]!;
  const base = m.start[b]!;
  const id = -1 - b;
  const pr = (r >>> 0) % size;
  const perm = ws.perm;
  if (ws.permN[b] === 0) ws.touched[ws.touchedCount++] = b;
  if (ws.permX[b] !== x >>> 0 || ws.permN[b] === 0) {
    ws.permX[b] = x >>> 0;
    if (pr === 0) {
      // The common r = 0 case computes only the first slot; 0xffff marks the partial state.
      const s = hash32_3(x, id, 0) % size;
      perm[base] = s;
      ws.permN[b] = 0xffff;
      return m.items[base + s]!;
    }
    for (let i = 0; i < size; i++) perm[base + i] = i;
    ws.permN[b] = 0;
  } else if (ws.permN[b] === 0xffff) {
    for (let i = 1; i < size; i++) perm[base + i] = i;
    perm[base + perm[base]!] = 0;
    ws.permN[b] = 1;
  }
  while (ws.permN[b]! <= pr) {
    const p = ws.permN[b]!;
    if (p < size - 1) {
      const i = hash32_3(x, id, p) % (size - p);
      if (i) {
        const t = perm[base + p + i]!;
        perm[base + p + i] = perm[base + p]!;
        perm[base + p] = t;
      }
    }
    ws.permN[b] = p + 1;
  }
  return m.items[base + perm[base + pr]!]!;
}

/** bucket_list_choose: scan from the tail, keep item i with probability w_i / (w_0 + ... + w_i). */
export function listChoose(m: CompiledMap, b: number, x: number, r: number): number {
  const base = m.start[b]!;
  const id = -1 - b;
  for (let i = m.size[b]! - 1; i >= 0; i--) {
    const item = m.items[base + i]!;
    const w = Math.floor(((hash32_4(x, item, r, id) & 0xffff) * m.listSums[base + i]!) / 65536);
    if (w < m.itemWeights[base + i]!) return item;
  }
  return m.items[base]!;
}

/** floor(h * w / 2^32) for u32 h and w, exactly (the product needs 64 bits). */
function mulHigh32(h: number, w: number): number {
  const hi = (h >>> 16) * w;
  const lo = (h & 0xffff) * w;
  const hiQ = Math.floor(hi / 65536);
  return hiQ + Math.floor(((hi - hiQ * 65536) * 65536 + lo) / 4294967296);
}

/** bucket_tree_choose: descend the implicit binary tree by weighted coin flips. */
export function treeChoose(m: CompiledMap, b: number, x: number, r: number): number {
  const nodes = m.nodeWeights;
  const nb = m.treeStart[b]!;
  const id = -1 - b;
  let n = m.treeNodes[b]! >> 1;
  while ((n & 1) === 0) {
    const t = mulHigh32(hash32_4(x, n, r, id), nodes[nb + n]!);
    const half = 1 << (treeHeight(n) - 1);
    const l = n - half;
    n = t < nodes[nb + l]! ? l : n + half;
  }
  return m.items[m.start[b]! + (n >> 1)]!;
}

/** bucket_straw_choose: the longest scaled straw wins, ties to the lower position. */
export function strawChoose(m: CompiledMap, b: number, x: number, r: number): number {
  const base = m.start[b]!;
  const size = m.size[b]!;
  let high = 0;
  let highDraw = 0;
  for (let i = 0; i < size; i++) {
    const draw = hash32_3Low16(x, m.items[base + i]!, r) * m.straws[base + i]!;
    if (i === 0 || draw > highDraw) {
      high = i;
      highDraw = draw;
    }
  }
  return m.items[base + high]!;
}
