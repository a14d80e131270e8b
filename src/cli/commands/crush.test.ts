import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { buildMap, crushtool, removeTempDirs, tempDir } from '../../ceph/crush/crushtool-harness.js';
import { crushTest, registerCrushCommands, toTestOptions } from './crush.js';

describe('ove crush test', () => {
  afterAll(removeTempDirs);
  it('prints what crushtool --test prints, warning included, from the JSON dump and the text form', () => {
    const dir = tempDir();
    const files = buildMap(dir, 'cli', 24, ['host', 'straw2', '4', 'rack', 'straw2', '3', 'root', 'straw2', '0']);
    const args = ['--rule', '0', '--num-rep', '3', '--min-x', '0', '--max-x', '300', '--weight', '5', '0', '--weight', '6', '0.5',
      '--show-mappings', '--show-statistics', '--show-bad-mappings', '--show-utilization'];
    const want = crushtool(['-i', files.bin, '--test', ...args]).stdout;
    expect(want).toContain('CRUSH rule 0 x 300 [');
    for (const map of [files.json, files.txt]) {
      const program = new Command('ove').exitOverride();
      let out = '';
      let err = '';
      registerCrushCommands(program);
      const test = program.commands.find((c) => c.name() === 'crush')!.commands.find((c) => c.name() === 'test')!;
      test.action((o) => crushTest(o, { out: (t) => (out += t), err: (t) => (err += t) }));
      program.parse(['crush', 'test', '-i', map, ...args], { from: 'user' });
      expect(out).toBe(want);
      expect(err).toBe('');
    }
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'crush.main.ts'), 'crush', 'test', '-i', files.json, '--x', '7', '--num-rep', '2']);
    expect(r.status).toBe(0);
    expect(r.stdout.toString()).toBe('');
    expect(r.stderr.toString()).toBe(crushtool(['-i', files.bin, '--test', '--x', '7', '--num-rep', '2']).stderr);
  });

  it('turns crushtool-style options into tester options', () => {
    expect(toTestOptions({ infn: 'm', rule: '2', x: '9', weight: ['3', '0', '4', '0.25'], numRep: '6' })).toMatchObject({
      minRule: 2, maxRule: 2, minX: 9, maxX: 9, numRep: 6, weights: new Map([[3, 0], [4, 0.25]]),
    });
    expect(() => toTestOptions({ infn: 'm', weight: ['3'] })).toThrow(/pairs/);
    expect(() => toTestOptions({ infn: 'm', numRep: 'three' })).toThrow(/not an integer/);
  });

  it('refuses a map with weight-sets rather than ignoring them', () => {
    const dir = tempDir();
    const file = join(dir, 'ws.json');
    writeFileSync(file, JSON.stringify({ choose_args: { '1': [{ bucket_id: -1 }] } }));
    expect(() => crushTest({ infn: file, showMappings: true }, { out: () => {}, err: () => {} })).toThrow(/choose_args/);
  });
});
