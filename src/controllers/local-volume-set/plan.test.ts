import { describe, it, expect, beforeAll } from 'vitest';
import { resolve } from 'node:path';
import type { KubeObject } from '../../api/types.js';
import { loadClusterDefinition, type ClusterDefinition } from '../../twin/inventory/index.js';
import { binarySi, localPersistentVolume, planLocalVolumes } from './plan.js';
import { findVolume } from './binder.js';
import { matchesNodeSelector } from './node-selector.js';

const LABEL = 'cluster.ocs.openshift.io/openshift-storage';
const lvs: KubeObject = {
  apiVersion: 'local.storage.openshift.io/v1alpha1', kind: 'LocalVolumeSet', metadata: { name: 'local-nvme', namespace: 'openshift-local-storage' },
  spec: { storageClassName: 'local-nvme', volumeMode: 'Block', deviceInclusionSpec: { deviceTypes: ['disk'], deviceMechanicalProperties: ['NonRotational'] }, nodeSelector: { nodeSelectorTerms: [{ matchExpressions: [{ key: LABEL, operator: 'In', values: [''] }] }] } },
};
const node = (name: string, labelled: boolean): KubeObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: labelled ? { [LABEL]: '' } : {} } });

describe('LocalVolumeSet plan', () => {
  let def: ClusterDefinition;
  beforeAll(async () => {
    def = await loadClusterDefinition(resolve(import.meta.dirname, '../../../examples/ove-prod-01'));
  });

  it('offers the 12 OSD drives of each labelled worker, none of the boot or etcd drives', () => {
    const nodes = [node('ctrl-1', true), node('worker-1', true), node('worker-2', false), node('worker-3', true)];
    const vols = planLocalVolumes(lvs, nodes, def);
    // ctrl-1 has no osd drives; worker-2 is not labelled.
    expect(vols.map((v) => v.node).filter((n, i, a) => a.indexOf(n) === i)).toEqual(['worker-1', 'worker-3']);
    expect(vols).toHaveLength(24);
    expect(vols[0]).toMatchObject({ device: 'nvme0n1', bytes: 3_840_000_000_000 });
  });

  it('reports a 3.84 TB drive as kube serializes its byte count (BinarySI)', () => {
    expect(binarySi(3_840_000_000_000)).toBe('3750000000Ki');
    const pv = localPersistentVolume(lvs, { pvName: 'local-pv-1', node: 'worker-1', device: 'nvme0n1', bytes: 3_840_000_000_000 });
    expect(pv.spec).toMatchObject({ volumeMode: 'Block', storageClassName: 'local-nvme', capacity: { storage: '3750000000Ki' } });
  });

  it('a 3840Gi claim fits no 3.84 TB volume; a 3576Gi or "1" claim does', () => {
    const pv = localPersistentVolume(lvs, { pvName: 'local-pv-1', node: 'worker-1', device: 'nvme0n1', bytes: 3_840_000_000_000 });
    const claim = (storage: string): KubeObject => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c', namespace: 'ns' }, spec: { storageClassName: 'local-nvme', volumeMode: 'Block', accessModes: ['ReadWriteOnce'], resources: { requests: { storage } } } });
    expect(findVolume(claim('3840Gi'), [pv], () => true)).toBeUndefined();
    expect(findVolume(claim('3576Gi'), [pv], () => true)?.metadata.name).toBe('local-pv-1');
    expect(findVolume(claim('1'), [pv], () => true)?.metadata.name).toBe('local-pv-1');
    expect(findVolume(claim('1'), [pv], () => false)).toBeUndefined();
  });

  it('matches node selectors as kube does', () => {
    expect(matchesNodeSelector({ a: '' }, { nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'In', values: [''] }] }] })).toBe(true);
    expect(matchesNodeSelector({}, { nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'Exists' }] }] })).toBe(false);
    expect(matchesNodeSelector({ a: 'x' }, { nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'NotIn', values: ['x'] }] }, { matchExpressions: [{ key: 'b', operator: 'DoesNotExist' }] }] })).toBe(true);
    expect(matchesNodeSelector({}, { nodeSelectorTerms: [{}] })).toBe(false);
  });
});
