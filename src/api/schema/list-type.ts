/**
 * `x-kubernetes-list-type: set|map` invariants (`apiextensions-apiserver/pkg/apiserver/schema/listtype/validation.go`):
 * a set may not repeat an item, a map list may not repeat its key fields; each repeated value is
 * reported once, at the index of its second occurrence, with the key fields it has.
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
  const out = listInvariant(v, s, path);
  const items = s.items as JSONSchema | undefined;
  if (items) v.forEach((x, i) => out.push(...validateValue(x, items, registry, index(path, i))));
  return out;
}

function listInvariant(list: unknown[], s: JSONSchema, path: string): FieldCause[] {
  const type = s['x-kubernetes-list-type'];
  if (type === 'set') return secondOccurrences(list.map(identity)).map((i) => duplicate(index(path, i), list[i]));
  if (type !== 'map') return [];
  const bad = list.findIndex((x) => x !== null && !isObject(x));
  if (bad >= 0) return [invalidValue(index(path, bad), list[bad], 'must be an object for an array of list-type map')];
  if (list.length <= 1) return [];
  const keyFields = (s['x-kubernetes-list-map-keys'] as string[] | undefined) ?? [];
  // An item without the key (or a null item) has the "unspecified" key; duplicates of it print as an empty map.
  const keys = list.map((x) => {
    const key: Record<string, unknown> = {};
    for (const k of keyFields) if (isObject(x) && Object.hasOwn(x, k)) key[k] = x[k];
    return key;
  });
  const ids = keys.map((k) => (keyFields.length === 1 ? (Object.hasOwn(k, keyFields[0]) ? identity(k[keyFields[0]]) : 'unspecified') : identity(sortKeys(k))));
  return secondOccurrences(ids).map((i) => duplicate(index(path, i), keys[i]));
}

function sortKeys(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
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
