/**
 * apiextensions.k8s.io/v1 CustomResourceDefinition as a served kind: CREATED AT (the default
 * table convertor), defaults and the naming rule. Turning CRDs into ResourceDefs is not done here.
 */
import type { AdmissionContext, FieldCause, KubeObject, ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { createdAtColumn } from '../meta/columns.js';
import { invalid, required } from '../meta/field-errors.js';
import { createdAt } from '../meta/human-duration.js';
import { arr, str } from '../meta/object-access.js';
import { validateObjectMeta } from '../meta/validation.js';

type Obj = Record<string, any>;

function crdDefaults(obj: KubeObject, ctx: AdmissionContext): void {
  if (ctx.subresource) return;
  // apiextensions/v1 defaults.go SetDefaults_CustomResourceDefinitionSpec
  const spec = (obj.spec ??= {}) as Obj;
  spec.names ??= {};
  if (!spec.names.singular && spec.names.kind) spec.names.singular = String(spec.names.kind).toLowerCase();
  if (!spec.names.listKind && spec.names.kind) spec.names.listKind = `${spec.names.kind}List`;
  spec.conversion ??= { strategy: 'None' };
  if (ctx.operation === 'CREATE') {
    // strategy.go PrepareForCreate: status starts with only the storage version recorded.
    const storage = arr(obj, 'spec.versions').find((v) => v.storage === true);
    obj.status = { acceptedNames: { kind: '', plural: '' }, storedVersions: storage ? [String(storage.name)] : [] };
  }
}

function validateCRD(obj: KubeObject): FieldCause[] {
  const causes = validateObjectMeta(obj.metadata, { namespaced: false });
  const plural = str(obj, 'spec.names.plural');
  const group = str(obj, 'spec.group');
  if (obj.metadata.name && obj.metadata.name !== `${plural}.${group}`) {
    causes.push(invalid('metadata.name', obj.metadata.name, 'must be spec.names.plural+"."+spec.group'));
  }
  if (!group) causes.push(required('spec.group'));
  if (!plural) causes.push(required('spec.names.plural'));
  if (!str(obj, 'spec.names.kind')) causes.push(required('spec.names.kind'));
  const scope = str(obj, 'spec.scope');
  if (scope !== 'Namespaced' && scope !== 'Cluster') causes.push({ reason: 'FieldValueNotSupported', field: 'spec.scope', message: `Unsupported value: ${JSON.stringify(scope)}: supported values: "Cluster", "Namespaced"` });
  const versions = arr(obj, 'spec.versions');
  if (versions.length === 0) causes.push(required('spec.versions', 'must have exactly one version marked as storage version'));
  else if (versions.filter((v) => v.storage === true).length !== 1) causes.push(invalid('spec.versions', versions.map((v) => v.name), 'must have exactly one version marked as storage version'));
  return causes;
}

/** The customresourcedefinitions resource. */
export const customResourceDefinitionDef: ResourceDef = {
  group: 'apiextensions.k8s.io', version: 'v1', kind: 'CustomResourceDefinition', plural: 'customresourcedefinitions', singular: 'customresourcedefinition', namespaced: false,
  shortNames: ['crd', 'crds'], categories: ['api-extensions'], subresources: ['status'],
  ...schemaFields('io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition'),
  strategicMerge: true,
  printerColumns: [createdAtColumn],
  cells: (o) => [createdAt(o.metadata.creationTimestamp)],
  defaults: crdDefaults,
  validate: validateCRD,
  tracksGeneration: true,
};

/** apiextensions.k8s.io/v1 ResourceDefs. */
export const apiextensionsResources: ResourceDef[] = [customResourceDefinitionDef];
