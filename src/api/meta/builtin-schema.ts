/**
 * Access to the generated OpenAPI schemas of the built-in kinds
 * (`src/api/generated/builtin-schemas.json`, made by `scripts/gen-builtin-schemas.ts`).
 */
import { readFileSync } from 'node:fs';
import type { JSONSchema, ResourceDef } from '../types.js';

const REF_PREFIX = '#/components/schemas/';

/** All generated schemas keyed by OpenAPI name, e.g. `io.k8s.api.core.v1.Pod`. */
export const builtinSchemas: Record<string, JSONSchema> = JSON.parse(
  readFileSync(new URL('../generated/builtin-schemas.json', import.meta.url), 'utf8'),
).components.schemas;

// Go types that hold raw JSON (metav1.FieldsV1, runtime.RawExtension) decode whatever object they
// are given; their OpenAPI schema is a bare `type: object`, so pruning must keep their contents.
for (const raw of ['io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1', 'io.k8s.apimachinery.pkg.runtime.RawExtension']) {
  if (builtinSchemas[raw]) builtinSchemas[raw] = { ...builtinSchemas[raw], 'x-kubernetes-preserve-unknown-fields': true };
}

/** The names a schema `$ref`s directly (ignores a property literally named `$ref`). */
export function directRefs(schema: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const s of schema) directRefs(s, out);
  else if (schema && typeof schema === 'object') {
    for (const [k, v] of Object.entries(schema)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(REF_PREFIX)) out.add(v.slice(REF_PREFIX.length));
      else directRefs(v, out);
    }
  }
  return out;
}

/** Every schema name reachable from `root` (root excluded), within `schemas`. */
export function refClosure(root: string, schemas: Record<string, JSONSchema> = builtinSchemas): string[] {
  const seen = new Set<string>([root]);
  const queue = [root];
  while (queue.length > 0) {
    const name = queue.pop()!;
    for (const r of directRefs(schemas[name])) {
      if (!seen.has(r)) {
        seen.add(r);
        queue.push(r);
      }
    }
  }
  seen.delete(root);
  return [...seen].sort();
}

/** The `schemaName`, `schema` and `definitions` fields of a ResourceDef for a generated type. */
export function schemaFields(schemaName: string): Pick<ResourceDef, 'schemaName' | 'schema' | 'definitions'> {
  const schema = builtinSchemas[schemaName];
  if (!schema) throw new Error(`no generated schema ${schemaName}`);
  const definitions: Record<string, JSONSchema> = {};
  for (const n of refClosure(schemaName)) definitions[n] = builtinSchemas[n];
  return { schemaName, schema, definitions };
}
