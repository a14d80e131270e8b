/**
 * The cdi.kubevirt.io/v1beta1 kinds. Names, scopes, short names and columns from the
 * kubebuilder markers in kubevirt/containerized-data-importer
 * `staging/src/kubevirt.io/containerized-data-importer-api/pkg/apis/core/v1beta1/types.go`.
 */
import type { JSONSchema, ResourceDef } from '../types.js';
import { conditions, localRef, resourceRequirements, toleration, typedLocalRef } from '../kubevirt/core-schemas.js';
import { col, crd } from '../kubevirt/crd-def.js';
import { arr, bool, free, int32, map, obj, oneOf, str, strs, time } from '../kubevirt/schema-kit.js';
import { dataVolumeSourceSchema, dataVolumeSpecSchema, dataVolumeStatusSchema } from './datavolume-schema.js';

const G = 'cdi.kubevirt.io';
const V = 'v1beta1';
const nsName = () => obj({ namespace: str(), name: str() }, ['namespace', 'name']);

/** DataVolume (dv). */
export const dataVolumeDef: ResourceDef = crd({
  group: G, version: V, kind: 'DataVolume', plural: 'datavolumes', namespaced: true,
  shortNames: ['dv', 'dvs'], categories: ['all'], subresources: ['status'],
  spec: dataVolumeSpecSchema, status: dataVolumeStatusSchema, required: ['spec'],
  columns: [
    col('Phase', 'string', '.status.phase', 0, 'The phase the data volume is in'),
    col('Progress', 'string', '.status.progress', 0, 'Transfer progress in percentage if known, N/A otherwise'),
    col('Restarts', 'integer', '.status.restartCount', 0, 'The number of times the transfer has been restarted.'),
    col('Age', 'date', '.metadata.creationTimestamp'),
  ],
});

const dataSourceSource = obj({ pvc: nsName(), snapshot: nsName(), dataSource: nsName() });

/** DataSource (das). */
export const dataSourceDef: ResourceDef = crd({
  group: G, version: V, kind: 'DataSource', plural: 'datasources', namespaced: true,
  shortNames: ['das'], categories: ['all'], subresources: ['status'],
  spec: obj({ source: dataSourceSource }, ['source']),
  status: obj({ source: dataSourceSource, conditions: conditions() }),
  required: ['spec'],
});

/** DataImportCron (dic). */
export const dataImportCronDef: ResourceDef = crd({
  group: G, version: V, kind: 'DataImportCron', plural: 'dataimportcrons', namespaced: true,
  shortNames: ['dic', 'dics'], categories: ['all'], subresources: ['status'],
  spec: obj({
    template: obj({
      apiVersion: str(), kind: str(), metadata: free(), spec: dataVolumeSpecSchema, status: dataVolumeStatusSchema,
    }, ['spec']),
    schedule: str(),
    garbageCollect: oneOf('Never', 'Outdated'),
    importsToKeep: int32(),
    managedDataSource: str(),
    retentionPolicy: oneOf('None', 'All'),
    createdBy: str(),
  }, ['template', 'schedule', 'managedDataSource']),
  status: obj({
    currentImports: arr(obj({ DataVolumeName: str(), Digest: str() }, ['DataVolumeName'])),
    lastImportedPVC: nsName(),
    lastExecutionTimestamp: time(),
    lastImportTimestamp: time(),
    sourceFormat: str(),
    conditions: conditions(),
  }),
  required: ['spec'],
  columns: [col('Format', 'string', '.status.sourceFormat', 0, 'The format in which created sources are saved')],
});

const claimPropertySet = obj({ accessModes: strs(), volumeMode: oneOf('Block', 'Filesystem') }, ['accessModes', 'volumeMode']);
const profileFields = (): Record<string, JSONSchema> => ({
  cloneStrategy: str(), claimPropertySets: arr(claimPropertySet, { maxItems: 8 }),
  dataImportCronSourceFormat: str(), snapshotClass: str(),
});

/** StorageProfile (cluster-scoped; one per StorageClass). */
export const storageProfileDef: ResourceDef = crd({
  group: G, version: V, kind: 'StorageProfile', plural: 'storageprofiles', namespaced: false,
  subresources: ['status'],
  spec: obj(profileFields()),
  status: obj({ storageClass: str(), provisioner: str(), ...profileFields() }),
  required: ['spec'],
});

