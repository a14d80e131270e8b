// Test support: builds maps with Ceph's own crushtool and runs `crushtool --test` next to ove's
// tester. crushtool is required: without it every comparison throws, so the suite fails rather
// than skips (`.ci/run` installs Debian's ceph-base).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CrushTestOptions } from './crush-tester.js';
import { runCrushTest } from './crush-tester.js';
import { parseCrushMap } from './load-map.js';

/** A map in crushtool's binary form and the two text forms ove reads. */
export interface MapFiles {
  bin: string;
  json: string;
  txt: string;
  /** The decompiled text compiled again: the text form rounds weights, so it is its own reference. */
  txtBin: string;
}

/** Runs crushtool; throws when it is missing or fails. */
export function crushtool(args: string[]): { stdout: string; stderr: string } {
  const r = spawnSync('crushtool', args, { maxBuffer: 1 << 28 });
  if (r.error) throw new Error(`crushtool is required for these tests (Debian package ceph-base): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`crushtool ${args.join(' ')} failed: ${r.stderr}`);
  return { stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

const created: string[] = [];

/** A fresh temporary directory, removed by removeTempDirs(). */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ove-crush-'));
  created.push(dir);
  return dir;
}

/** Removes every directory tempDir() made. */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

function finish(dir: string, name: string, bin: string): MapFiles {
  const json = join(dir, `${name}.json`);
  const txt = join(dir, `${name}.txt`);
  writeFileSync(json, crushtool(['-i', bin, '--dump', '-f', 'json']).stdout);
  const txtBin = join(dir, `${name}.txt.bin`);
  crushtool(['-d', bin, '-o', txt]);
  crushtool(['-c', txt, '-o', txtBin]);
  return { bin, json, txt, txtBin };
}

/** Compiles map text with crushtool. */
export function compileText(dir: string, name: string, text: string): MapFiles {
  const src = join(dir, `${name}.src`);
  const bin = join(dir, `${name}.bin`);
  writeFileSync(src, text);
  crushtool(['-c', src, '-o', bin]);
  return finish(dir, name, bin);
}

/**
 * `crushtool --build --num_osds N layers...`, then optional tunable flags (`--set-chooseleaf-vary-r 0`),
 * then optional rules text replacing the generated rule.
 */
export function buildMap(dir: string, name: string, osds: number, layers: string[], opts: { tunables?: string[]; rules?: string } = {}): MapFiles {
  let bin = join(dir, `${name}.built`);
  crushtool(['--build', '--num_osds', String(osds), ...layers, '-o', bin]);
  if (opts.tunables?.length) {
    const adjusted = join(dir, `${name}.tuned`);
    crushtool(['-i', bin, ...opts.tunables, '-o', adjusted]);
    bin = adjusted;
  }
  if (opts.rules !== undefined) {
    const text = crushtool(['-d', bin]).stdout;
    return compileText(dir, name, text.slice(0, text.indexOf('# rules')) + opts.rules);
  }
  const final = join(dir, `${name}.bin`);
  copyFileSync(bin, final);
  return finish(dir, name, final);
}

/** crushtool's command-line form of tester options. */
export function testArgs(o: CrushTestOptions): string[] {
  const a: string[] = [];
  if (o.minRule !== undefined) a.push('--min-rule', String(o.minRule));
  if (o.maxRule !== undefined) a.push('--max-rule', String(o.maxRule));
  if (o.numRep !== undefined) a.push('--num-rep', String(o.numRep));
  if (o.minX !== undefined) a.push('--min-x', String(o.minX));
  if (o.maxX !== undefined) a.push('--max-x', String(o.maxX));
  if (o.poolId !== undefined) a.push('--pool-id', String(o.poolId));
  for (const [dev, w] of o.weights ?? []) a.push('--weight', String(dev), String(w));
  if (o.showMappings) a.push('--show-mappings');
  if (o.showStatistics) a.push('--show-statistics');
  if (o.showBadMappings) a.push('--show-bad-mappings');
  if (o.showUtilization) a.push('--show-utilization');
  if (o.showUtilizationAll) a.push('--show-utilization-all');
  return a;
}

/** stdout and stderr of ove's tester on a map file. */
export function oveTest(mapFile: string, o: CrushTestOptions): { stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  runCrushTest(parseCrushMap(readFileSync(mapFile, 'utf8')), o, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { stdout, stderr };
}

/** stdout and stderr of `crushtool -i BIN --test ...` for the same options. */
export function crushtoolTest(bin: string, o: CrushTestOptions): { stdout: string; stderr: string } {
  return crushtool(['-i', bin, '--test', ...testArgs(o)]);
}
