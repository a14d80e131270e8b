import { describe, it, expect, beforeEach, beforeAll } from 'vitest';
import { resolve } from 'node:path';
import type { KubeObject } from '../../api/types.js';
import { RbdImageStore, storyCluster } from '../../ceph/model.js';
import { RealClock } from '../../lib/clock.js';
import { loadClusterDefinition, type ClusterDefinition } from '../../twin/inventory/index.js';
import type { VolumeRequest } from '../persistent-volume/provisioner.js';
import { TwinProvisioner } from '../persistent-volume/twin-provisioner.js';
import { CephHost } from '../storage-cluster/ceph-host.js';
import { DispatchProvisioner } from './dispatch-provisioner.js';
import { RbdProvisioner } from './rbd-provisioner.js';
import { TridentProvisioner } from './trident-provisioner.js';

const GiB = 2 ** 30;
const gold: KubeObject = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'ceph-rbd-gold' }, provisioner: 'openshift-storage.rbd.csi.ceph.com', parameters: { clusterID: 'openshift-storage', pool: 'ocs-storagecluster-cephblockpool', imageFeatures: 'layering,exclusive-lock,object-map,fast-diff' } };
const req = (name: string, bytes: number, o: Partial<VolumeRequest> = {}): VolumeRequest => ({ name, bytes, accessModes: ['ReadWriteOnce'], volumeMode: 'Block', parameters: gold.parameters as Record<string, string>, ...o });

describe('the RBD provisioner on the engine', () => {
  let def: ClusterDefinition;
  let host: CephHost;
  let rbd: RbdProvisioner;
  beforeAll(async () => {
    def = await loadClusterDefinition(resolve(import.meta.dirname, '../../../examples/ove-prod-01'));
  });
  beforeEach(() => {
    host = new CephHost(def, new RealClock());
    host.cluster = storyCluster(def);
    host.rbd = new RbdImageStore(host.cluster);
    rbd = new RbdProvisioner(host);
  });

  it('creates a thin csi-vol image with ceph-csi\'s volume ID, rounded up to MiB', async () => {
    const v = await rbd.provision(req('pvc-1', 50 * GiB + 1), gold);
    expect(v.volumeHandle).toMatch(/^0001-0011-openshift-storage-0000000000000002-[0-9a-f]{8}-/);
    expect(v.capacityBytes).toBe(50 * GiB + 2 ** 20);
    expect(v.usedBytes).toBe(0);
    expect(v.volumeAttributes).toMatchObject({ pool: 'ocs-storagecluster-cephblockpool', imageFeatures: 'layering,exclusive-lock,object-map,fast-diff' });
    expect(host.rbd!.list(2)).toEqual([v.volumeAttributes.imageName]);
    rbd.write(v.volumeHandle, 10 * 2 ** 20);
    expect(rbd.volume(v.volumeHandle)!.usedBytes).toBe(10 * 2 ** 20);
    expect(await rbd.provision(req('pvc-1', 50 * GiB + 1), gold)).toEqual(rbd.volume(v.volumeHandle));
  });

  it('refuses RWX Filesystem, an EC pool as the image pool, a missing pool and a claim above MAX AVAIL', async () => {
    await expect(rbd.provision(req('a', GiB, { accessModes: ['ReadWriteMany'], volumeMode: 'Filesystem' }), gold)).rejects.toThrow('multi node access modes are only supported on rbd `block` type volumes');
    await expect(rbd.provision(req('b', GiB, { accessModes: ['ReadWriteMany'] }), gold)).resolves.toBeDefined();
    await expect(rbd.provision(req('c', GiB, { parameters: { pool: 'ceph-ec-data-pool' } }), gold)).rejects.toThrow('pool ceph-ec-data-pool is erasure-coded');
    await expect(rbd.provision(req('d', GiB, { parameters: { pool: 'nope' } }), gold)).rejects.toThrow('pool not found: pool (nope) not found in Ceph cluster');
    await expect(rbd.provision(req('e', 120 * 2 ** 40), gold)).rejects.toMatchObject({ grpcCode: 'ResourceExhausted' });
    const bronze = await rbd.provision(req('f', 120 * 2 ** 40, { parameters: { pool: 'ocs-storagecluster-cephblockpool', dataPool: 'ceph-ec-data-pool' } }), gold);
    expect(host.rbd!.get(2, bronze.volumeAttributes.imageName!).dataPoolId).toBe(3);
  });

  it('snapshots, restores and clones copy-on-write, expands, and keeps an image with dependants in the trash', async () => {
    const v = await rbd.provision(req('src', 10 * GiB), gold);
    rbd.write(v.volumeHandle, 8 * 2 ** 20);
    const snap = await rbd.snapshot(v.volumeHandle, 'snap-1', 1000);
    expect(snap.restoreSizeBytes).toBe(10 * GiB);
    const restored = await rbd.restoreSnapshot(snap.snapshotHandle, req('restored', 10 * GiB), gold);
    expect(restored.copyOnWrite).toBe(true);
    expect(restored.usedBytes).toBe(0);
    expect(rbd.image(restored.volumeHandle)!.parent).toMatchObject({ snap: expect.stringMatching(/^csi-snap-/) });
    const clone = await rbd.cloneFrom(v.volumeHandle, req('clone', 20 * GiB), gold);
    expect(clone.capacityBytes).toBe(20 * GiB);
    await expect(rbd.cloneFrom(v.volumeHandle, req('small', GiB), gold)).rejects.toThrow('smaller than the source');
    expect(await rbd.expand(v.volumeHandle, 15 * GiB)).toBe(15 * GiB);
    await rbd.delete(v.volumeHandle);
    expect(rbd.volume(v.volumeHandle)).toBeUndefined();
    expect(rbd.owns(v.volumeHandle)).toBe(true);
    await rbd.delete(clone.volumeHandle);
    expect(rbd.owns(clone.volumeHandle)).toBe(false);
  });

  it('dispatch: RBD goes to the twin provisioner until the engine has pools, Trident to its own model', async () => {
    const twin = new TwinProvisioner();
    const trident = new TridentProvisioner({ 'aff-a400-pool1': 10 * GiB });
    const d = new DispatchProvisioner(rbd, trident, twin);
    const san: KubeObject = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'ontap-san-gold' }, provisioner: 'csi.trident.netapp.io', parameters: { backendType: 'ontap-san', storagePools: 'aff-a400-pool1' } };
    const t = await d.provision(req('t', 8 * GiB, { parameters: san.parameters as Record<string, string> }), san);
    expect(d.volume(t.volumeHandle)).toBeDefined();
    d.write(t.volumeHandle, 8 * GiB);
    await expect(d.provision(req('t2', 4 * GiB, { parameters: san.parameters as Record<string, string> }), san)).rejects.toThrow('insufficient space');
    const nas = { ...san, parameters: { backendType: 'ontap-nas', storagePools: 'fas-9500-pool1' } };
    await expect(d.provision(req('n', GiB, { parameters: nas.parameters }), nas)).rejects.toThrow('does not support raw block volumes');
    const r = await d.provision(req('r', GiB), gold);
    expect(rbd.owns(r.volumeHandle)).toBe(true);
    host.reset();
    const early = await d.provision(req('early', GiB), gold);
    expect(rbd.owns(early.volumeHandle)).toBe(false);
    expect(twin.volume(early.volumeHandle)).toBeDefined();
  });
});
