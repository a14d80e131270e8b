/** storage.k8s.io/v1 StorageClass: printing (`printStorageClass`), defaults, validation. */
import type { AdmissionContext, FieldCause, KubeObject, ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { ageColumn, col } from '../meta/columns.js';
import { forbidden, invalid, notSupported, required } from '../meta/field-errors.js';
import { translateTimestampSince } from '../meta/human-duration.js';
import { str } from '../meta/object-access.js';
import { isQualifiedName, validateObjectMeta } from '../meta/validation.js';

/** `storageutil.IsDefaultAnnotation`: the GA or beta default-class annotation is `"true"`. */
export function isDefaultStorageClass(obj: KubeObject): boolean {
  const a = obj.metadata.annotations ?? {};
  return a['storageclass.kubernetes.io/is-default-class'] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
}

/** The NAME cell: `<name> (default)` for the default class. */
export function storageClassNameCell(obj: KubeObject): string {
  const name = obj.metadata.name ?? '';
  return isDefaultStorageClass(obj) ? `${name} (default)` : name;
}

function storageClassDefaults(obj: KubeObject): void {
  // pkg/apis/storage/v1/defaults.go SetDefaults_StorageClass
  obj.reclaimPolicy ??= 'Delete';
  obj.volumeBindingMode ??= 'Immediate';
}

function validateStorageClass(obj: KubeObject, ctx: AdmissionContext): FieldCause[] {
  const causes = validateObjectMeta(obj.metadata, { namespaced: false });
  const provisioner = str(obj, 'provisioner');
  if (!provisioner) causes.push(required('provisioner'));
  else for (const e of isQualifiedName(provisioner.toLowerCase())) causes.push(invalid('provisioner', provisioner, e));
  if (obj.reclaimPolicy !== undefined && !['Delete', 'Retain'].includes(String(obj.reclaimPolicy))) causes.push(notSupported('reclaimPolicy', obj.reclaimPolicy, ['Delete', 'Retain']));
  if (obj.volumeBindingMode !== undefined && !['Immediate', 'WaitForFirstConsumer'].includes(String(obj.volumeBindingMode))) {
    causes.push(notSupported('volumeBindingMode', obj.volumeBindingMode, ['Immediate', 'WaitForFirstConsumer']));
  }
  if (ctx.operation === 'UPDATE' && ctx.old) {
    const same = (f: string) => JSON.stringify(obj[f] ?? null) === JSON.stringify(ctx.old![f] ?? null);
    if (!same('parameters')) causes.push(forbidden('parameters', 'updates to parameters are forbidden.'));
    if (!same('provisioner')) causes.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
    if (!same('reclaimPolicy')) causes.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
    if (!same('volumeBindingMode')) causes.push(forbidden('volumeBindingMode', 'field is immutable'));
  }
  return causes;
}

/** The storageclasses resource; its NAME cell comes from `storageClassNameCell`. */
export const storageClassDef: ResourceDef = {
  group: 'storage.k8s.io', version: 'v1', kind: 'StorageClass', plural: 'storageclasses', singular: 'storageclass', namespaced: false,
  shortNames: ['sc'],
  ...schemaFields('io.k8s.api.storage.v1.StorageClass'),
  strategicMerge: true,
  printerColumns: [
    col('Provisioner', 'provisioner indicates the type of the provisioner.'),
    col('ReclaimPolicy', 'reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class.'),
    col('VolumeBindingMode', 'volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.'),
    col('AllowVolumeExpansion', 'allowVolumeExpansion shows whether the storage class allow volume expand.'),
    ageColumn,
  ],
  cells: (o, now) => [
    str(o, 'provisioner'), str(o, 'reclaimPolicy') || 'Delete', str(o, 'volumeBindingMode') || 'Immediate',
    o.allowVolumeExpansion === true, translateTimestampSince(o.metadata.creationTimestamp, now),
  ],
  defaults: storageClassDefaults,
  validate: validateStorageClass,
  tracksGeneration: false,
};
