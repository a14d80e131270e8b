// The story's cluster (examples/ove-prod-01: 9 workers x 12 x 3.84 TB NVMe) with its three pools,
// for tests and for callers that want the chapter 3/8 set-up in one call.
import type { ClusterDefinition } from '../../twin/inventory/index.js';
import { CephCluster } from './ceph-cluster.js';
import { topologyFromDefinition } from './topology.js';

/** Builds the 108-OSD cluster with `.mgr`, the 3-replica block pool and the EC 4+2 pool; pg_num as given. */
export function storyCluster(def: ClusterDefinition, pgNums: [number, number, number] = [1, 128, 128], nowMs = Date.UTC(2026, 2, 18, 14, 0, 0)): CephCluster {
  const c = new CephCluster({ fsid: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890', hosts: topologyFromDefinition(def), nowMs });
  c.createPool({ name: '.mgr', kind: 'replicated', pgNum: pgNums[0], application: 'mgr', failureDomain: 'rack', pgNumMin: 1, pgNumMax: 32 });
  c.createPool({ name: 'ocs-storagecluster-cephblockpool', kind: 'replicated', pgNum: pgNums[1], failureDomain: 'rack', targetSizeRatio: 0.49 });
  c.createPool({ name: 'ceph-ec-data-pool', kind: 'erasure', k: 4, m: 2, pgNum: pgNums[2], failureDomain: 'host' });
  c.step(2000);
  return c;
}
