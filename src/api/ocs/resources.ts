/**
 * ocs.openshift.io/v1 StorageCluster (ODF). Field names from red-hat-storage/ocs-operator
 * `api/v1/storagecluster_types.go`. Note `spec.encryption.kms` has only `enable` there:
 * the Vault details (`connectionDetails`, `tokenSecretName`) live in the
 * `ocs-kms-connection-details` ConfigMap, not in this CR.
 */
import type { JSONSchema, ResourceDef } from '../types.js';
import { conditions, labelSelector, nodeAffinity, objectRef, pvcTemplate, resourceRequirements, toleration, topologySpread } from '../kubevirt/core-schemas.js';
import { col, crd } from '../kubevirt/crd-def.js';
import { arr, bool, free, int, map, obj, str, strs } from '../kubevirt/schema-kit.js';

/** Rook's Placement. */
export function placementSchema(): JSONSchema {
  return obj({
    nodeAffinity: nodeAffinity(), podAffinity: free(), podAntiAffinity: free(),
    tolerations: arr(toleration()), topologySpreadConstraints: arr(topologySpread()),
  });
}

const storageDeviceSet = obj({
  name: str(),
  count: int(),
  replica: int(),
  deviceType: str(),
  deviceClass: str(),
  resources: resourceRequirements(),
  placement: placementSchema(),
  preparePlacement: placementSchema(),
  config: obj({ tuneSlowDeviceClass: bool(), tuneFastDeviceClass: bool() }),
  dataPVCTemplate: pvcTemplate(),
  metadataPVCTemplate: pvcTemplate(),
  walPVCTemplate: pvcTemplate(),
  portable: bool(),
  encrypted: bool(),
  initialWeight: str(),
}, ['name', 'count', 'dataPVCTemplate']);

const spec = obj({
  manageNodes: bool(),
  instanceType: str(),
  labelSelector: labelSelector(),
  externalStorage: obj({ enable: bool() }),
  hostNetwork: bool(),
  storageDeviceSets: arr(storageDeviceSet),
  monPVCTemplate: pvcTemplate(),
  monDataDirHostPath: str(),
  mgr: obj({ enableActiveActive: bool(), modules: arr(obj({ name: str(), enabled: bool() })) }),
  multiCloudGateway: free(),
  encryption: obj({
    enable: bool(),
    clusterWide: bool(),
    storageClass: bool(),
    storageClassName: str(),
    kms: obj({ enable: bool() }),
    keyRotation: obj({ enable: bool(), schedule: str() }),
  }),
  resources: map(resourceRequirements()),
  placement: map(placementSchema()),
  managedResources: free(),
  network: free(),
  arbiter: obj({ enable: bool(), arbiterMonPVCTemplate: pvcTemplate() }),
  nodeTopologies: obj({ arbiterLocation: str(), labels: map(strs()) }),
  flexibleScaling: bool(),
  logCollector: obj({ enabled: bool(), periodicity: str(), maxLogSize: str() }),
  mirroring: free(),
  defaultStorageProfile: str(),
  storageProfiles: arr(free()),
  backingStorageClasses: arr(free()),
  allowRemoteStorageConsumers: bool(),
  enableCephTools: bool(),
  version: str(),
});

const status = obj({
  phase: str(),
  relatedObjects: arr(objectRef()),
  conditions: conditions(),
  failureDomain: str(),
  failureDomainKey: str(),
  failureDomainValues: strs(),
  storageProviderEndpoint: str(),
  externalStorage: free(),
  images: free(),
  nodeTopologies: obj({ labels: map(strs()) }),
  version: str(),
  kmsServerConnection: free(),
  defaultCephDeviceClass: str(),
});

/** StorageCluster. */
export const storageClusterDef: ResourceDef = crd({
  group: 'ocs.openshift.io', version: 'v1', kind: 'StorageCluster', plural: 'storageclusters', namespaced: true,
  subresources: ['status'], spec, status,
  columns: [
    col('Age', 'date', '.metadata.creationTimestamp'),
    col('Phase', 'string', '.status.phase', 0, 'Current Phase'),
    col('External', 'boolean', '.spec.externalStorage.enable'),
    col('Created At', 'string', '.metadata.creationTimestamp'),
    col('Version', 'string', '.status.version', 0, 'Storage Cluster Version'),
  ],
});

/** Every ocs.openshift.io kind served. */
export const ocsResources: ResourceDef[] = [storageClusterDef];
