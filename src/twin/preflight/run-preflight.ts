/** Runs every preflight check family over a cluster definition. */
import type { ClusterDefinition } from '../inventory/index.js';
import { sortFindings, type Check, type Finding } from './finding.js';
import { checkNetworkCapacity } from './network-capacity.js';
import { checkNetworkOverlap } from './network-overlap.js';
import { checkAddresses } from './addresses.js';
import { checkMtu } from './mtu.js';
import { checkFabric } from './fabric.js';
import { checkPower } from './power.js';
import { checkBmc } from './bmc.js';
import { checkDns } from './dns.js';
import { checkEtcdDisks } from './etcd-disks.js';
import { checkHardwareConsistency } from './hardware-consistency.js';
import { checkRackLayout } from './rack-layout.js';

/** Every check family, in the order its findings are listed within a severity. */
export const CHECKS: ReadonlyArray<Check<ClusterDefinition>> = [
  checkNetworkCapacity,
  checkNetworkOverlap,
  checkAddresses,
  checkMtu,
  checkFabric,
  checkPower,
  checkBmc,
  checkDns,
  checkEtcdDisks,
  checkHardwareConsistency,
  checkRackLayout,
];

/** Runs all checks; findings come sorted, errors first. */
export function runPreflight(def: ClusterDefinition): Finding[] {
  return sortFindings(CHECKS.flatMap((check) => check(def)));
}
