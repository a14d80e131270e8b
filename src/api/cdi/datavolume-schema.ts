/**
 * cdi.kubevirt.io/v1beta1 DataVolumeSpec and DataVolumeStatus. Field names from
 * kubevirt/containerized-data-importer
 * `staging/src/kubevirt.io/containerized-data-importer-api/pkg/apis/core/v1beta1/types.go`.
 */
import type { JSONSchema } from '../types.js';
import { conditions, labelSelector, pvcSpec, typedLocalRef, typedRef } from '../kubevirt/core-schemas.js';
import { arr, bool, empty, int32, obj, oneOf, resourceList, str, strs } from '../kubevirt/schema-kit.js';

const nsName = () => obj({ namespace: str(), name: str() }, ['namespace', 'name']);

/** DataVolumeSource: exactly one of these (checked by validation, not the schema). */
export const dataVolumeSourceSchema: JSONSchema = obj({
  http: obj(
    { url: str(), secretRef: str(), certConfigMap: str(), extraHeaders: strs(), secretExtraHeaders: strs() },
    ['url'],
  ),
  s3: obj({ url: str(), secretRef: str(), certConfigMap: str() }, ['url']),
  gcs: obj({ url: str(), secretRef: str() }, ['url']),
  registry: obj({
    url: str(), imageStream: str(), pullMethod: oneOf('pod', 'node'), secretRef: str(),
    certConfigMap: str(), platform: obj({ architecture: str() }),
  }),
  pvc: nsName(),
  upload: empty(),
  blank: empty(),
  imageio: obj(
    { url: str(), diskId: str(), secretRef: str(), certConfigMap: str(), insecureSkipVerify: bool() },
    ['url', 'diskId'],
  ),
  vddk: obj({
    url: str(), uuid: str(), backingFile: str(), thumbprint: str(), secretRef: str(),
    initImageURL: str(), extraArgs: str(),
  }),
  snapshot: nsName(),
});

/** StorageSpec: like a PVC spec, but every field optional and defaulted from the StorageProfile. */
export const storageSpecSchema: JSONSchema = obj({
  accessModes: strs(),
  selector: labelSelector(),
  resources: obj({ limits: resourceList(), requests: resourceList() }),
  volumeName: str(),
  storageClassName: str(),
  volumeMode: str(),
  dataSource: typedLocalRef(),
  dataSourceRef: typedRef(),
});

/** DataVolumeSpec. */
export const dataVolumeSpecSchema: JSONSchema = obj({
  source: dataVolumeSourceSchema,
  sourceRef: obj({ kind: str(), namespace: str(), name: str() }, ['kind', 'name']),
  pvc: pvcSpec(),
  storage: storageSpecSchema,
  priorityClassName: str(),
  contentType: oneOf('kubevirt', 'archive'),
  checkpoints: arr(obj({ previous: str(), current: str() }, ['previous', 'current'])),
  finalCheckpoint: bool(),
  preallocation: bool(),
});

/** DataVolumeStatus; `progress` is a string such as "23.00%" or "N/A". */
export const dataVolumeStatusSchema: JSONSchema = obj({
  claimName: str(),
  phase: str(),
  progress: str(),
  restartCount: int32(),
  conditions: conditions(),
});

/** The DataVolume phases CDI reports [CDI]. */
export const DATAVOLUME_PHASES = [
  '', 'Pending', 'PVCBound', 'ImportScheduled', 'ImportInProgress', 'CloneScheduled', 'CloneInProgress',
  'SnapshotForSmartCloneInProgress', 'CloneFromSnapshotSourceInProgress', 'SmartClonePVCInProgress',
  'CSICloneInProgress', 'ExpansionInProgress', 'NamespaceTransferInProgress', 'UploadScheduled', 'UploadReady',
  'WaitForFirstConsumer', 'PendingPopulation', 'Succeeded', 'Failed', 'Unknown', 'Paused',
  'PrepClaimInProgress', 'RebindInProgress',
];
