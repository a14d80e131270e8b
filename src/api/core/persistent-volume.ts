/** core/v1 PersistentVolume: printing (`printPersistentVolume`), defaults and validation. */
import type { AdmissionContext, FieldCause, KubeObject, ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { ageColumn, col } from '../meta/columns.js';
import { required } from '../meta/field-errors.js';
import { translateTimestampSince } from '../meta/human-duration.js';
import { arr, str } from '../meta/object-access.js';
import { validateObjectMeta } from '../meta/validation.js';
import { accessModesString, storageClassOf } from './volume-helpers.js';

function pvCells(pv: KubeObject, now: number): unknown[] {
  const claim = (pv.spec as Record<string, any> | undefined)?.claimRef;
  const claimRef = claim ? `${claim.namespace ?? ''}/${claim.name ?? ''}` : '';
  const phase = pv.metadata.deletionTimestamp ? 'Terminating' : str(pv, 'status.phase');
  return [
    str(pv, 'spec.capacity.storage') || '0', accessModesString(arr(pv, 'spec.accessModes')), str(pv, 'spec.persistentVolumeReclaimPolicy'),
    phase, claimRef, storageClassOf(pv), str(pv, 'spec.volumeAttributesClassName') || '<unset>', str(pv, 'status.reason'),
    translateTimestampSince(pv.metadata.creationTimestamp, now), str(pv, 'spec.volumeMode') || '<unset>',
  ];
}

function pvDefaults(obj: KubeObject, ctx: AdmissionContext): void {
  if (ctx.subresource) return;
  const spec = (obj.spec ??= {}) as Record<string, any>;
  // SetDefaults_PersistentVolume
  spec.persistentVolumeReclaimPolicy ??= 'Retain';
  spec.volumeMode ??= 'Filesystem';
  if (ctx.operation === 'CREATE') obj.status = { phase: 'Pending' };
}

function validatePV(obj: KubeObject): FieldCause[] {
  const causes = validateObjectMeta(obj.metadata, { namespaced: false });
  const spec = (obj.spec ?? {}) as Record<string, any>;
  if (!Array.isArray(spec.accessModes) || spec.accessModes.length === 0) causes.push(required('spec.accessModes'));
  if (!spec.capacity?.storage) causes.push(required('spec.capacity', 'must specify a capacity for storage'));
  return causes;
}

/** The persistentvolumes resource. */
export const persistentVolumeDef: ResourceDef = {
  group: '', version: 'v1', kind: 'PersistentVolume', plural: 'persistentvolumes', singular: 'persistentvolume', namespaced: false,
  shortNames: ['pv'], subresources: ['status'],
  ...schemaFields('io.k8s.api.core.v1.PersistentVolume'),
  strategicMerge: true,
  printerColumns: [
    col('Capacity', 'capacity is the description of the persistent volume\'s resources and capacity.'),
    col('Access Modes', 'accessModes contains all ways the volume can be mounted.'),
    col('Reclaim Policy', 'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim.'),
    col('Status', 'phase indicates if a volume is available, bound to a claim, or released by a claim.'),
    col('Claim', 'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim.'),
    col('StorageClass', 'storageClassName is the name of StorageClass to which this persistent volume belongs.'),
    col('VolumeAttributesClass', 'Name of VolumeAttributesClass to which this persistent volume belongs.'),
    col('Reason', 'reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI.'),
    ageColumn,
    col('VolumeMode', 'volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state.', 1),
  ],
  cells: pvCells,
  defaults: pvDefaults,
  validate: validatePV,
  tracksGeneration: false,
};
