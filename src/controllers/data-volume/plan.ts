/**
 * The DataVolume state machine as CDI runs it (containerized-data-importer
 * `pkg/controller/datavolume`): from the observed claim, worker pod and clone state,
 * the phase, progress, restart count and Running condition to report, and the next
 * actions. Pure.
 */
import { formatProgress } from './progress.js';

/** The DataVolume phases (cdiv1.DataVolumePhase). */
export const DV_PHASES = [
  'Pending', 'PVCBound', 'ImportScheduled', 'ImportInProgress', 'CloneScheduled', 'CloneInProgress',
  'SnapshotForSmartCloneInProgress', 'CloneFromSnapshotSourceInProgress', 'SmartClonePVCInProgress', 'CSICloneInProgress',
  'ExpansionInProgress', 'NamespaceTransferInProgress', 'UploadScheduled', 'UploadReady', 'WaitForFirstConsumer',
  'PendingPopulation', 'Succeeded', 'Failed', 'Unknown', 'Paused', 'PrepClaimInProgress', 'RebindInProgress',
] as const;

/** A DataVolume phase. */
export type DvPhase = (typeof DV_PHASES)[number];

/** The source kinds of `spec.source`. */
export type SourceKind = 'http' | 'registry' | 's3' | 'gcs' | 'imageio' | 'vddk' | 'pvc' | 'blank' | 'upload' | 'snapshot';

/** How a pvc source is cloned. */
export type CloneMethod = 'csi-clone' | 'snapshot' | 'copy';

/** What the plan looks at. */
export interface DvObserved {
  source: SourceKind;
  /** The DataVolume's claim (same name), if it exists. */
  pvc?: { bound: boolean; lost: boolean; podPhase?: string; podReady?: string; prePopulated: boolean; copyStartedMs?: number; copySeconds?: number };
  waitForFirstConsumer: boolean;
  /** The importer or upload pod. */
  pod?: { phase: string; restartCount: number; running: boolean; waitingReason?: string; lastMessage?: string; message?: string };
  /** Importer progress (0–100) while it runs. */
  progress?: number;
  /** Clone state, for pvc sources. */
  clone?: { method: CloneMethod; sourceReady: boolean; tempSnapshot?: 'absent' | 'pending' | 'ready' };
  /** The restart count already reported (kept once the pod is gone). */
  previousRestarts: number;
  now: number;
}

/** An action the reconciler performs. */
export type DvAction =
  | { kind: 'create-pvc' }
  | { kind: 'create-pod'; pod: 'importer' | 'upload' }
  | { kind: 'complete' }
  | { kind: 'annotate-pod'; phase: string; ready: string }
  | { kind: 'create-temp-snapshot' }
  | { kind: 'delete-temp-snapshot' }
  | { kind: 'start-copy' }
  | { kind: 'requeue'; afterMs: number };

/** The Running condition's content. */
export interface RunningCondition {
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
}

/** What to report and do. */
export interface DvDecision {
  phase: DvPhase;
  progress: string;
  restartCount: number;
  running: RunningCondition;
  actions: DvAction[];
}

/** How often progress is re-read while a transfer runs (CDI requeues running imports; 2 s assumed). */
export const PROGRESS_POLL_MS = 2000;

const IMPORTS: SourceKind[] = ['http', 'registry', 's3', 'gcs', 'imageio', 'vddk', 'blank'];
const notRunning: RunningCondition = { status: 'False', reason: '', message: '' };

function decide(phase: DvPhase, actions: DvAction[] = [], progress = 'N/A', running = notRunning, restartCount = 0): DvDecision {
  return { phase, progress, restartCount, running, actions };
}

/** Plans one DataVolume. */
export function planDataVolume(o: DvObserved): DvDecision {
  const restarts = Math.max(o.previousRestarts, o.pod?.restartCount ?? 0);
  const done = (actions: DvAction[] = []) => decide('Succeeded', actions, '100.0%', { status: 'False', reason: 'Completed', message: completedMessage(o.source) }, restarts);
  const pvc = o.pvc;
  if (pvc?.lost) return decide('Failed', [], 'N/A', { status: 'False', reason: 'ClaimLost', message: 'Claim Lost' }, restarts);
  if (pvc?.prePopulated || pvc?.podPhase === 'Succeeded') return done();

  if (o.source === 'pvc') return planClone(o, restarts, done);
  if (!pvc) return decide('Pending', [{ kind: 'create-pvc' }]);
  if (o.source === 'snapshot') return pvc.bound ? done() : decide('CloneFromSnapshotSourceInProgress');
  if (!pvc.bound && o.waitForFirstConsumer) {
    // The importer pod is the claim's first consumer: the scheduler picks its node, then the claim binds.
    return decide('WaitForFirstConsumer', o.pod || o.source === 'upload' ? [] : [{ kind: 'create-pod', pod: 'importer' }]);
  }
  if (!pvc.bound) return decide('Pending');
  if (o.source === 'upload') return planUpload(o, restarts, done);
  if (!IMPORTS.includes(o.source)) return decide('Failed', [], 'N/A', { status: 'False', reason: 'Error', message: `unsupported source ${o.source}` });
  if (!o.pod) return decide('ImportScheduled', [{ kind: 'create-pod', pod: 'importer' }], 'N/A', notRunning, restarts);
  if (o.pod.phase === 'Succeeded') return done([{ kind: 'complete' }]);
  if (o.pod.phase === 'Failed') return decide('Failed', [], 'N/A', { status: 'False', reason: 'Error', message: o.pod.message ?? o.pod.lastMessage ?? '' }, restarts);
  if (o.pod.phase !== 'Running') return decide('ImportScheduled', [], 'N/A', notRunning, restarts);
  if (!o.pod.running) {
    // Crashed, waiting out the kubelet's back-off: CDI shows the importer's termination message.
    return decide('ImportInProgress', [], 'N/A', { status: 'False', reason: 'Error', message: o.pod.lastMessage ?? '' }, restarts);
  }
  return decide('ImportInProgress', [{ kind: 'requeue', afterMs: PROGRESS_POLL_MS }], formatProgress(o.progress), { status: 'True', reason: '', message: '' }, restarts);
}

