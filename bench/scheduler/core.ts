// The scheduler's pure core in-process: scheduleOne + assume for N pods over M synthetic nodes,
// shaped like scheduler_perf's SchedulingBasic/5000Nodes_10000Pods (kubernetes/kubernetes
// test/integration/scheduler_perf/misc/performance-config.yaml: initNodes 5000, initPods 1000,
// measurePods 10000, threshold 680 pods/s; templates/node-default.yaml: pods 110, cpu 4,
// memory 32Gi; templates/pod-default.yaml: requests cpu 100m, memory 500Mi).
// Run alone: `node --import tsx bench/scheduler/core.ts [nodes] [pods]`.
import { pathToFileURL } from 'node:url';
import type { KubeObject } from '../../src/api/types.js';
import { assume, scheduleOne } from '../../src/controllers/scheduler/schedule.js';
import { NodeSnapshot } from '../../src/controllers/scheduler/snapshot.js';

/** kube-scheduler's published floor for SchedulingBasic 5000Nodes_10000Pods (pods/s). */
export const KUBE_SCHEDULER_FLOOR = 680;

/** The size of a run. */
export interface CoreBenchOptions {
  nodes: number;
  /** Pods placed before timing starts (scheduler_perf's initPods). */
  initPods?: number;
  /** Pods timed. */
  pods: number;
}

/** What a run measured. */
export interface CoreBenchResult {
  nodes: number;
  pods: number;
  scheduled: number;
  failed: number;
  /** Wall seconds of the timed part. */
  seconds: number;
  /** CPU seconds the process spent in it (shows how much of the wall time other processes took). */
  cpuSeconds: number;
  podsPerSecond: number;
}

function node(i: number): KubeObject {
  const r = { pods: '110', cpu: '4', memory: '32Gi' };
  const name = `scheduler-perf-${i}`;
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } }, spec: {}, status: { capacity: r, allocatable: r } };
}

function pod(i: number): KubeObject {
  const requests = { cpu: '100m', memory: '500Mi' };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `pod-${i}`, namespace: 'namespace-1', uid: `uid-${i}` },
    spec: { containers: [{ name: 'pause', image: 'registry.k8s.io/pause:3.10.1', ports: [{ containerPort: 80 }], resources: { requests, limits: requests } }] },
    status: { phase: 'Pending' },
  };
}

/** A deterministic [0, 1) generator, so runs are comparable. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** Schedules `pods` pods over `nodes` synthetic nodes in-process (each assumed, as the scheduler does before binding) and returns pods/s. */
export function benchSchedulerCore(opts: CoreBenchOptions): CoreBenchResult {
  const snap = NodeSnapshot.from(Array.from({ length: opts.nodes }, (_, i) => node(i)));
  const rng = lcg(42);
  // Pod objects exist before the cycle (the scheduler gets them from its informer); compiling them is timed.
  const initial = Array.from({ length: opts.initPods ?? 0 }, (_, i) => pod(i));
  const measured = Array.from({ length: opts.pods }, (_, i) => pod(initial.length + i));
  const one = (p: KubeObject): boolean => {
    const r = scheduleOne(p, snap, { rng });
    if (!('node' in r)) return false;
    assume(snap, p, r.node);
    return true;
  };
  for (const p of initial) one(p);
  let scheduled = 0;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (const p of measured) if (one(p)) scheduled++;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(c0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { nodes: opts.nodes, pods: opts.pods, scheduled, failed: opts.pods - scheduled, seconds, cpuSeconds, podsPerSecond: opts.pods / seconds };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const nodes = Number(process.argv[2] ?? 5000);
  const pods = Number(process.argv[3] ?? 10000);
  const r = benchSchedulerCore({ nodes, initPods: 1000, pods });
  console.log(`scheduler core (in-process, no API): ${r.pods} pods over ${r.nodes} nodes in ${r.seconds.toFixed(2)} s wall, ${r.cpuSeconds.toFixed(2)} s CPU`);
  console.log(`  ${r.podsPerSecond.toFixed(0)} pods/s (${r.scheduled} scheduled, ${r.failed} failed)`);
  console.log(`  kube-scheduler floor (SchedulingBasic 5000Nodes_10000Pods): ${KUBE_SCHEDULER_FLOOR} pods/s`);
  console.log(`  ratio: ${(r.podsPerSecond / KUBE_SCHEDULER_FLOOR).toFixed(2)}x`);
}
