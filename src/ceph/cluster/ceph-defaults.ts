// Ceph option defaults of the release ODF 4.16 ships (Ceph 18.2 "Reef"), from ceph/ceph
// src/common/options/{global,osd,mon,rbd}.yaml.in; see docs/ceph.md for each figure's source.

/** The defaults the model runs with; every field is a named Ceph option or a modelled hardware figure. */
export interface CephParams {
  /** mon_osd_full_ratio: writes stop when any OSD of a PG passes it. */
  fullRatio: number;
  /** mon_osd_backfillfull_ratio: backfill refuses to target an OSD past it. */
  backfillfullRatio: number;
  /** mon_osd_nearfull_ratio: OSD_NEARFULL warning. */
  nearfullRatio: number;
  /** mon_osd_down_out_interval (s): a down OSD is marked out after this. */
  downOutIntervalSec: number;
  /** mon_osd_min_in_ratio: auto-out stops when fewer OSDs than this share would stay in. */
  minInRatio: number;
  /** osd_heartbeat_grace (s): a silent (hung) OSD is reported failed after this. */
  heartbeatGraceSec: number;
  /**
   * Time from an OSD crash to the mon marking it down (ms). A crashed daemon refuses its peers'
   * connections, so they report it at once ("reported immediately failed"); the mon then commits a
   * new OSDMap. Chosen: 1.1 s, the story's 10:23:45.123 -> 10:23:46.234.
   */
  immediateFailureMs: number;
  /** How long PGs show `peering` after an OSDMap change affects them (ms). Chosen. */
  peeringMs: number;
  /** osd_max_backfills: backfill/recovery reservations per OSD, local and remote separately. */
  maxBackfills: number;
  /** osd_recovery_max_active_ssd: concurrent recovery ops per flash OSD. */
  recoveryMaxActiveSsd: number;
  /** osd_recovery_max_active_hdd. */
  recoveryMaxActiveHdd: number;
  /** osd_mclock_max_sequential_bandwidth_ssd (bytes/s): what mClock assumes a flash OSD streams. */
  mclockSeqBandwidthSsd: number;
  /** osd_mclock_max_sequential_bandwidth_hdd (bytes/s). */
  mclockSeqBandwidthHdd: number;
  /** Share of an OSD's bandwidth mClock reserves for background recovery (profile `balanced`: 50 %). */
  recoveryReservation: number;
  /** mon_target_pg_per_osd: the autoscaler's PG budget per OSD. */
  targetPgPerOsd: number;
  /** mon_max_pg_per_osd. */
  maxPgPerOsd: number;
  /** Autoscaler module option `threshold`: it acts only when off by more than this factor. */
  autoscaleThreshold: number;
  /** PG_NUM_MIN of the autoscaler (src/pybind/mgr/pg_autoscaler/module.py). */
  pgNumMin: number;
  /**
   * BlueStore space an empty OSD reports used (BlueFS/RocksDB, allocator metadata). Chosen as
   * 1 GiB: the story's `108 GiB used` on 108 empty OSDs, and Nautilus' bluestore_bluefs_min.
   */
  bluestoreBaseUsedBytes: number;
  /** RocksDB metadata per stored object (onode, extents), bytes. Chosen. */
  bluestoreMetaPerObject: number;
  /** rbd_default_order 22: RBD objects of 4 MiB. */
  rbdDefaultOrder: number;
  /** mgr/balancer/sleep_interval (s): how often the balancer wakes (src/pybind/mgr/balancer/module.py). */
  balancerSleepIntervalSec: number;
  /** mgr/balancer/upmap_max_deviation: PGs an OSD may be off its target before the balancer acts. */
  upmapMaxDeviation: number;
  /** mgr/balancer/upmap_max_optimizations: upmap changes per round. */
  upmapMaxOptimizations: number;
  /** target_max_misplaced_ratio (global.yaml.in): the balancer waits while more objects are misplaced. */
  targetMaxMisplacedRatio: number;
}

/** The Reef defaults (and the chosen modelling figures). */
export const REEF_DEFAULTS: Readonly<CephParams> = Object.freeze({
  fullRatio: 0.95,
  backfillfullRatio: 0.9,
  nearfullRatio: 0.85,
  downOutIntervalSec: 600,
  minInRatio: 0.75,
  heartbeatGraceSec: 20,
  immediateFailureMs: 1100,
  peeringMs: 1000,
  maxBackfills: 1,
  recoveryMaxActiveSsd: 10,
  recoveryMaxActiveHdd: 3,
  mclockSeqBandwidthSsd: 1200 * 1024 * 1024,
  mclockSeqBandwidthHdd: 150 * 1024 * 1024,
  recoveryReservation: 0.5,
  targetPgPerOsd: 100,
  maxPgPerOsd: 250,
  autoscaleThreshold: 3,
  pgNumMin: 32,
  bluestoreBaseUsedBytes: 1024 ** 3,
  bluestoreMetaPerObject: 0,
  rbdDefaultOrder: 22,
  balancerSleepIntervalSec: 60,
  upmapMaxDeviation: 5,
  upmapMaxOptimizations: 10,
  targetMaxMisplacedRatio: 0.05,
});

/** Returns the defaults with some fields replaced. */
export function cephParams(overrides: Partial<CephParams> = {}): CephParams {
  return { ...REEF_DEFAULTS, ...overrides };
}
