/** apps/v1 ReplicaSet: DESIRED CURRENT READY AGE | CONTAINERS IMAGES SELECTOR, `status.replicas` selector. */
import type { AdmissionContext, KubeObject, ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { ageColumn, col } from '../meta/columns.js';
import { translateTimestampSince } from '../meta/human-duration.js';
import { num } from '../meta/object-access.js';
import { containersColumn, imagesColumn, selectorColumn } from './deployment.js';
import { defaultTemplate, templateCells, validateWorkload } from './workload.js';

function replicaSetDefaults(obj: KubeObject, ctx: AdmissionContext): void {
  if (ctx.subresource) return;
  defaultTemplate(obj).replicas ??= 1;
}

/** The replicasets resource. */
export const replicaSetDef: ResourceDef = {
  group: 'apps', version: 'v1', kind: 'ReplicaSet', plural: 'replicasets', singular: 'replicaset', namespaced: true,
  shortNames: ['rs'], categories: ['all'], subresources: ['status', 'scale'],
  ...schemaFields('io.k8s.api.apps.v1.ReplicaSet'),
  strategicMerge: true,
  printerColumns: [
    col('Desired', 'Replicas is the number of desired replicas.', 0, 'integer'),
    col('Current', 'Replicas is the most recently observed number of replicas.', 0, 'integer'),
    col('Ready', 'The number of ready replicas for this replica set.', 0, 'integer'),
    ageColumn, containersColumn, imagesColumn, selectorColumn,
  ],
  cells: (o, now) => [num(o, 'spec.replicas'), num(o, 'status.replicas'), num(o, 'status.readyReplicas'), translateTimestampSince(o.metadata.creationTimestamp, now), ...templateCells(o)],
  // pkg/registry/apps/replicaset/strategy.go ReplicaSetToSelectableFields
  fieldSelectors: { 'status.replicas': (o) => String(num(o, 'status.replicas')) },
  defaults: replicaSetDefaults,
  validate: (obj, ctx) => validateWorkload(obj, ctx, 'replicaset'),
  tracksGeneration: true,
};
