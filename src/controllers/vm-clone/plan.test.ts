import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../api/types.js';
import { clonePatches, clonePhase, cloneTargetName, filterKeys } from './plan.js';

const clone = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'clone.kubevirt.io/v1beta1', kind: 'VirtualMachineClone', metadata: { name: 'c', uid: '0123456789ab' }, spec: { source: { kind: 'VirtualMachine', name: 'src' }, ...spec } });

describe('clone plan', () => {
  it('moves through the phases as its snapshot and restore progress', () => {
    expect(clonePhase(undefined, false, false)).toBe('SnapshotInProgress');
    expect(clonePhase('InProgress', false, false)).toBe('SnapshotInProgress');
    expect(clonePhase('Succeeded', false, false)).toBe('CreatingTargetVM');
    expect(clonePhase('Succeeded', true, false)).toBe('RestoreInProgress');
    expect(clonePhase('Succeeded', true, true)).toBe('Succeeded');
    expect(clonePhase('Failed', false, false)).toBe('Failed');
  });
  it('names the target, or derives one', () => {
    expect(cloneTargetName(clone({ target: { name: 't' } }))).toBe('t');
    expect(cloneTargetName(clone({}))).toBe('src-clone-01234567');
  });
  it('removes MACs unless new ones are given, drops firmware identity, filters labels', () => {
    const vm = { metadata: { labels: { app: 'a', 'kubevirt.io/x': 'y' } }, spec: { template: { spec: { domain: { firmware: { serial: 's', uuid: 'u' }, devices: { interfaces: [{ name: 'default', macAddress: 'm1' }, { name: 'net1', macAddress: 'm2' }] } } } } } };
    const patches = clonePatches(clone({ newMacAddresses: { net1: '02:00:00:00:00:09' }, labelFilters: ['*', '!kubevirt.io/*'] }), vm).map((p) => JSON.parse(p));
    expect(patches).toEqual([
      { op: 'remove', path: '/spec/template/spec/domain/devices/interfaces/0/macAddress' },
      { op: 'add', path: '/spec/template/spec/domain/devices/interfaces/1/macAddress', value: '02:00:00:00:00:09' },
      { op: 'remove', path: '/spec/template/spec/domain/firmware/serial' },
      { op: 'remove', path: '/spec/template/spec/domain/firmware/uuid' },
      { op: 'add', path: '/metadata/labels', value: { app: 'a' } },
    ]);
    expect(filterKeys({ a: '1' }, undefined)).toEqual({ a: '1' });
  });
});
