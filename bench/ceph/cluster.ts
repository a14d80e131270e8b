// The 1,800-OSD cluster of bench/ceph: 150 hosts x 12 x 3.84 TB NVMe in 15 racks, an autoscaled
// 3-replica block pool, filled with 4 MiB RBD objects through the engine's own write path.
import { CephCluster, autoscaleStatus, type HostSpec } from '../../src/ceph/model.js';
import { writeObject } from '../../src/ceph/cluster/object-io.js';

/** Cluster shape: the story's worker (12 x 3.84 TB, 2 x 25 GbE storage bond) repeated. */
export const SHAPE = { hosts: 150, osdsPerHost: 12, racks: 15, driveBytes: 3.84e12, bondGbps: 50, linkGbps: 25 };

/** RBD object size (rbd_default_order 22). */
export const OBJECT_BYTES = 4 * 2 ** 20;

/** The hosts, OSD ids host by host, racks round-robin so each rack holds 10 hosts. */
export function benchHosts(): HostSpec[] {
  let id = 0;
  return Array.from({ length: SHAPE.hosts }, (_, h) => ({
    name: `host-${h}`,
    rack: `rack${h % SHAPE.racks}`,
    bondGbps: SHAPE.bondGbps,
    linkGbps: SHAPE.linkGbps,
    osds: Array.from({ length: SHAPE.osdsPerHost }, (_, d) => ({
      id: id++, host: `host-${h}`, device: `/dev/nvme${d}n1`, sizeBytes: SHAPE.driveBytes, deviceClass: 'ssd' as const,
    })),
  }));
}

/** Builds the cluster, lets the autoscaler size the empty pool, settles peering, and writes `objects` objects. */
export function buildBenchCluster(objects: number, nowMs: number): { ceph: CephCluster; poolId: number; pgNum: number } {
  const ceph = new CephCluster({ fsid: '5e1f0c1e-bench-4c3b-9a1d-000000001800', hosts: benchHosts(), nowMs });
  ceph.createPool({ name: '.mgr', kind: 'replicated', pgNum: 1, application: 'mgr', failureDomain: 'rack', pgNumMin: 1, pgNumMax: 32 });
  const pool = ceph.createPool({ name: 'ocs-storagecluster-cephblockpool', kind: 'replicated', pgNum: 32, failureDomain: 'rack', targetSizeRatio: 0.49 });
  for (const r of autoscaleStatus(ceph)) if (r.wouldAdjust) ceph.setPgNum(r.poolId, r.pgNumFinal);
  ceph.step(5000);
  for (let i = 0; i < objects; i++) {
    if (!writeObject(ceph, pool.id, `rbd_data.bench${(i >>> 20).toString(16)}.${(i & 0xfffff).toString(16).padStart(16, '0')}`, OBJECT_BYTES, true)) {
      throw new Error(`write ${i} refused`);
    }
  }
  ceph.step(2000);
  return { ceph, poolId: pool.id, pgNum: ceph.pool(pool.id).def.pgNum };
}
