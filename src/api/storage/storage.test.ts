import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../types.js';
import { storageClassDef, storageClassNameCell } from './storage-class.js';
import { csiDriverDef } from './index.js';

const now = Date.parse('2026-01-01T12:00:00Z');

describe('storage classes', () => {
  const sc = (extra: Record<string, unknown> = {}, annotations?: Record<string, string>): KubeObject => ({
    apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'ceph-rbd', creationTimestamp: '2026-01-01T11:00:00Z', annotations }, provisioner: 'openshift-storage.rbd.csi.ceph.com', ...extra,
  });
  it('default reclaimPolicy Delete and volumeBindingMode Immediate', () => {
    const s = sc();
    storageClassDef.defaults!(s, { operation: 'CREATE' });
    expect(s).toMatchObject({ reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' });
    expect(storageClassDef.cells!(s, now)).toEqual(['openshift-storage.rbd.csi.ceph.com', 'Delete', 'Immediate', false, '60m']);
  });
  it('mark the default class in the NAME cell', () => {
    expect(storageClassNameCell(sc({}, { 'storageclass.kubernetes.io/is-default-class': 'true' }))).toBe('ceph-rbd (default)');
    expect(storageClassNameCell(sc({}, { 'storageclass.kubernetes.io/is-default-class': 'false' }))).toBe('ceph-rbd');
  });
  it('require a provisioner and refuse parameter updates', () => {
    expect(storageClassDef.validate!(sc({ provisioner: undefined }), { operation: 'CREATE' }).map((c) => c.field)).toEqual(['provisioner']);
    const causes = storageClassDef.validate!(sc({ parameters: { pool: 'b' } }), { operation: 'UPDATE', old: sc({ parameters: { pool: 'a' } }) });
    expect(causes.map((c) => `${c.field}: ${c.message}`)).toEqual(['parameters: Forbidden: updates to parameters are forbidden.']);
  });
});

describe('CSI drivers', () => {
  it('print defaults for unset fields', () => {
    const d: KubeObject = { apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: { name: 'rbd.csi.ceph.com', creationTimestamp: '2026-01-01T11:00:00Z' }, spec: {} };
    expect(csiDriverDef.cells!(d, now)).toEqual([true, false, false, '<unset>', false, '<none>', '60m']);
    csiDriverDef.defaults!(d, { operation: 'CREATE' });
    expect(csiDriverDef.cells!(d, now)[5]).toBe('Persistent');
  });
});
