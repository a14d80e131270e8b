/** core/v1 PersistentVolumeClaim: printing (`printPersistentVolumeClaim`), defaults and validation. */
import type { AdmissionContext, FieldCause, KubeObject, ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { ageColumn, col } from '../meta/columns.js';
import { forbidden, notSupported, required } from '../meta/field-errors.js';
import { translateTimestampSince } from '../meta/human-duration.js';
import { arr, str } from '../meta/object-access.js';
import { validateObjectMeta } from '../meta/validation.js';
import { accessModesString, storageClassOf } from './volume-helpers.js';

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];

function pvcCells(pvc: KubeObject, now: number): unknown[] {
  const phase = pvc.metadata.deletionTimestamp ? 'Terminating' : str(pvc, 'status.phase');
  const bound = str(pvc, 'spec.volumeName') !== '';
  // Capacity and access modes are shown only once the claim is bound to a volume.
  const capacity = bound ? str(pvc, 'status.capacity.storage') || '0' : '';
  const modes = bound ? accessModesString(arr(pvc, 'status.accessModes')) : '';
  return [
    phase, str(pvc, 'spec.volumeName'), capacity, modes, storageClassOf(pvc), str(pvc, 'spec.volumeAttributesClassName') || '<unset>',
    translateTimestampSince(pvc.metadata.creationTimestamp, now), str(pvc, 'spec.volumeMode') || '<unset>',
  ];
}

/** Defaults of a PVC spec (`SetDefaults_PersistentVolumeClaimSpec`); also used for claim templates. */
export function defaultPVCSpec(spec: Record<string, any>): void {
  spec.volumeMode ??= 'Filesystem';
}

function pvcDefaults(obj: KubeObject, ctx: AdmissionContext): void {
  if (ctx.subresource) return;
  defaultPVCSpec((obj.spec ??= {}) as Record<string, any>);
  if (ctx.operation === 'CREATE') obj.status = { phase: 'Pending' };
}

/** `ValidatePersistentVolumeClaimSpec` essentials: access modes and a storage request. */
export function validatePVCSpec(spec: Record<string, any> | undefined, path: string): FieldCause[] {
  const causes: FieldCause[] = [];
  const s = spec ?? {};
  const modes = Array.isArray(s.accessModes) ? s.accessModes : [];
  if (modes.length === 0) causes.push(required(`${path}.accessModes`, 'at least 1 access mode is required'));
  for (const m of modes) if (!ACCESS_MODES.includes(m)) causes.push(notSupported(`${path}.accessModes`, m, ACCESS_MODES));
  if (s.resources?.requests?.storage === undefined) causes.push(required(`${path}.resources[storage]`));
  return causes;
}

/** The Forbidden detail of `ValidatePersistentVolumeClaimUpdate` (without its struct diff). */
export const PVC_SPEC_IMMUTABLE = 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims';

/** Spec changes a PVC update may make: binding, requests, attributes class, a first storage class. */
export function validatePVCUpdate(spec: Record<string, any> | undefined, oldSpec: Record<string, any> | undefined): FieldCause[] {
  const next = structuredClone(spec ?? {});
  const prev = structuredClone(oldSpec ?? {});
  if (!prev.volumeName) prev.volumeName = next.volumeName;
  if (prev.storageClassName === undefined) prev.storageClassName = next.storageClassName;
  for (const s of [next, prev]) {
    delete s.volumeAttributesClassName;
    if (s.resources) delete s.resources.requests;
  }
  const sorted = (v: unknown): unknown => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])])) : v);
  return JSON.stringify(sorted(prev)) === JSON.stringify(sorted(next)) ? [] : [forbidden('spec', PVC_SPEC_IMMUTABLE)];
}

/** The persistentvolumeclaims resource. */
export const persistentVolumeClaimDef: ResourceDef = {
  group: '', version: 'v1', kind: 'PersistentVolumeClaim', plural: 'persistentvolumeclaims', singular: 'persistentvolumeclaim', namespaced: true,
  shortNames: ['pvc'], subresources: ['status'],
  ...schemaFields('io.k8s.api.core.v1.PersistentVolumeClaim'),
  strategicMerge: true,
  printerColumns: [
    col('Status', 'phase represents the current phase of PersistentVolumeClaim.'),
    col('Volume', 'volumeName is the binding reference to the PersistentVolume backing this claim.'),
    col('Capacity', 'capacity represents the actual resources of the underlying volume.'),
    col('Access Modes', 'accessModes contains the actual access modes the volume backing the PVC has.'),
    col('StorageClass', 'storageClassName is the name of the StorageClass required by the claim.'),
    col('VolumeAttributesClass', 'volumeAttributesClassName may be used to set the VolumeAttributesClass used by this claim.'),
    ageColumn,
    col('VolumeMode', 'volumeMode defines what type of volume is required by the claim.', 1),
  ],
  cells: pvcCells,
  defaults: pvcDefaults,
  validate: (obj, ctx) => {
    const causes = [...validateObjectMeta(obj.metadata, { namespaced: true }), ...validatePVCSpec(obj.spec as Record<string, any>, 'spec')];
    if (ctx.operation === 'UPDATE' && ctx.old && !ctx.subresource) causes.push(...validatePVCUpdate(obj.spec as Record<string, any>, ctx.old.spec as Record<string, any>));
    return causes;
  },
  tracksGeneration: false,
};
