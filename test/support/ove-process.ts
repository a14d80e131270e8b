/**
 * startOve: runs `ove up` as a child process (the way a user runs it) on a data dir and
 * port, resolving once it prints its ready line; the tests and bench/api kill -9 it,
 * stop it and start it again on the same data dir.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A running `ove up`. */
export interface OveProcess {
  url: string;
  port: number;
  dataDir: string;
  kubeconfigPath: string;
  adminToken: string;
  caPem: string;
  pid: number;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  /** SIGKILL, resolving once it is gone. */
  kill9(): Promise<void>;
  /** SIGTERM (a clean shutdown), resolving once it is gone. */
  stop(): Promise<void>;
}

/** Options of startOve. */
export interface OveOptions {
  dataDir: string;
  port: number;
  /** `sqlite` (default), `memory`, or `etcd://host:port`. */
  storage?: string;
  /** Extra node flags, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** Start the datacenter twin too (default false: `--no-twin`, the control plane only). */
  twin?: boolean;
  /** Milliseconds to wait for the ready line (default 60 s). */
  readyTimeoutMs?: number;
  /** More `ove up` flags, e.g. `--clock fast-forward`. */
  upArgs?: string[];
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Starts `ove up` and resolves once it says it is ready. */
export async function startOve(opts: OveOptions): Promise<OveProcess> {
  const args = [...(opts.nodeArgs ?? []), join(root, 'bin/ove.mjs'), 'up', '--data-dir', opts.dataDir, '--listen', `127.0.0.1:${opts.port}`, '--storage', opts.storage ?? 'sqlite'];
  if (!opts.twin) args.push('--no-twin');
  args.push(...(opts.upArgs ?? []));
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));
  let log = '';
  child.stderr!.on('data', (d: Buffer) => void (log = (log + d.toString()).slice(-8000)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`ove up did not get ready within ${opts.readyTimeoutMs ?? 60_000} ms: ${log}`));
    }, opts.readyTimeoutMs ?? 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ove is ready at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`ove up exited (${child.exitCode ?? child.signalCode}) before it was ready: ${log}`));
    });
  });
  const signal = (sig: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    await exited;
  };
  return {
    url,
    port: opts.port,
    dataDir: opts.dataDir,
    kubeconfigPath: join(opts.dataDir, 'kubeconfig'),
    adminToken: readFileSync(join(opts.dataDir, 'admin.token'), 'utf8').trim(),
    caPem: readFileSync(join(opts.dataDir, 'pki', 'ca.crt'), 'utf8'),
    pid: child.pid!,
    child,
    exited,
    kill9: signal('SIGKILL'),
    stop: signal('SIGTERM'),
  };
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
