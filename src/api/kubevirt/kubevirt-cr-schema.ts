/**
 * kubevirt.io/v1 KubeVirt (the operator CR) spec and status, and the migration
 * configuration it shares with HCO. Field names from kubevirt/kubevirt
 * `staging/src/kubevirt.io/api/core/v1/types.go` (KubeVirtSpec, KubeVirtConfiguration,
 * MigrationConfiguration). Rarely used sub-blocks are declared without their inner fields.
 */
import type { JSONSchema } from '../types.js';
import { conditions, localRef, toleration } from './core-schemas.js';
import { arr, bool, free, int64, map, obj, quantity, str, strs } from './schema-kit.js';

/** MigrationConfiguration (`spec.configuration.migrations`), defaults in kubevirt.md §2. */
export const migrationConfigSchema: JSONSchema = obj({
  parallelMigrationsPerCluster: int64(),
  parallelOutboundMigrationsPerNode: int64(),
  bandwidthPerMigration: quantity(),
  completionTimeoutPerGiB: int64(),
  progressTimeout: int64(),
  unsafeMigrationOverride: bool(),
  allowAutoConverge: bool(),
  allowPostCopy: bool(),
  allowWorkloadDisruption: bool(),
  disableTLS: bool(),
  network: str(),
  matchSELinuxLevelOnMigration: bool(),
  utilityVolumesTimeout: int64(),
  maxDowntimeMs: int64(),
});

const nodePlacement = () => obj({ nodeSelector: map(), affinity: free(), tolerations: arr(toleration()) });

/** KubeVirtConfiguration. */
const configuration = obj({
  cpuModel: str(),
  cpuRequest: quantity(),
  developerConfiguration: obj({
    featureGates: strs(), disabledFeatureGates: strs(), memoryOvercommit: int64(), cpuAllocationRatio: int64(),
    nodeSelectors: map(), useEmulation: bool(), logVerbosity: free(), pvcTolerateLessSpaceUpToPercent: int64(),
    minimumReservePVCBytes: int64(), minimumClusterTSCFrequency: int64(), diskVerification: free(),
    clusterProfiler: bool(),
  }),
  emulatedMachines: strs(),
  imagePullPolicy: str(),
  migrations: migrationConfigSchema,
  machineType: str(),
  architectureConfiguration: free(),
  network: obj({
    defaultNetworkInterface: str(), permitSlirpInterface: bool(), permitBridgeInterfaceOnPodNetwork: bool(),
    binding: map(free()),
  }),
  ovmfPath: str(),
  selinuxLauncherType: str(),
  defaultRuntimeClass: str(),
  smbios: obj({ manufacturer: str(), product: str(), version: str(), sku: str(), family: str() }),
  evictionStrategy: str(),
  vmRolloutStrategy: str(),
  vmStateStorageClass: str(),
  permittedHostDevices: free(),
  mediatedDevicesConfiguration: free(),
  supportedGuestAgentVersions: strs(),
  memBalloonStatsPeriod: int64(),
  handlerConfiguration: free(),
  controllerConfiguration: free(),
  apiConfiguration: free(),
  webhookConfiguration: free(),
  seccompConfiguration: free(),
  tlsConfiguration: free(),
  liveUpdateConfiguration: obj({ maxHotplugRatio: int64(), maxCpuSockets: int64(), maxGuest: quantity() }),
  ksmConfiguration: free(),
  autoCPULimitNamespaceLabelSelector: free(),
  additionalGuestMemoryOverheadRatio: str(),
  instancetype: free(),
  commonInstancetypesDeployment: obj({ enabled: bool() }),
  virtualMachineInstancesPerNode: int64(),
  virtualMachineOptions: free(),
  changedBlockTrackingLabelSelectors: free(),
});

/** KubeVirtSpec. */
export const kubevirtSpecSchema: JSONSchema = obj({
  imageTag: str(),
  imageRegistry: str(),
  imagePullPolicy: str(),
  imagePullSecrets: arr(localRef()),
  monitorNamespace: str(),
  serviceMonitorNamespace: str(),
  monitorAccount: str(),
  selfSignConfiguration: free(),
  certificateRotateStrategy: free(),
  productVersion: str(),
  productName: str(),
  productComponent: str(),
  configuration,
  infra: obj({ nodePlacement: nodePlacement(), replicas: int64() }),
  workloads: obj({ nodePlacement: nodePlacement(), replicas: int64() }),
  customizeComponents: free(),
  workloadUpdateStrategy: obj({
    workloadUpdateMethods: strs(), batchEvictionSize: int64(), batchEvictionInterval: str(),
  }),
  uninstallStrategy: str(),
});

/** KubeVirtStatus. */
export const kubevirtStatusSchema: JSONSchema = obj({
  phase: str(),
  conditions: conditions(),
  operatorVersion: str(),
  targetKubeVirtVersion: str(),
  targetKubeVirtRegistry: str(),
  targetDeploymentConfig: str(),
  targetDeploymentID: str(),
  observedKubeVirtVersion: str(),
  observedKubeVirtRegistry: str(),
  observedDeploymentConfig: str(),
  observedDeploymentID: str(),
  outdatedVirtualMachineInstanceWorkloads: int64(),
  observedGeneration: int64(),
  defaultArchitecture: str(),
  generations: arr(free()),
});