const cdiConfigSpec = obj({
  uploadProxyURLOverride: str(),
  importProxy: obj({ HTTPProxy: str(), HTTPSProxy: str(), noProxy: str(), trustedCAProxy: str() }),
  scratchSpaceStorageClass: str(),
  podResourceRequirements: resourceRequirements(),
  featureGates: strs(),
  filesystemOverhead: obj({ global: str(), storageClass: map() }),
  preallocation: bool(),
  insecureRegistries: strs(),
  dataVolumeTTLSeconds: int32(),
  tlsSecurityProfile: free(),
  imagePullSecrets: arr(localRef()),
  logVerbosity: int32(),
});

const placement = () => obj({ nodeSelector: map(), affinity: free(), tolerations: arr(toleration()) });

/** CDI (the operator CR, cluster-scoped). */
export const cdiDef: ResourceDef = crd({
  group: G, version: V, kind: 'CDI', plural: 'cdis', namespaced: false,
  shortNames: ['cdi', 'cdis'], subresources: ['status'],
  spec: obj({
    imagePullPolicy: str(), uninstallStrategy: str(), infra: placement(), workload: placement(),
    customizeComponents: free(), cloneStrategyOverride: str(), config: cdiConfigSpec,
    certConfig: free(), priorityClass: str(),
  }),
  status: obj({ phase: str(), conditions: conditions(), operatorVersion: str(), targetVersion: str(), observedVersion: str() }),
  required: ['spec'],
  columns: [col('Age', 'date', '.metadata.creationTimestamp'), col('Phase', 'string', '.status.phase')],
});

/** CDIConfig (cluster-scoped, named `config`). */
export const cdiConfigDef: ResourceDef = crd({
  group: G, version: V, kind: 'CDIConfig', plural: 'cdiconfigs', namespaced: false, subresources: ['status'],
  spec: cdiConfigSpec,
  status: obj({
    uploadProxyURL: str(), uploadProxyCA: str(),
    importProxy: obj({ HTTPProxy: str(), HTTPSProxy: str(), noProxy: str(), trustedCAProxy: str() }),
    scratchSpaceStorageClass: str(), defaultPodResourceRequirements: resourceRequirements(),
    filesystemOverhead: obj({ global: str(), storageClass: map() }), preallocation: bool(),
    imagePullSecrets: arr(localRef()),
  }),
});

const { pvc: _pvc, upload: _upload, snapshot: _snap, ...importSources } =
  (dataVolumeSourceSchema.properties ?? {}) as Record<string, JSONSchema>;

/** VolumeImportSource (populator source). */
export const volumeImportSourceDef: ResourceDef = crd({
  group: G, version: V, kind: 'VolumeImportSource', plural: 'volumeimportsources', namespaced: true,
  spec: obj({
    source: obj(importSources), contentType: str(), preallocation: bool(), targetClaim: str(),
    checkpoints: arr(obj({ previous: str(), current: str() })), finalCheckpoint: bool(),
  }),
  status: free(),
});

/** VolumeUploadSource (populator source). */
export const volumeUploadSourceDef: ResourceDef = crd({
  group: G, version: V, kind: 'VolumeUploadSource', plural: 'volumeuploadsources', namespaced: true,
  spec: obj({ contentType: str(), preallocation: bool() }),
  status: free(),
});

/** VolumeCloneSource (populator source). */
export const volumeCloneSourceDef: ResourceDef = crd({
  group: G, version: V, kind: 'VolumeCloneSource', plural: 'volumeclonesources', namespaced: true,
  spec: obj({ source: typedLocalRef(), preallocation: bool(), priorityClassName: str() }, ['source']),
});

/** ObjectTransfer (ot, cluster-scoped): moves a PVC/DataVolume between namespaces. */
export const objectTransferDef: ResourceDef = crd({
  group: G, version: V, kind: 'ObjectTransfer', plural: 'objecttransfers', namespaced: false,
  shortNames: ['ot', 'ots'], subresources: ['status'],
  spec: obj({
    source: obj({ apiVersion: str(), kind: str(), namespace: str(), name: str(), requiredAnnotations: map() }, ['kind', 'namespace', 'name']),
    target: obj({ namespace: str(), name: str() }),
    parentName: str(),
  }, ['source', 'target']),
  status: obj({ data: map(), phase: str(), conditions: conditions() }),
  columns: [col('Phase', 'string', '.status.phase'), col('Age', 'date', '.metadata.creationTimestamp')],
});

/** Every cdi.kubevirt.io/v1beta1 kind. */
export const cdiResources: ResourceDef[] = [
  dataVolumeDef, dataSourceDef, dataImportCronDef, storageProfileDef, cdiDef, cdiConfigDef,
  volumeImportSourceDef, volumeUploadSourceDef, volumeCloneSourceDef, objectTransferDef,
];
