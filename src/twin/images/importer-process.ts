/**
 * The importer container's process on the twin: for each running CDI importer pod it
 * plays what the real importer does (connect, transfer, convert, flush, exit) in
 * modelled time, writes the container's exit into the pod status as the kubelet would
 * report it, and restarts failed containers with the kubelet's back-off (the pod's
 * restartPolicy is OnFailure). The DataVolume controller reads progress from it, as
 * CDI scrapes the importer's progress metric.
 */
import type { KubeObject } from '../../api/types.js';
import { objectKeyOf } from '../../client/informer.js';
import type { Clock, Timer } from '../../lib/clock.js';
import { rfc3339 } from '../../lib/clock.js';
import { quantityValue } from '../../lib/quantity.js';
import type { Manager } from '../../runtime/manager.js';
import type { VolumeProvisioner } from '../../controllers/persistent-volume/provisioner.js';
import type { ImageCatalog } from './catalog.js';
import { PROGRESS_POLL_MS } from '../../controllers/data-volume/plan.js';
import { claimOf, exitSucceeded, recordClaimWrite } from './worker-pod.js';
import { IMPORT_MODEL, planImport, progressAt, type ImportParams, type ImportPlan, type ImportSource } from './import-model.js';

const PODS = { group: '', version: 'v1', plural: 'pods', namespaced: true };

/** The label CDI puts on its importer pods. */
export const IMPORTER_SELECTOR = { key: 'cdi.kubevirt.io', value: 'importer' };
/** kubelet's container restart back-off: 10 s doubling to 5 min (pkg/kubelet/kubelet.go backOffPeriod, MaxContainerBackOff). */
export const RESTART_BACKOFF = { initialSeconds: 10, maxSeconds: 300 };

type Any = Record<string, any>;

interface Run {
  id: string;
  startedMs: number;
  plan: ImportPlan;
}

/** Seconds the kubelet waits before restarting a container that has already restarted `restarts` times (the first restart is immediate). */
export function restartDelaySeconds(restarts: number): number {
  if (restarts <= 0) return 0;
  return Math.min(RESTART_BACKOFF.maxSeconds, RESTART_BACKOFF.initialSeconds * 2 ** (restarts - 1));
}

/** Runs the twin's importer processes. */
export class ImporterProcesses {
  private readonly runs = new Map<string, Run>();
  private readonly timers = new Map<string, Timer>();
  private readonly pods;
  private readonly enqueue: (key: string) => void;

  constructor(private readonly mgr: Manager, private readonly clock: Clock, private readonly catalog: ImageCatalog, private readonly provisioner?: VolumeProvisioner, private readonly params: ImportParams = IMPORT_MODEL) {
    this.pods = mgr.informer(PODS);
    const ctl = mgr.controller('twin-cdi-importer', (k) => this.reconcile(k), 2);
    this.enqueue = (k) => ctl.enqueue(k);
    const on = (p: KubeObject) => {
      if (p.metadata.labels?.[IMPORTER_SELECTOR.key] === IMPORTER_SELECTOR.value) this.enqueue(objectKeyOf(p));
    };
    this.pods.on({ add: on, update: (_, p) => on(p), delete: (p) => this.forget(objectKeyOf(p)) });
  }

  /** The import progress (0–100) of a running importer pod, or undefined when none is known. */
  progress(podKey: string): number | undefined {
    const run = this.runs.get(podKey);
    if (!run || !run.plan.ok) return undefined;
    // The importer's progress metric is read on the DataVolume controller's poll grid, so a
    // status write does not itself change the value (no write loop in realtime mode).
    const poll = PROGRESS_POLL_MS / 1000;
    return progressAt(run.plan, Math.floor((this.clock.now() - run.startedMs) / 1000 / poll) * poll);
  }

  /** Stops pending timers. */
  stop(): void {
    for (const t of this.timers.values()) this.clock.clearTimer(t);
    this.timers.clear();
  }

  private forget(key: string): void {
    this.runs.delete(key);
    const t = this.timers.get(key);
    if (t) this.clock.clearTimer(t);
    this.timers.delete(key);
  }

