/** core/v1 LimitRange: CREATED AT (`printLimitRange`). */
import type { ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { createdAtColumn } from '../meta/columns.js';
import { createdAt } from '../meta/human-duration.js';
import { validateObjectMeta } from '../meta/validation.js';

/** The limitranges resource. */
export const limitRangeDef: ResourceDef = {
  group: '', version: 'v1', kind: 'LimitRange', plural: 'limitranges', singular: 'limitrange', namespaced: true,
  shortNames: ['limits'],
  ...schemaFields('io.k8s.api.core.v1.LimitRange'),
  strategicMerge: true,
  printerColumns: [createdAtColumn],
  cells: (o) => [createdAt(o.metadata.creationTimestamp)],
  validate: (obj) => validateObjectMeta(obj.metadata, { namespaced: true }),
  tracksGeneration: false,
};
