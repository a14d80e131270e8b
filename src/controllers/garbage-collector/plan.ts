/**
 * Pure decisions of the garbage collector (kube's pkg/controller/garbagecollector):
 * what to do with a dependent given the state of its owners, and with an owner whose
 * deletion waits on its dependents (foreground) or must orphan them first.
 */
import type { KubeObject, OwnerReference } from '../../api/types.js';

/** The state of one owner reference. */
export type OwnerState = 'solid' | 'dangling' | 'waitingForDependentsDeletion';

/** What to do with a dependent. */
export type DependentAction =
  | { kind: 'none' }
  | { kind: 'delete'; propagation: 'Background' | 'Foreground' }
  | { kind: 'removeOwnerRefs'; uids: string[] };

/** Classifies an owner reference from the owner object found for it (by namespace, kind and name). */
export function ownerState(ref: OwnerReference, owner: KubeObject | undefined): OwnerState {
  if (!owner || owner.metadata.uid !== ref.uid) return 'dangling';
  const m = owner.metadata;
  if (m.deletionTimestamp && (m.finalizers ?? []).includes('foregroundDeletion')) return 'waitingForDependentsDeletion';
  return 'solid';
}

/** Decides a dependent's fate: attemptToDeleteItem's rules. */
export function planDependent(obj: KubeObject, states: Map<string, OwnerState>): DependentAction {
  const refs = obj.metadata.ownerReferences ?? [];
  if (refs.length === 0 || obj.metadata.deletionTimestamp) return { kind: 'none' };
  const solid = refs.filter((r) => states.get(r.uid) === 'solid');
  const dangling = refs.filter((r) => states.get(r.uid) === 'dangling');
  const waiting = refs.filter((r) => states.get(r.uid) === 'waitingForDependentsDeletion');
  if (solid.length > 0) {
    const gone = [...dangling, ...waiting].map((r) => r.uid);
    return gone.length ? { kind: 'removeOwnerRefs', uids: gone } : { kind: 'none' };
  }
  // No solid owner left: an owner deleting in the foreground wants this gone first, with its own dependents.
  if (waiting.length > 0 && waiting.some((r) => r.blockOwnerDeletion)) return { kind: 'delete', propagation: 'Foreground' };
  return { kind: 'delete', propagation: 'Background' };
}

/** What to do with an owner being deleted. */
export type OwnerAction = { kind: 'none' } | { kind: 'orphanDependents'; dependents: KubeObject[] } | { kind: 'deleteDependents'; dependents: KubeObject[] } | { kind: 'removeFinalizer'; finalizer: string };

/** Decides for an owner with deletionTimestamp and a GC finalizer; `dependents` are objects referencing its uid. */
export function planOwner(owner: KubeObject, dependents: KubeObject[]): OwnerAction {
  const m = owner.metadata;
  if (!m.deletionTimestamp) return { kind: 'none' };
  const fins = m.finalizers ?? [];
  if (fins.includes('orphan')) {
    return dependents.length ? { kind: 'orphanDependents', dependents } : { kind: 'removeFinalizer', finalizer: 'orphan' };
  }
  if (fins.includes('foregroundDeletion')) {
    const blocking = dependents.filter((d) => (d.metadata.ownerReferences ?? []).some((r) => r.uid === m.uid && r.blockOwnerDeletion));
    const notDeleting = dependents.filter((d) => !d.metadata.deletionTimestamp);
    if (notDeleting.length) return { kind: 'deleteDependents', dependents: notDeleting };
    return blocking.length ? { kind: 'none' } : { kind: 'removeFinalizer', finalizer: 'foregroundDeletion' };
  }
  return { kind: 'none' };
}
