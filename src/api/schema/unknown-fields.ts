/**
 * Unknown-field detection for `fieldValidation=Warn|Strict`, in the order kube reports them.
 * Custom resources (`customresource_handler.go`, `unstructuredSchemaCoercer.apply`): unknown
 * root metadata fields first, then the pruned paths sorted (`pruning.PruneWithOptions` calls
 * `sort.Strings`), then unknown fields of embedded resources' metadata. Built-in kinds
 * (sigs.k8s.io/json strict decoding into Go structs): document order.
 */
import type { JSONSchema } from '../types.js';
import { compareGoStrings } from './go-format.js';
import { OBJECT_META_SCHEMA } from './object-meta-schema.js';
import { isObject, pruneWalk, walkObjectMeta } from './prune-walk.js';
import type { SchemaRegistry } from './resolver.js';

/** How the kind's objects are decoded. */
export interface UnknownFieldOptions {
  /** Built-in kind (Go struct decoding) rather than a custom resource (structural pruning). */
  builtin?: boolean;
}

/**
 * Paths of the fields of `obj` its schema does not declare, as strict decoding prints them
 * (`spec.template.spec.domain.features.hyperv.stimer`, `spec.ports[0].foo`). Does not modify `obj`.
 */
export function findUnknownFields(obj: unknown, schema: JSONSchema, registry: SchemaRegistry, opts: UnknownFieldOptions = {}): string[] {
  if (opts.builtin) {
    const found: string[] = [];
    pruneWalk(obj, builtinRoot(schema, registry), '', { registry, mutate: false, record: (p) => found.push(p) });
    return found;
  }
  if (!isObject(obj)) return [];
  const rootMeta: string[] = [];
  const pruned: string[] = [];
  const embedded: Array<[string, Record<string, unknown>]> = [];
  walkObjectMeta(obj, '', { registry, mutate: false, record: (p) => rootMeta.push(p) });
  pruneWalk(obj, schema, '', { registry, mutate: false, record: (p) => pruned.push(p), onEmbedded: (p, o) => embedded.push([p, o]) }, true);
  const embeddedMeta: string[] = [];
  for (const [p, o] of embedded) walkObjectMeta(o, p, { registry, mutate: false, record: (q) => embeddedMeta.push(q) });
  return [...rootMeta, ...pruned.sort(compareGoStrings), ...embeddedMeta.sort(compareGoStrings)];
}

/** A built-in root: TypeMeta and ObjectMeta are part of the Go struct even if the schema omits them. */
export function builtinRoot(schema: JSONSchema, registry: SchemaRegistry): JSONSchema {
  return registry.memo('builtinRoot', schema, () => {
    const resolved = registry.resolve(schema);
    const props = (resolved.properties as Record<string, JSONSchema> | undefined) ?? {};
    return {
      ...resolved,
      properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: OBJECT_META_SCHEMA, ...props },
    };
  });
}
