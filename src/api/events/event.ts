/**
 * events.k8s.io/v1 Event. In kube-apiserver it shares storage with core/v1 events (one
 * internal type, converted per version); see `convert.ts`.
 */
import type { ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { str } from '../meta/object-access.js';
import { validateObjectMeta } from '../meta/validation.js';
import { eventCells, eventColumns } from '../core/event-cells.js';

/** events.k8s.io/v1 field labels (`pkg/apis/events/v1/conversion.go` maps them to the core ones). */
export const eventsV1FieldSelectors: ResourceDef['fieldSelectors'] = {
  'regarding.kind': (o) => str(o, 'regarding.kind'),
  'regarding.namespace': (o) => str(o, 'regarding.namespace'),
  'regarding.name': (o) => str(o, 'regarding.name'),
  'regarding.uid': (o) => str(o, 'regarding.uid'),
  'regarding.apiVersion': (o) => str(o, 'regarding.apiVersion'),
  'regarding.resourceVersion': (o) => str(o, 'regarding.resourceVersion'),
  'regarding.fieldPath': (o) => str(o, 'regarding.fieldPath'),
  reason: (o) => str(o, 'reason'),
  reportingController: (o) => str(o, 'reportingController'),
  type: (o) => str(o, 'type'),
};

/** The events.k8s.io events resource (no implied NAME column either). */
export const eventsV1EventDef: ResourceDef = {
  group: 'events.k8s.io', version: 'v1', kind: 'Event', plural: 'events', singular: 'event', namespaced: true,
  shortNames: ['ev'],
  ...schemaFields('io.k8s.api.events.v1.Event'),
  strategicMerge: true,
  printerColumns: eventColumns,
  cells: eventCells,
  fieldSelectors: eventsV1FieldSelectors,
  validate: (obj) => validateObjectMeta(obj.metadata, { namespaced: true }),
  tracksGeneration: false,
};
