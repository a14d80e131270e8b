/**
 * snapshot.kubevirt.io kinds (v1beta1, the storage version, and v1alpha1 with the same
 * schema, both served as kubevirt's crds.go does). Field names from kubevirt/kubevirt
 * `staging/src/kubevirt.io/api/snapshot/v1beta1/types.go`.
 */
import type { ResourceDef } from '../types.js';
import { conditions, pvcSpec, typedLocalRef } from '../kubevirt/core-schemas.js';
import { col, crd } from '../kubevirt/crd-def.js';
import { arr, bool, free, map, obj, oneOf, str, strs, time } from '../kubevirt/schema-kit.js';
import { vmSpecSchema, vmStatusSchema } from '../kubevirt/vm-schema.js';

const G = 'snapshot.kubevirt.io';
const ERROR = col('Error', 'string', '.status.error.message');
const errorSchema = () => obj({ time: time(), message: str() });

function kinds(version: string): ResourceDef[] {
  const snapshot = crd({
    group: G, version, kind: 'VirtualMachineSnapshot', plural: 'virtualmachinesnapshots', namespaced: true,
    shortNames: ['vmsnapshot', 'vmsnapshots'], categories: ['all'], subresources: ['status'],
    spec: obj({ source: typedLocalRef(), deletionPolicy: oneOf('Delete', 'Retain'), failureDeadline: str() }, ['source']),
    status: obj({
      sourceUID: str(),
      virtualMachineSnapshotContentName: str(),
      creationTime: time(),
      phase: str(),
      error: errorSchema(),
      readyToUse: bool(),
      conditions: conditions(),
      indications: strs(),
      sourceIndications: arr(obj({ indication: str(), message: str() }, ['indication', 'message'])),
      snapshotVolumes: obj({ includedVolumes: strs(), excludedVolumes: strs() }),
    }),
    required: ['spec'],
    columns: [
      col('SourceKind', 'string', '.spec.source.kind'),
      col('SourceName', 'string', '.spec.source.name'),
      col('Phase', 'string', '.status.phase'),
      col('ReadyToUse', 'boolean', '.status.readyToUse'),
      col('CreationTime', 'date', '.status.creationTime'),
      ERROR,
    ],
  });
  const content = crd({
    group: G, version, kind: 'VirtualMachineSnapshotContent', plural: 'virtualmachinesnapshotcontents',
    namespaced: true, shortNames: ['vmsnapshotcontent', 'vmsnapshotcontents'], categories: ['all'], subresources: ['status'],
    spec: obj({
      virtualMachineSnapshotName: str(),
      source: obj({
        virtualMachine: obj({ apiVersion: str(), kind: str(), metadata: free(), spec: vmSpecSchema, status: vmStatusSchema }),
      }),
      volumeBackups: arr(obj({
        volumeName: str(),
        persistentVolumeClaim: obj({ metadata: free(), spec: pvcSpec() }),
        volumeSnapshotName: str(),
      }, ['volumeName', 'persistentVolumeClaim'])),
    }, ['source']),
    status: obj({
      sourceUID: str(),
      creationTime: time(),
      readyToUse: bool(),
      error: errorSchema(),
      volumeSnapshotStatus: arr(obj({
        volumeSnapshotName: str(), creationTime: time(), readyToUse: bool(), error: errorSchema(),
      }, ['volumeSnapshotName'])),
    }),
    required: ['spec'],
    columns: [col('ReadyToUse', 'boolean', '.status.readyToUse'), col('CreationTime', 'date', '.status.creationTime'), ERROR],
  });
  const restore = crd({
    group: G, version, kind: 'VirtualMachineRestore', plural: 'virtualmachinerestores', namespaced: true,
    shortNames: ['vmrestore', 'vmrestores'], categories: ['all'], subresources: ['status'],
    spec: obj({
      target: typedLocalRef(),
      virtualMachineSnapshotName: str(),
      patches: strs(),
      targetReadinessPolicy: oneOf('StopTarget', 'WaitGracePeriod', 'FailImmediate', 'WaitEventually'),
      volumeRestorePolicy: oneOf('RandomizeNames', 'InPlace', 'PrefixTargetName'),
      volumeOwnershipPolicy: oneOf('Vm', 'None'),
      volumeRestoreOverrides: arr(obj({ volumeName: str(), restoreName: str(), labels: map(), annotations: map() })),
    }, ['target', 'virtualMachineSnapshotName']),
    status: obj({
      restores: arr(obj({
        volumeName: str(), persistentVolumeClaim: str(), volumeSnapshotName: str(), dataVolumeName: str(),
      }, ['volumeName', 'persistentVolumeClaim', 'volumeSnapshotName'])),
      restoreTime: time(),
      deletedDataVolumes: strs(),
      complete: bool(),
      conditions: conditions(),
    }),
    required: ['spec'],
    columns: [
      col('TargetKind', 'string', '.spec.target.kind'),
      col('TargetName', 'string', '.spec.target.name'),
      col('Complete', 'boolean', '.status.complete'),
      col('RestoreTime', 'date', '.status.restoreTime'),
      ERROR,
    ],
  });
  return [snapshot, content, restore];
}

/** VirtualMachineSnapshot, VirtualMachineSnapshotContent, VirtualMachineRestore at v1beta1 and v1alpha1. */
export const snapshotResources: ResourceDef[] = [...kinds('v1beta1'), ...kinds('v1alpha1')];
