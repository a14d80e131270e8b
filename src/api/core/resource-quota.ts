/** core/v1 ResourceQuota: AGE REQUEST LIMIT (`printResourceQuota`). */
import type { KubeObject, ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { ageColumn, col } from '../meta/columns.js';
import { translateTimestampSince } from '../meta/human-duration.js';
import { rec } from '../meta/object-access.js';
import { validateObjectMeta } from '../meta/validation.js';

/** REQUEST and LIMIT cells: `name: used/hard` pairs sorted by resource name; `limits.*` go to LIMIT. */
export function quotaCells(q: KubeObject): [string, string] {
  const hard = rec<unknown>(q, 'status.hard');
  const used = rec<unknown>(q, 'status.used');
  const request: string[] = [];
  const limit: string[] = [];
  for (const r of Object.keys(hard).sort()) {
    const pieces = r.split('.');
    const target = pieces.length > 1 && pieces[0] === 'limits' ? limit : request;
    target.push(`${r}: ${String(used[r] ?? '0')}/${String(hard[r])}`);
  }
  return [request.join(', '), limit.join(', ')];
}

/** The resourcequotas resource. */
export const resourceQuotaDef: ResourceDef = {
  group: '', version: 'v1', kind: 'ResourceQuota', plural: 'resourcequotas', singular: 'resourcequota', namespaced: true,
  shortNames: ['quota'], subresources: ['status'],
  ...schemaFields('io.k8s.api.core.v1.ResourceQuota'),
  strategicMerge: true,
  printerColumns: [ageColumn, col('Request', 'Request represents a minimum amount of cpu/memory that a container may consume.'), col('Limit', 'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.')],
  cells: (o, now) => [translateTimestampSince(o.metadata.creationTimestamp, now), ...quotaCells(o)],
  validate: (obj) => validateObjectMeta(obj.metadata, { namespaced: true }),
  tracksGeneration: false,
};
