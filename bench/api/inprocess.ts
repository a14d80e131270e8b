/**
 * In-process micro-benchmark of the API server's write path: a memory-backed control
 * plane, 64 concurrent in-process clients (no sockets, no TLS), creates/updates/gets of
 * ConfigMaps and Pods; prints µs of process CPU per operation and ops/s.
 * `node --import tsx bench/api/inprocess.ts [--n 4000] [--clients 64]`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeObject } from '../../src/api/types.js';
import type { ResourceRef } from '../../src/client/client.js';
import { startControlPlane } from '../../src/cmd/control-plane.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('n', 4000);
const CLIENTS = arg('clients', 64);
const onlyAt = process.argv.indexOf('--only');
/** `--only configmaps|pods` measures one kind (for profiling one path). */
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;

const configMaps: ResourceRef = { group: '', version: 'v1', plural: 'configmaps', namespaced: true };
const pods: ResourceRef = { group: '', version: 'v1', plural: 'pods', namespaced: true };

function configMap(i: number): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${i}`, namespace: 'default', labels: { app: 'bench' } }, data: { payload: 'x'.repeat(1024) } } as KubeObject;
}

function pod(i: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `pod-${i}`, namespace: 'default', labels: { app: 'bench', tier: 'web' } },
    spec: {
      nodeName: 'nowhere',
      containers: [
        {
          name: 'main',
          image: 'registry.example/app:1.0',
          args: ['--port', '8080'],
          ports: [{ name: 'http', containerPort: 8080 }],
          env: [{ name: 'MODE', value: 'bench' }, { name: 'LEVEL', value: 'info' }],
          resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } },
        },
      ],
    },
  } as KubeObject;
}

/** Runs `op(i)` for i in [0, n) on `clients` concurrent loops; returns µs CPU/op and ops/s. */
async function phase(name: string, n: number, op: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < n) await op(next++);
    }),
  );
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const us = (cpu.user + cpu.system) / n;
  console.log(`${name.padEnd(18)} ${us.toFixed(0).padStart(6)} µs CPU/op  ${((n * 1000) / wall).toFixed(0).padStart(6)} ops/s`);
}

const dataDir = mkdtempSync(join(tmpdir(), 'ove-inproc-'));
const cp = await startControlPlane({ storage: 'memory', insecure: true, port: 0, dataDir, log: () => {} });
try {
  const c = cp.client;
  // Warm up (JIT, schema caches) on objects outside the measured ranges.
  for (let i = 0; i < 200; i++) {
    await c.create(configMaps, configMap(1e6 + i));
    await c.create(pods, pod(1e6 + i));
  }
  console.log(`in-process, memory storage, ${CLIENTS} clients, n=${N}`);
  if (only !== 'pods') await configMapPhases(c);
  if (only !== 'configmaps') await podPhases(c);
} finally {
  await cp.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

async function configMapPhases(c: typeof cp.client): Promise<void> {
  const cms: KubeObject[] = [];
  await phase('configmap create', N, async (i) => (cms[i] = await c.create(configMaps, configMap(i))));
  await phase('configmap update', N, async (i) => {
    const o = cms[i]!;
    cms[i] = await c.update(configMaps, { ...o, data: { payload: 'y'.repeat(1024) } } as KubeObject);
  });
  await phase('configmap get', N, (i) => c.get(configMaps, 'default', `cm-${i}`));
}

async function podPhases(c: typeof cp.client): Promise<void> {
  const ps: KubeObject[] = [];
  await phase('pod create', N, async (i) => (ps[i] = await c.create(pods, pod(i))));
  await phase('pod update', N, async (i) => {
    const o = ps[i]!;
    ps[i] = await c.update(pods, { ...o, metadata: { ...o.metadata, labels: { ...o.metadata.labels, rev: '2' } } });
  });
  await phase('pod get', N, (i) => c.get(pods, 'default', `pod-${i}`));
}
