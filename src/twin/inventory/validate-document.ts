/** Schema validation of a parsed YAML document, with errors phrased for people. */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { TSchema } from '@sinclair/typebox';
import { fieldPath, type DefinitionIssue } from './definition-error.js';

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const compiled = new WeakMap<TSchema, ValidateFunction>();

/** Validates `doc` against `schema`; returns the issues (empty when valid). */
export function validateDocument(schema: TSchema, doc: unknown, file: string): DefinitionIssue[] {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(doc)) return [];
  const errors = validate.errors ?? [];
  // A union reports one error per branch plus its own; keep only the union's.
  const unions = errors.filter((e) => e.keyword === 'anyOf').map((e) => `${e.schemaPath}/`);
  const seen = new Set<string>();
  const issues: DefinitionIssue[] = [];
  for (const e of errors) {
    if (unions.some((u) => e.schemaPath.startsWith(u))) continue;
    const issue = toIssue(e, file);
    const key = `${issue.path}\n${issue.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}

function pointerParts(pointer: string): string[] {
  return pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function toIssue(e: ErrorObject, file: string): DefinitionIssue {
  const parts = pointerParts(e.instancePath);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { file, path: fieldPath([...parts, String(params.missingProperty)]), message: 'is required' };
    case 'additionalProperties':
      return { file, path: fieldPath([...parts, String(params.additionalProperty)]), message: 'is not a known field' };
    case 'type':
      return { file, path: fieldPath(parts), message: `must be ${article(String(params.type))}` };
    case 'const':
      return { file, path: fieldPath(parts), message: `must be ${JSON.stringify(params.allowedValue)}` };
    case 'anyOf':
      return { file, path: fieldPath(parts), message: describeUnion(e.parentSchema as { anyOf?: TSchema[] } | undefined) };
    default:
      return { file, path: fieldPath(parts), message: e.message ?? 'is invalid' };
  }
}

function describeUnion(parent: { anyOf?: TSchema[] } | undefined): string {
  const branches = parent?.anyOf ?? [];
  if (branches.length && branches.every((b) => 'const' in b)) {
    return `must be one of ${branches.map((b) => String(b.const)).join(', ')}`;
  }
  const types = branches.map((b) => article(String(b.type ?? 'value')));
  return `must be ${types.join(' or ')}`;
}
