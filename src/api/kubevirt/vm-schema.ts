/**
 * kubevirt.io/v1 VirtualMachineSpec and VirtualMachineStatus.
 * Field names from kubevirt/kubevirt `staging/src/kubevirt.io/api/core/v1/types.go`.
 */
import type { JSONSchema } from '../types.js';
import { dataVolumeSpecSchema } from '../cdi/datavolume-schema.js';
import { conditions } from './core-schemas.js';
import { diskSchema } from './devices-schema.js';
import { arr, bool, free, int, int64, map, obj, str, time } from './schema-kit.js';
import { hotplugSourceSchema, vmiTemplateSchema } from './vmi-schema.js';

/** The run strategies the VM webhook accepts (`validRunStrategies`). */
export const RUN_STRATEGIES = ['Halted', 'Manual', 'Always', 'RerunOnFailure', 'Once', 'WaitAsReceiver'];

/** The 17 printable statuses of a VM [KV-T]. */
export const PRINTABLE_STATUSES = [
  'Stopped', 'Provisioning', 'Starting', 'Running', 'Paused', 'Stopping', 'Terminating', 'CrashLoopBackOff',
  'Migrating', 'Unknown', 'ErrorUnschedulable', 'ErrImagePull', 'ImagePullBackOff', 'ErrorPvcNotFound',
  'DataVolumeError', 'WaitingForVolumeBinding', 'WaitingForReceiver',
];

const matcher = () => obj(
  { name: str(), kind: str(), revisionName: str(), inferFromVolume: str(), inferFromVolumeFailurePolicy: str() },
);

/** DataVolumeTemplateSpec: an embedded DataVolume (metadata kept as given). */
export const dataVolumeTemplateSchema: JSONSchema = obj(
  {
    apiVersion: str(),
    kind: str(),
    metadata: { type: 'object', nullable: true, 'x-kubernetes-preserve-unknown-fields': true },
    spec: dataVolumeSpecSchema,
    status: free(),
  },
  ['spec'],
);

/** VirtualMachineSpec; `template` has no omitempty in Go, so the CRD requires it. */
export const vmSpecSchema: JSONSchema = obj(
  {
    // Descriptions as KubeVirt's CRD carries them (kubevirt/kubevirt `staging/src/kubevirt.io/api/core/v1/types.go`), for `kubectl explain`.
    running: {
      ...bool(),
      description: 'Running controls whether the associatied VirtualMachineInstance is created or not Mutually exclusive with RunStrategy Deprecated: VirtualMachineInstance field "Running" is now deprecated, please use RunStrategy instead.',
    },
    runStrategy: str({ description: 'Running state indicates the requested running state of the VirtualMachineInstance mutually exclusive with Running' }),
    instancetype: matcher(),
    preference: matcher(),
    template: vmiTemplateSchema,
    dataVolumeTemplates: arr(dataVolumeTemplateSchema),
    updateVolumesStrategy: str(),
  },
  ['template'],
);

const refStatus = () => obj({
  name: str(), kind: str(), controllerRevisionRef: obj({ name: str() }),
  inferFromVolume: str(), inferFromVolumeFailurePolicy: str(),
});

/** VirtualMachineStatus. */
export const vmStatusSchema: JSONSchema = obj({
  snapshotInProgress: str(),
  restoreInProgress: str(),
  created: bool(),
  ready: bool(),
  printableStatus: str(),
  conditions: conditions(),
  stateChangeRequests: arr(obj({ action: str(), data: map(), uid: str() }, ['action'])),
  volumeRequests: arr(obj({
    addVolumeOptions: obj({ name: str(), disk: diskSchema, volumeSource: hotplugSourceSchema, dryRun: arr(str()) }),
    removeVolumeOptions: obj({ name: str(), dryRun: arr(str()) }),
  })),
  volumeSnapshotStatuses: arr(obj({ name: str(), enabled: bool(), reason: str() }, ['name', 'enabled'])),
  startFailure: obj({
    retries: int(), lastFailedVMIUID: str(), consecutiveFailCount: int(), retryAfterTimestamp: time(),
  }),
  memoryDumpRequest: obj({
    claimName: str(), phase: str(), startTimestamp: time(), endTimestamp: time(),
    fileName: str(), message: str(), remove: bool(),
  }),
  observedGeneration: int64(),
  desiredGeneration: int64(),
  runStrategy: str(),
  instancetypeRef: refStatus(),
  preferenceRef: refStatus(),
  volumeUpdateState: obj({ volumeMigrationState: obj({ migratedVolumes: arr(free()) }) }),
  changedBlockTracking: free(),
});
