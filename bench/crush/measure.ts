// Timing helpers for the CRUSH benchmark: crushtool as a child process, ove in-process.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { parseCrushJson } from '../../src/ceph/crush/parse-json.js';
import { runCrushTest, type CrushTestOptions, type CrushTestSink } from '../../src/ceph/crush/crush-tester.js';

/** One test invocation, in crushtool's argument form and ove's option form. */
export interface TestCase {
  args: string[];
  opts: CrushTestOptions;
}

/** Wall and CPU (user + system) seconds of one run. */
export interface Timing {
  wall: number;
  cpu: number;
}

const HAVE_TIME = spawnSync('/usr/bin/time', ['-f', '%U', 'true']).status === 0;

/** Times `crushtool -i BIN --test ARGS` with stdout to /dev/null; CPU time via /usr/bin/time when present. */
export function timeCrushtoolRun(bin: string, args: string[]): Timing {
  const fd = openSync('/dev/null', 'w');
  try {
    const cmd = HAVE_TIME ? ['/usr/bin/time', '-f', 'cpu %U %S', 'crushtool'] : ['crushtool'];
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd[0]!, [...cmd.slice(1), '-i', bin, '--test', ...args], { stdio: ['ignore', fd, 'pipe'] });
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0) throw new Error(`crushtool failed: ${r.stderr}`);
    const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr.toString());
    return { wall, cpu: m ? Number(m[1]) + Number(m[2]) : Number.NaN };
  } finally {
    closeSync(fd);
  }
}

/** Wall seconds of `crushtool -i BIN --test ARGS` with stdout to /dev/null. */
export function timeCrushtool(bin: string, args: string[]): number {
  return timeCrushtoolRun(bin, args).wall;
}

/** sha256 and byte count of crushtool's stdout for a test. */
export function crushtoolDigest(bin: string, args: string[]): { sha: string; bytes: number } {
  const r = spawnSync('crushtool', ['-i', bin, '--test', ...args], { maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`crushtool failed: ${r.stderr}`);
  return { sha: createHash('sha256').update(r.stdout).digest('hex'), bytes: r.stdout.length };
}

/** sha256 and byte count of ove's report for the same test. */
export function oveDigest(json: string, opts: CrushTestOptions): { sha: string; bytes: number } {
  const h = createHash('sha256');
  let bytes = 0;
  const sink: CrushTestSink = {
    out: (t) => {
      h.update(t);
      bytes += Buffer.byteLength(t);
    },
    err: () => {},
  };
  runCrushTest(parseCrushJson(readFileSync(json, 'utf8')), opts, sink);
  return { sha: h.digest('hex'), bytes };
}

/** Times ove's in-process `crush test` (map parse included) writing to /dev/null. */
export function timeOveRun(json: string, opts: CrushTestOptions): Timing {
  const fd = openSync('/dev/null', 'w');
  try {
    const sink: CrushTestSink = { out: (t) => void writeSync(fd, t), err: () => {}, outBytes: (b) => void writeSync(fd, b) };
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    runCrushTest(parseCrushJson(readFileSync(json, 'utf8')), opts, sink);
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    const c = process.cpuUsage(c0);
    return { wall, cpu: (c.user + c.system) / 1e6 };
  } finally {
    closeSync(fd);
  }
}

/** Wall seconds of ove's in-process `crush test` writing to /dev/null. */
export function timeOve(json: string, opts: CrushTestOptions): number {
  return timeOveRun(json, opts).wall;
}

/** Wall seconds of the whole `ove crush test` process (node + tsx start-up included). */
export function timeOveProcess(json: string, args: string[]): number {
  const fd = openSync('/dev/null', 'w');
  try {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/commands/crush.main.ts', 'crush', 'test', '-i', json, ...args], { stdio: ['ignore', fd, 'pipe'] });
    const dt = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0) throw new Error(`ove crush test failed: ${r.stderr}`);
    return dt;
  } finally {
    closeSync(fd);
  }
}

/** Best (smallest) wall and CPU times over runs. */
export function best(runs: Timing[]): Timing {
  return { wall: Math.min(...runs.map((t) => t.wall)), cpu: Math.min(...runs.map((t) => t.cpu)) };
}
