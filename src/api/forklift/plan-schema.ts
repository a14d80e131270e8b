/**
 * forklift.konveyor.io/v1beta1 Plan spec and the per-VM migration status shared by Plan and
 * Migration. Field names from kubev2v/forklift `pkg/apis/forklift/v1beta1/plan.go`,
 * `plan/vm.go`, `plan/migration.go`.
 */
import type { JSONSchema } from '../types.js';
import { objectRef } from '../kubevirt/core-schemas.js';
import { arr, bool, free, int64, map, obj, oneOf, str, time } from '../kubevirt/schema-kit.js';

const templates = () => ({ pvcNameTemplate: str(), volumeNameTemplate: str(), networkNameTemplate: str() });

const planVm = obj({
  id: str(), name: str(), namespace: str(), type: str(),
  hooks: arr(obj({ hook: objectRef(), step: str() }, ['hook', 'step'])),
  luks: objectRef(),
  nbdeClevis: bool(),
  rootDisk: str(),
  instanceType: str(),
  targetName: str(),
  targetPowerState: str(),
  ...templates(),
});

/** PlanSpec. */
export const planSpecSchema: JSONSchema = obj({
  description: str(),
  targetNamespace: str(),
  provider: obj({ source: objectRef(), destination: objectRef() }, ['source', 'destination']),
  map: obj({ network: objectRef(), storage: objectRef() }, ['network', 'storage']),
  warm: bool(),
  type: oneOf('cold', 'warm', 'live', 'conversion'),
  vms: arr(planVm),
  archived: bool(),
  transferNetwork: objectRef(),
  preserveClusterCpuModel: bool(),
  preserveStaticIPs: bool(),
  migrateSharedDisks: bool(),
  deleteGuestConversionPod: bool(),
  deleteVmOnFailMigration: bool(),
  installLegacyDrivers: bool(),
  skipGuestConversion: bool(),
  useCompatibilityMode: bool(),
  targetPowerState: str(),
  runPreflightInspection: bool(),
  targetAffinity: free(),
  targetLabels: map(),
  targetNodeSelector: map(),
  convertorLabels: map(),
  convertorNodeSelector: map(),
  convertorAffinity: free(),
  diskBus: str(),
  ...templates(),
}, ['provider', 'targetNamespace', 'map', 'vms']);

/** VMStatus: a VM's progress through the pipeline (phases and steps). */
export const vmStatusSchema: JSONSchema = obj({
  id: str(), name: str(), namespace: str(), type: str(),
  phase: str(),
  pipeline: arr(obj({
    name: str(), description: str(), phase: str(), progress: obj({ total: int64(), completed: int64() }),
    annotations: map(), started: time(), completed: time(), error: free(), tasks: arr(free()),
  })),
  error: obj({ phase: str(), reasons: arr(str()) }),
  warm: obj({ successes: int64(), failures: int64(), consecutiveFailures: int64(), nextPrecopyAt: time(), precopies: arr(free()) }),
  conditions: arr(free()),
  started: time(),
  completed: time(),
  operatingSystem: str(),
  restorePowerState: str(),
  newName: str(),
  firmware: str(),
  luks: objectRef(),
  ...templates(),
});
