/**
 * Structural defaulting (`apiextensions-apiserver/pkg/apiserver/schema/defaulting/algorithm.go` Default,
 * `prunenulls.go` PruneNonNullableNullsWithoutDefaults): a property's `default` fills it when
 * absent (or null and not nullable) in an object that is present; defaults are deep-copied and
 * then defaulted themselves; undeclared fields (under preserve-unknown-fields) are left alone.
 */
import type { JSONSchema } from '../types.js';
import { isObject } from './prune-walk.js';
import { type SchemaRegistry, additionalOf, propertiesOf } from './resolver.js';

function clone<T>(v: T): T {
  return structuredClone(v);
}

function isNonNullableNull(v: unknown, s: JSONSchema | undefined): boolean {
  return v === null && s !== undefined && s.nullable !== true;
}

/** Applies schema defaults to `obj` in place. */
export function applyDefaults(obj: unknown, schema: JSONSchema, registry: SchemaRegistry): void {
  const s = registry.resolve(schema);
  if (isObject(obj)) {
    const props = propertiesOf(s);
    const { defaulted, apResolved } = registry.memo('defaults', s, () => objectDefaults(s, registry));
    for (const [k, p] of defaulted) {
      if (!Object.hasOwn(obj, k) || isNonNullableNull(obj[k], p)) obj[k] = clone(p.default);
    }
    for (const k of Object.keys(obj)) {
      if (Object.hasOwn(props, k)) applyDefaults(obj[k], props[k], registry);
      else if (apResolved) {
        if (isNonNullableNull(obj[k], apResolved) && apResolved.default !== undefined) obj[k] = clone(apResolved.default);
        applyDefaults(obj[k], apResolved, registry);
      }
    }
  } else if (Array.isArray(obj)) {
    const items = s.items as JSONSchema | undefined;
    if (!items) return;
    const it = registry.resolve(items);
    obj.forEach((v, i) => {
      if (isNonNullableNull(v, it) && it.default !== undefined) obj[i] = clone(it.default);
      applyDefaults(obj[i], it, registry);
    });
  }
}

/** The properties of an object schema that declare a default (resolved), and its resolved additionalProperties. */
function objectDefaults(s: JSONSchema, registry: SchemaRegistry): { defaulted: [string, JSONSchema][]; apResolved: JSONSchema | undefined } {
  const defaulted: [string, JSONSchema][] = [];
  for (const [k, raw] of Object.entries(propertiesOf(s))) {
    const p = registry.resolve(raw);
    if (p.default !== undefined) defaulted.push([k, p]);
  }
  const ap = additionalOf(s);
  return { defaulted, apResolved: ap ? registry.resolve(ap) : undefined };
}

/**
 * Deletes object fields that are null although their schema is not nullable and has no
 * default (kube does this while decoding custom resources, before defaulting).
 */
export function pruneNonNullableNulls(obj: unknown, schema: JSONSchema, registry: SchemaRegistry): void {
  const s = registry.resolve(schema);
  if (isObject(obj)) {
    const props = propertiesOf(s);
    const ap = additionalOf(s);
    for (const k of Object.keys(obj)) {
      const sub = Object.hasOwn(props, k) ? props[k] : ap;
      if (!sub) continue;
      const r = registry.resolve(sub);
      if (obj[k] === null && r.nullable !== true && r.default === undefined) delete obj[k];
      else pruneNonNullableNulls(obj[k], r, registry);
    }
  } else if (Array.isArray(obj)) {
    const items = s.items as JSONSchema | undefined;
    if (items) for (const v of obj) pruneNonNullableNulls(v, items, registry);
  }
}
