/**
 * authorization.k8s.io/v1 reviews: create-only virtual resources (nothing is stored); the
 * server answers with `status` filled in. Validation from `pkg/apis/authorization/validation`.
 */
import type { FieldCause, KubeObject, ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { invalid } from '../meta/field-errors.js';
import { at, str } from '../meta/object-access.js';

const G = 'authorization.k8s.io';

function validateAttributes(obj: KubeObject): FieldCause[] {
  const causes: FieldCause[] = [];
  const res = at(obj, 'spec.resourceAttributes');
  const nonRes = at(obj, 'spec.nonResourceAttributes');
  if (res !== undefined && nonRes !== undefined) causes.push(invalid('spec.nonResourceAttributes', nonRes, 'cannot be specified in combination with resourceAttributes'));
  if (res === undefined && nonRes === undefined) causes.push(invalid('spec.resourceAttributes', null, 'exactly one of nonResourceAttributes or resourceAttributes must be specified'));
  return causes;
}

function validateSubjectAccessReview(obj: KubeObject): FieldCause[] {
  const causes = validateAttributes(obj);
  const groups = at(obj, 'spec.groups');
  if (!str(obj, 'spec.user') && !(Array.isArray(groups) && groups.length > 0)) causes.push(invalid('spec.user', str(obj, 'spec.user'), 'at least one of user or group must be specified'));
  return causes;
}

function validateLocal(obj: KubeObject): FieldCause[] {
  const causes = validateSubjectAccessReview(obj);
  const ns = str(obj, 'spec.resourceAttributes.namespace');
  if (at(obj, 'spec.resourceAttributes') !== undefined && ns !== (obj.metadata.namespace ?? '')) {
    causes.push(invalid('spec.resourceAttributes.namespace', ns, 'must match metadata.namespace'));
  }
  return causes;
}

function review(kind: string, namespaced: boolean, validate?: ResourceDef['validate']): ResourceDef {
  return {
    group: G, version: 'v1', kind, plural: `${kind.toLowerCase()}s`, singular: kind.toLowerCase(), namespaced,
    verbs: ['create'],
    ...schemaFields(`io.k8s.api.authorization.v1.${kind}`),
    // A Go-typed built-in: decoded like a struct (unknown fields dropped), metadata not name-checked.
    strategicMerge: true,
    printerColumns: [],
    validate,
    tracksGeneration: false,
  };
}

/** authorization.k8s.io/v1 ResourceDefs. */
export const authorizationResources: ResourceDef[] = [
  review('SelfSubjectAccessReview', false, validateAttributes),
  review('SelfSubjectRulesReview', false),
  review('SubjectAccessReview', false, validateSubjectAccessReview),
  review('LocalSubjectAccessReview', true, validateLocal),
];
