/**
 * A DataVolume's status from a plan decision: phase, progress, restartCount,
 * claimName and the Bound / Ready / Running conditions as CDI writes them
 * (pkg/controller/datavolume/conditions.go), with transition times kept while a
 * condition does not change; and the Event a phase change records.
 */
import type { KubeObject } from '../../api/types.js';
import { rfc3339 } from '../../lib/clock.js';
import type { DvDecision } from './plan.js';

type Any = Record<string, any>;
type Condition = { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string; lastHeartbeatTime?: string };

function boundCondition(pvc: KubeObject | undefined): Omit<Condition, 'type'> {
  if (!pvc) return { status: 'Unknown', reason: 'NotFound', message: 'No PVC found' };
  const phase = (pvc.status as Any)?.phase;
  if (phase === 'Bound') return { status: 'True', reason: 'Bound', message: `PVC ${pvc.metadata.name} Bound` };
  if (phase === 'Lost') return { status: 'False', reason: 'ClaimLost', message: 'Claim Lost' };
  return { status: 'False', reason: 'Pending', message: `PVC ${pvc.metadata.name} Pending` };
}

/** The next status of a DataVolume. */
export function dvStatus(prev: Any, pvc: KubeObject | undefined, d: DvDecision, now: number): Any {
  const at = rfc3339(now);
  const old = new Map<string, Condition>(((prev.conditions ?? []) as Condition[]).map((c) => [c.type, c]));
  const cond = (type: string, c: Omit<Condition, 'type'>): Condition => {
    const p = old.get(type);
    const same = p && p.status === c.status && (p.reason ?? '') === (c.reason ?? '') && (p.message ?? '') === (c.message ?? '');
    return {
      type, status: c.status, reason: c.reason ?? '', message: c.message ?? '',
      lastTransitionTime: same || (p && p.status === c.status) ? p!.lastTransitionTime : at,
      lastHeartbeatTime: same ? p!.lastHeartbeatTime : at,
    };
  };
  const ready = d.phase === 'Succeeded' ? { status: 'True', reason: '', message: '' } : { status: 'False', reason: d.phase === 'Failed' ? 'Error' : '', message: '' };
  return {
    ...prev,
    phase: d.phase,
    progress: d.progress,
    restartCount: d.restartCount,
    ...(pvc ? { claimName: pvc.metadata.name } : {}),
    conditions: [cond('Bound', boundCondition(pvc)), cond('Ready', ready), cond('Running', d.running)],
  };
}

const PHASE_EVENTS: Record<string, (name: string, src: string) => string> = {
  Pending: (n) => `PVC ${n} Pending`,
  ImportScheduled: (n) => `Import into ${n} scheduled`,
  ImportInProgress: (n) => `Import into ${n} in progress`,
  CloneScheduled: (n, s) => `Cloning from ${s} into ${n} scheduled`,
  CloneInProgress: (n, s) => `Cloning from ${s} into ${n} in progress`,
  CSICloneInProgress: (_, s) => `CSI Volume clone in progress (for pvc: ${s})`,
  SnapshotForSmartCloneInProgress: (_, s) => `Creating snapshot for smart-clone is in progress (for pvc: ${s})`,
  SmartClonePVCInProgress: (_, s) => `Creating PVC for smart-clone is in progress (for pvc: ${s})`,
  CloneFromSnapshotSourceInProgress: (n) => `Cloning from snapshot into ${n} in progress`,
  UploadScheduled: (n) => `Upload into ${n} scheduled`,
  UploadReady: (n) => `Upload into ${n} ready`,
  WaitForFirstConsumer: (n) => `PVC ${n} Pending`,
};

/** The Event of a status change: a new phase, a success, or a transfer error. */
export function dvEvent(dv: KubeObject, prev: Any, next: Any): { type: 'Normal' | 'Warning'; reason: string; message: string } | undefined {
  const name = dv.metadata.name!;
  const src = (dv.spec as Any)?.source?.pvc;
  const srcName = src ? `${src.namespace ?? dv.metadata.namespace}/${src.name}` : '';
  const running = ((next.conditions ?? []) as Condition[]).find((c) => c.type === 'Running');
  const prevRunning = ((prev.conditions ?? []) as Condition[]).find((c) => c.type === 'Running');
  if (running?.reason === 'Error' && running.message !== prevRunning?.message) return { type: 'Warning', reason: 'Error', message: running.message ?? '' };
  if (next.phase === prev.phase) return undefined;
  if (next.phase === 'Succeeded') {
    const s = (dv.spec as Any)?.source ?? {};
    if (s.upload) return { type: 'Normal', reason: 'UploadSucceeded', message: `Successfully uploaded into ${name}` };
    if (s.pvc || s.snapshot) return { type: 'Normal', reason: 'CloneSucceeded', message: s.pvc ? `Successfully cloned from ${srcName} into ${dv.metadata.namespace}/${name}` : `Successfully cloned into ${name}` };
    return { type: 'Normal', reason: 'ImportSucceeded', message: `Successfully imported into PVC ${name}` };
  }
  const msg = PHASE_EVENTS[next.phase];
  return msg ? { type: 'Normal', reason: next.phase, message: msg(name, srcName) } : undefined;
}
