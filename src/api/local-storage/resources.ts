/**
 * local.storage.openshift.io/v1alpha1 LocalVolumeSet (the Local Storage Operator). Field names
 * from openshift/local-storage-operator `api/v1alpha1/localvolumeset_types.go`.
 */
import type { ResourceDef } from '../types.js';
import { conditions, toleration } from '../kubevirt/core-schemas.js';
import { col, crd } from '../kubevirt/crd-def.js';
import { arr, free, int, int64, obj, str, strs, time } from '../kubevirt/schema-kit.js';

const deviceInclusionSpec = obj({
  deviceTypes: strs(),
  deviceMechanicalProperties: strs(),
  minSize: str(),
  maxSize: str(),
  models: strs(),
  vendors: strs(),
});

/** LocalVolumeSet: discovers matching block devices on selected nodes and offers them as local PVs. */
export const localVolumeSetDef: ResourceDef = crd({
  group: 'local.storage.openshift.io', version: 'v1alpha1', kind: 'LocalVolumeSet', plural: 'localvolumesets', namespaced: true, subresources: ['status'],
  spec: obj({
    storageClassName: str(),
    volumeMode: str(),
    fsType: str(),
    maxDeviceCount: int(),
    nodeSelector: free(),
    tolerations: arr(toleration()),
    deviceInclusionSpec,
  }, ['storageClassName']),
  status: obj({ conditions: conditions(), totalProvisionedDeviceCount: int64(), observedGeneration: int64(), lastUpdated: time() }),
  columns: [
    col('Storage Class', 'string', '.spec.storageClassName'),
    col('Provisioned', 'integer', '.status.totalProvisionedDeviceCount'),
    col('Age', 'date', '.metadata.creationTimestamp'),
  ],
});

/** local.storage.openshift.io kinds served. */
export const localStorageResources: ResourceDef[] = [localVolumeSetDef];
