// "Recovery simulation", first figure: all PG mappings of a 1,800-OSD cluster before and after a
// whole host fails (its 12 OSDs marked out, reweight 0), and the same work done by crushtool.
import { readFileSync } from 'node:fs';
import { parseCrushJson } from '../../src/ceph/crush/parse-json.js';
import { compileMap } from '../../src/ceph/crush/compiled-map.js';
import { CrushMapper } from '../../src/ceph/crush/mapper.js';
import { testerWeights } from '../../src/ceph/crush/crush-tester.js';
import { diffPoolMappings, mapPoolPgs, type PoolSpec } from '../../src/ceph/crush/pool-mapping.js';
import { buildLargeMap } from './maps.js';
import { crushtoolDigest, oveDigest, timeCrushtool } from './measure.js';

const OSDS = 1800;
const FAILED_HOST = 3;
// pg_num from the autoscaler's target of 100 PGs per OSD, rounded to a power of two:
// 100 * 1800 / 3 = 60,000 -> 65,536 and 100 * 1800 / 6 = 30,000 -> 32,768.
const POOLS: (PoolSpec & { label: string; positional: boolean })[] = [
  { label: 'rbd 3x', poolId: 1, pgNum: 65536, pgpNum: 65536, size: 3, ruleId: 0, positional: false },
  { label: 'ec 4+2', poolId: 2, pgNum: 32768, pgpNum: 32768, size: 6, ruleId: 1, positional: true },
];

function seconds(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** Runs the recovery figure and prints it. */
export function runRecoveryBench(dir: string): void {
  const built = buildLargeMap(dir, OSDS);
  const t0 = process.hrtime.bigint();
  const map = parseCrushJson(readFileSync(built.json, 'utf8'));
  const mapper = new CrushMapper(compileMap(map));
  const tLoad = seconds(t0);
  const before = testerWeights(map);
  const after = before.slice();
  const failed = Array.from({ length: 12 }, (_, i) => FAILED_HOST * 12 + i);
  for (const o of failed) after[o] = 0;
  const weightArgs = failed.flatMap((o) => ['--weight', String(o), '0']);
  console.log(`\n1,800 OSDs (150 hosts x 12, 15 racks), host${FAILED_HOST} fails (osd.${failed[0]}-${failed[11]} out):`);
  let oveTotal = tLoad;
  let ctTotal = 0;
  for (const pool of POOLS) {
    const t1 = process.hrtime.bigint();
    const mBefore = mapPoolPgs(mapper, pool, before);
    const tBefore = seconds(t1);
    const t2 = process.hrtime.bigint();
    const mAfter = mapPoolPgs(mapper, pool, after);
    const tAfter = seconds(t2);
    const diff = diffPoolMappings(mBefore, mAfter, pool.size, pool.positional);
    const args = ['--rule', String(pool.ruleId), '--num-rep', String(pool.size), '--pool-id', String(pool.poolId),
      '--min-x', '0', '--max-x', String(pool.pgNum - 1), '--show-mappings'];
    const ctBefore = timeCrushtool(built.bin, args);
    const ctAfter = timeCrushtool(built.bin, [...args, ...weightArgs]);
    const same = crushtoolDigest(built.bin, [...args, ...weightArgs]).sha === oveDigest(built.json, {
      minRule: pool.ruleId, maxRule: pool.ruleId, numRep: pool.size, poolId: pool.poolId, minX: 0, maxX: pool.pgNum - 1,
      weights: new Map(failed.map((o) => [o, 0])), showMappings: true,
    }).sha;
    oveTotal += tBefore + tAfter;
    ctTotal += ctBefore + ctAfter;
    console.log(`  pool ${pool.label}: ${pool.pgNum} PGs; ove ${(tBefore * 1000).toFixed(0)} ms before + ${(tAfter * 1000).toFixed(0)} ms after; ` +
      `crushtool ${(ctBefore * 1000).toFixed(0)} + ${(ctAfter * 1000).toFixed(0)} ms; ${diff.pgsChanged} PGs remapped ` +
      `(${((100 * diff.pgsChanged) / pool.pgNum).toFixed(2)}%), ${diff.shardsMoved} copies to backfill; ` +
      `identical to crushtool after the failure: ${same ? 'yes' : 'NO'}`);
  }
  console.log(`  recovery simulation wall time: ove ${(oveTotal * 1000).toFixed(0)} ms (map load ${(tLoad * 1000).toFixed(0)} ms included), ` +
    `crushtool ${(ctTotal * 1000).toFixed(0)} ms; ratio crushtool/ove time = ${(ctTotal / oveTotal).toFixed(2)}`);
}
