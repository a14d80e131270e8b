/** apps/v1 ControllerRevision: CONTROLLER REVISION AGE (kubernetes `pkg/printers/internalversion` printControllerRevision). */
import type { KubeObject, ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { ageColumn, col } from '../meta/columns.js';
import { translateTimestampSince } from '../meta/human-duration.js';

/** The controller column: `kind.group/name` in lower case, or `<none>`. */
function controllerOf(o: KubeObject): string {
  const ref = o.metadata.ownerReferences?.find((r) => r.controller);
  if (!ref) return '<none>';
  const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : '';
  return `${`${ref.kind}${group ? `.${group}` : ''}`.toLowerCase()}/${ref.name}`;
}

/** The controllerrevisions resource. */
export const controllerRevisionDef: ResourceDef = {
  group: 'apps', version: 'v1', kind: 'ControllerRevision', plural: 'controllerrevisions', singular: 'controllerrevision', namespaced: true,
  ...schemaFields('io.k8s.api.apps.v1.ControllerRevision'),
  strategicMerge: true,
  printerColumns: [col('Controller', 'Controller of the object'), col('Revision', 'Revision of the object', 0, 'integer'), ageColumn],
  cells: (o, now) => [controllerOf(o), Number((o as { revision?: number }).revision ?? 0), translateTimestampSince(o.metadata.creationTimestamp, now)],
};