  private wakeAt(key: string, atMs: number): void {
    const old = this.timers.get(key);
    if (old) this.clock.clearTimer(old);
    this.timers.set(key, this.clock.setTimer(Math.max(0, atMs - this.clock.now()), () => {
      this.timers.delete(key);
      this.enqueue(key);
    }));
  }

  private async reconcile(key: string): Promise<void> {
    const pod = this.pods.get(key);
    if (!pod || pod.metadata.deletionTimestamp) return this.forget(key);
    const status = (pod.status ?? {}) as Any;
    if (status.phase !== 'Running') return;
    const cs = (status.containerStatuses ?? [])[0] as Any | undefined;
    if (!cs) return;
    const now = this.clock.now();
    if (cs.state?.running) {
      const id = `${pod.metadata.uid}/${cs.restartCount ?? 0}`;
      let run = this.runs.get(key);
      if (!run || run.id !== id) {
        run = { id, startedMs: Date.parse(cs.state.running.startedAt) || now, plan: this.plan(pod) };
        this.runs.set(key, run);
      }
      const due = run.startedMs + 1000 * (run.plan.ok ? run.plan.totalSeconds : run.plan.failAfterSeconds);
      if (now < due) return this.wakeAt(key, due);
      return run.plan.ok ? this.exitOk(pod, run.plan.writtenBytes) : this.exitFailed(pod, cs, run.plan.message);
    }
    if (cs.state?.waiting?.reason === 'CrashLoopBackOff') {
      const finished = Date.parse(cs.lastState?.terminated?.finishedAt ?? '') || now;
      const due = finished + 1000 * restartDelaySeconds(cs.restartCount ?? 0);
      if (now < due) return this.wakeAt(key, due);
      await this.restart(pod, cs);
    }
  }

  private plan(pod: KubeObject): ImportPlan {
    const env = Object.fromEntries((((pod.spec as Any).containers?.[0]?.env ?? []) as Any[]).map((e) => [e.name, e.value ?? '']));
    const source = (env.IMPORTER_SOURCE || 'http') as ImportSource;
    const target = env.IMPORTER_IMAGE_SIZE ? Number(quantityValue(env.IMPORTER_IMAGE_SIZE)) : Number.MAX_SAFE_INTEGER;
    return planImport(source, source === 'none' ? undefined : this.catalog.get(env.IMPORTER_ENDPOINT ?? ''), target, this.params);
  }

  private async exitOk(pod: KubeObject, written: number): Promise<void> {
    await exitSucceeded(this.mgr.client, pod, this.clock.now(), 'Import Complete');
    const claim = claimOf(pod);
    if (claim) await recordClaimWrite(this.mgr.client, this.provisioner, pod.metadata.namespace, claim, written).catch(() => undefined);
  }

  private async exitFailed(pod: KubeObject, cs: Any, message: string): Promise<void> {
    const at = rfc3339(this.clock.now());
    const restarts = cs.restartCount ?? 0;
    const lastState = { terminated: { exitCode: 1, reason: 'Error', message, startedAt: cs.state.running.startedAt, finishedAt: at, containerID: cs.containerID } };
    const delay = restartDelaySeconds(restarts);
    const name = `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
    const state = delay === 0
      ? { running: { startedAt: at } }
      : { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${delay}s restarting failed container=${cs.name} pod=${name}` } };
    const next = { ...cs, ready: delay === 0, started: delay === 0, restartCount: delay === 0 ? restarts + 1 : restarts, state, lastState };
    await this.mgr.client.updateStatus(PODS, { ...pod, status: { ...(pod.status as Any), containerStatuses: [next] } });
  }

  private async restart(pod: KubeObject, cs: Any): Promise<void> {
    const at = rfc3339(this.clock.now());
    const next = { ...cs, ready: true, started: true, restartCount: (cs.restartCount ?? 0) + 1, state: { running: { startedAt: at } } };
    await this.mgr.client.updateStatus(PODS, { ...pod, status: { ...(pod.status as Any), containerStatuses: [next] } });
  }
}
