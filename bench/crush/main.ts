// bench/crush: CRUSH mappings per second, ove beside Ceph's crushtool on the same map, rule and
// x range in the same run, and a first recovery-simulation figure. Run: npm run bench -- crush
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileWithCrushtool, storyMapText } from './maps.js';
import { best, crushtoolDigest, oveDigest, timeCrushtool, timeCrushtoolRun, timeOve, timeOveProcess, timeOveRun, type Timing } from './measure.js';
import { runRecoveryBench } from './recovery.js';

const N = 1_000_000;
const ROUNDS = 3;
const BARE_ROUNDS = 2;
const rate = (seconds: number): string => (N / seconds).toFixed(0);

if (spawnSync('crushtool', ['-h']).error) {
  console.error('bench/crush needs crushtool (Debian package ceph-base)');
  process.exit(1);
}
const pkg = spawnSync('dpkg-query', ['-W', '-f', '${Version}', 'ceph-base']);
const version = pkg.status === 0 ? pkg.stdout.toString() : 'version unknown';
console.log(`cpu: ${cpus()[0]?.model} x${cpus().length}; node ${process.version}; crushtool ${version}`);
const dir = mkdtempSync(join(tmpdir(), 'ove-crush-bench-'));
try {
  const story = compileWithCrushtool(dir, 'story', storyMapText());
  console.log(`map: ove-prod-01, 108 OSDs (9 hosts x 12 x 3.84 TB, racks B-14/B-15), x = 0..${N - 1}, best of ${ROUNDS}`);
  const cases = [
    { label: 'rule 0 replicated, size 3', rule: 0, numRep: 3 },
    { label: 'rule 1 EC 4+2 indep, size 6', rule: 1, numRep: 6 },
  ];
  const ratios: number[] = [];
  for (const c of cases) {
    const args = ['--rule', String(c.rule), '--num-rep', String(c.numRep), '--min-x', '0', '--max-x', String(N - 1)];
    const opts = { minRule: c.rule, maxRule: c.rule, numRep: c.numRep, minX: 0, maxX: N - 1 };
    const same = crushtoolDigest(story.bin, [...args, '--show-mappings']).sha === oveDigest(story.json, { ...opts, showMappings: true }).sha;
    const sameStats = crushtoolDigest(story.bin, [...args, '--show-statistics']).sha === oveDigest(story.json, { ...opts, showStatistics: true }).sha;
    timeOve(story.json, { ...opts, maxX: 99_999, showMappings: true });
    const ct: Timing[] = [];
    const ov: Timing[] = [];
    const ctBare: Timing[] = [];
    const ovBare: Timing[] = [];
    // Alternate the two sides so a noisy neighbour hurts both alike.
    for (let i = 0; i < ROUNDS; i++) {
      ct.push(timeCrushtoolRun(story.bin, [...args, '--show-mappings']));
      ov.push(timeOveRun(story.json, { ...opts, showMappings: true }));
    }
    for (let i = 0; i < BARE_ROUNDS; i++) {
      ctBare.push(timeCrushtoolRun(story.bin, args));
      ovBare.push(timeOveRun(story.json, opts));
    }
    const [o, t, ob, tb] = [best(ov), best(ct), best(ovBare), best(ctBare)];
    const ratio = t.wall / o.wall;
    ratios.push(ratio);
    console.log(`\n${c.label}: output identical to crushtool (sha256 of ${N} lines): ${same ? 'yes' : 'NO'}; --show-statistics identical: ${sameStats ? 'yes' : 'NO'}`);
    console.log(`  --show-mappings > /dev/null: ove ${rate(o.wall)}/s, crushtool ${rate(t.wall)}/s (wall), ratio ove/crushtool = ${ratio.toFixed(2)}`);
    console.log(`    by CPU time: ove ${rate(o.cpu)}/s, crushtool ${rate(t.cpu)}/s, ratio = ${(t.cpu / o.cpu).toFixed(2)}`);
    console.log(`    runs, wall s: ove ${ov.map((x) => x.wall.toFixed(2)).join(' ')}; crushtool ${ct.map((x) => x.wall.toFixed(2)).join(' ')}`);
    console.log(`  no output (mapping only): ove ${rate(ob.wall)}/s, crushtool ${rate(tb.wall)}/s (wall), ratio = ${(tb.wall / ob.wall).toFixed(2)}; ` +
      `by CPU ${rate(ob.cpu)}/s vs ${rate(tb.cpu)}/s, ratio = ${(tb.cpu / ob.cpu).toFixed(2)}`);
  }
  const pArgs = ['--rule', '0', '--num-rep', '3', '--min-x', '0', '--max-x', String(N - 1), '--show-mappings'];
  const proc = timeOveProcess(story.json, pArgs);
  const procCt = timeCrushtool(story.bin, pArgs);
  console.log(`\nwhole process, rule 0 --show-mappings: ove ${proc.toFixed(2)} s (node + tsx start-up and JIT warm-up included), crushtool ${procCt.toFixed(2)} s, ratio ${(procCt / proc).toFixed(2)}`);
  runRecoveryBench(dir);
  console.log(`\nratio ove/crushtool (target >= 1.0): ${ratios.map((r, i) => `${cases[i]!.label}: ${r.toFixed(2)}`).join('; ')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
