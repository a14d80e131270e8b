/**
 * machineconfiguration.openshift.io/v1 (all cluster-scoped): MachineConfig, MachineConfigPool,
 * KubeletConfig, ContainerRuntimeConfig. Field names from openshift/api
 * `machineconfiguration/v1/types.go`. `spec.config` is an Ignition document the CRD keeps
 * as given (`x-kubernetes-preserve-unknown-fields`); the MCO validates it when rendering.
 */
import type { ResourceDef } from '../types.js';
import { conditions, labelSelector, objectRef } from '../kubevirt/core-schemas.js';
import { col, crd } from '../kubevirt/crd-def.js';
import { arr, bool, free, int32, int64, intOrString, obj, quantity, str, strs, time } from '../kubevirt/schema-kit.js';

const G = 'machineconfiguration.openshift.io';
const V = 'v1';
const AGE = col('Age', 'date', '.metadata.creationTimestamp');
const cond = (type: string) => `.status.conditions[?(@.type=="${type}")].status`;

/** MachineConfig (mc). */
export const machineConfigDef: ResourceDef = crd({
  group: G, version: V, kind: 'MachineConfig', plural: 'machineconfigs', namespaced: false, shortNames: ['mc'],
  spec: obj({
    osImageURL: str(),
    baseOSExtensionsContainerImage: str(),
    config: free(),
    kernelArguments: strs(),
    extensions: strs(),
    fips: bool(),
    kernelType: str(),
  }),
  columns: [
    col('GeneratedByController', 'string',
      '.metadata.annotations.machineconfiguration\\.openshift\\.io/generated-by-controller-version',
      0, 'Version of the controller that generated the machineconfig. This will be empty if the machineconfig is not managed by a controller.'),
    col('IgnitionVersion', 'string', '.spec.config.ignition.version', 0, 'Version of the Ignition Config defined in the machineconfig.'),
    AGE,
  ],
});

const renderedRef = () => obj({ name: str(), source: arr(objectRef()) });

/** MachineConfigPool (mcp). */
export const machineConfigPoolDef: ResourceDef = crd({
  group: G, version: V, kind: 'MachineConfigPool', plural: 'machineconfigpools', namespaced: false,
  shortNames: ['mcp'], subresources: ['status'],
  spec: obj({
    machineConfigSelector: labelSelector(),
    nodeSelector: labelSelector(),
    paused: bool(),
    maxUnavailable: intOrString(),
    configuration: renderedRef(),
    pinnedImageSets: arr(obj({ name: str() }, ['name'])),
  }),
  status: obj({
    observedGeneration: int64(),
    configuration: renderedRef(),
    machineCount: int32(),
    updatedMachineCount: int32(),
    readyMachineCount: int32(),
    unavailableMachineCount: int32(),
    degradedMachineCount: int32(),
    conditions: conditions(),
    certExpirys: arr(obj({ bundle: str(), subject: str(), expiry: time() }, ['bundle', 'subject'])),
    poolSynchronizersStatus: arr(free()),
  }),
  columns: [
    col('Config', 'string', '.status.configuration.name'),
    col('Updated', 'string', cond('Updated'), 0, 'When all the machines in the pool are updated to the correct machine config.'),
    col('Updating', 'string', cond('Updating'), 0, 'When at least one of machine is not either not updated or is in the process of updating to the desired machine config.'),
    col('Degraded', 'string', cond('Degraded'), 0, 'When progress is blocked on updating one or more nodes or rendering configuration.'),
    col('MachineCount', 'number', '.status.machineCount', 0, 'Total number of machines in the machine config pool'),
    col('ReadyMachineCount', 'number', '.status.readyMachineCount', 0, 'Total number of ready machines targeted by the pool'),
    col('UpdatedMachineCount', 'number', '.status.updatedMachineCount', 0, 'Total number of machines targeted by the pool that have the CurrentMachineConfig as their config'),
    col('DegradedMachineCount', 'number', '.status.degradedMachineCount', 0, 'Total number of machines marked degraded (or unreconcilable)'),
    AGE,
  ],
});

const controllerStatus = () => obj({ observedGeneration: int64(), conditions: conditions() });

/** KubeletConfig. */
export const kubeletConfigDef: ResourceDef = crd({
  group: G, version: V, kind: 'KubeletConfig', plural: 'kubeletconfigs', namespaced: false, subresources: ['status'],
  spec: obj({
    autoSizingReserved: bool(), logLevel: int32(), machineConfigPoolSelector: labelSelector(),
    kubeletConfig: free(), tlsSecurityProfile: free(),
  }),
  status: controllerStatus(),
});

/** ContainerRuntimeConfig (ctrcfg). */
export const containerRuntimeConfigDef: ResourceDef = crd({
  group: G, version: V, kind: 'ContainerRuntimeConfig', plural: 'containerruntimeconfigs', namespaced: false,
  shortNames: ['ctrcfg'], subresources: ['status'],
  spec: obj({
    machineConfigPoolSelector: labelSelector(),
    containerRuntimeConfig: obj({
      pidsLimit: int64(), logLevel: str(), logSizeMax: quantity(), overlaySize: quantity(), defaultRuntime: str(),
    }),
  }, ['containerRuntimeConfig']),
  status: controllerStatus(),
});

/** Every machineconfiguration.openshift.io kind served. */
export const machineConfigurationResources: ResourceDef[] = [
  machineConfigDef, machineConfigPoolDef, kubeletConfigDef, containerRuntimeConfigDef,
];
