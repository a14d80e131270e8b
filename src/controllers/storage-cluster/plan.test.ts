import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../api/types.js';
import { localPersistentVolume } from '../local-volume-set/plan.js';
import { pickMonNodes } from './controller.js';
import { planOsdBindings } from './osd-binding.js';
import { assignRacks, planDeviceClaims, rackOfReplica, REPLICA_LABEL, storageNodes } from './plan.js';
import { storageClusterConditions, type Observed } from './status.js';

const sc = (count: number, replica: number, storage: string): KubeObject => ({
  apiVersion: 'ocs.openshift.io/v1', kind: 'StorageCluster', metadata: { name: 'ocs-storagecluster', namespace: 'openshift-storage' },
  spec: { storageDeviceSets: [{ name: 'ocs-deviceset-nvme', count, replica, dataPVCTemplate: { spec: { storageClassName: 'local-nvme', volumeMode: 'Block', accessModes: ['ReadWriteOnce'], resources: { requests: { storage } } } } }] },
});
const lvs: KubeObject = { apiVersion: 'local.storage.openshift.io/v1alpha1', kind: 'LocalVolumeSet', metadata: { name: 'local-nvme', namespace: 'openshift-local-storage' }, spec: { storageClassName: 'local-nvme', volumeMode: 'Block' } };
const pv = (node: string, i: number) => localPersistentVolume(lvs, { pvName: `local-pv-${node}-${i}`, node, device: `nvme${i}n1`, bytes: 3_840_000_000_000 });
const pvc = (name: string, replica: number, storage: string): KubeObject => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'openshift-storage', labels: { [REPLICA_LABEL]: String(replica) } }, spec: { storageClassName: 'local-nvme', volumeMode: 'Block', accessModes: ['ReadWriteOnce'], resources: { requests: { storage } } } });

describe('StorageCluster plan', () => {
  it('makes count x replica claims: the story\'s 9 x 3 is 27, the corrected 36 x 3 is 108', () => {
    expect(planDeviceClaims(sc(9, 3, '3840Gi'))).toHaveLength(27);
    const claims = planDeviceClaims(sc(36, 3, '1'));
    expect(claims).toHaveLength(108);
    expect(claims[0]).toMatchObject({ name: 'ocs-deviceset-nvme-0-data-0', deviceSet: 'ocs-deviceset-nvme-0', replica: 0 });
    expect(claims[107]).toMatchObject({ name: 'ocs-deviceset-nvme-2-data-35', replica: 2 });
  });

  it('puts storage nodes in the emptiest of rack0..2 and keeps racks already given', () => {
    const racks = assignRacks(['worker-1', 'worker-2', 'worker-3', 'worker-4', 'worker-5', 'worker-6'], new Map());
    expect([...racks.values()]).toEqual(['rack0', 'rack1', 'rack2', 'rack0', 'rack1', 'rack2']);
    const grown = assignRacks(['worker-1', 'worker-2', 'worker-3', 'worker-4', 'worker-5', 'worker-6', 'worker-7', 'worker-8', 'worker-9'], racks);
    expect(grown.get('worker-7')).toBe('rack0');
    expect(grown.get('worker-9')).toBe('rack2');
    expect(rackOfReplica(4, 3)).toBe('rack1');
    expect(pickMonNodes(grown, [...grown.keys()])).toEqual(['worker-1', 'worker-2', 'worker-3']);
    expect(pickMonNodes(new Map([['worker-1', 'rack0']]), ['worker-1'])).toEqual([]);
    const nodes = [{ apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-10', labels: { 'cluster.ocs.openshift.io/openshift-storage': '' } } }, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-2', labels: { 'cluster.ocs.openshift.io/openshift-storage': '' } } }, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-3' } }];
    expect(storageNodes(nodes)).toEqual(['worker-2', 'worker-10']);
  });

  it('binds claims in their rack, spread over hosts; a 3840Gi claim stays Pending with the sizes', () => {
    const racks = new Map([['worker-1', 'rack0'], ['worker-4', 'rack0'], ['worker-2', 'rack1']]);
    const pvs = [pv('worker-1', 0), pv('worker-1', 1), pv('worker-4', 0), pv('worker-2', 0)];
    const plan = planOsdBindings([pvc('a-0-data-0', 0, '1'), pvc('a-0-data-1', 0, '1'), pvc('a-0-data-2', 0, '1'), pvc('a-1-data-0', 1, '1'), pvc('a-2-data-0', 2, '1')], pvs, racks, 3, new Map());
    expect(plan.bind.map((b) => `${b.pvc.metadata.name}->${b.node}`)).toEqual(['a-0-data-0->worker-1', 'a-0-data-1->worker-4', 'a-0-data-2->worker-1', 'a-1-data-0->worker-2']);
    expect(plan.pending.map((p) => p.reason)).toEqual(['no node labelled cluster.ocs.openshift.io/openshift-storage in rack2']);
    const big = planOsdBindings([pvc('b-0-data-0', 0, '3840Gi')], pvs, racks, 3, new Map());
    expect(big.bind).toEqual([]);
    expect(big.pending[0]!.reason).toBe('the claim asks for 3840Gi (4123168604160 bytes) but the largest available local-nvme volume on the storage nodes of rack0 (worker-1, worker-4) has 3840000000000 bytes (3576.28 GiB; drives are sold in decimal units)');
  });

  it('is Ready only when every claim is bound, every OSD up and every pool ready', () => {
    const base: Observed = { claims: 108, bound: 108, pending: [], storageNodes: ['w1', 'w2', 'w3'], racks: new Map(), monsRunning: 3, osdsInEngine: 108, pools: new Map([['p', { phase: 'Ready', message: '', type: 'Replicated', failureDomain: 'rack' }]]), failureDomain: 'rack' };
    expect(storageClusterConditions(base, 'HEALTH_OK').phase).toBe('Ready');
    const pending = storageClusterConditions({ ...base, bound: 100, osdsInEngine: 100, pending: [{ pvc: pvc('x', 0, '1'), reason: 'why' }] }, 'HEALTH_OK');
    expect(pending.phase).toBe('Progressing');
    expect(pending.conditions.find((c) => c.type === 'Progressing')!.message).toBe('1 of 108 OSD claims Pending: why');
    const failed = storageClusterConditions({ ...base, pools: new Map([['p', { phase: 'Failure', message: 'bad pool', type: 'Erasure Coded', failureDomain: 'host' }]]) }, 'HEALTH_OK');
    expect(failed.phase).toBe('Progressing');
    expect(failed.conditions.find((c) => c.type === 'Degraded')).toMatchObject({ status: 'True', reason: 'PoolCreationFailed', message: 'bad pool' });
  });
});
