/**
 * `x-kubernetes-list-type: set|map` invariants (`apiextensions-apiserver/pkg/apiserver/schema/listtype/validation.go`):
 * a set may not repeat an item, a map list may not repeat a key; each repetition is reported once,
 * at the index of its second occurrence.
 */
import type { FieldCause, JSONSchema } from '../types.js';
import { child, duplicate, index, invalidValue, key } from './field-error.js';
import { isObject } from './prune-walk.js';
import type { SchemaRegistry } from './resolver.js';

/** `ValidateListSetsAndMaps`: checks every list of the object that declares a list type. */
export function validateListTypes(obj: unknown, schema: JSONSchema, registry: SchemaRegistry, path = ''): FieldCause[] {
  if (!isObject(obj)) return [];
  const s = registry.resolve(schema);
  const out: FieldCause[] = [];
  const ap = s.additionalProperties;
  if (typeof ap === 'object' && ap !== null) {
    for (const [k, v] of Object.entries(obj)) out.push(...validateValue(v, ap as JSONSchema, registry, key(path, k)));
  }
  const props = (s.properties as Record<string, JSONSchema> | undefined) ?? {};
  for (const [k, v] of Object.entries(obj)) {
    if (Object.hasOwn(props, k)) out.push(...validateValue(v, props[k], registry, child(path, k)));
  }
  return out;
}

function validateValue(v: unknown, schema: JSONSchema, registry: SchemaRegistry, path: string): FieldCause[] {
  if (isObject(v)) return validateListTypes(v, schema, registry, path);
  if (!Array.isArray(v)) return [];
  const s = registry.resolve(schema);
  const out = listInvariant(v, s, registry, path);
  const items = s.items as JSONSchema | undefined;
  if (items) v.forEach((x, i) => out.push(...validateValue(x, items, registry, index(path, i))));
  return out;
}

function listInvariant(list: unknown[], s: JSONSchema, registry: SchemaRegistry, path: string): FieldCause[] {
  const type = s['x-kubernetes-list-type'];
  if (type === 'set') return secondOccurrences(list.map(identity)).map((i) => duplicate(index(path, i), list[i]));
  if (type !== 'map') return [];
  const bad = list.findIndex((x) => x !== null && !isObject(x));
  if (bad >= 0) return [invalidValue(index(path, bad), list[bad], 'must be an object for an array of list-type map')];
  if (list.length <= 1) return [];
  const keys = (s['x-kubernetes-list-map-keys'] as string[] | undefined) ?? [];
  const itemProps = (registry.resolve((s.items as JSONSchema | undefined) ?? {}).properties as Record<string, JSONSchema> | undefined) ?? {};
  const out: FieldCause[] = [];
  const ids: string[] = [];
  list.forEach((x, i) => {
    const values: Record<string, unknown> = {};
    for (const k of keys) {
      const item = (x ?? {}) as Record<string, unknown>;
      const dflt = itemProps[k] ? registry.resolve(itemProps[k]).default : undefined;
      values[k] = Object.hasOwn(item, k) ? item[k] : dflt;
    }
    const nonScalar = keys.find((k) => typeof values[k] === 'object' && values[k] !== null);
    if (nonScalar) {
      out.push(invalidValue(child(index(path, i), nonScalar), values[nonScalar], 'must be a scalar'));
      ids.push(`\u0000invalid${i}`);
    } else ids.push(JSON.stringify(keys.map((k) => values[k] ?? null)));
  });
  for (const i of secondOccurrences(ids)) {
    const item = (list[i] ?? {}) as Record<string, unknown>;
    const shown: Record<string, unknown> = {};
    for (const k of keys) shown[k] = item[k] ?? null;
    out.push(duplicate(index(path, i), shown));
  }
  return out;
}

function identity(x: unknown): string {
  return isObject(x) || Array.isArray(x) ? `c${JSON.stringify(x)}` : `s${typeof x}:${String(x)}`;
}

function secondOccurrences(ids: string[]): number[] {
  const seen = new Map<string, number>();
  const out: number[] = [];
  ids.forEach((id, i) => {
    const n = seen.get(id) ?? 0;
    if (n === 1) out.push(i);
    seen.set(id, n + 1);
  });
  return out;
}
