// The recovery throttles of the cluster's OSDs and hosts, as the recovery scheduler sees them.
import type { ThrottleModel } from '../recovery/recovery-scheduler.js';
import type { CephCluster } from './ceph-cluster.js';

/**
 * mClock gives recovery at least its reservation of the drive's sequential bandwidth
 * (osd_mclock_max_sequential_bandwidth_*) and whatever client I/O leaves; bonds bound cross-host copies.
 */
export function throttleModel(c: CephCluster): ThrottleModel {
  return {
    maxBackfills: c.params.maxBackfills,
    osdRecoveryBandwidth: (id) => {
      const o = c.osds.get(id)!;
      const seq = o.deviceClass === 'hdd' ? c.params.mclockSeqBandwidthHdd : c.params.mclockSeqBandwidthSsd;
      return seq * Math.max(c.params.recoveryReservation, 1 - c.clientUtilization(id));
    },
    hostOf: (id) => c.osds.get(id)!.host,
    hostBond: (name) => {
      const h = c.hosts.get(name)!;
      return { aggregate: (h.bondGbps * 1e9) / 8, link: (h.linkGbps * 1e9) / 8 };
    },
    ctxOf: (pg) => c.ctx(c.pools.get(pg.poolId)!),
  };
}
