/** authentication.k8s.io/v1 TokenReview and SelfSubjectReview: create-only virtual resources. */
import type { ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { required } from '../meta/field-errors.js';
import { str } from '../meta/object-access.js';

const G = 'authentication.k8s.io';

/** The tokenreviews resource. */
export const tokenReviewDef: ResourceDef = {
  group: G, version: 'v1', kind: 'TokenReview', plural: 'tokenreviews', singular: 'tokenreview', namespaced: false,
  verbs: ['create'],
  ...schemaFields('io.k8s.api.authentication.v1.TokenReview'),
  strategicMerge: true,
  printerColumns: [],
  // pkg/registry/authentication/tokenreview/storage.go refuses an empty token.
  validate: (obj) => (str(obj, 'spec.token') ? [] : [required('spec.token')]),
  tracksGeneration: false,
};

/** The selfsubjectreviews resource. */
export const selfSubjectReviewDef: ResourceDef = {
  group: G, version: 'v1', kind: 'SelfSubjectReview', plural: 'selfsubjectreviews', singular: 'selfsubjectreview', namespaced: false,
  verbs: ['create'],
  ...schemaFields('io.k8s.api.authentication.v1.SelfSubjectReview'),
  strategicMerge: true,
  printerColumns: [],
  tracksGeneration: false,
};

/** authentication.k8s.io/v1 ResourceDefs. */
export const authenticationResources: ResourceDef[] = [tokenReviewDef, selfSubjectReviewDef];
