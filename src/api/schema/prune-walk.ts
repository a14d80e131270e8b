/**
 * The structural pruning walk (`staging/src/k8s.io/apiextensions-apiserver/pkg/apiserver/schema/pruning/algorithm.go`),
 * shared by pruning (which deletes) and unknown-field detection (which only records).
 * Paths are recorded as kube's pruning records them: `spec.a.b`, `spec.list[0].c`.
 */
import type { JSONSchema } from '../types.js';
import { OBJECT_META_SCHEMA } from './object-meta-schema.js';
import { type SchemaRegistry, additionalOf, isEmbedded, isFreeForm, propertiesOf } from './resolver.js';

/** Options of one walk. */
export interface PruneWalkOptions {
  registry: SchemaRegistry;
  /** Delete unknown fields (pruning) or only record them. */
  mutate: boolean;
  /** Called with the path of each unknown field. */
  record: (path: string) => void;
  /** Called at each embedded resource (and not the root) with its path and object. */
  onEmbedded?: (path: string, obj: Record<string, unknown>) => void;
  /** Called at every object the walk descends into, with its resolved schema. */
  onObject?: (obj: Record<string, unknown>, schema: JSONSchema) => void;
}

const META_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

/** A JSON object (not null, not an array). */
export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function join(path: string, k: string): string {
  return path ? `${path}.${k}` : k;
}

/** Walks `x` under schema `s` (undefined = no schema: every object key is unknown). */
export function pruneWalk(x: unknown, s: JSONSchema | undefined, path: string, opts: PruneWalkOptions, embedded = false): void {
  const schema = s === undefined ? undefined : opts.registry.resolve(s);
  if (schema && (schema['x-kubernetes-preserve-unknown-fields'] === true || schema.additionalProperties === true || isFreeForm(schema))) {
    skipWalk(x, schema, path, opts, embedded || isEmbedded(schema));
    return;
  }
  if (isObject(x)) {
    if (!schema) {
      for (const k of Object.keys(x)) drop(x, k, path, opts);
      return;
    }
    const emb = embedded || isEmbedded(schema);
    if (emb && path && opts.onEmbedded) opts.onEmbedded(path, x);
    opts.onObject?.(x, schema);
    const props = propertiesOf(schema);
    const ap = additionalOf(schema);
    for (const k of Object.keys(x)) {
      if (emb && META_FIELDS.has(k)) continue;
      if (Object.hasOwn(props, k)) pruneWalk(x[k], props[k], join(path, k), opts);
      else if (ap) pruneWalk(x[k], ap, join(path, k), opts);
      else drop(x, k, path, opts);
    }
  } else if (Array.isArray(x)) {
    const items = schema ? (schema.items as JSONSchema | undefined) : undefined;
    x.forEach((v, i) => pruneWalk(v, items, `${path}[${i}]`, opts));
  }
}

function skipWalk(x: unknown, schema: JSONSchema, path: string, opts: PruneWalkOptions, embedded: boolean): void {
  if (isObject(x)) {
    if (embedded && path && opts.onEmbedded) opts.onEmbedded(path, x);
    opts.onObject?.(x, schema);
    const props = propertiesOf(schema);
    const ap = additionalOf(schema);
    for (const k of Object.keys(x)) {
      if (embedded && META_FIELDS.has(k)) continue;
      if (Object.hasOwn(props, k)) pruneWalk(x[k], props[k], join(path, k), opts);
      else if (ap && schema.additionalProperties !== true) pruneWalk(x[k], ap, join(path, k), opts);
    }
  } else if (Array.isArray(x)) {
    const items = schema.items as JSONSchema | undefined;
    if (items) x.forEach((v, i) => pruneWalk(v, items, `${path}[${i}]`, opts));
  }
}

function drop(x: Record<string, unknown>, k: string, path: string, opts: PruneWalkOptions): void {
  opts.record(join(path, k));
  if (opts.mutate) delete x[k];
}

/**
 * Walks an object's `metadata` as kube's strict ObjectMeta decoding does: fields the Go
 * struct lacks are unknown (`metadata.foo`), visited in sorted key order as the JSON
 * round-trip sorts them (`schemaobjectmeta.GetObjectMetaWithOptions`).
 */
export function walkObjectMeta(owner: Record<string, unknown>, path: string, opts: PruneWalkOptions): void {
  const meta = owner.metadata;
  if (!isObject(meta)) return;
  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(meta).sort()) sorted[k] = meta[k];
  const found: string[] = [];
  pruneWalk(sorted, OBJECT_META_SCHEMA, join(path, 'metadata'), { ...opts, mutate: false, record: (p) => found.push(p) });
  for (const p of found) opts.record(p);
  if (opts.mutate) pruneWalk(meta, OBJECT_META_SCHEMA, join(path, 'metadata'), { ...opts, record: () => {} });
}
