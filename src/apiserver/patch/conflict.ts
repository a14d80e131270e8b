/**
 * The 409 an apply answers when other managers own fields it would change, worded as
 * apimachinery `pkg/util/managedfields/internal/conflict.go` (`NewConflictError`,
 * `getConflictMessage`, `printManager`): one conflict reads
 * `Apply failed with 1 conflict: conflict with "m" using v1: .spec.replicas`, several are
 * grouped by manager (sorted by manager identity) as `conflicts with "m":\n- .a\n- .b`.
 * Each conflict is also a `FieldManagerConflict` cause.
 */
import { StatusError } from '../../api/errors.js';
import type { FieldCause } from '../../api/types.js';
import { FieldSet, pathDisplay, type Path } from './field-path.js';
import { orderedPaths } from './fields-v1.js';
import { compareStrings } from './json-value.js';
import { managerId, printManager, type Manager } from './managed-fields.js';

/** The fields one manager would lose. */
export interface ManagerConflicts {
  manager: Manager;
  paths: FieldSet;
}

/** Thrown inside apply before it is turned into a StatusError, so callers can retry. */
export class ApplyConflicts extends Error {
  constructor(readonly conflicts: ManagerConflicts[]) {
    super('apply conflicts');
  }
}

/** Builds kube's 409 Conflict for the given conflicts. */
export function conflictError(conflicts: ManagerConflicts[]): StatusError {
  const groups = conflicts
    .filter((c) => !c.paths.isEmpty())
    .map((c) => ({ id: managerId(c.manager), who: printManager(c.manager), paths: orderedPaths(c.paths) as Path[] }))
    .sort((a, b) => compareStrings(a.id, b.id));
  const total = groups.reduce((n, g) => n + g.paths.length, 0);
  const causes = groups.flatMap((g) =>
    g.paths.map((p) => ({ reason: 'FieldManagerConflict', message: `conflict with ${g.who}`, field: pathDisplay(p) }) as unknown as FieldCause),
  );
  let message: string;
  if (total === 1) {
    message = `Apply failed with 1 conflict: conflict with ${groups[0].who}: ${pathDisplay(groups[0].paths[0])}`;
  } else {
    const lines = groups.flatMap((g) => [`conflicts with ${g.who}:`, ...g.paths.map((p) => `- ${pathDisplay(p)}`)]);
    message = `Apply failed with ${total} conflicts: ${lines.join('\n')}`;
  }
  return new StatusError('Conflict', message, { causes });
}
