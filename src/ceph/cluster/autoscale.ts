// Runs the pg_autoscaler over the cluster's pools (one CRUSH root: every rule takes `default`).
import type { CephCluster } from './ceph-cluster.js';
import { autoscalePools, type AutoscaleResult } from './pg-autoscaler.js';
import { rawUsedRate } from './pool.js';

/** `ceph osd pool autoscale-status`: what the autoscaler wants for every pool now. */
export function autoscaleStatus(c: CephCluster): AutoscaleResult[] {
  const inputs = [...c.pools.values()].map((p) => ({
    pool: p.def,
    rawUsedBytes: p.pgs.reduce((s, pg) => s + pg.bytes, 0) * rawUsedRate(p.def),
  }));
  // The subtree capacity counts every OSD under the root, in or out (module.py reads osd_stats kb).
  const capacity = [...c.osds.values()].reduce((s, o) => s + o.sizeBytes, 0);
  return autoscalePools(inputs, c.osds.size, capacity, { targetPgPerOsd: c.params.targetPgPerOsd, threshold: c.params.autoscaleThreshold, pgNumMin: c.params.pgNumMin });
}
