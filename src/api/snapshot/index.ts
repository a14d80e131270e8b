/**
 * snapshot.storage.k8s.io/v1: VolumeSnapshot, VolumeSnapshotContent, VolumeSnapshotClass. In real
 * clusters these are CRDs; names, scope, short names and printer columns follow their manifests
 * (`kubernetes-csi/external-snapshotter` `client/config/crd/*.yaml`).
 */
import type { AdmissionContext, FieldCause, KubeObject, ResourceDef } from '../types.js';
import { col } from '../meta/columns.js';
import { forbidden } from '../meta/field-errors.js';
import { str } from '../meta/object-access.js';
import { snapshotSchemaFields, volumeSnapshotClassSchema, volumeSnapshotContentSchema, volumeSnapshotSchema } from './schemas.js';

const G = 'snapshot.storage.k8s.io';
const age = { name: 'Age', type: 'date' as const, jsonPath: '.metadata.creationTimestamp' };
const path = (name: string, type: 'string' | 'integer' | 'boolean' | 'date', jsonPath: string, description: string) => ({ ...col(name, description, 0, type), jsonPath });

// Metadata of these CRD-like kinds is checked by the schema engine, as for custom resources.
function validateSnapshot(obj: KubeObject, ctx: AdmissionContext): FieldCause[] {
  const causes: FieldCause[] = [];
  const pvc = str(obj, 'spec.source.persistentVolumeClaimName');
  const content = str(obj, 'spec.source.volumeSnapshotContentName');
  // The CRD's x-kubernetes-validations rules on spec.source.
  if ((pvc === '') === (content === '')) {
    causes.push({ reason: 'FieldValueInvalid', field: 'spec.source', message: 'Invalid value: "object": Exactly one of persistentVolumeClaimName and volumeSnapshotContentName should be specified' });
  }
  if (ctx.operation === 'UPDATE' && ctx.old && !ctx.subresource) {
    if (str(ctx.old, 'spec.source.persistentVolumeClaimName') !== pvc) causes.push(forbidden('spec.source', 'persistentVolumeClaimName is immutable'));
    if (str(ctx.old, 'spec.source.volumeSnapshotContentName') !== content) causes.push(forbidden('spec.source', 'volumeSnapshotContentName is immutable'));
  }
  return causes;
}

/** The volumesnapshots resource. */
export const volumeSnapshotDef: ResourceDef = {
  group: G, version: 'v1', kind: 'VolumeSnapshot', plural: 'volumesnapshots', singular: 'volumesnapshot', namespaced: true,
  shortNames: ['vs'], subresources: ['status'],
  ...snapshotSchemaFields('VolumeSnapshot', volumeSnapshotSchema),
  printerColumns: [
    path('ReadyToUse', 'boolean', '.status.readyToUse', 'Indicates if the snapshot is ready to be used to restore a volume.'),
    path('SourcePVC', 'string', '.spec.source.persistentVolumeClaimName', 'If a new snapshot needs to be created, this contains the name of the source PVC from which this snapshot was (or will be) created.'),
    path('SourceSnapshotContent', 'string', '.spec.source.volumeSnapshotContentName', 'If a snapshot already exists, this contains the name of the existing VolumeSnapshotContent object representing the existing snapshot.'),
    path('RestoreSize', 'string', '.status.restoreSize', 'Represents the minimum size of volume required to rehydrate from this snapshot.'),
    path('SnapshotClass', 'string', '.spec.volumeSnapshotClassName', 'The name of the VolumeSnapshotClass requested by the VolumeSnapshot.'),
    path('SnapshotContent', 'string', '.status.boundVolumeSnapshotContentName', 'Name of the VolumeSnapshotContent object to which the VolumeSnapshot object intends to bind to.'),
    path('CreationTime', 'date', '.status.creationTime', 'Timestamp when the point-in-time snapshot was taken by the underlying storage system.'),
    age,
  ],
  validate: validateSnapshot,
};

/** The volumesnapshotcontents resource. */
export const volumeSnapshotContentDef: ResourceDef = {
  group: G, version: 'v1', kind: 'VolumeSnapshotContent', plural: 'volumesnapshotcontents', singular: 'volumesnapshotcontent', namespaced: false,
  shortNames: ['vsc', 'vscs'], subresources: ['status'],
  ...snapshotSchemaFields('VolumeSnapshotContent', volumeSnapshotContentSchema),
  printerColumns: [
    path('ReadyToUse', 'boolean', '.status.readyToUse', 'Indicates if a snapshot is ready to be used to restore a volume.'),
    path('RestoreSize', 'integer', '.status.restoreSize', 'Represents the complete size of the snapshot in bytes'),
    path('DeletionPolicy', 'string', '.spec.deletionPolicy', 'Determines whether this VolumeSnapshotContent and its physical snapshot on the underlying storage system should be deleted when its bound VolumeSnapshot is deleted.'),
    path('Driver', 'string', '.spec.driver', 'Name of the CSI driver used to create the physical snapshot on the underlying storage system.'),
    path('VolumeSnapshotClass', 'string', '.spec.volumeSnapshotClassName', 'Name of the VolumeSnapshotClass to which this snapshot belongs.'),
    path('VolumeSnapshot', 'string', '.spec.volumeSnapshotRef.name', 'Name of the VolumeSnapshot object to which this VolumeSnapshotContent object is bound.'),
    path('VolumeSnapshotNamespace', 'string', '.spec.volumeSnapshotRef.namespace', 'Namespace of the VolumeSnapshot object to which this VolumeSnapshotContent object is bound.'),
    age,
  ],
};

/** The volumesnapshotclasses resource. */
export const volumeSnapshotClassDef: ResourceDef = {
  group: G, version: 'v1', kind: 'VolumeSnapshotClass', plural: 'volumesnapshotclasses', singular: 'volumesnapshotclass', namespaced: false,
  shortNames: ['vsclass', 'vsclasses'],
  ...snapshotSchemaFields('VolumeSnapshotClass', volumeSnapshotClassSchema),
  printerColumns: [
    path('Driver', 'string', '.driver', 'Name of the CSI driver'),
    path('DeletionPolicy', 'string', '.deletionPolicy', 'Determines whether a VolumeSnapshotContent created through the VolumeSnapshotClass should be deleted when its bound VolumeSnapshot is deleted.'),
    age,
  ],
};

/** snapshot.storage.k8s.io/v1 ResourceDefs. */
export const snapshotResources: ResourceDef[] = [volumeSnapshotDef, volumeSnapshotContentDef, volumeSnapshotClassDef];
