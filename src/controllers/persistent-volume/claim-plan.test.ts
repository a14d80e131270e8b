import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../api/types.js';
import { bytesQuantity, findMatchingVolume, planClaim, planVolume, SELECTED_NODE } from './claim-plan.js';

const drivers = ['openshift-storage.rbd.csi.ceph.com'];
const sc = (mode?: string): KubeObject => ({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'gold' }, provisioner: drivers[0], ...(mode ? { volumeBindingMode: mode } : {}) });
const pvc = (extra: Record<string, unknown> = {}, annotations?: Record<string, string>, phase = 'Pending'): KubeObject => ({
  apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c', namespace: 'ns', uid: 'u1', annotations },
  spec: { storageClassName: 'gold', accessModes: ['ReadWriteOnce'], ...extra }, status: { phase },
});
const pv = (uid = 'u1', policy = 'Delete', phase?: string): KubeObject => ({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pvc-u1' }, spec: { claimRef: { uid, namespace: 'ns', name: 'c' }, persistentVolumeReclaimPolicy: policy }, ...(phase ? { status: { phase } } : {}) });

describe('planClaim', () => {
  it('provisions an Immediate claim at once, as pvc-<uid>', () => {
    expect(planClaim({ pvc: pvc(), storageClass: sc(), drivers })).toEqual({ kind: 'provision', pvName: 'pvc-u1', provisioner: drivers[0] });
  });
  it('waits for the first consumer under WaitForFirstConsumer until the scheduler selects a node', () => {
    expect(planClaim({ pvc: pvc(), storageClass: sc('WaitForFirstConsumer'), drivers }).kind).toBe('wait-for-consumer');
    expect(planClaim({ pvc: pvc({}, { [SELECTED_NODE]: 'worker-3' }), storageClass: sc('WaitForFirstConsumer'), drivers }).kind).toBe('provision');
  });
  it('leaves classes of other drivers to their external provisioner', () => {
    expect(planClaim({ pvc: pvc(), storageClass: { ...sc(), provisioner: 'ebs.csi.aws.com' }, drivers })).toEqual({ kind: 'external', provisioner: 'ebs.csi.aws.com' });
  });
  it('reports a missing class as kube does', () => {
    expect(planClaim({ pvc: pvc(), drivers })).toEqual({ kind: 'no-class', message: 'storageclass.storage.k8s.io "gold" not found' });
  });
  it('binds to its provisioned volume, then keeps the status in sync', () => {
    expect(planClaim({ pvc: pvc(), storageClass: sc(), pv: pv(), drivers })).toEqual({ kind: 'bind', pvName: 'pvc-u1' });
    expect(planClaim({ pvc: pvc({ volumeName: 'pvc-u1' }), storageClass: sc(), pv: pv(), drivers })).toEqual({ kind: 'sync-bound', pvName: 'pvc-u1' });
  });
  it('marks a bound claim Lost when its volume disappears or belongs to another claim', () => {
    expect(planClaim({ pvc: pvc({ volumeName: 'pvc-u1' }, undefined, 'Bound'), storageClass: sc(), drivers }).kind).toBe('lost');
    expect(planClaim({ pvc: pvc({ volumeName: 'pvc-u1' }, undefined, 'Bound'), storageClass: sc(), pv: pv('other'), drivers }).kind).toBe('lost');
  });
});

describe('planVolume', () => {
  it('deletes a Delete volume whose claim is gone, releases a Retain one once', () => {
    expect(planVolume(pv(), undefined)).toEqual({ kind: 'delete' });
    expect(planVolume(pv('u1', 'Retain'), undefined)).toEqual({ kind: 'release' });
    expect(planVolume(pv('u1', 'Retain', 'Released'), undefined)).toEqual({ kind: 'none' });
    expect(planVolume(pv(), pvc())).toEqual({ kind: 'none' });
  });
});

describe('bytesQuantity', () => {
  it('uses the largest binary unit that divides the size', () => {
    expect(bytesQuantity(50 * 2 ** 30)).toBe('50Gi');
    expect(bytesQuantity(1536 * 2 ** 20)).toBe('1536Mi');
    expect(bytesQuantity(1000)).toBe('1000');
  });
});

describe('binding to existing volumes (findMatchingVolume)', () => {
  const local = (name: string, size: string, host: string, extra: Record<string, unknown> = {}): KubeObject => ({
    apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name }, status: { phase: 'Available' },
    spec: { storageClassName: 'local-nvme', volumeMode: 'Block', accessModes: ['ReadWriteOnce'], capacity: { storage: size }, nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [host] }] }] } }, ...extra },
  });
  const localClass: KubeObject = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'local-nvme' }, provisioner: 'example.com/static', volumeBindingMode: 'WaitForFirstConsumer' };
  const lsoClass: KubeObject = { ...localClass, provisioner: 'kubernetes.io/no-provisioner' };
  const claim = (size: string, node?: string) => pvc({ storageClassName: 'local-nvme', volumeMode: 'Block', resources: { requests: { storage: size } } }, node ? { [SELECTED_NODE]: node } : undefined);
  const volumes = [local('a', '3576Gi', 'worker-1'), local('b', '1000Gi', 'worker-1'), local('c', '3576Gi', 'worker-2')];

  it('picks the smallest fitting Available volume on the selected node', () => {
    expect(findMatchingVolume(claim('900Gi', 'worker-1'), volumes)?.metadata.name).toBe('b');
    expect(findMatchingVolume(claim('2000Gi', 'worker-2'), volumes)?.metadata.name).toBe('c');
  });
  it('binds nothing too small (the story\'s 3840Gi claims on 3.84 TB drives)', () => {
    expect(findMatchingVolume(claim('3840Gi', 'worker-1'), volumes)).toBeUndefined();
    expect(planClaim({ pvc: claim('3840Gi', 'worker-1'), storageClass: localClass, drivers, volumes }).kind).toBe('external');
  });
  it('waits for the consumer before matching under WaitForFirstConsumer, then binds the existing volume', () => {
    expect(planClaim({ pvc: claim('900Gi'), storageClass: localClass, drivers, volumes }).kind).toBe('wait-for-consumer');
    expect(planClaim({ pvc: claim('900Gi', 'worker-1'), storageClass: localClass, drivers, volumes })).toEqual({ kind: 'bind-existing', pvName: 'b' });
  });
  it('skips volumes claimed by others, of another mode, or not offering the access modes', () => {
    const taken = local('d', '100Gi', 'worker-1', { claimRef: { namespace: 'x', name: 'y', uid: 'z' } });
    const fs = local('e', '100Gi', 'worker-1', { volumeMode: 'Filesystem' });
    const rox = local('f', '100Gi', 'worker-1', { accessModes: ['ReadOnlyMany'] });
    expect(findMatchingVolume(claim('50Gi', 'worker-1'), [taken, fs, rox])).toBeUndefined();
  });
  it('leaves no-provisioner (Local Storage Operator) claims to the LocalVolumeSet binder', () => {
    expect(planClaim({ pvc: claim('900Gi', 'worker-1'), storageClass: lsoClass, drivers, volumes })).toEqual({ kind: 'none' });
  });
  it('marks a new unclaimed volume Available', () => {
    expect(planVolume({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'n' }, spec: {} }, undefined)).toEqual({ kind: 'available' });
  });
});
