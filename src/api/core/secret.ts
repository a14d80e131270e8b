/** core/v1 Secret: TYPE DATA AGE, `type` field selector, Opaque default, stringData folding, type rules. */
import type { AdmissionContext, FieldCause, KubeObject, ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { ageColumn, col } from '../meta/columns.js';
import { forbidden, invalid, required, tooLong } from '../meta/field-errors.js';
import { translateTimestampSince } from '../meta/human-duration.js';
import { rec, str } from '../meta/object-access.js';
import { validateObjectMeta } from '../meta/validation.js';
import { isBase64, validateDataKeys } from './data-keys.js';
import { MAX_DATA_SIZE } from './configmap.js';

/** Keys each well-known secret type requires (`ValidateSecret`, pkg/apis/core/validation). */
const REQUIRED_KEYS: Record<string, string[]> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
};

function secretDefaults(obj: KubeObject, ctx: AdmissionContext): void {
  if (ctx.subresource) return;
  obj.type ??= 'Opaque';
  // stringData is write-only: v1 conversion folds it into data, overriding equal keys.
  const stringData = obj.stringData as Record<string, string> | undefined;
  if (stringData && typeof stringData === 'object') {
    const data = { ...((obj.data as Record<string, string>) ?? {}) };
    for (const [k, v] of Object.entries(stringData)) data[k] = Buffer.from(String(v), 'utf8').toString('base64');
    obj.data = data;
    delete obj.stringData;
  }
}

function validateSecret(obj: KubeObject, ctx: AdmissionContext): FieldCause[] {
  const causes = validateObjectMeta(obj.metadata, { namespaced: true });
  const data = rec<string>(obj, 'data');
  causes.push(...validateDataKeys(data, 'data'));
  let size = 0;
  for (const [k, v] of Object.entries(data)) {
    // kube rejects this while decoding (400 "illegal base64 data"); ove reports it as a field error.
    if (!isBase64(v)) causes.push(invalid(`data[${k}]`, '<secret contents redacted>', 'illegal base64 data'));
    size += Math.floor((String(v).length * 3) / 4);
  }
  if (size > MAX_DATA_SIZE) causes.push(tooLong('data', MAX_DATA_SIZE));
  const type = str(obj, 'type');
  for (const key of REQUIRED_KEYS[type] ?? []) if (!(key in data)) causes.push(required(`data[${key}]`));
  if (type === 'kubernetes.io/service-account-token' && !obj.metadata.annotations?.['kubernetes.io/service-account.name']) {
    causes.push(required('metadata.annotations[kubernetes.io/service-account.name]'));
  }
  if (type === 'kubernetes.io/basic-auth' && !('username' in data) && !('password' in data)) {
    causes.push(required('data[username]'));
  }
  if (ctx.operation === 'UPDATE' && ctx.old) {
    if (str(ctx.old, 'type') !== type) causes.push(invalid('type', type, 'field is immutable'));
    if (ctx.old.immutable === true && JSON.stringify(obj.data ?? {}) !== JSON.stringify(ctx.old.data ?? {})) {
      causes.push(forbidden('data', 'field is immutable when `immutable` is set'));
    }
  }
  return causes;
}

/** The secrets resource. */
export const secretDef: ResourceDef = {
  group: '', version: 'v1', kind: 'Secret', plural: 'secrets', singular: 'secret', namespaced: true,
  ...schemaFields('io.k8s.api.core.v1.Secret'),
  strategicMerge: true,
  printerColumns: [col('Type', 'Used to facilitate programmatic handling of secret data.'), col('Data', 'Data contains the secret data.'), ageColumn],
  cells: (o, now) => [str(o, 'type'), Object.keys(rec(o, 'data')).length, translateTimestampSince(o.metadata.creationTimestamp, now)],
  // pkg/registry/core/secret/strategy.go SelectableFields
  fieldSelectors: { type: (o) => str(o, 'type') },
  defaults: secretDefaults,
  validate: validateSecret,
  tracksGeneration: false,
};
