/**
 * startOve: runs `ove up` as a child process in a temp data dir, waits for its ready line and
 * drives the real kubectl (/usr/bin/kubectl, a fresh --cache-dir per server) against it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** What a finished kubectl run printed. */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options of one kubectl run. */
export interface KubectlOptions {
  input?: string;
  env?: Record<string, string>;
  /** Kill it after this many ms (default 30 s). */
  timeoutMs?: number;
}

/** A kubectl left running (get -w, delete waiting on a finalizer). */
export interface RunningKubectl {
  /** Everything printed on stdout so far. */
  stdout(): string;
  /** Resolves once stdout contains `text` (rejects after timeoutMs or on exit). */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves when the process exits. */
  done: Promise<RunResult>;
  kill(): void;
}

/** Options of one raw API request. */
export interface ApiRequest {
  body?: string | Buffer;
  contentType?: string;
  /** Bearer token; defaults to the admin's; `null` sends none. */
  token?: string | null;
  /** More request headers. */
  headers?: Record<string, string>;
}

/** A raw API answer. */
export interface ApiResponse {
  status: number;
  body: string;
  json(): any;
}

/** A running `ove up`. */
export interface OveProcess {
  readonly kubeconfig: string;
  readonly url: string;
  readonly dataDir: string;
  kubectl(args: string[], opts?: KubectlOptions): Promise<RunResult>;
  /** Starts kubectl and returns at once. */
  spawnKubectl(args: string[], opts?: KubectlOptions): RunningKubectl;
  /** One HTTPS request to the API server, trusting the kubeconfig's CA. */
  api(method: string, path: string, req?: ApiRequest): Promise<ApiResponse>;
  /** SIGTERM, wait for exit; the data dir is removed. */
  stop(): Promise<void>;
  /** SIGKILL, wait for exit; the data dir is kept for restart(). */
  kill9(): Promise<void>;
  /** Starts `ove up` again on the same data dir and port. */
  restart(): Promise<void>;
}

/** Options of startOve. */
export interface OveOptions {
  storage?: 'memory' | 'sqlite';
}

/** The kubectl binary the suite drives (1.32; override with $KUBECTL). */
export const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const READY = /ove is ready at (https:\/\/\S+?)[ ;].*export KUBECONFIG=(\S+)/;

/** Starts `ove up --data-dir <tmp> --listen 127.0.0.1:0 --no-twin` (control plane only) and resolves once it prints ready. */
export async function startOve(opts: OveOptions = {}): Promise<OveProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ove-e2e-'));
  const cacheDir = join(dataDir, 'kubectl-cache');
  const storage = opts.storage ?? 'memory';
  let child: ChildProcess | undefined;
  let url = '';
  let kubeconfig = '';
  let listen = '127.0.0.1:0';
  const running = new Set<ChildProcess>();

  const launch = async () => {
    const c = spawn(process.execPath, [join(ROOT, 'bin/ove.mjs'), 'up', '--data-dir', dataDir, '--listen', listen, '--storage', storage, '--no-twin'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = c;
    let out = '';
    let err = '';
    c.stderr!.on('data', (d: Buffer) => void (err = (err + d.toString()).slice(-8000)));
    const line = await new Promise<RegExpExecArray>((ok, fail) => {
      const timer = setTimeout(() => {
        c.kill('SIGKILL');
        fail(new Error(`ove up not ready in 45 s: ${out}${err}`));
      }, 45_000);
      c.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = READY.exec(out);
        if (m) {
          clearTimeout(timer);
          ok(m);
        }
      });
      c.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`ove up exited with ${code}: ${out}${err}`));
      });
    });
    url = line[1];
    kubeconfig = line[2];
    listen = new URL(url).host;
  };

  const exited = (c: ChildProcess) => new Promise<void>((ok) => (c.exitCode !== null || c.signalCode !== null ? ok() : c.once('exit', () => ok())));
  const killOnExit = () => {
    child?.kill('SIGKILL');
    for (const k of running) k.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const spawnKubectl = (args: string[], o: KubectlOptions = {}): RunningKubectl => {
    const k = spawn(KUBECTL, [`--cache-dir=${cacheDir}`, ...args], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dataDir, KUBECONFIG: kubeconfig, ...o.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    running.add(k);
    let stdout = '';
    let stderr = '';
    const waiters = new Set<() => void>();
    k.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      for (const w of waiters) w();
    });
    k.stderr!.on('data', (d: Buffer) => void (stderr += d.toString()));
    k.stdin!.end(o.input ?? '');
    const timer = setTimeout(() => k.kill('SIGKILL'), o.timeoutMs ?? 30_000);
    const done = new Promise<RunResult>((ok) =>
      k.once('close', (code) => {
        clearTimeout(timer);
        running.delete(k);
        for (const w of waiters) w();
        ok({ code, stdout, stderr });
      }),
    );
    const waitFor = (text: string | RegExp, timeoutMs = 15_000) =>
      new Promise<string>((ok, fail) => {
        const check = () => {
          if (typeof text === 'string' ? stdout.includes(text) : text.test(stdout)) return finish(() => ok(stdout));
          if (k.exitCode !== null || k.signalCode !== null) finish(() => fail(new Error(`kubectl exited before printing ${text}: ${stdout}${stderr}`)));
        };
        const t = setTimeout(() => finish(() => fail(new Error(`kubectl did not print ${text} in ${timeoutMs} ms: ${stdout}${stderr}`))), timeoutMs);
        const finish = (f: () => void) => {
          clearTimeout(t);
          waiters.delete(check);
          f();
        };
        waiters.add(check);
        check();
      });
    return { stdout: () => stdout, waitFor, done, kill: () => k.kill('SIGTERM') };
  };

  const api = (method: string, path: string, r: ApiRequest = {}): Promise<ApiResponse> => {
    const cfg = parse(readFileSync(kubeconfig, 'utf8'));
    const ca = Buffer.from(cfg.clusters[0].cluster['certificate-authority-data'], 'base64');
    const token = r.token === undefined ? cfg.users[0].user.token : r.token;
    const headers: Record<string, string> = { Accept: 'application/json', ...r.headers };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (r.body !== undefined) headers['Content-Type'] = r.contentType ?? 'application/json';
    return new Promise((ok, fail) => {
      const q = https.request(new URL(path, url), { method, ca, headers, timeout: 15_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString();
          ok({ status: res.statusCode ?? 0, body, json: () => JSON.parse(body) });
        });
      });
      q.on('error', fail);
      q.on('timeout', () => q.destroy(new Error(`${method} ${path} timed out`)));
      q.end(r.body);
    });
  };

  await launch();
  return {
    api,
    get kubeconfig() {
      return kubeconfig;
    },
    get url() {
      return url;
    },
    dataDir,
    spawnKubectl,
    kubectl: (args, o) => spawnKubectl(args, o).done,
    async stop() {
      for (const k of running) k.kill('SIGKILL');
      if (child) {
        child.kill('SIGTERM');
        await exited(child);
      }
      process.off('exit', killOnExit);
      rmSync(dataDir, { recursive: true, force: true });
    },
    async kill9() {
      if (!child) return;
      child.kill('SIGKILL');
      await exited(child);
    },
    async restart() {
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited(child);
      }
      await launch();
    },
  };
}
