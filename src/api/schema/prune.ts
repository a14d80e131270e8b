/**
 * Dropping undeclared fields, as kube does while decoding: structural pruning for custom
 * resources (`pruning/algorithm.go`: nothing under `x-kubernetes-preserve-unknown-fields`
 * except declared properties, TypeMeta and ObjectMeta kept at the root and in embedded
 * resources), and the ObjectMeta round-trip through the Go struct
 * (`schema/objectmeta/coerce.go` GetObjectMeta/SetObjectMeta) that drops unknown metadata
 * fields and writes `creationTimestamp: null` into metadata that lacks it.
 */
import type { JSONSchema } from '../types.js';
import { isObject, pruneWalk, walkObjectMeta } from './prune-walk.js';
import type { SchemaRegistry } from './resolver.js';
import { builtinRoot } from './unknown-fields.js';

/** Options of `pruneUnknown`. */
export interface PruneOptions {
  /** Built-in kind: decoding into Go structs drops unknown fields everywhere, metadata included. */
  builtin?: boolean;
}

/** Removes, in place, every field of `obj` its schema does not declare; returns their paths. */
export function pruneUnknown(obj: unknown, schema: JSONSchema, registry: SchemaRegistry, opts: PruneOptions = {}): string[] {
  const pruned: string[] = [];
  const record = (p: string) => pruned.push(p);
  if (opts.builtin) {
    const metas: Record<string, unknown>[] = [];
    const onObject = (o: Record<string, unknown>, s: JSONSchema) => {
      if (looksLikeObjectMeta(s)) metas.push(o);
    };
    pruneWalk(obj, builtinRoot(schema, registry), '', { registry, mutate: true, record, onObject });
    for (const m of metas) normalizeObjectMeta(m, true);
    return pruned;
  }
  if (!isObject(obj)) return pruned;
  const embedded: Array<[string, Record<string, unknown>]> = [];
  walkObjectMeta(obj, '', { registry, mutate: true, record });
  if (isObject(obj.metadata)) normalizeObjectMeta(obj.metadata, false);
  pruneWalk(obj, schema, '', { registry, mutate: true, record, onEmbedded: (p, o) => embedded.push([p, o]) }, true);
  for (const [p, o] of embedded) {
    walkObjectMeta(o, p, { registry, mutate: true, record });
    if (isObject(o.metadata)) normalizeObjectMeta(o.metadata, false);
  }
  return pruned;
}

// ObjectMeta, whether inlined or reached through io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta.
function looksLikeObjectMeta(s: JSONSchema): boolean {
  const p = s.properties as Record<string, unknown> | undefined;
  return !!p && 'generateName' in p && 'creationTimestamp' in p && 'ownerReferences' in p;
}

const OMITEMPTY_SCALARS = ['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation'];
const OMITEMPTY_COLLECTIONS = ['labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields'];

/**
 * What re-serializing ObjectMeta does to JSON: `creationTimestamp` is a struct, so it is
 * written as `null` when absent; omitempty drops empty strings and zero generation; Go's
 * encoding/json (built-ins) also drops empty maps and lists, while the unstructured converter
 * (custom resources) keeps them, since its isZero only tests for nil.
 */
export function normalizeObjectMeta(meta: Record<string, unknown>, builtin: boolean): void {
  for (const k of OMITEMPTY_SCALARS) {
    if (meta[k] === '' || meta[k] === 0 || meta[k] === null) delete meta[k];
  }
  for (const k of OMITEMPTY_COLLECTIONS) {
    const v = meta[k];
    if (v === null || (builtin && ((Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0)))) delete meta[k];
  }
  if (!('creationTimestamp' in meta)) meta.creationTimestamp = null;
}
