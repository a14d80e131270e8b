/**
 * clone.kubevirt.io/v1beta1 VirtualMachineClone (vmclone). Field names from kubevirt/kubevirt
 * `staging/src/kubevirt.io/api/clone/v1beta1/types.go`; columns from crds.go.
 */
import type { ResourceDef } from '../types.js';
import { conditions, typedLocalRef } from '../kubevirt/core-schemas.js';
import { col, crd } from '../kubevirt/crd-def.js';
import { map, obj, str, strs, time } from '../kubevirt/schema-kit.js';

/** The phases a clone goes through [KV-T]. */
export const CLONE_PHASES = ['SnapshotInProgress', 'CreatingTargetVM', 'RestoreInProgress', 'Succeeded', 'Failed', 'Unknown'];

/** VirtualMachineClone. */
export const virtualMachineCloneDef: ResourceDef = crd({
  group: 'clone.kubevirt.io', version: 'v1beta1', kind: 'VirtualMachineClone', plural: 'virtualmachineclones',
  namespaced: true, shortNames: ['vmclone', 'vmclones'], categories: ['all'], subresources: ['status'],
  spec: obj({
    source: typedLocalRef(),
    target: typedLocalRef(),
    annotationFilters: strs(),
    labelFilters: strs(),
    template: obj({ annotationFilters: strs(), labelFilters: strs() }),
    newMacAddresses: map(),
    newSMBiosSerial: str(),
    patches: strs(),
    volumeNamePolicy: str(),
  }, ['source']),
  status: obj({
    snapshotName: str(), restoreName: str(), conditions: conditions(), phase: str(),
    creationTime: time(), targetName: str(),
  }),
  required: ['spec'],
  columns: [
    col('Phase', 'string', '.status.phase'),
    col('SourceVirtualMachine', 'string', '.spec.source.name'),
    col('TargetVirtualMachine', 'string', '.spec.target.name'),
  ],
});

/** Every clone.kubevirt.io kind. */
export const cloneResources: ResourceDef[] = [virtualMachineCloneDef];
