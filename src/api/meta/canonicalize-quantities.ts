/**
 * Rewrites every Quantity field of an object to its canonical string, as kube-apiserver does
 * when it decodes a built-in object (`cpu: 0.5` is stored as `"500m"`). The fields are found by
 * walking the object beside its OpenAPI schema.
 */
import type { JSONSchema } from '../types.js';
import { builtinSchemas, refClosure } from './builtin-schema.js';
import { canonicalQuantity } from './quantity.js';

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const PREFIX = '#/components/schemas/';
type Schemas = Record<string, JSONSchema>;

function resolve(s: JSONSchema, schemas: Schemas): { schema: JSONSchema; name?: string } {
  const ref = s.$ref;
  if (typeof ref === 'string' && ref.startsWith(PREFIX)) {
    const name = ref.slice(PREFIX.length);
    return { schema: schemas[name] ?? {}, name };
  }
  return { schema: s };
}

/** Canonicalizes `value` in place where `schema` says Quantity; returns the (possibly new) value. */
function walk(value: unknown, schema: JSONSchema, schemas: Schemas): unknown {
  const { schema: s, name } = resolve(schema, schemas);
  if (name === QUANTITY) {
    if (typeof value === 'string' || typeof value === 'number') return canonicalQuantity(value) ?? value;
    return value;
  }
  if (Array.isArray(value)) {
    const items = s.items as JSONSchema | undefined;
    if (items) for (let i = 0; i < value.length; i++) value[i] = walk(value[i], items, schemas);
    return value;
  }
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const props = s.properties as Record<string, JSONSchema> | undefined;
    const extra = s.additionalProperties as JSONSchema | undefined;
    for (const k of Object.keys(obj)) {
      const sub = props?.[k] ?? (extra && typeof extra === 'object' ? extra : undefined);
      if (sub) obj[k] = walk(obj[k], sub, schemas);
    }
  }
  return value;
}

/** Whether objects of this generated schema can hold a Quantity anywhere. */
export function hasQuantities(schemaName: string): boolean {
  return refClosure(schemaName).includes(QUANTITY);
}

/** Canonicalizes all Quantity fields of `obj` (a `schemaName` object) in place. */
export function canonicalizeQuantities(obj: Record<string, unknown>, schemaName: string, schemas: Schemas = builtinSchemas): void {
  const root = schemas[schemaName];
  if (root) walk(obj, root, schemas);
}
