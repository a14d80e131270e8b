/**
 * The VM controller's pure decision: given a VM and what exists (its VMI, DataVolumes,
 * PVCs), which children to create or delete and which status to write. The run
 * strategy and state change requests decide start and stop; DataVolumes from the
 * templates are created at once and the VMI waits until they are usable; a VMI that
 * fails under Always/RerunOnFailure is replaced after a growing back-off.
 */
import { rfc3339 } from '../../lib/clock.js';
import type { KubeObject } from '../../api/types.js';
import { dataVolumesFor, vmiFor } from './children.js';
import { conditionOf, isFinal, type Condition, type StateChangeRequest, type Vmi, type VmStatus } from './kubevirt-types.js';
import { dataVolumeNames, dvPhase, DV_READY_PHASES, type Observed } from './observed.js';
import { inBackoff, printableStatus } from './printable-status.js';
import { runStrategyOf } from './run-strategy.js';
import { isStartExpected, isStopExpected, requestsOf } from './start-stop.js';
import { expandVmiSpec, failureText, matcherKind, type Expansion } from './expand.js';

/** Start back-off after failed VMIs: base × 2^(failures−1), capped (KubeVirt caps its crash-loop delay at 300 s). */
export const START_BACKOFF = { baseSeconds: 10, maxSeconds: 300 };

/** A change to the world. */
export type Action =
  | { kind: 'createDataVolume'; dataVolume: KubeObject }
  | { kind: 'createVmi'; vmi: Vmi }
  | { kind: 'deleteVmi'; uid: string };

/** The plan for one VM. */
export interface Plan {
  actions: Action[];
  status: VmStatus;
  requeueAfterMs?: number;
}

/** Decides what to do for one VM. */
export function plan(o: Observed): Plan {
  const { vm, vmi } = o;
  const actions: Action[] = [];
  const strategy = runStrategyOf(vm);
  let requests = [...requestsOf(o)];
  let startFailure = vm.status?.startFailure;
  let requeueAfterMs: number | undefined;

  for (const dv of dataVolumesFor(vm)) if (!o.dataVolumes.get(dv.metadata.name!)) actions.push({ kind: 'createDataVolume', dataVolume: dv });

  if (vm.metadata.deletionTimestamp) {
    if (vmi && !vmi.metadata.deletionTimestamp) actions.push({ kind: 'deleteVmi', uid: vmi.metadata.uid! });
    return { actions, status: statusOf(o, requests, startFailure) };
  }

  // Crash-loop accounting: each failed VMI counts once; a VMI that reaches Running resets it.
  if (vmi?.status?.phase === 'Failed' && (strategy === 'Always' || strategy === 'RerunOnFailure') && startFailure?.lastFailedVMIUID !== vmi.metadata.uid) {
    const count = (startFailure?.consecutiveFailCount ?? 0) + 1;
    const delay = Math.min(START_BACKOFF.maxSeconds, START_BACKOFF.baseSeconds * 2 ** (count - 1));
    startFailure = { retries: (startFailure?.retries ?? 0) + 1, consecutiveFailCount: count, lastFailedVMIUID: vmi.metadata.uid, retryAfterTimestamp: rfc3339(o.now + delay * 1000) };
  }
  if (vmi?.status?.phase === 'Running' && startFailure) startFailure = undefined;
  const observed: Observed = { ...o, vm: { ...vm, status: { ...vm.status, startFailure } } };

  const deleting = !!vmi?.metadata.deletionTimestamp;
  if (vmi && !deleting && isStopExpected(observed)) actions.push({ kind: 'deleteVmi', uid: vmi.metadata.uid! });
  // A final VMI is removed when a new one must start, and always under Halted.
  if (vmi && !deleting && isFinal(vmi) && (strategy === 'Halted' || isStartExpected(observed))) actions.push({ kind: 'deleteVmi', uid: vmi.metadata.uid! });

  // A Stop request is done once its VMI is gone (or was already replaced).
  if (requests[0]?.action === 'Stop' && (!vmi || (requests[0].uid && requests[0].uid !== vmi.metadata.uid))) requests = requests.slice(1);

  const dvsReady = dataVolumeNames(vm).every((n) => DV_READY_PHASES.has(dvPhase(o.dataVolumes.get(n))));
  if (!vmi && isStartExpected({ ...observed, vm: { ...observed.vm, status: { ...observed.vm.status, stateChangeRequests: requests } } }) && dvsReady) {
    if (inBackoff(observed)) {
      requeueAfterMs = Date.parse(startFailure!.retryAfterTimestamp!) - o.now;
    } else if (!failureText(expansionOf(o))) {
      actions.push({ kind: 'createVmi', vmi: vmiFor(vm, expansionOf(o) as Exclude<Expansion, { failures: unknown }>) });
      if (requests[0]?.action === 'Start') requests = requests.slice(1);
    }
  }
  return { actions, status: statusOf(observed, requests, startFailure), requeueAfterMs };
}

