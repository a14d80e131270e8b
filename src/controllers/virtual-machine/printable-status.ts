/**
 * `status.printableStatus` of a VM, as KubeVirt's VM controller (`setPrintableStatus`
 * in `pkg/virt-controller/watch/vm/vm.go`) computes it: an ordered list of
 * predicates, first match wins, `Unknown` when none does. Several can hold at once
 * (Running and Migrating), so the order is the precedence.
 */
import { conditionOf, isFinal } from './kubevirt-types.js';
import { dataVolumeNames, dvPhase, DV_READY_PHASES, type Observed } from './observed.js';
import { isStartExpected, isStopExpected } from './start-stop.js';

/** One of the 17 printable statuses. */
export type PrintableStatus =
  | 'Stopped' | 'Provisioning' | 'Starting' | 'Running' | 'Paused' | 'Stopping' | 'Terminating' | 'CrashLoopBackOff'
  | 'Migrating' | 'Unknown' | 'ErrorUnschedulable' | 'ErrImagePull' | 'ImagePullBackOff' | 'ErrorPvcNotFound'
  | 'DataVolumeError' | 'WaitingForVolumeBinding' | 'WaitingForReceiver';

type Predicate = (o: Observed) => boolean;

const live = (o: Observed) => o.vmi !== undefined && !isFinal(o.vmi);
const phase = (o: Observed) => o.vmi?.status?.phase ?? '';
const syncReason = (o: Observed, reason: string) => {
  const c = conditionOf(o.vmi?.status?.conditions, 'Synchronized');
  return live(o) && c?.status === 'False' && c.reason === reason;
};

const ORDER: [PrintableStatus, Predicate][] = [
  ['Terminating', (o) => !!o.vm.metadata.deletionTimestamp],
  ['Stopping', (o) => live(o) && (!!o.vmi!.metadata.deletionTimestamp || isStopExpected(o))],
  ['Migrating', (o) => live(o) && !!o.vmi!.status?.migrationState?.startTimestamp && !o.vmi!.status.migrationState.completed && !o.vmi!.status.migrationState.failed],
  ['Paused', (o) => live(o) && conditionOf(o.vmi!.status?.conditions, 'Paused')?.status === 'True'],
  ['Running', (o) => phase(o) === 'Running'],
  ['ErrorUnschedulable', (o) => {
    const c = conditionOf(o.vmi?.status?.conditions, 'PodScheduled');
    return live(o) && c?.status === 'False' && c.reason === 'Unschedulable';
  }],
  ['ErrImagePull', (o) => syncReason(o, 'ErrImagePull')],
  ['ImagePullBackOff', (o) => syncReason(o, 'ImagePullBackOff')],
  ['ErrorPvcNotFound', (o) => syncReason(o, 'FailedPvcNotFound')],
  ['DataVolumeError', (o) => dataVolumeNames(o.vm).some((n) => dvPhase(o.dataVolumes.get(n)) === 'Failed')],
  ['WaitingForVolumeBinding', (o) => live(o) && [...o.pvcs.values()].some((p) => p && (p.status as { phase?: string } | undefined)?.phase === 'Pending')],
  ['Provisioning', (o) => dataVolumeNames(o.vm).some((n) => !DV_READY_PHASES.has(dvPhase(o.dataVolumes.get(n))))],
  ['WaitingForReceiver', (o) => phase(o) === 'WaitingForSync'],
  ['Starting', (o) => (o.vmi ? ['', 'Pending', 'Scheduling', 'Scheduled'].includes(phase(o)) : isStartExpected(o) && !inBackoff(o))],
  ['CrashLoopBackOff', (o) => (!o.vmi || isFinal(o.vmi)) && inBackoff(o)],
  ['Stopped', (o) => (o.vmi ? isFinal(o.vmi) : !isStartExpected(o))],
];

/** Whether the VM waits out a start back-off after failed VMIs (KubeVirt's `startFailure`). */
export function inBackoff(o: Observed): boolean {
  const f = o.vm.status?.startFailure;
  return !!f && (f.consecutiveFailCount ?? 0) > 0 && !!f.retryAfterTimestamp && Date.parse(f.retryAfterTimestamp) > o.now;
}

/** The printable status of a VM. */
export function printableStatus(o: Observed): PrintableStatus {
  for (const [status, holds] of ORDER) if (holds(o)) return status;
  return 'Unknown';
}
