import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrushTestOptions } from './crush-tester.js';
import { buildMap, compileText, crushtoolTest, oveTest, removeTempDirs, tempDir, type MapFiles } from './crushtool-harness.js';

// Every case runs Ceph's crushtool and ove on the same map and options and demands byte-identical
// output, for the map read both as crushtool's JSON dump and as its decompiled text.
function expectSame(files: MapFiles, o: CrushTestOptions): void {
  const want = crushtoolTest(files.bin, o);
  expect(want.stdout.split('\n').length).toBeGreaterThan(2);
  const fromJson = oveTest(files.json, o);
  expect(fromJson.stdout).toBe(want.stdout);
  expect(fromJson.stderr).toBe(want.stderr);
  const wantText = crushtoolTest(files.txtBin, o);
  const fromText = oveTest(files.txt, o);
  expect(fromText.stdout).toBe(wantText.stdout);
  expect(fromText.stderr).toBe(wantText.stderr);
}

const ALL_SHOWS = { showMappings: true, showStatistics: true, showBadMappings: true, showUtilization: true };
const X = { minX: 0, maxX: 1023 };

const RULES = `
rule replicated_host {
  id 0
  type replicated
  min_size 1
  max_size 10
  step take root
  step chooseleaf firstn 0 type host
  step emit
}
rule replicated_rack {
  id 1
  type replicated
  min_size 1
  max_size 10
  step take root
  step chooseleaf firstn 0 type rack
  step emit
}
rule ec_host {
  id 2
  type erasure
  min_size 3
  max_size 6
  step set_chooseleaf_tries 5
  step set_choose_tries 100
  step take root
  step chooseleaf indep 0 type host
  step emit
}
rule two_racks_two_hosts {
  id 3
  type replicated
  min_size 1
  max_size 10
  step take root
  step choose firstn 2 type rack
  step chooseleaf firstn 2 type host
  step emit
}
rule ec_rack_osd {
  id 4
  type erasure
  min_size 3
  max_size 6
  step take root
  step choose indep 3 type rack
  step choose indep 2 type osd
  step emit
}
`;

/** Text of a 36-OSD map (9 hosts in 3 racks) with each OSD's weight from `weight(osd)` and an algorithm. */
function mapText(alg: string, weight: (osd: number) => number, tunables = ''): string {
  const lines = [tunables];
  for (let o = 0; o < 36; o++) lines.push(`device ${o} osd.${o}`);
  lines.push('type 0 osd', 'type 1 host', 'type 2 rack', 'type 3 root');
  for (let h = 0; h < 9; h++) {
    lines.push(`host host${h} {`, `  id -${h + 1}`, `  alg ${alg}`, '  hash 0');
    for (let d = 0; d < 4; d++) lines.push(`  item osd.${h * 4 + d} weight ${weight(h * 4 + d).toFixed(5)}`);
    lines.push('}');
  }
  for (let r = 0; r < 3; r++) {
    lines.push(`rack rack${r} {`, `  id -${10 + r}`, `  alg ${alg}`, '  hash 0', ...[0, 1, 2].map((i) => `  item host${r * 3 + i}`), '}');
  }
  lines.push('root root {', '  id -13', `  alg ${alg}`, '  hash 0', '  item rack0', '  item rack1', '  item rack2', '}');
  return lines.join('\n') + '\n' + RULES;
}

const JEWEL = `tunable choose_local_tries 0
tunable choose_local_fallback_tries 0
tunable choose_total_tries 50
tunable chooseleaf_descend_once 1
tunable chooseleaf_vary_r 1
tunable chooseleaf_stable 1
tunable straw_calc_version 1
tunable allowed_bucket_algs 54`;

const uneven = (o: number): number => [3.49246, 1.74623, 0.5, 3.84, 2.2, 0.91, 1.0, 0][(o * 7 + 3) % 8]!;

