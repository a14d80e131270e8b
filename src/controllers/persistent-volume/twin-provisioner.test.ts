import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../api/types.js';
import { ProvisioningError } from './provisioner.js';
import { RBD_MULTI_NODE_FS_MESSAGE, TwinProvisioner } from './twin-provisioner.js';

const rbd: KubeObject = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'gold' }, provisioner: 'openshift-storage.rbd.csi.ceph.com', parameters: { clusterID: 'openshift-storage', pool: 'ocs-storagecluster-cephblockpool' } };
const nas: KubeObject = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'nas' }, provisioner: 'csi.trident.netapp.io', parameters: { backendType: 'ontap-nas' } };
const req = (name: string, accessModes: string[], volumeMode: 'Block' | 'Filesystem', bytes = 10 * 2 ** 30) => ({ name, bytes, accessModes, volumeMode, parameters: rbd.parameters as Record<string, string> });

describe('TwinProvisioner', () => {
  it('creates thin RBD images with ceph-csi volume IDs and csi-vol image names', async () => {
    const p = new TwinProvisioner();
    const v = await p.provision(req('pvc-a', ['ReadWriteMany'], 'Block', 10 * 2 ** 30 + 1), rbd);
    expect(v.volumeHandle).toMatch(/^0001-0011-openshift-storage-[0-9a-f]{16}-[0-9a-f-]{36}$/);
    expect(v.volumeAttributes.imageName).toMatch(/^csi-vol-[0-9a-f-]{36}$/);
    expect(v.capacityBytes).toBe(10 * 2 ** 30 + 2 ** 20);
    expect(v.usedBytes).toBe(0);
  });
  it('refuses RWX Filesystem on RBD with the ceph-csi message, allows it on NAS', async () => {
    const p = new TwinProvisioner();
    await expect(p.provision(req('pvc-b', ['ReadWriteMany'], 'Filesystem'), rbd)).rejects.toThrow(new ProvisioningError('InvalidArgument', RBD_MULTI_NODE_FS_MESSAGE));
    await expect(p.provision(req('pvc-c', ['ReadWriteMany'], 'Filesystem'), nas)).resolves.toBeDefined();
  });
  it('clones copy-on-write on RBD (nothing used until written) and snapshots restore to new volumes', async () => {
    const p = new TwinProvisioner();
    const src = await p.provision(req('pvc-src', ['ReadWriteOnce'], 'Block'), rbd);
    p.write(src.volumeHandle, 2e9);
    const clone = await p.cloneFrom(src.volumeHandle, req('pvc-clone', ['ReadWriteOnce'], 'Block'), rbd);
    expect(clone.copyOnWrite).toBe(true);
    expect(clone.usedBytes).toBe(0);
    expect(p.parentOf(clone.volumeHandle)).toBe(src.volumeHandle);
    const snap = await p.snapshot(src.volumeHandle, 'snap-1', 1000);
    expect(snap).toMatchObject({ readyToUse: true, restoreSizeBytes: 10 * 2 ** 30, sourceVolumeHandle: src.volumeHandle });
    const restored = await p.restoreSnapshot(snap.snapshotHandle, req('pvc-restored', ['ReadWriteOnce'], 'Block'), rbd);
    expect(restored.volumeHandle).not.toBe(src.volumeHandle);
    await expect(p.cloneFrom(src.volumeHandle, req('pvc-small', ['ReadWriteOnce'], 'Block', 2 ** 30), rbd)).rejects.toThrow(/smaller/);
  });
  it('reports capabilities per backend family', () => {
    const p = new TwinProvisioner();
    expect(p.capabilities(rbd)).toMatchObject({ rwxBlock: true, rwxFilesystem: false, cowClone: true, snapshots: true });
    expect(p.capabilities(nas)).toMatchObject({ rwxBlock: false, rwxFilesystem: true });
  });
});
