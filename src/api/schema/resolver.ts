/**
 * Named OpenAPI v3 components (`#/components/schemas/<name>`) and `$ref` resolution, so
 * built-in schemas generated with references and inline CRD schemas walk the same way.
 */
import type { JSONSchema } from '../types.js';

const REF_PREFIXES = ['#/components/schemas/', '#/definitions/'];

/** Holds named schemas and resolves references to them. */
export class SchemaRegistry {
  #schemas = new Map<string, JSONSchema>();
  #resolved = new WeakMap<JSONSchema, JSONSchema>();
  #memos = new Map<string, WeakMap<JSONSchema, unknown>>();

  /** Adds (or replaces) a named component. */
  add(name: string, schema: JSONSchema): this {
    this.#schemas.set(name, schema);
    this.#resolved = new WeakMap();
    this.#memos = new Map();
    return this;
  }

  /**
   * A value derived from `schema` (and the components it references), computed once per
   * `tag` until the components change; walkers use it to keep per-request work off schemas.
   */
  memo<T>(tag: string, schema: JSONSchema, compute: () => T): T {
    let m = this.#memos.get(tag) as WeakMap<JSONSchema, T> | undefined;
    if (!m) this.#memos.set(tag, (m = new WeakMap()));
    if (m.has(schema)) return m.get(schema) as T;
    const v = compute();
    m.set(schema, v);
    return v;
  }

  /** Adds every entry of a `definitions` map. */
  addAll(defs: Record<string, JSONSchema> | undefined): this {
    for (const [name, s] of Object.entries(defs ?? {})) this.add(name, s);
    return this;
  }

  /** The named component, if present. */
  get(name: string): JSONSchema | undefined {
    return this.#schemas.get(name);
  }

  /** Whether a component of that name exists. */
  has(name: string): boolean {
    return this.#schemas.has(name);
  }

  /**
   * The schema with `$ref` (and `allOf: [{$ref}]`, the form OpenAPI v3 uses to attach a
   * description or default to a reference) followed; sibling keywords override the target's.
   * Throws on an unknown or cyclic reference.
   */
  resolve(schema: JSONSchema): JSONSchema {
    const cached = this.#resolved.get(schema);
    if (cached) return cached;
    const out = this.#resolve(schema, new Set());
    this.#resolved.set(schema, out);
    return out;
  }

  #resolve(schema: JSONSchema, seen: Set<string>): JSONSchema {
    let target: JSONSchema | undefined;
    let rest: JSONSchema = schema;
    if (typeof schema.$ref === 'string') {
      target = this.#lookup(schema.$ref, seen);
      const { $ref: _ref, ...others } = schema;
      rest = others;
    } else if (Array.isArray(schema.allOf) && schema.allOf.length === 1 && isRefOnly(schema.allOf[0])) {
      target = this.#lookup((schema.allOf[0] as { $ref: string }).$ref, seen);
      const { allOf: _allOf, ...others } = schema;
      rest = others;
    }
    if (!target) return schema;
    return Object.keys(rest).length === 0 ? target : { ...target, ...rest };
  }

  #lookup(ref: string, seen: Set<string>): JSONSchema {
    const prefix = REF_PREFIXES.find((p) => ref.startsWith(p));
    if (!prefix) throw new Error(`unsupported schema reference ${JSON.stringify(ref)}: only local component references are resolved`);
    const name = decodeURIComponent(ref.slice(prefix.length)).replace(/~1/g, '/').replace(/~0/g, '~');
    if (seen.has(name)) throw new Error(`cyclic schema reference ${JSON.stringify(ref)}`);
    const target = this.#schemas.get(name);
    if (!target) throw new Error(`unknown schema reference ${JSON.stringify(ref)}`);
    seen.add(name);
    return this.#resolve(target, seen);
  }
}

function isRefOnly(s: unknown): boolean {
  return typeof s === 'object' && s !== null && typeof (s as JSONSchema).$ref === 'string';
}

/** The `properties` of a resolved schema, or an empty map. */
export function propertiesOf(s: JSONSchema): Record<string, JSONSchema> {
  return (s.properties as Record<string, JSONSchema> | undefined) ?? {};
}

/** `additionalProperties` as a schema (`true` counts as "any value"), or undefined when absent/false. */
export function additionalOf(s: JSONSchema): JSONSchema | undefined {
  const ap = s.additionalProperties;
  if (ap === true) return {};
  if (typeof ap === 'object' && ap !== null) return ap as JSONSchema;
  return undefined;
}

/** Whether the schema keeps fields it does not declare. */
export function preservesUnknown(s: JSONSchema): boolean {
  return s['x-kubernetes-preserve-unknown-fields'] === true || s.additionalProperties === true || isFreeForm(s);
}

/**
 * A schema that says nothing about its value (`{}` or only annotations): built-in OpenAPI
 * uses it for free-form JSON (RawExtension, FieldsV1), so nothing under it is pruned.
 * A CRD's `{type: object}` is not free-form: it declares an object with no fields.
 */
export function isFreeForm(s: JSONSchema): boolean {
  return s.type === undefined && s.properties === undefined && s.additionalProperties === undefined &&
    s.items === undefined && s['x-kubernetes-int-or-string'] === undefined && s.anyOf === undefined &&
    s.oneOf === undefined && s.allOf === undefined && s.enum === undefined;
}

/** Whether the schema marks an embedded object (apiVersion, kind, metadata allowed). */
export function isEmbedded(s: JSONSchema): boolean {
  return s['x-kubernetes-embedded-resource'] === true;
}