describe('crush test against crushtool', () => {
  afterAll(removeTempDirs);
  let dir: string;
  let built: MapFiles;
  let straw2: MapFiles;
  beforeAll(() => {
    dir = tempDir();
    built = buildMap(dir, 'built', 36, ['host', 'straw2', '4', 'rack', 'straw2', '3', 'root', 'straw2', '0'], { rules: RULES });
    straw2 = compileText(dir, 'straw2', mapText('straw2', () => 1, JEWEL));
  });

  it('replicated rule, host failure domain (crushtool --build map)', () => {
    expectSame(built, { minRule: 0, maxRule: 0, numRep: 3, ...X, ...ALL_SHOWS });
  });

  it('replicated rule, rack failure domain, every replica count of the rule', () => {
    expectSame(built, { minRule: 1, maxRule: 1, ...X, showMappings: true, showStatistics: true, showBadMappings: true });
  });

  it('EC rule (indep, set_choose_tries 100, set_chooseleaf_tries 5), size 6', () => {
    expectSame(built, { minRule: 2, maxRule: 2, numRep: 6, ...X, ...ALL_SHOWS });
  });

  it('multi-step choose rules, firstn and indep, across all rules at once', () => {
    expectSame(built, { numRep: 4, ...X, showMappings: true, showStatistics: true, showBadMappings: true });
  });

  it('--weight marks OSDs out and reweights others (0.5, 0.2)', () => {
    const weights = new Map([[3, 0], [7, 0.5], [12, 0.2], [20, 0]]);
    expectSame(straw2, { minRule: 0, maxRule: 0, numRep: 3, ...X, weights, ...ALL_SHOWS });
    expectSame(straw2, { minRule: 2, maxRule: 2, numRep: 6, ...X, weights, ...ALL_SHOWS });
  });

  it('a failed host (all its OSDs out): replicated and EC', () => {
    const weights = new Map([16, 17, 18, 19].map((o) => [o, 0]));
    expectSame(straw2, { minRule: 0, maxRule: 0, numRep: 3, ...X, weights, ...ALL_SHOWS });
    expectSame(straw2, { minRule: 2, maxRule: 2, numRep: 6, ...X, weights, ...ALL_SHOWS });
  });

  it('EC rule with too few hosts left leaves NONE holes in place', () => {
    const weights = new Map(Array.from({ length: 16 }, (_, i) => [i, 0]));
    const want = crushtoolTest(straw2.bin, { minRule: 2, maxRule: 2, numRep: 6, ...X, weights, showBadMappings: true });
    expect(want.stdout).toContain('2147483647');
    expectSame(straw2, { minRule: 2, maxRule: 2, numRep: 6, ...X, weights, showBadMappings: true, showStatistics: true });
  });

  it('uneven weights (NVMe-like sizes and a zero-weight OSD)', () => {
    const files = compileText(dir, 'uneven', mapText('straw2', uneven, JEWEL));
    expectSame(files, { minRule: 0, maxRule: 0, numRep: 3, ...X, ...ALL_SHOWS });
    expectSame(files, { minRule: 2, maxRule: 2, numRep: 6, ...X, ...ALL_SHOWS, showUtilizationAll: true });
  });

  it('pool id: x is hashed with the pool as OSDMap does for PGs', () => {
    expectSame(straw2, { minRule: 0, maxRule: 0, numRep: 3, ...X, poolId: 7, showMappings: true });
  });

  it('device classes: shadow trees built from the text form, take ... class', () => {
    const classed = mapText('straw2', () => 1, JEWEL)
      .replace(/device (\d+) osd\.(\d+)/g, (_, id: string) => `device ${id} osd.${id} class ${Number(id) % 3 === 0 ? 'hdd' : 'ssd'}`)
      .concat(`rule ssd_only {
  id 5
  type replicated
  min_size 1
  max_size 10
  step take root class ssd
  step chooseleaf firstn 0 type host
  step emit
}
rule hdd_ec {
  id 6
  type erasure
  min_size 3
  max_size 6
  step take root class hdd
  step chooseleaf indep 0 type host
  step emit
}
`);
    const files = compileText(dir, 'classes', classed);
    expectSame(files, { minRule: 5, maxRule: 6, numRep: 4, ...X, weights: new Map([[4, 0]]), ...ALL_SHOWS });
  });

  it('a rule range with holes reports the missing rules', () => {
    const holes = RULES.replace('id 1\n', 'id 8\n');
    const files = compileText(dir, 'holes', mapText('straw2', () => 1, JEWEL).replace(RULES, holes));
    const o = { minRule: 0, maxRule: 9, numRep: 2, minX: 0, maxX: 99, showStatistics: true };
    expect(crushtoolTest(files.bin, o).stdout).toContain('rule 1 dne');
    expectSame(files, o);
  });

  it('--show-utilization-all lists every device and the weight vector on stderr', () => {
    const weights = new Map([[5, 0.75]]);
    expectSame(straw2, { minRule: 0, maxRule: 0, numRep: 2, ...X, weights, showUtilizationAll: true });
  });
});

