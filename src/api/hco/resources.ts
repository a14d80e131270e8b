/**
 * hco.kubevirt.io/v1beta1 HyperConverged (the OpenShift Virtualization operator CR).
 * Top-level spec fields and their `+kubebuilder:default`s from kubevirt/hyperconverged-cluster-operator
 * `api/v1beta1/hyperconverged_types.go`. The spec is closed (an unknown top-level field such
 * as `workloadEvaluationFrequency` is rejected); some nested blocks are declared free-form.
 */
import type { JSONSchema, ResourceDef } from '../types.js';
import { conditions, labelSelector, objectRef, toleration } from '../kubevirt/core-schemas.js';
import { crd } from '../kubevirt/crd-def.js';
import { migrationConfigSchema } from '../kubevirt/kubevirt-cr-schema.js';
import { arr, bool, free, int32, int64, map, obj, oneOf, str, strs } from '../kubevirt/schema-kit.js';

/** The schema with a structural default (`+kubebuilder:default`), applied by the API server. */
function withDefault(schema: JSONSchema, value: unknown): JSONSchema {
  return { ...schema, default: value };
}

const placement = () => obj({
  nodePlacement: obj({ nodeSelector: map(), affinity: free(), tolerations: arr(toleration()) }),
});

const spec = obj({
  localStorageClassName: str(),
  tuningPolicy: oneOf('annotation', 'highBurst'),
  infra: placement(),
  workloads: placement(),
  featureGates: withDefault(free(), {
    downwardMetrics: false, deployKubeSecondaryDNS: false, disableMDevConfiguration: false, persistentReservation: false,
    enableMultiArchBootImageImport: false, decentralizedLiveMigration: false, declarativeHotplugVolumes: false,
  }),
  liveMigrationConfig: withDefault(migrationConfigSchema, {
    completionTimeoutPerGiB: 150, parallelMigrationsPerCluster: 5, parallelOutboundMigrationsPerNode: 2,
    progressTimeout: 150, allowAutoConverge: false, allowPostCopy: false,
  }),
  permittedHostDevices: obj({ pciHostDevices: arr(free()), mediatedDevices: arr(free()), usbHostDevices: arr(free()) }),
  mediatedDevicesConfiguration: free(),
  certConfig: withDefault(
    obj({ ca: obj({ duration: str(), renewBefore: str() }), server: obj({ duration: str(), renewBefore: str() }) }),
    { ca: { duration: '48h0m0s', renewBefore: '24h0m0s' }, server: { duration: '24h0m0s', renewBefore: '12h0m0s' } },
  ),
  resourceRequirements: withDefault(obj({
    storageWorkloads: free(), vmiCPUAllocationRatio: int32(), autoCPULimitNamespaceLabelSelector: labelSelector(),
  }), { vmiCPUAllocationRatio: 10 }),
  scratchSpaceStorageClass: str(),
  vddkInitImage: str(),
  defaultCPUModel: str(),
  defaultRuntimeClass: str(),
  obsoleteCPUs: obj({ minCPUModel: str(), cpuModels: strs() }),
  commonTemplatesNamespace: str(),
  storageImport: obj({ insecureRegistries: strs() }),
  workloadUpdateStrategy: withDefault(
    obj({ workloadUpdateMethods: strs(), batchEvictionSize: int32(), batchEvictionInterval: str() }),
    { workloadUpdateMethods: ['LiveMigrate'], batchEvictionSize: 10, batchEvictionInterval: '1m0s' },
  ),
  dataImportCronTemplates: arr(free()),
  filesystemOverhead: obj({ global: str(), storageClass: map() }),
  uninstallStrategy: withDefault(oneOf('RemoveWorkloads', 'BlockUninstallIfWorkloadsExist'), 'BlockUninstallIfWorkloadsExist'),
  logVerbosityConfig: obj({ kubevirt: free(), cdi: int32() }),
  tlsSecurityProfile: free(),
  tektonPipelinesNamespace: str(),
  tektonTasksNamespace: str(),
  kubeSecondaryDNSNameServerIP: str(),
  evictionStrategy: oneOf('None', 'LiveMigrate', 'LiveMigrateIfPossible', 'External'),
  vmStateStorageClass: str(),
  virtualMachineOptions: withDefault(
    obj({ disableFreePageReporting: bool(), disableSerialConsoleLog: bool() }),
    { disableFreePageReporting: false, disableSerialConsoleLog: false },
  ),
  commonBootImageNamespace: str(),
  enableCommonBootImageImport: withDefault(bool(), true),
  deployVmConsoleProxy: withDefault(bool(), false),
  enableApplicationAwareQuota: withDefault(bool(), false),
  ksmConfiguration: obj({ nodeLabelSelector: labelSelector() }),
  networkBinding: map(free()),
  applicationAwareConfig: obj({
    vmiCalcConfigName: str(), namespaceSelector: labelSelector(), allowApplicationAwareClusterResourceQuota: bool(),
  }),
  higherWorkloadDensity: withDefault(obj({ memoryOvercommitPercentage: int32() }), { memoryOvercommitPercentage: 100 }),
  // The JSON key really is capitalised in hyperconverged_types.go.
  CommonInstancetypesDeployment: obj({ enabled: bool() }),
  instancetypeConfig: obj({ referencePolicy: str() }),
  liveUpdateConfiguration: obj({ maxHotplugRatio: int32(), maxCpuSockets: int32(), maxGuest: str() }),
});

/** HyperConverged (hco), named `kubevirt-hyperconverged` in `openshift-cnv`. */
export const hyperConvergedDef: ResourceDef = crd({
  group: 'hco.kubevirt.io', version: 'v1beta1', kind: 'HyperConverged', plural: 'hyperconvergeds', namespaced: true,
  shortNames: ['hco', 'hcos'], subresources: ['status'],
  spec,
  status: obj({
    conditions: conditions(),
    relatedObjects: arr(objectRef()),
    versions: arr(obj({ name: str(), version: str() })),
    observedGeneration: int64(),
    dataImportSchedule: str(),
    dataImportCronTemplates: arr(free()),
    systemHealthStatus: str(),
    infrastructureHighlyAvailable: bool(),
    nodeInfo: free(),
  }),
});

/** Every hco.kubevirt.io kind served. */
export const hcoResources: ResourceDef[] = [hyperConvergedDef];
