/**
 * @module The Ceph engine model (docs/ceph.md): the cluster, its recovery, RBD images, the I/O
 * model and the ceph/rbd CLI formats. CRUSH itself is in ./crush/.
 */
export { CephCluster, type CephClusterOptions } from './cluster/ceph-cluster.js';
export { REEF_DEFAULTS, cephParams, type CephParams } from './cluster/ceph-defaults.js';
export type { ClusterLogEntry, MgrState, MonState, OsdState, PoolState } from './cluster/cluster-types.js';
export { topologyFromDefinition, odfRacks, type HostSpec, type OsdSpec, type DeviceClass, type TopologyOptions } from './cluster/topology.js';
export { buildCrushMap, type RuleSpec } from './cluster/build-crush-map.js';
export { crushWeightForSize } from './cluster/crush-weight.js';
export { defaultMinSize, rawUsedRate, pgId, type PoolDef, type PoolRequest } from './cluster/pool.js';
export { autoscalePools, nearestPowerOfTwo, type AutoscaleResult } from './cluster/pg-autoscaler.js';
export { autoscaleStatus } from './cluster/autoscale.js';
export { osdUsage, rawStorage, ruleAvail, poolUsage, type OsdUsage, type PoolUsage, type RawStorage } from './cluster/capacity.js';
export { pgOfObject } from './cluster/object-io.js';
export { strHashRjenkins } from './cluster/str-hash.js';
export { storyCluster } from './cluster/story-fixture.js';
export { pgStateString, PG_STATE_ORDER, type PgStateName } from './recovery/pg-state.js';
export type { PlacementGroup, Shard } from './recovery/placement-group.js';
export { healthReport, objectTotals, type HealthCheck, type HealthReport } from './recovery/health.js';
export { RbdImageStore, objectName, DEFAULT_FEATURES, RBD_FEATURES, type RbdImage, type RbdSnap } from './rbd/rbd-image-store.js';
export { solveIo, qosLimit, DEFAULT_IO_PARAMS, type ImageIo, type ImageLoad, type IoParams } from './io/io-model.js';
export { runFio, formatFio, type FioJob, type FioResult } from './io/fio.js';
export { TokenBucket } from './io/token-bucket.js';
export { formatStatus, statusJson, formatHealthDetail, pgsByState, remappedPgs } from './cli-format/ceph-status.js';
export { formatOsdTree, formatOsdDf } from './cli-format/osd-views.js';
export { formatDf, dfJson, formatPgStat, formatDumpStuck, formatWatch } from './cli-format/df-and-pgs.js';
export { formatRbdLs, formatRbdInfo, rbdInfoJson, formatSnapLs, formatConfigImageList, rbdConfigImageSet, RBD_QOS_DEFAULTS } from './cli-format/rbd-format.js';
export { bytesU, siU } from './cli-format/units.js';
export { osdTreeJson, osdDfJson, healthJson, pgStatJson, rbdLsJson, snapLsJson } from './cli-format/json-views.js';
export { setBalancerActive, setBalancerMode, OPTIMIZE_SUCCESS, OPTIMIZE_NOTHING, type BalancerState } from './cluster/balancer.js';
export { applyUpmapPairs, type UpmapPairs } from './cluster/upmap.js';
export { formatBalancerStatus, balancerStatusJson } from './cli-format/balancer-status.js';
export { pgmapSummary } from './recovery/pgmap-summary.js';