describe('crush test against crushtool: older tunables', () => {
  afterAll(removeTempDirs);
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });

  it('chooseleaf_vary_r 0 (crushtool --set-chooseleaf-vary-r 0)', () => {
    const files = buildMap(dir, 'varyr0', 36, ['host', 'straw2', '4', 'rack', 'straw2', '3', 'root', 'straw2', '0'],
      { tunables: ['--set-chooseleaf-vary-r', '0'], rules: RULES });
    expectSame(files, { minRule: 0, maxRule: 0, numRep: 3, ...X, weights: new Map([[2, 0], [9, 0]]), ...ALL_SHOWS });
  });

  it('firefly-like: chooseleaf_stable 0', () => {
    const files = buildMap(dir, 'stable0', 36, ['host', 'straw2', '4', 'rack', 'straw2', '3', 'root', 'straw2', '0'],
      { tunables: ['--set-chooseleaf-stable', '0'], rules: RULES });
    expectSame(files, { minRule: 0, maxRule: 0, numRep: 3, ...X, weights: new Map([[2, 0], [9, 0]]), ...ALL_SHOWS });
  });

  it('legacy (argonaut) profile: local tries 2, fallback 5, total 19, descend_once 0', () => {
    const legacy = ['--set-choose-local-tries', '2', '--set-choose-local-fallback-tries', '5', '--set-choose-total-tries', '19',
      '--set-chooseleaf-descend-once', '0', '--set-chooseleaf-vary-r', '0', '--set-chooseleaf-stable', '0'];
    const files = buildMap(dir, 'legacy', 36, ['host', 'straw2', '4', 'rack', 'straw2', '3', 'root', 'straw2', '0'], { tunables: legacy, rules: RULES });
    const weights = new Map([[0, 0], [1, 0], [2, 0], [13, 0.4]]);
    expectSame(files, { minRule: 0, maxRule: 0, numRep: 3, ...X, weights, ...ALL_SHOWS });
    expectSame(files, { minRule: 2, maxRule: 2, numRep: 6, ...X, weights, ...ALL_SHOWS });
  });

  it('a text map with no tunable lines compiles to the legacy profile', () => {
    const files = compileText(dir, 'notunables', mapText('straw2', uneven));
    expectSame(files, { minRule: 0, maxRule: 0, numRep: 3, ...X, weights: new Map([[4, 0]]), ...ALL_SHOWS });
  });
});

describe('crush test against crushtool: legacy bucket algorithms', () => {
  afterAll(removeTempDirs);
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });

  for (const alg of ['uniform', 'list', 'tree', 'straw']) {
    it(`${alg} buckets from crushtool --build`, () => {
      const files = buildMap(dir, `b-${alg}`, 40, ['host', alg, '5', 'rack', alg, '2', 'root', alg, '0']);
      expectSame(files, { numRep: 3, ...X, weights: new Map([[3, 0], [4, 0.3]]), ...ALL_SHOWS });
    });
  }

  for (const alg of ['list', 'tree', 'straw']) {
    it(`${alg} buckets with uneven weights, replicated and EC rules`, () => {
      const files = compileText(dir, `u-${alg}`, mapText(alg, uneven, JEWEL));
      expectSame(files, { minRule: 0, maxRule: 0, numRep: 3, ...X, ...ALL_SHOWS });
      expectSame(files, { minRule: 2, maxRule: 2, numRep: 6, ...X, weights: new Map([[9, 0]]), ...ALL_SHOWS });
    });
  }

  it('straw buckets with straw_calc_version 0 (equal weights collapse differently)', () => {
    const tun = JEWEL.replace('straw_calc_version 1', 'straw_calc_version 0');
    const files = compileText(dir, 'straw-v0', mapText('straw', (o) => [1, 1, 2, 0.5][o % 4]!, tun));
    expectSame(files, { minRule: 0, maxRule: 0, numRep: 3, ...X, ...ALL_SHOWS });
  });

  it('uniform buckets in an EC rule (indep uses the (numrep+1) stride when size divides numrep)', () => {
    const files = buildMap(dir, 'uniform-ec', 36, ['host', 'uniform', '3', 'rack', 'uniform', '4', 'root', 'uniform', '0'], { rules: RULES });
    expectSame(files, { minRule: 2, maxRule: 2, numRep: 3, ...X, weights: new Map([[5, 0]]), ...ALL_SHOWS });
    expectSame(files, { minRule: 4, maxRule: 4, numRep: 6, ...X, ...ALL_SHOWS });
  });
});
