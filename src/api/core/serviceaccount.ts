/** core/v1 ServiceAccount: SECRETS AGE, `token` subresource. */
import type { ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { ageColumn, col } from '../meta/columns.js';
import { translateTimestampSince } from '../meta/human-duration.js';
import { arr } from '../meta/object-access.js';
import { validateObjectMeta } from '../meta/validation.js';

/** The serviceaccounts resource. */
export const serviceAccountDef: ResourceDef = {
  group: '', version: 'v1', kind: 'ServiceAccount', plural: 'serviceaccounts', singular: 'serviceaccount', namespaced: true,
  shortNames: ['sa'], subresources: ['token'],
  ...schemaFields('io.k8s.api.core.v1.ServiceAccount'),
  strategicMerge: true,
  printerColumns: [col('Secrets', 'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.'), ageColumn],
  cells: (o, now) => [arr(o, 'secrets').length, translateTimestampSince(o.metadata.creationTimestamp, now)],
  validate: (obj) => validateObjectMeta(obj.metadata, { namespaced: true }),
  tracksGeneration: false,
};
