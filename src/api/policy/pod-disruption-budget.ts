/** policy/v1 PodDisruptionBudget: MIN AVAILABLE MAX UNAVAILABLE ALLOWED DISRUPTIONS AGE (`printPodDisruptionBudget`). */
import type { FieldCause, KubeObject, ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { ageColumn, col } from '../meta/columns.js';
import { invalid } from '../meta/field-errors.js';
import { translateTimestampSince } from '../meta/human-duration.js';
import { at, num } from '../meta/object-access.js';
import { validateObjectMeta } from '../meta/validation.js';

const intOrNA = (o: KubeObject, path: string) => {
  const v = at(o, path);
  return v === undefined || v === null ? 'N/A' : String(v);
};

function validatePDB(obj: KubeObject): FieldCause[] {
  const causes = validateObjectMeta(obj.metadata, { namespaced: true });
  const spec = (obj.spec ?? {}) as Record<string, unknown>;
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    causes.push(invalid('spec', spec, 'minAvailable and maxUnavailable cannot be both set'));
  }
  for (const f of ['minAvailable', 'maxUnavailable']) {
    const v = spec[f];
    if (typeof v === 'number' && v < 0) causes.push(invalid(`spec.${f}`, v, 'must be greater than or equal to 0'));
    if (typeof v === 'string' && !/^\d+%$/.test(v)) causes.push(invalid(`spec.${f}`, v, 'a valid percent string must be a numeric string followed by an ending \'%\' (e.g. \'1%\',  or \'93%\', regex used for validation is \'[0-9]+%\')'));
  }
  return causes;
}

/** The poddisruptionbudgets resource. */
export const podDisruptionBudgetDef: ResourceDef = {
  group: 'policy', version: 'v1', kind: 'PodDisruptionBudget', plural: 'poddisruptionbudgets', singular: 'poddisruptionbudget', namespaced: true,
  shortNames: ['pdb'], subresources: ['status'],
  ...schemaFields('io.k8s.api.policy.v1.PodDisruptionBudget'),
  strategicMerge: true,
  printerColumns: [
    col('Min Available', 'The minimum number of pods that must be available simultaneously.'),
    col('Max Unavailable', 'The maximum number of pods that may be unavailable simultaneously.'),
    col('Allowed Disruptions', 'Calculated number of pods that may be disrupted at this time.', 0, 'integer'),
    ageColumn,
  ],
  cells: (o, now) => [intOrNA(o, 'spec.minAvailable'), intOrNA(o, 'spec.maxUnavailable'), num(o, 'status.disruptionsAllowed'), translateTimestampSince(o.metadata.creationTimestamp, now)],
  validate: validatePDB,
  tracksGeneration: true,
};

/** policy/v1 ResourceDefs. */
export const policyResources: ResourceDef[] = [podDisruptionBudgetDef];