/**
 * An upload (CDI's upload controller and `datavolume/upload-controller.go`): the claim
 * mirrors the upload pod's phase and readiness (`storage.pod.phase`, `storage.pod.ready`,
 * which cdi-uploadproxy checks); the DataVolume is UploadScheduled until the pod is ready,
 * UploadReady while it takes data (CDI reports no upload progress), Succeeded once the
 * server exited 0.
 */
function planUpload(o: DvObserved, restarts: number, done: (a?: DvAction[]) => DvDecision): DvDecision {
  if (!o.pod) return decide('UploadScheduled', [{ kind: 'create-pod', pod: 'upload' }]);
  if (o.pod.phase === 'Succeeded') return done([{ kind: 'complete' }]);
  const ready = o.pod.phase === 'Running' && o.pod.running ? 'true' : 'false';
  const sync: DvAction[] = o.pvc!.podPhase !== o.pod.phase || o.pvc!.podReady !== ready ? [{ kind: 'annotate-pod', phase: o.pod.phase, ready }] : [];
  if (o.pod.phase === 'Failed') return decide('UploadScheduled', sync, 'N/A', { status: 'False', reason: 'Error', message: o.pod.message ?? o.pod.lastMessage ?? '' }, restarts);
  if (ready === 'true') return decide('UploadReady', sync, 'N/A', { status: 'True', reason: 'Pod is running', message: '' }, restarts);
  return decide('UploadScheduled', sync, 'N/A', notRunning, restarts);
}

function planClone(o: DvObserved, restarts: number, done: (a?: DvAction[]) => DvDecision): DvDecision {
  const c = o.clone!;
  const pvc = o.pvc;
  if (!c.sourceReady && !pvc) return decide('CloneScheduled');
  if (c.method === 'csi-clone') {
    if (!pvc) return decide('CSICloneInProgress', [{ kind: 'create-pvc' }]);
    return pvc.bound ? done() : decide('CSICloneInProgress');
  }
  if (c.method === 'snapshot') {
    if (!pvc) {
      if (c.tempSnapshot === 'absent') return decide('SnapshotForSmartCloneInProgress', [{ kind: 'create-temp-snapshot' }]);
      if (c.tempSnapshot !== 'ready') return decide('SnapshotForSmartCloneInProgress');
      return decide('SmartClonePVCInProgress', [{ kind: 'create-pvc' }]);
    }
    if (!pvc.bound) return decide('SmartClonePVCInProgress');
    return done(c.tempSnapshot && c.tempSnapshot !== 'absent' ? [{ kind: 'delete-temp-snapshot' }] : []);
  }
  if (!pvc) return decide('CloneScheduled', [{ kind: 'create-pvc' }]);
  if (!pvc.bound) return decide(o.waitForFirstConsumer ? 'WaitForFirstConsumer' : 'CloneScheduled');
  if (pvc.copyStartedMs === undefined || pvc.copySeconds === undefined) return decide('CloneScheduled', [{ kind: 'start-copy' }]);
  const elapsed = (o.now - pvc.copyStartedMs) / 1000;
  if (elapsed >= pvc.copySeconds) return done([{ kind: 'complete' }]);
  const running: RunningCondition = { status: 'True', reason: '', message: '' };
  const next = Math.min(PROGRESS_POLL_MS, Math.max(1, (pvc.copySeconds - elapsed) * 1000));
  // Progress on the poll grid, so writing it does not change it (no write loop in realtime).
  const poll = PROGRESS_POLL_MS / 1000;
  const shown = Math.floor(elapsed / poll) * poll;
  return decide('CloneInProgress', [{ kind: 'requeue', afterMs: next }], formatProgress((100 * shown) / pvc.copySeconds), running, restarts);
}

function completedMessage(source: SourceKind): string {
  if (source === 'pvc' || source === 'snapshot') return 'Clone Complete';
  if (source === 'upload') return 'Upload Complete';
  return 'Import Complete';
}

/** The source kind of a DataVolume spec (`spec.source`; `sourceRef` to a DataSource resolves to pvc or snapshot). */
export function sourceKindOf(spec: Record<string, any>): SourceKind | undefined {
  const src = spec.source ?? {};
  for (const k of ['http', 'registry', 's3', 'gcs', 'imageio', 'vddk', 'pvc', 'blank', 'upload', 'snapshot'] as SourceKind[]) if (src[k]) return k;
  return undefined;
}
