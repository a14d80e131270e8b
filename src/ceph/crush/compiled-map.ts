import { BucketAlg, type CrushMap, type CrushTunables } from './crush-map.js';
import { calcStraws, listSumWeights, treeNodeWeights } from './bucket-precompute.js';

/** A rule flattened into typed arrays for the mapper. */
export interface CompiledRule {
  ops: Int32Array;
  arg1: Int32Array;
  arg2: Int32Array;
}

/**
 * The map in the flat, typed-array form the mapper walks: bucket b (id -1-b) owns
 * items[start[b] .. start[b]+size[b]); per-item arrays (weights, straws, list sums) share that index.
 */
export interface CompiledMap {
  source: CrushMap;
  tunables: CrushTunables;
  maxDevices: number;
  maxBuckets: number;
  /** Algorithm per bucket index, 0 where no bucket exists. */
  alg: Int32Array;
  type: Int32Array;
  size: Int32Array;
  start: Int32Array;
  items: Int32Array;
  itemWeights: Uint32Array;
  straws: Uint32Array;
  listSums: Uint32Array;
  treeStart: Int32Array;
  treeNodes: Int32Array;
  nodeWeights: Uint32Array;
  rules: (CompiledRule | undefined)[];
}

/** Flattens a parsed map and precomputes straws, list sums and tree node weights. */
export function compileMap(map: CrushMap): CompiledMap {
  const maxBuckets = map.buckets.reduce((m, b) => Math.max(m, -1 - b.id + 1), 0);
  const totalItems = map.buckets.reduce((n, b) => n + b.items.length, 0);
  const alg = new Int32Array(maxBuckets);
  const type = new Int32Array(maxBuckets);
  const size = new Int32Array(maxBuckets);
  const start = new Int32Array(maxBuckets);
  const treeStart = new Int32Array(maxBuckets);
  const treeNodes = new Int32Array(maxBuckets);
  const items = new Int32Array(totalItems);
  const itemWeights = new Uint32Array(totalItems);
  const straws = new Uint32Array(totalItems);
  const listSums = new Uint32Array(totalItems);
  const nodeParts: Uint32Array[] = [];
  let pos = 0;
  let nodePos = 0;
  for (const b of map.buckets) {
    const idx = -1 - b.id;
    if (idx < 0) throw new RangeError(`Cannot compile CRUSH map: bucket '${b.name}' has non-negative id ${b.id}`);
    alg[idx] = b.alg;
    type[idx] = b.typeId;
    size[idx] = b.items.length;
    start[idx] = pos;
    items.set(b.items, pos);
    itemWeights.set(b.weights, pos);
    if (b.alg === BucketAlg.straw) straws.set(calcStraws(b.weights, map.tunables.strawCalcVersion), pos);
    if (b.alg === BucketAlg.list) listSums.set(listSumWeights(b.weights), pos);
    if (b.alg === BucketAlg.tree) {
      const nodes = treeNodeWeights(b.weights);
      treeStart[idx] = nodePos;
      treeNodes[idx] = nodes.length;
      nodeParts.push(nodes);
      nodePos += nodes.length;
    }
    pos += b.items.length;
  }
  const nodeWeights = new Uint32Array(nodePos);
  let np = 0;
  for (const part of nodeParts) {
    nodeWeights.set(part, np);
    np += part.length;
  }
  const rules: (CompiledRule | undefined)[] = [];
  for (const r of map.rules) {
    rules[r.id] = {
      ops: Int32Array.from(r.steps.map((s) => s.op)),
      arg1: Int32Array.from(r.steps.map((s) => s.arg1)),
      arg2: Int32Array.from(r.steps.map((s) => s.arg2)),
    };
  }
  return {
    source: map, tunables: map.tunables, maxDevices: map.maxDevices, maxBuckets,
    alg, type, size, start, items, itemWeights, straws, listSums, treeStart, treeNodes, nodeWeights, rules,
  };
}
