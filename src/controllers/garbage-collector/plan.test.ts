import { describe, it, expect } from 'vitest';
import { ownerState, planDependent, planOwner } from './plan.js';
import type { KubeObject } from '../../api/types.js';

const owner = (uid: string, extra: Partial<KubeObject['metadata']> = {}): KubeObject => ({ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', metadata: { name: 'vm', namespace: 'ns', uid, ...extra } });
const dep = (uids: string[], block = false): KubeObject => ({
  apiVersion: 'cdi.kubevirt.io/v1beta1',
  kind: 'DataVolume',
  metadata: { name: 'dv', namespace: 'ns', uid: 'd', ownerReferences: uids.map((uid) => ({ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', name: 'vm', uid, blockOwnerDeletion: block })) },
});

describe('garbage collector plans', () => {
  it('classifies owners: absent or recreated is dangling, foreground-deleting waits', () => {
    const ref = { apiVersion: 'v1', kind: 'X', name: 'vm', uid: 'u1' };
    expect(ownerState(ref, undefined)).toBe('dangling');
    expect(ownerState(ref, owner('u2'))).toBe('dangling');
    expect(ownerState(ref, owner('u1'))).toBe('solid');
    expect(ownerState(ref, owner('u1', { deletionTimestamp: 't', finalizers: ['foregroundDeletion'] }))).toBe('waitingForDependentsDeletion');
  });

  it('deletes a dependent whose only owner is gone, keeps one with a solid owner and drops the dangling ref', () => {
    expect(planDependent(dep(['u1']), new Map([['u1', 'dangling']]))).toEqual({ kind: 'delete', propagation: 'Background' });
    expect(planDependent(dep(['u1', 'u2']), new Map([['u1', 'dangling'], ['u2', 'solid']]))).toEqual({ kind: 'removeOwnerRefs', uids: ['u1'] });
    expect(planDependent(dep(['u1']), new Map([['u1', 'solid']]))).toEqual({ kind: 'none' });
    expect(planDependent(dep(['u1'], true), new Map([['u1', 'waitingForDependentsDeletion']]))).toEqual({ kind: 'delete', propagation: 'Foreground' });
  });

  it('orphans then removes the orphan finalizer; foreground waits for blocking dependents', () => {
    const o = owner('u1', { deletionTimestamp: 't', finalizers: ['orphan'] });
    expect(planOwner(o, [dep(['u1'])]).kind).toBe('orphanDependents');
    expect(planOwner(o, [])).toEqual({ kind: 'removeFinalizer', finalizer: 'orphan' });
    const f = owner('u1', { deletionTimestamp: 't', finalizers: ['foregroundDeletion'] });
    expect(planOwner(f, [dep(['u1'], true)]).kind).toBe('deleteDependents');
    const deleting = dep(['u1'], true);
    deleting.metadata.deletionTimestamp = 't';
    expect(planOwner(f, [deleting])).toEqual({ kind: 'none' });
    expect(planOwner(f, [])).toEqual({ kind: 'removeFinalizer', finalizer: 'foregroundDeletion' });
  });
});
