/** core/v1 Namespace: STATUS AGE, `kubernetes.io/metadata.name` label, `kubernetes` finalizer. */
import type { AdmissionContext, KubeObject, ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { ageColumn, col } from '../meta/columns.js';
import { translateTimestampSince } from '../meta/human-duration.js';
import { str } from '../meta/object-access.js';
import { isDNS1123Label, validateObjectMeta } from '../meta/validation.js';

/** `v1.LabelMetadataName`: every namespace carries its own name in this label. */
export const LABEL_METADATA_NAME = 'kubernetes.io/metadata.name';

function namespaceDefaults(obj: KubeObject, ctx: AdmissionContext): void {
  // SetDefaults_Namespace sets the label on every write (pkg/apis/core/v1/defaults.go).
  if (obj.metadata.name) obj.metadata.labels = { ...(obj.metadata.labels ?? {}), [LABEL_METADATA_NAME]: obj.metadata.name };
  if (ctx.subresource) return;
  if (ctx.operation === 'CREATE') {
    // PrepareForCreate: the finalizer that makes the namespace controller empty it on delete.
    obj.spec = { ...((obj.spec as object) ?? {}), finalizers: ['kubernetes'] };
    obj.status = { phase: 'Active' };
  } else if (ctx.operation === 'UPDATE' && ctx.old) {
    // PrepareForUpdate: spec.finalizers change only through the finalize subresource.
    const finalizers = (ctx.old.spec as { finalizers?: string[] } | undefined)?.finalizers;
    obj.spec = { ...((obj.spec as object) ?? {}), finalizers: finalizers ? [...finalizers] : [] };
  }
}

/** The namespaces resource. */
export const namespaceDef: ResourceDef = {
  group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', singular: 'namespace', namespaced: false,
  shortNames: ['ns'], subresources: ['status', 'finalize'],
  // Namespaces have no deletecollection (pkg/registry/core/namespace/storage).
  verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  ...schemaFields('io.k8s.api.core.v1.Namespace'),
  strategicMerge: true,
  printerColumns: [col('Status', 'The status of the namespace'), ageColumn],
  cells: (o, now) => [str(o, 'status.phase'), translateTimestampSince(o.metadata.creationTimestamp, now)],
  // pkg/registry/core/namespace/strategy.go NamespaceToSelectableFields
  fieldSelectors: { 'status.phase': (o) => str(o, 'status.phase'), name: (o) => o.metadata.name },
  defaults: namespaceDefaults,
  validate: (obj) => validateObjectMeta(obj.metadata, { namespaced: false, name: isDNS1123Label }),
  tracksGeneration: false,
};
