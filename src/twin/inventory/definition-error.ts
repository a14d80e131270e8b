/** Errors in a cluster definition, each naming the file and the field path. */

/** One problem: `hardware.yaml: servers[3].memoryGiB: must be a number`. */
export interface DefinitionIssue {
  file: string;
  /** Field path (`servers[3].memoryGiB`), empty for the whole file. */
  path: string;
  message: string;
}

/** Formats an issue as one line. */
export function formatIssue(i: DefinitionIssue): string {
  return i.path ? `${i.file}: ${i.path}: ${i.message}` : `${i.file}: ${i.message}`;
}

/** Thrown by `loadClusterDefinition` when a definition is missing or invalid. */
export class DefinitionError extends Error {
  readonly issues: DefinitionIssue[];
  constructor(issues: DefinitionIssue[]) {
    super(`Invalid cluster definition:\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}`);
    this.name = 'DefinitionError';
    this.issues = issues;
  }
}

/** Turns `['servers', 3, 'memoryGiB']` into `servers[3].memoryGiB`. */
export function fieldPath(parts: readonly (string | number)[]): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'number' || /^\d+$/.test(p)) out += `[${p}]`;
    else out += out ? `.${p}` : p;
  }
  return out;
}
