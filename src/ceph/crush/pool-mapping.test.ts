import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildMap, crushtool, removeTempDirs, tempDir, type MapFiles } from './crushtool-harness.js';
import { parseCrushJson } from './parse-json.js';
import { compileMap } from './compiled-map.js';
import { CrushMapper } from './mapper.js';
import { testerWeights } from './crush-tester.js';
import { diffPoolMappings, mapPoolPgs } from './pool-mapping.js';
import { CRUSH_ITEM_NONE } from './crush-map.js';

describe('mapPoolPgs', () => {
  afterAll(removeTempDirs);
  let files: MapFiles;
  beforeAll(() => {
    files = buildMap(tempDir(), 'pool', 48, ['host', 'straw2', '4', 'rack', 'straw2', '3', 'root', 'straw2', '0']);
  });

  it('gives every PG the up set crushtool prints for --pool-id (pgp_num a power of two)', () => {
    const map = parseCrushJson(readFileSync(files.json, 'utf8'));
    const mapper = new CrushMapper(compileMap(map));
    const pool = { poolId: 5, pgNum: 256, pgpNum: 256, size: 3, ruleId: 0 };
    const got = mapPoolPgs(mapper, pool, testerWeights(map));
    const lines = crushtool(['-i', files.bin, '--test', '--rule', '0', '--num-rep', '3', '--pool-id', '5', '--min-x', '0', '--max-x', '255', '--show-mappings']).stdout.trim().split('\n');
    expect(lines).toHaveLength(256);
    lines.forEach((line, ps) => expect(line).toBe(`CRUSH rule 0 x ${ps} [${Array.from(got.subarray(ps * 3, ps * 3 + 3)).join(',')}]`));
  });

  it('a failed host moves exactly the copies that were on it', () => {
    const map = parseCrushJson(readFileSync(files.json, 'utf8'));
    const mapper = new CrushMapper(compileMap(map));
    const pool = { poolId: 1, pgNum: 512, pgpNum: 512, size: 3, ruleId: 0 };
    const before = testerWeights(map);
    const after = before.slice();
    const failed = [8, 9, 10, 11];
    for (const o of failed) after[o] = 0;
    const a = mapPoolPgs(mapper, pool, before);
    const b = mapPoolPgs(mapper, pool, after);
    let onFailed = 0;
    for (let i = 0; i < a.length; i++) if (failed.includes(a[i]!)) onFailed++;
    expect(b.some((o) => failed.includes(o) || o === CRUSH_ITEM_NONE)).toBe(false);
    const diff = diffPoolMappings(a, b, 3, false);
    expect(onFailed).toBeGreaterThan(0);
    expect(diff.shardsMoved).toBe(onFailed);
    expect(diff.pgsChanged).toBeGreaterThanOrEqual(onFailed / 3);
  });
});
