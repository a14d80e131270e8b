/** core/v1 ConfigMap: DATA AGE, key validation, 1 MiB size limit. */
import type { FieldCause, KubeObject, ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { ageColumn, col } from '../meta/columns.js';
import { forbidden, invalid, tooLong } from '../meta/field-errors.js';
import { translateTimestampSince } from '../meta/human-duration.js';
import { rec } from '../meta/object-access.js';
import { validateObjectMeta } from '../meta/validation.js';
import { validateDataKeys } from './data-keys.js';

/** `MaxSecretSize`, which also bounds config maps (1 MiB). */
export const MAX_DATA_SIZE = 1024 * 1024;

function validateConfigMap(obj: KubeObject, ctx: { operation: string; old?: KubeObject }): FieldCause[] {
  const causes = validateObjectMeta(obj.metadata, { namespaced: true });
  const data = rec<string>(obj, 'data');
  const binary = rec<string>(obj, 'binaryData');
  causes.push(...validateDataKeys(data, 'data'), ...validateDataKeys(binary, 'binaryData'));
  let size = 0;
  for (const [k, v] of Object.entries(data)) {
    size += String(v).length;
    if (k in binary) causes.push(invalid(`data[${k}]`, k, 'duplicate of key present in binaryData'));
  }
  for (const v of Object.values(binary)) size += Math.floor((String(v).length * 3) / 4);
  if (size > MAX_DATA_SIZE) causes.push(tooLong('', MAX_DATA_SIZE));
  if (ctx.operation === 'UPDATE' && ctx.old?.immutable === true) {
    if (obj.immutable !== true) causes.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
    if (JSON.stringify(obj.data ?? {}) !== JSON.stringify(ctx.old.data ?? {}) || JSON.stringify(obj.binaryData ?? {}) !== JSON.stringify(ctx.old.binaryData ?? {})) {
      causes.push(forbidden('data', 'field is immutable when `immutable` is set'));
    }
  }
  return causes;
}

/** The configmaps resource. */
export const configMapDef: ResourceDef = {
  group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps', singular: 'configmap', namespaced: true,
  shortNames: ['cm'],
  ...schemaFields('io.k8s.api.core.v1.ConfigMap'),
  strategicMerge: true,
  printerColumns: [col('Data', 'Data contains the configuration data.'), ageColumn],
  cells: (o, now) => [Object.keys(rec(o, 'data')).length + Object.keys(rec(o, 'binaryData')).length, translateTimestampSince(o.metadata.creationTimestamp, now)],
  validate: validateConfigMap,
  nonSpecFields: ['metadata', 'status'],
  tracksGeneration: false,
};