function statusOf(o: Observed, requests: StateChangeRequest[], startFailure: VmStatus['startFailure']): VmStatus {
  const { vm, vmi } = o;
  const prev = vm.status ?? {};
  const vmiReady = conditionOf(vmi?.status?.conditions, 'Ready');
  const ready = !!vmi && !isFinal(vmi) && vmiReady?.status === 'True';
  const conds: Condition[] = [];
  if (!vmi) conds.push(cond(prev.conditions, 'Ready', 'False', 'VMINotExists', 'VMI does not exist', o.now));
  else conds.push(cond(prev.conditions, 'Ready', ready ? 'True' : 'False', ready ? '' : vmiReady?.reason ?? 'GuestNotRunning', ready ? '' : vmiReady?.message ?? '', o.now));
  const paused = conditionOf(vmi?.status?.conditions, 'Paused');
  if (paused?.status === 'True') conds.push(cond(prev.conditions, 'Paused', 'True', paused.reason ?? 'PausedByUser', paused.message ?? 'VMI was paused by user', o.now));
  const dvFailed = dataVolumeNames(vm).find((n) => dvPhase(o.dataVolumes.get(n)) === 'Failed');
  const itFailure = failureText(expansionOf(o));
  if (dvFailed) conds.push(cond(prev.conditions, 'Failure', 'True', 'DataVolumeError', `DataVolume ${dvFailed} has failed`, o.now));
  else if (itFailure) conds.push(cond(prev.conditions, 'Failure', 'True', 'FailedCreate', itFailure, o.now));
  const status: VmStatus = {
    ...prev,
    printableStatus: printableStatus({ ...o, vm: { ...vm, status: { ...prev, stateChangeRequests: requests, startFailure } } }),
    ready,
    created: !!vmi,
    conditions: conds,
    runStrategy: runStrategyOf(vm),
    observedGeneration: vm.metadata.generation,
    desiredGeneration: vm.metadata.generation,
  };
  if (requests.length) status.stateChangeRequests = requests;
  else delete status.stateChangeRequests;
  if (startFailure) status.startFailure = startFailure;
  else delete status.startFailure;
  for (const what of ['instancetype', 'preference'] as const) {
    const m = vm.spec[what];
    const obj = o[what];
    const rev = o.revisions?.[what];
    if (m && obj) status[`${what}Ref`] = { name: m.name, kind: matcherKind(m, what), ...(rev ? { controllerRevisionRef: { name: rev } } : {}) };
    else delete status[`${what}Ref`];
  }
  return status;
}

/** The VM's template expanded with what it names (or why it cannot be). */
function expansionOf(o: Observed): Expansion {
  const { vm } = o;
  return expandVmiSpec(vm.spec.template.spec, { instancetype: vm.spec.instancetype, preference: vm.spec.preference }, o.instancetype, o.preference, {});
}

function cond(prev: Condition[] | undefined, type: string, status: Condition['status'], reason: string, message: string, now: number): Condition {
  const old = conditionOf(prev, type);
  const lastTransitionTime = old && old.status === status ? old.lastTransitionTime ?? null : rfc3339(now);
  const c: Condition = { type, status, lastProbeTime: null, lastTransitionTime };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}
