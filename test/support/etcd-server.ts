/**
 * startEtcd: a throwaway single-member etcd (Debian's /usr/bin/etcd) on loopback, with random
 * free ports and a temp data dir, for tests and benchmarks. It fails loudly when etcd is missing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ove-process.js';

/** A running etcd. */
export interface EtcdServer {
  endpoint: string;
  stop(): Promise<void>;
}

const ETCD = process.env.ETCD_BIN ?? '/usr/bin/etcd';

/** Starts etcd and resolves once `/health` says it is healthy (it became leader). */
export async function startEtcd(): Promise<EtcdServer> {
  if (!existsSync(ETCD)) throw new Error(`Cannot start etcd: ${ETCD} is missing (apt-get install etcd-server)`);
  const [clientPort, peerPort] = [await freePort(), await freePort()];
  const dir = mkdtempSync(join(tmpdir(), 'ove-etcd-'));
  const endpoint = `http://127.0.0.1:${clientPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  const child = spawn(ETCD, [
    '--name', 'ove-test',
    '--data-dir', join(dir, 'data'),
    '--listen-client-urls', endpoint,
    '--advertise-client-urls', endpoint,
    '--listen-peer-urls', peer,
    '--initial-advertise-peer-urls', peer,
    '--initial-cluster', `ove-test=${peer}`,
    '--logger', 'zap',
    '--log-outputs', 'stderr',
    '--log-level', 'error',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => void (log = (log + d.toString()).slice(-4000)));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    await kill(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitHealthy(endpoint, child, () => log);
  } catch (err) {
    await stop();
    throw err;
  }
  return { endpoint, stop };
}

async function waitHealthy(endpoint: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`etcd exited with ${child.exitCode}: ${log()}`);
    try {
      const res = await fetch(`${endpoint}/health`);
      const body = (await res.json()) as { health?: string };
      if (body.health === 'true') return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`etcd at ${endpoint} did not become healthy within 30 s: ${log()}`);
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
