/**
 * Whether a VM should get a VMI now, or lose the one it has: the run strategy
 * combined with pending state change requests (KubeVirt's `isVMIStartExpected` and
 * `isVMIStopExpected`). A restart is the pair [Stop uid, Start]: the stop is bound
 * to the VMI it was issued for, so a new VMI is never stopped by an old request.
 */
import { isFinal, type StateChangeRequest } from './kubevirt-types.js';
import type { Observed } from './observed.js';
import { runStrategyOf } from './run-strategy.js';

/** The pending state change requests, oldest first. */
export function requestsOf(o: Observed): StateChangeRequest[] {
  return o.vm.status?.stateChangeRequests ?? [];
}

/** The head request, when it is a Stop for the current VMI (or for any VMI). */
export function pendingStop(o: Observed): StateChangeRequest | undefined {
  const head = requestsOf(o)[0];
  if (head?.action !== 'Stop') return undefined;
  if (head.uid && o.vmi && head.uid !== o.vmi.metadata.uid) return undefined;
  return head;
}

/** Whether the VM's VMI should go away now. */
export function isStopExpected(o: Observed): boolean {
  if (!o.vmi || isFinal(o.vmi)) return false;
  if (runStrategyOf(o.vm) === 'Halted') return true;
  return pendingStop(o) !== undefined;
}

/** Whether the VM should have a running VMI and has none (or only a final one). */
export function isStartExpected(o: Observed): boolean {
  if (o.vmi && !isFinal(o.vmi)) return false;
  if (o.vm.metadata.deletionTimestamp) return false;
  const reqs = requestsOf(o);
  if (reqs[0]?.action === 'Stop' && o.vmi) return false;
  const startRequested = reqs.some((r) => r.action === 'Start');
  switch (runStrategyOf(o.vm)) {
    case 'Always':
      return true;
    case 'RerunOnFailure':
      return startRequested || o.vmi?.status?.phase !== 'Succeeded';
    case 'Once':
    case 'WaitAsReceiver':
      return !o.vmi;
    case 'Manual':
      return startRequested;
    case 'Halted':
      return false;
  }
}
