/**
 * Runs `node bin/ove.mjs` and the real kubectl as child processes against one kubeconfig,
 * asynchronously (the control plane under test lives in the test's own process).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KUBECTL } from './ove-process.js';

/** What a finished command printed. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A command left running (watch, delete --wait, drain). */
export interface RunningCli {
  stdout(): string;
  stderr(): string;
  /** Resolves once stdout or stderr matches (rejects after timeoutMs or when the process exits first). */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  done: Promise<CliResult>;
  exited(): boolean;
  kill(): void;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Starts a process and collects its output. */
export function startCli(cmd: string, args: string[], env: Record<string, string>, input = '', cwd = ROOT): RunningCli {
  const child: ChildProcess = spawn(cmd, args, { cwd, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters = new Set<() => void>();
  const poke = () => waiters.forEach((w) => w());
  child.stdout!.on('data', (d: Buffer) => ((out += d.toString()), poke()));
  child.stderr!.on('data', (d: Buffer) => ((err += d.toString()), poke()));
  child.stdin!.end(input);
  const killer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  let finished = false;
  const done = new Promise<CliResult>((ok) =>
    child.once('close', (code) => {
      finished = true;
      clearTimeout(killer);
      poke();
      ok({ code, stdout: out, stderr: err });
    }),
  );
  const waitFor = (text: string | RegExp, timeoutMs = 60_000) =>
    new Promise<void>((ok, fail) => {
      const check = () => {
        const all = out + err;
        if (typeof text === 'string' ? all.includes(text) : text.test(all)) return finish(ok);
        if (finished) finish(() => fail(new Error(`${cmd} exited before printing ${String(text)}:\n${out}${err}`)));
      };
      const t = setTimeout(() => finish(() => fail(new Error(`${cmd} did not print ${String(text)} in ${timeoutMs} ms:\n${out}${err}`))), timeoutMs);
      const finish = (f: () => void) => {
        clearTimeout(t);
        waiters.delete(check);
        f();
      };
      waiters.add(check);
      check();
    });
  return { stdout: () => out, stderr: () => err, waitFor, done, exited: () => finished, kill: () => child.kill('SIGTERM') };
}

/** `node bin/ove.mjs ARGS`. */
export function startOveCli(args: string[], env: Record<string, string>, input?: string, cwd?: string): RunningCli {
  return startCli(process.execPath, [join(ROOT, 'bin/ove.mjs'), ...args], env, input, cwd);
}

/** The real kubectl with its own cache dir. */
export function startKubectl(args: string[], env: Record<string, string>, cacheDir: string): RunningCli {
  return startCli(KUBECTL, [`--cache-dir=${cacheDir}`, ...args], env);
}
