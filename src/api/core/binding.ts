/** core/v1 Binding: create-only (`POST .../bindings`), the legacy form of `pods/binding`. */
import type { FieldCause, ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { required } from '../meta/field-errors.js';
import { str } from '../meta/object-access.js';
import { validateObjectMeta } from '../meta/validation.js';

/** The bindings resource. */
export const bindingDef: ResourceDef = {
  group: '', version: 'v1', kind: 'Binding', plural: 'bindings', singular: 'binding', namespaced: true,
  verbs: ['create'],
  ...schemaFields('io.k8s.api.core.v1.Binding'),
  strategicMerge: true,
  printerColumns: [],
  validate: (obj): FieldCause[] => {
    const causes = validateObjectMeta(obj.metadata, { namespaced: true });
    // ValidatePodBinding: only nodes are binding targets.
    if (!str(obj, 'target.name')) causes.push(required('target.name'));
    const kind = str(obj, 'target.kind');
    if (kind !== '' && kind !== 'Node') causes.push({ reason: 'FieldValueNotSupported', message: `Unsupported value: "${kind}": supported values: "Node"`, field: 'target.kind' });
    return causes;
  },
  tracksGeneration: false,
};
