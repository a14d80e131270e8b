/** @module Preflight checks of a cluster definition: pure functions returning findings. */
export * from './finding.js';
export { runPreflight, CHECKS } from './run-preflight.js';
export { checkNetworkCapacity, nodeCount, OPENSHIFT_MAX_PODS } from './network-capacity.js';
export { checkNetworkOverlap, OVN_INTERNAL_CIDRS } from './network-overlap.js';
export { checkAddresses } from './addresses.js';
export { checkMtu, overlayMtu, GENEVE_OVERHEAD_IPV4 } from './mtu.js';
export { checkFabric } from './fabric.js';
export { checkPower, pduRatingWatts } from './power.js';
export { checkBmc } from './bmc.js';
export { checkDns, requiredRecords } from './dns.js';
export { checkEtcdDisks, ETCD_FSYNC_P99_TARGET_MS } from './etcd-disks.js';
export { checkHardwareConsistency } from './hardware-consistency.js';
export { checkRackLayout } from './rack-layout.js';
