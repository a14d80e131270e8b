// Every PG of a pool through CRUSH at once: the raw up sets OSDMap would compute
// (ceph/ceph src/osd/OSDMap.cc _pg_to_raw_osds), for placement and recovery simulation.
import { CRUSH_ITEM_NONE } from './crush-map.js';
import type { CrushMapper } from './mapper.js';
import { pgToPps, type PoolPlacement } from './pg.js';

/** A pool as CRUSH sees it. */
export interface PoolSpec extends PoolPlacement {
  pgNum: number;
  size: number;
  ruleId: number;
}

/**
 * Raw CRUSH result of every PG: row ps holds pool.size entries; a replicated result shorter than
 * size is padded with CRUSH_ITEM_NONE (EC results already carry NONE in place).
 */
export function mapPoolPgs(mapper: CrushMapper, pool: PoolSpec, weight: Uint32Array): Int32Array {
  const out = new Int32Array(pool.pgNum * pool.size).fill(CRUSH_ITEM_NONE);
  const row = new Int32Array(pool.size);
  for (let ps = 0; ps < pool.pgNum; ps++) {
    const n = mapper.doRule(pool.ruleId, pgToPps(pool, ps), pool.size, weight, row);
    out.set(n === pool.size ? row : row.subarray(0, n), ps * pool.size);
  }
  return out;
}

/** How two mappings of one pool differ: PGs whose set changed and copies that must move. */
export interface MappingDiff {
  pgsChanged: number;
  shardsMoved: number;
}

/**
 * Compares two results of mapPoolPgs. Positional (EC) pools count every slot whose OSD changed;
 * replicated pools count OSDs that are new to the set (a reordering moves no data).
 */
export function diffPoolMappings(before: Int32Array, after: Int32Array, size: number, positional: boolean): MappingDiff {
  let pgsChanged = 0;
  let shardsMoved = 0;
  for (let base = 0; base < before.length; base += size) {
    let moved = 0;
    let changed = false;
    for (let i = 0; i < size; i++) {
      const osd = after[base + i]!;
      if (before[base + i] !== osd) changed = true;
      if (osd === CRUSH_ITEM_NONE) continue;
      if (positional) {
        if (before[base + i] !== osd) moved++;
      } else {
        let found = false;
        for (let j = 0; j < size; j++) if (before[base + j] === osd) found = true;
        if (!found) moved++;
      }
    }
    if (changed) pgsChanged++;
    shardsMoved += moved;
  }
  return { pgsChanged, shardsMoved };
}
