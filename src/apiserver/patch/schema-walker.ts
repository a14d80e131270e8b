/**
 * Walking OpenAPI v3 schemas for the patch algorithms: following `$ref` and one-element
 * `allOf`, finding the schema of a property, of list items and of map values, and
 * classifying a node the way kube-openapi's `schemaconv` does for structured-merge-diff
 * (`x-kubernetes-list-type`, `-list-map-keys`, `-map-type`, or for built-ins the
 * `x-kubernetes-patch-strategy`/`-patch-merge-key` pair; lists default to atomic).
 */
import type { JSONSchema } from '../../api/types.js';

/** Returns the schema a `$ref` (or a one-element `allOf` of a `$ref`) points to; other schemas unchanged. */
export type SchemaResolver = (s: JSONSchema) => JSONSchema;

/** A resolver over OpenAPI `components.schemas` (`#/components/schemas/<name>`, also `#/definitions/<name>`). */
export function makeResolver(schemas: Record<string, JSONSchema>): SchemaResolver {
  return (s) => {
    let cur = s;
    for (let depth = 0; depth < 32; depth++) {
      const ref = cur.$ref;
      if (typeof ref === 'string') {
        const name = ref.replace(/^#\/(components\/schemas|definitions)\//, '');
        const target = schemas[name];
        if (!target) return cur;
        const { $ref: _r, ...rest } = cur;
        cur = { ...target, ...rest };
        continue;
      }
      const allOf = cur.allOf;
      if (Array.isArray(allOf) && allOf.length === 1) {
        const { allOf: _a, ...rest } = cur;
        cur = { ...(allOf[0] as JSONSchema), ...rest };
        continue;
      }
      return cur;
    }
    return cur;
  };
}

const cache = new WeakMap<SchemaResolver, WeakMap<JSONSchema, JSONSchema>>();

/** The schema with references followed; extensions on the referring schema win over the target's. */
export function deref(s: JSONSchema | undefined, resolve: SchemaResolver): JSONSchema | undefined {
  if (!s || typeof s !== 'object') return undefined;
  let byResolver = cache.get(resolve);
  if (!byResolver) cache.set(resolve, (byResolver = new WeakMap()));
  const hit = byResolver.get(s);
  if (hit) return hit;
  let out = s;
  for (let depth = 0; depth < 32 && (typeof out.$ref === 'string' || (Array.isArray(out.allOf) && out.allOf.length === 1)); depth++) {
    const next = resolve(out);
    if (next === out) break;
    out = next;
  }
  byResolver.set(s, out);
  return out;
}

/** The schema of property `name` of an object schema, or of its map values (`additionalProperties`). */
export function propertySchema(s: JSONSchema | undefined, name: string, resolve: SchemaResolver): JSONSchema | undefined {
  const props = s?.properties as Record<string, JSONSchema> | undefined;
  if (props && Object.prototype.hasOwnProperty.call(props, name)) return embedded(deref(props[name], resolve), resolve);
  return additionalPropertiesSchema(s, resolve);
}

/** Whether `name` is a declared property (a struct field, not a map key). */
export function isDeclaredProperty(s: JSONSchema | undefined, name: string): boolean {
  const props = s?.properties as Record<string, JSONSchema> | undefined;
  return !!props && Object.prototype.hasOwnProperty.call(props, name);
}

/** The schema of an array's items. */
export function itemsSchema(s: JSONSchema | undefined, resolve: SchemaResolver): JSONSchema | undefined {
  const items = s?.items;
  return items && typeof items === 'object' && !Array.isArray(items) ? embedded(deref(items as JSONSchema, resolve), resolve) : undefined;
}

/** The schema of a map's values (`additionalProperties` when it is a schema). */
export function additionalPropertiesSchema(s: JSONSchema | undefined, resolve: SchemaResolver): JSONSchema | undefined {
  const ap = s?.additionalProperties;
  return ap && typeof ap === 'object' ? embedded(deref(ap as JSONSchema, resolve), resolve) : undefined;
}

const embeddedCache = new WeakMap<JSONSchema, JSONSchema>();

/** `x-kubernetes-embedded-resource` objects carry ObjectMeta, as kube's structural schemas add it. */
function embedded(s: JSONSchema | undefined, resolve: SchemaResolver): JSONSchema | undefined {
  if (!s || s['x-kubernetes-embedded-resource'] !== true) return s;
  let out = embeddedCache.get(s);
  if (!out) embeddedCache.set(s, (out = withObjectMeta(s, resolve)));
  return out;
}

/** How structured-merge-diff treats a node. `deduced` means untyped: maps granular, lists atomic. */
export type NodeType =
  | { kind: 'scalar' }
  | { kind: 'map'; atomic: boolean; schema: JSONSchema | undefined; deduced: boolean }
  | { kind: 'list'; relation: 'atomic' | 'set' | 'map'; keys: string[]; items: JSONSchema | undefined };

/** Classifies a schema node; untyped nodes are classified by the value found there. */
export function nodeType(s: JSONSchema | undefined, value: unknown): NodeType {
  if (s && s['x-kubernetes-int-or-string'] === true) return { kind: 'scalar' };
  const type = s?.type;
  const typed = type === 'object' || type === 'array' || (typeof type === 'string' && type !== '');
  const hasShape = !!s && (s.properties !== undefined || s.additionalProperties !== undefined || s.items !== undefined);
  if (!s || (!typed && !hasShape)) return deducedType(value);
  if (type === 'array' || (!typed && s.items !== undefined)) {
    const [relation, keys] = listRelation(s);
    return { kind: 'list', relation, keys, items: undefined };
  }
  if (type === 'object' || (!typed && hasShape)) {
    const noShape = s.properties === undefined && (s.additionalProperties === undefined || s.additionalProperties === true);
    return { kind: 'map', atomic: s['x-kubernetes-map-type'] === 'atomic', schema: s, deduced: noShape || s['x-kubernetes-preserve-unknown-fields'] === true };
  }
  return { kind: 'scalar' };
}

function deducedType(value: unknown): NodeType {
  if (Array.isArray(value)) return { kind: 'list', relation: 'atomic', keys: [], items: undefined };
  if (typeof value === 'object' && value !== null) return { kind: 'map', atomic: false, schema: undefined, deduced: true };
  return { kind: 'scalar' };
}

function listRelation(s: JSONSchema): ['atomic' | 'set' | 'map', string[]] {
  const listType = s['x-kubernetes-list-type'];
  if (listType === 'set') return ['set', []];
  if (listType === 'map') return ['map', (s['x-kubernetes-list-map-keys'] as string[] | undefined) ?? []];
  if (listType !== undefined) return ['atomic', []];
  const strategy = s['x-kubernetes-patch-strategy'];
  if (strategy === 'merge' || strategy === 'merge,retainKeys') {
    const key = s['x-kubernetes-patch-merge-key'];
    return typeof key === 'string' ? ['map', [key]] : ['set', []];
  }
  return ['atomic', []];
}

/**
 * ObjectMeta as the OpenAPI of kube 1.32 describes the parts the patch algorithms care
 * about; used when a root schema leaves `metadata` untyped (as CRD schemas do).
 */
export const OBJECT_META_SCHEMA: JSONSchema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    generateName: { type: 'string' },
    namespace: { type: 'string' },
    uid: { type: 'string' },
    resourceVersion: { type: 'string' },
    generation: { type: 'integer' },
    creationTimestamp: { type: 'string' },
    deletionTimestamp: { type: 'string' },
    deletionGracePeriodSeconds: { type: 'integer' },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
    finalizers: { type: 'array', items: { type: 'string' }, 'x-kubernetes-list-type': 'set', 'x-kubernetes-patch-strategy': 'merge' },
    ownerReferences: {
      type: 'array',
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['uid'],
      'x-kubernetes-patch-strategy': 'merge',
      'x-kubernetes-patch-merge-key': 'uid',
      items: {
        type: 'object',
        'x-kubernetes-map-type': 'atomic',
        properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, name: { type: 'string' }, uid: { type: 'string' }, controller: { type: 'boolean' }, blockOwnerDeletion: { type: 'boolean' } },
      },
    },
    managedFields: { type: 'array', items: { type: 'object' } },
    selfLink: { type: 'string' },
  },
};

/** The root schema with `metadata` typed as ObjectMeta when the given schema leaves it untyped. */
export function withObjectMeta(root: JSONSchema | undefined, resolve: SchemaResolver): JSONSchema {
  const r = deref(root, resolve) ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  const meta = propertySchema(r, 'metadata', resolve);
  if (meta && meta.properties) return r;
  const props = (r.properties as Record<string, JSONSchema> | undefined) ?? {};
  return { ...r, type: 'object', properties: { ...props, metadata: OBJECT_META_SCHEMA } };
}
