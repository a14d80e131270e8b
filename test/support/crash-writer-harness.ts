/** Runs test/support/crash-writer.ts, kills it with SIGKILL mid-run and returns the writes it acknowledged. */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the writer acknowledged for one key. */
export interface Acked {
  create: number;
  update?: number;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Starts the writer with `args`, kills it once `killAfter` writes were acknowledged, returns the acks by key. */
export function runAndKillWriter(args: string[], killAfter: number): Promise<Map<string, Acked>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/support/crash-writer.ts'), ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked = new Map<string, Acked>();
    let count = 0;
    let rest = '';
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      const lines = (rest + d.toString()).split('\n');
      rest = lines.pop()!;
      for (const line of lines) {
        const [op, key, rev] = line.split(' ');
        if (op === 'create') acked.set(key!, { create: Number(rev) });
        else if (op === 'update') acked.get(key!)!.update = Number(rev);
        else continue;
        count++;
      }
      if (count >= killAfter && !killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    // 'close' fires after the process exited and its stdout was drained.
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own (code ${code}): ${stderr}`));
      else resolve(acked);
    });
  });
}
