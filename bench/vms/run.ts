// One run of bench/vms: a control plane and the twin (install fast-forwarded, then the clock in
// realtime), then VMs created open loop at a fixed rate and their creation-to-Running latency,
// from the scheduled send time to the watch event that shows the VMI's phase Running.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startControlPlane } from '../../src/cmd/control-plane.js';
import { TwinClock } from '../../src/twin/clock/twin-clock.js';
import { loadClusterDefinition } from '../../src/twin/inventory/index.js';
import { startTwin } from '../../src/twin/twin.js';
import { GUEST_BOOT } from '../../src/twin/guest/boot-model.js';
import { POD_MODEL } from '../../src/twin/agent/pod-model.js';
import type { KubeObject } from '../../src/api/types.js';
import type { Client } from '../../src/client/client.js';

const NS = { group: '', version: 'v1', plural: 'namespaces', namespaced: false };
const NODES = { group: '', version: 'v1', plural: 'nodes', namespaced: false };
const VMS = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachines', namespaced: true };
const VMIS = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachineinstances', namespaced: true };

/** What one batch measured (milliseconds of wall time). */
export interface BatchResult {
  count: number;
  latenciesMs: number[];
  missing: number;
  createErrors: number;
  sendLagMaxMs: number;
}

/** What a run measured. */
export interface RunResult {
  installWallSec: number;
  workers: { name: string; memory: string; pods: string; kvm: string }[];
  batches: BatchResult[];
}

/** A small VM: 1 vCPU, 64Mi guest, a containerDisk root (no import, no PVC). */
function vmObject(ns: string, name: string): KubeObject {
  return {
    apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', metadata: { name, namespace: ns },
    spec: {
      runStrategy: 'Always',
      template: {
        metadata: { labels: { 'kubevirt.io/vm': name } },
        spec: {
          domain: { cpu: { cores: 1 }, memory: { guest: '64Mi' }, devices: { disks: [{ name: 'root', disk: { bus: 'virtio' } }] } },
          volumes: [{ name: 'root', containerDisk: { image: 'quay.io/containerdisks/fedora:40' } }],
        },
      },
    },
  } as unknown as KubeObject;
}

/**
 * Runs the twin and creates each batch of VMs at `ratePerSec`, in its own namespace.
 * `podModelZero` sets the pod model's durations to zero in this process (the guest boot model is always at scale 0).
 */
export async function runVmBench(opts: { counts: number[]; ratePerSec: number; podModelZero: boolean; timeoutSec: number }): Promise<RunResult> {
  GUEST_BOOT.scale = 0;
  if (opts.podModelZero) Object.assign(POD_MODEL, { sandboxSeconds: 0, containerStartSeconds: 0, pullBytesPerSecond: Infinity });
  const dir = mkdtempSync(join(tmpdir(), 'ove-bench-vms-'));
  const clock = new TwinClock({ mode: 'fast-forward' }, Date.now() - 3 * 3600_000);
  clock.start();
  const cp = await startControlPlane({ dataDir: dir, storage: 'memory', port: 0, insecure: true, clock, log: () => undefined });
  clock.addBusyProbe(() => cp.busy());
  const def = await loadClusterDefinition(resolve(import.meta.dirname, '../../examples/ove-prod-01'));
  const t0 = performance.now();
  const twin = await startTwin({ client: cp.client, manager: cp.manager, clock, def, progress: () => undefined, onInstalled: () => clock.switchTo({ mode: 'realtime' }, Date.now()) });
  try {
    await twin.installed;
    const installWallSec = (performance.now() - t0) / 1000;
    const workers = (await cp.client.list(NODES)).items.filter((n) => n.metadata.name?.startsWith('worker-')).map((n) => {
      const a = (n.status as { allocatable: Record<string, string> }).allocatable;
      return { name: n.metadata.name!, memory: a.memory!, pods: a.pods!, kvm: a['devices.kubevirt.io/kvm']! };
    });
    const batches: BatchResult[] = [];
    for (const [i, count] of opts.counts.entries()) batches.push(await batch(cp.client, `bench-vms-${i}`, count, opts.ratePerSec, opts.timeoutSec));
    return { installWallSec, workers, batches };
  } finally {
    twin.stop();
    clock.stop();
    await cp.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function batch(client: Client, ns: string, count: number, ratePerSec: number, timeoutSec: number): Promise<BatchResult> {
  await client.create(NS, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } } as KubeObject);
  const sentAt = new Map<string, number>();
  const running = new Map<string, number>();
  let allRunning!: () => void;
  const done = new Promise<void>((r) => { allRunning = r; });
  const watch = client.watch(VMIS, ns, {}, (e) => {
    const name = e.object.metadata.name!;
    if (running.has(name) || (e.object.status as { phase?: string } | undefined)?.phase !== 'Running') return;
    running.set(name, performance.now());
    if (running.size === count) allRunning();
  }, () => undefined);
  let createErrors = 0;
  let sendLagMaxMs = 0;
  const start = performance.now() + 200;
  const interval = 1000 / ratePerSec;
  const sends: Promise<unknown>[] = [];
  // Open loop: each VM has its scheduled send time; latency counts from it, so a late send counts as queueing.
  await new Promise<void>((resolveSent) => {
    let i = 0;
    const tick = () => {
      const now = performance.now();
      while (i < count && start + i * interval <= now) {
        const name = `vm-${String(i).padStart(4, '0')}`;
        sentAt.set(name, start + i * interval);
        sendLagMaxMs = Math.max(sendLagMaxMs, now - (start + i * interval));
        sends.push(client.create(VMS, vmObject(ns, name)).catch(() => { createErrors++; }));
        i++;
      }
      if (i >= count) return resolveSent();
      setTimeout(tick, Math.max(0, start + i * interval - performance.now()));
    };
    setTimeout(tick, 200);
  });
  await Promise.all(sends);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([done, new Promise<void>((r) => { timer = setTimeout(r, timeoutSec * 1000); })]);
  clearTimeout(timer);
  watch.close();
  const latenciesMs = [...running].map(([name, at]) => at - sentAt.get(name)!);
  return { count, latenciesMs, missing: count - running.size, createErrors, sendLagMaxMs };
}
