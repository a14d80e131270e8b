/** core/v1 Event: the event printer and the field selectors `kubectl describe` uses. */
import type { ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { str } from '../meta/object-access.js';
import { validateObjectMeta } from '../meta/validation.js';
import { eventCells, eventColumns } from './event-cells.js';

/** core/v1 event field labels (`pkg/registry/core/event/strategy.go` `ToSelectableFields`). */
export const coreEventFieldSelectors: ResourceDef['fieldSelectors'] = {
  'involvedObject.kind': (o) => str(o, 'involvedObject.kind'),
  'involvedObject.namespace': (o) => str(o, 'involvedObject.namespace'),
  'involvedObject.name': (o) => str(o, 'involvedObject.name'),
  'involvedObject.uid': (o) => str(o, 'involvedObject.uid'),
  'involvedObject.apiVersion': (o) => str(o, 'involvedObject.apiVersion'),
  'involvedObject.resourceVersion': (o) => str(o, 'involvedObject.resourceVersion'),
  'involvedObject.fieldPath': (o) => str(o, 'involvedObject.fieldPath'),
  reason: (o) => str(o, 'reason'),
  reportingComponent: (o) => str(o, 'reportingComponent'),
  source: (o) => str(o, 'source.component'),
  type: (o) => str(o, 'type'),
};

/**
 * The core events resource. Its table has no implied NAME column (see `eventColumns`);
 * builtin.ts lists it in `tablesWithoutNameColumn`.
 */
export const coreEventDef: ResourceDef = {
  group: '', version: 'v1', kind: 'Event', plural: 'events', singular: 'event', namespaced: true,
  shortNames: ['ev'],
  ...schemaFields('io.k8s.api.core.v1.Event'),
  strategicMerge: true,
  printerColumns: eventColumns,
  cells: eventCells,
  fieldSelectors: coreEventFieldSelectors,
  validate: (obj) => validateObjectMeta(obj.metadata, { namespaced: true }),
  tracksGeneration: false,
};
