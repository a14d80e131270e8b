import { describe, it, expect, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { writeDefinition, removeDefinitions, fixStory } from '../../twin/inventory/definition-fixture.js';

afterAll(removeDefinitions);

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const MAIN = 'src/cli/commands/preflight.main.ts';

function ove(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', MAIN, 'preflight', ...args], { cwd: ROOT }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('ove preflight', () => {
  it('prints the story findings as a table and exits 1', async () => {
    const r = await ove();
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^SEVERITY {3}CHECK {2,}SUBJECT {2,}MESSAGE$/);
    expect(lines[1]).toMatch(/^ERROR {6}power\.pdu-failover +pdu-b14-b \(pdu-b14-a failed\) +if pdu-b14-a fails, pdu-b14-b carries 9,400 W, 150\.6 % of its 6,240 W rating/);
    expect(lines[2]).toMatch(/^ {11}= pdu-b14-a down: pdu-b14-b carries 6 × 1,400 W \+ 4 × 250 W = 9,400 W; .*→ 188\.3 %$/);
    expect(r.stdout).toContain('= 8900 + 100 = 9000 ≤ smallest leg 9000');
    expect(r.stdout.trimEnd().endsWith('46 errors, 17 warnings, 23 infos: preflight failed')).toBe(true);
    expect(r.stderr).toBe('');
  });

  it('prints JSON for scripts', async () => {
    const r = await ove('-o', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.summary).toEqual({ error: 46, warning: 17, info: 23, passed: false });
    expect(report.cluster.endsWith('examples/ove-prod-01')).toBe(true);
    expect(Object.keys(report.findings[0])).toEqual(['id', 'severity', 'subject', 'message', 'arithmetic']);
  });

  it('exits 0 with YAML output on a definition without errors', async () => {
    const dir = await writeDefinition(fixStory);
    const r = await ove('--cluster', dir, '-o', 'yaml');
    expect(r.code).toBe(0);
    expect(parse(r.stdout).summary).toEqual({ error: 0, warning: 12, info: 28, passed: true });
  });

  it('exits 2 naming a missing directory', async () => {
    const r = await ove('--cluster', '/nonexistent/cluster');
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'error: cannot load the cluster definition in /nonexistent/cluster:\n  /nonexistent/cluster: cluster definition directory not found\n' });
  });

  it('exits 2 naming the file and field of an invalid definition', async () => {
    const dir = await writeDefinition((_ic, hw) => { hw.servers[3].memoryGiB = 'lots'; });
    const r = await ove('--cluster', dir);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `error: cannot load the cluster definition in ${dir}:\n  hardware.yaml: servers[3].memoryGiB: must be a number\n` });
  });

  it('exits 2 on an unknown output format', async () => {
    const r = await ove('-o', 'xml');
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'error: unknown output format "xml" (use one of table, json, yaml)\n' });
  });
});
