// Scheduler benchmarks (issue 3): pods scheduled per second end to end (API create → bound,
// through the real API server, informers, scheduler and binding subresource) with 5,000
// simulated nodes and 10,000 pods, beside kube-scheduler's published floor for the same
// size (SchedulingBasic 5000Nodes_10000Pods ≥ 680 pods/s, shared/reference/k8s-api.md §5);
// the pure core alone; the wall time to fast-forward through the story's whole install; and
// the memory 5,000 nodes take. Node and pod shapes follow scheduler_perf's templates.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startControlPlane } from '../../src/cmd/control-plane.js';
import { TwinClock } from '../../src/twin/clock/twin-clock.js';
import { loadClusterDefinition } from '../../src/twin/inventory/index.js';
import { startTwin } from '../../src/twin/twin.js';
import { KUBE_SCHEDULER_FLOOR, benchSchedulerCore } from './core.js';
import type { KubeObject } from '../../src/api/types.js';

const NODES = Number(process.env.BENCH_NODES ?? 5000);
const PODS = Number(process.env.BENCH_PODS ?? 10000);
const NODE_REF = { group: '', version: 'v1', plural: 'nodes', namespaced: false };
const POD_REF = { group: '', version: 'v1', plural: 'pods', namespaced: true };

function rss(): number {
  global.gc?.();
  return process.memoryUsage().rss;
}

async function pool<T>(items: T[], concurrency: number, fn: (t: T) => Promise<unknown>): Promise<void> {
  let i = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (i < items.length) await fn(items[i++]);
  }));
}

async function endToEnd(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ove-bench-sched-'));
  const cp = await startControlPlane({ dataDir: dir, storage: 'memory', port: 0, insecure: true, log: () => undefined });
  try {
    const before = rss();
    const r = { pods: '110', cpu: '4', memory: '32Gi' };
    const t0 = performance.now();
    await pool(Array.from({ length: NODES }, (_, i) => i), 32, async (i) => {
      const name = `node-${i}`;
      const n = await cp.client.create(NODE_REF, { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } }, spec: {}, status: {} } as KubeObject);
      await cp.client.updateStatus(NODE_REF, { ...n, status: { capacity: r, allocatable: r, conditions: [{ type: 'Ready', status: 'True' }] } });
    });
    const nodesSec = (performance.now() - t0) / 1000;
    await new Promise((res) => setTimeout(res, 500));
    const nodeMem = rss() - before;
    console.log(`nodes: ${NODES} created in ${nodesSec.toFixed(1)} s; memory for them (API server + informers): ${(nodeMem / 2 ** 20).toFixed(0)} MiB (${((nodeMem / NODES) / 1024).toFixed(1)} KiB per node)`);

    let bound = 0;
    let firstBind = 0;
    let lastBind = 0;
    const done = new Promise<void>((resolveDone) => {
      cp.client.watch(POD_REF, undefined, { resourceVersion: '0' }, (e) => {
        if (e.type === 'MODIFIED' && (e.object.spec as { nodeName?: string }).nodeName && !(e.object as { _seen?: boolean })._seen) {
          bound++;
          const now = performance.now();
          if (!firstBind) firstBind = now;
          lastBind = now;
          if (bound === PODS) resolveDone();
        }
      }, () => undefined);
    });
    const p0 = performance.now();
    await pool(Array.from({ length: PODS }, (_, i) => i), 64, (i) =>
      cp.client.create(POD_REF, { apiVersion: 'v1', kind: 'Pod', metadata: { name: `pod-${i}`, namespace: 'default' }, spec: { containers: [{ name: 'pause', image: 'registry.k8s.io/pause:3.10', resources: { requests: { cpu: '100m', memory: '500Mi' }, limits: { cpu: '100m', memory: '500Mi' } } }] } } as KubeObject),
    );
    const created = performance.now();
    await done;
    const end = performance.now();
    const e2e = PODS / ((end - p0) / 1000);
    const sched = PODS / ((lastBind - firstBind) / 1000);
    console.log(`pods: ${PODS} created in ${((created - p0) / 1000).toFixed(1)} s (${(PODS / ((created - p0) / 1000)).toFixed(0)}/s)`);
    console.log(`end to end (first create → last bound): ${e2e.toFixed(0)} pods/s   reference kube-scheduler floor ${KUBE_SCHEDULER_FLOOR} pods/s   ratio ${(e2e / KUBE_SCHEDULER_FLOOR).toFixed(2)} (target ≥ 2.0)`);
    console.log(`scheduling throughput (first bind → last bind): ${sched.toFixed(0)} pods/s   ratio ${(sched / KUBE_SCHEDULER_FLOOR).toFixed(2)}`);
  } finally {
    await cp.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function install(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ove-bench-install-'));
  const clock = new TwinClock({ mode: 'fast-forward' }, Date.UTC(2026, 0, 1));
  clock.start();
  const cp = await startControlPlane({ dataDir: dir, storage: 'sqlite', port: 0, insecure: true, clock, log: () => undefined });
  clock.addBusyProbe(() => cp.busy());
  try {
    const def = await loadClusterDefinition(resolve(import.meta.dirname, '../../examples/ove-prod-01'));
    const t0 = performance.now();
    const startVirtual = clock.now();
    const twin = await startTwin({ client: cp.client, manager: cp.manager, clock, def, progress: () => undefined, onInstalled: () => clock.stop() });
    await twin.installed;
    const wall = (performance.now() - t0) / 1000;
    const simulated = (clock.now() - startVirtual) / 1000;
    console.log(`story install (12 nodes, sqlite): ${(simulated / 60).toFixed(1)} simulated minutes in ${wall.toFixed(2)} s wall   speed-up ${(simulated / wall).toFixed(0)}x`);
    twin.stop();
  } finally {
    clock.stop();
    await cp.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const core = benchSchedulerCore({ nodes: NODES, initPods: 1000, pods: PODS });
console.log(`core (pure scheduleOne + assume, ${NODES} nodes, ${PODS} pods): ${core.podsPerSecond.toFixed(0)} pods/s   reference ${KUBE_SCHEDULER_FLOOR} pods/s   ratio ${(core.podsPerSecond / KUBE_SCHEDULER_FLOOR).toFixed(2)}`);
await endToEnd();
await install();
process.exit(0);
