import { describe, it, expect, beforeAll } from 'vitest';
import { resolve } from 'node:path';
import type { KubeObject } from '../../api/types.js';
import { CephCluster, topologyFromDefinition } from '../../ceph/model.js';
import { loadClusterDefinition, type ClusterDefinition } from '../../twin/inventory/index.js';
import { poolRequest, syncPools } from './pools.js';

const cbp = (name: string, spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'ceph.rook.io/v1', kind: 'CephBlockPool', metadata: { name, namespace: 'openshift-storage' }, spec });
const block = cbp('ocs-storagecluster-cephblockpool', { failureDomain: 'rack', replicated: { size: 3, targetSizeRatio: 0.49 } });
const ec = cbp('ceph-ec-data-pool', { failureDomain: 'host', erasureCoded: { dataChunks: 4, codingChunks: 2 } });

describe('CephBlockPools into engine pools', () => {
  let def: ClusterDefinition;
  beforeAll(async () => {
    def = await loadClusterDefinition(resolve(import.meta.dirname, '../../../examples/ove-prod-01'));
  });

  it('reads Rook\'s pool spec', () => {
    expect(poolRequest(ec)).toMatchObject({ name: 'ceph-ec-data-pool', kind: 'erasure', k: 4, m: 2, failureDomain: 'host' });
    expect(poolRequest(block)).toMatchObject({ kind: 'replicated', size: 3, failureDomain: 'rack', targetSizeRatio: 0.49 });
    expect(poolRequest(cbp('z', { failureDomain: 'zone' }))).toBe('failureDomain "zone" is not a CRUSH type of this cluster (osd, host, rack)');
    expect(poolRequest(cbp('e', { erasureCoded: { dataChunks: 1, codingChunks: 1 } }))).toContain('invalid erasure code profile');
  });

  it('creates .mgr, the block pool and the EC pool on 9 hosts, autoscaled to 4129 PGs', () => {
    const c = new CephCluster({ fsid: 'f', hosts: topologyFromDefinition(def), nowMs: 0 });
    const out = syncPools(c, [block, ec], true, 'rack');
    expect([...out.values()].map((o) => o.phase)).toEqual(['Ready', 'Ready']);
    expect([...c.pools.values()].map((p) => [p.def.name, p.def.pgNum])).toEqual([['.mgr', 1], ['ocs-storagecluster-cephblockpool', 4096], ['ceph-ec-data-pool', 32]]);
  });

  it('refuses EC 4+2 on 3 hosts and waits while OSDs are still coming', () => {
    const hosts = topologyFromDefinition(def).slice(0, 3);
    const c = new CephCluster({ fsid: 'f', hosts, nowMs: 0 });
    expect([...syncPools(c, [block, ec], false, 'rack').values()].map((o) => o.phase)).toEqual(['Progressing', 'Progressing']);
    expect(c.pools.size).toBe(0);
    const out = syncPools(c, [block, ec], true, 'rack');
    expect(out.get('openshift-storage/ceph-ec-data-pool')).toMatchObject({ phase: 'Failure' });
    expect(out.get('openshift-storage/ceph-ec-data-pool')!.message).toContain('needs 6 failure domains of type "host" but the CRUSH map has 3');
    expect([...c.pools.values()].map((p) => p.def.name)).toEqual(['.mgr', 'ocs-storagecluster-cephblockpool']);
  });
});
