/**
 * Converts an OpenAPI v3 schema (as the /openapi/v3 documents publish it) into a gnostic
 * `openapi_v2.Schema` message object. The v2 rules are the API server's own for CRDs
 * (kubernetes/kubernetes `staging/src/k8s.io/apiextensions-apiserver/pkg/controller/openapi/v2/conversion.go`,
 * ToStructuralOpenAPIV2): allOf/oneOf/anyOf/not are dropped; a `nullable` schema loses its
 * type, items and properties (and leaves its parent's `required`); a schema with
 * `x-kubernetes-preserve-unknown-fields` loses items and properties, and its `object` type;
 * an array left without items loses its type. kubectl's parser needs exactly that shape
 * (kubernetes/kube-openapi `pkg/util/proto/document.go`: a `$ref` carries no type or
 * properties, an array has exactly one item schema, a primitive one known type).
 */
import type { JSONSchema } from '../../api/types.js';

/** A gnostic message as a plain object (field names as in gnostic-v2-proto.ts). */
export type GnosticMessage = Record<string, unknown>;

const V3_REF = '#/components/schemas/';
const V2_REF = '#/definitions/';
const NUMBERS = ['multipleOf', 'maximum', 'minimum', 'maxLength', 'minLength', 'maxItems', 'minItems', 'maxProperties', 'minProperties'] as const;
const FLAGS = ['exclusiveMaximum', 'exclusiveMinimum', 'uniqueItems', 'readOnly'] as const;
const STRINGS = ['format', 'title', 'description', 'pattern'] as const;

/** gnostic's `Any`: kube-openapi reads it as YAML; JSON text is YAML too. */
export function anyValue(v: unknown): GnosticMessage {
  return { yaml: JSON.stringify(v) };
}

/** The `x-` keys of an object as gnostic NamedAny entries. */
export function vendorExtensions(o: Record<string, unknown>): GnosticMessage[] {
  return Object.entries(o)
    .filter(([k, v]) => k.startsWith('x-') && v !== undefined)
    .map(([name, v]) => ({ name, value: anyValue(v) }));
}

/** The definition name a v3 `$ref` points at, or undefined for other references. */
export function refName(ref: unknown): string | undefined {
  return typeof ref === 'string' && ref.startsWith(V3_REF) ? ref.slice(V3_REF.length) : undefined;
}

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The gnostic Schema for a v3 schema; every definition it references is added to `refs`. */
export function toV2Schema(s: JSONSchema, refs: Set<string>): GnosticMessage {
  const out: GnosticMessage = {};
  // kube's v3 wraps a reference that carries siblings (description, default) in a one-element allOf.
  const allOf = s.allOf as JSONSchema[] | undefined;
  const ref = refName(s.$ref) ?? (allOf?.length === 1 ? refName(allOf[0].$ref) : undefined);
  for (const k of STRINGS) if (typeof s[k] === 'string') out[k] = s[k];
  const ext = vendorExtensions(s);
  if (ext.length) out.vendor_extension = ext;
  if (ref !== undefined) {
    refs.add(ref);
    out._ref = V2_REF + ref;
    return out;
  }
  for (const k of NUMBERS) if (typeof s[k] === 'number') out[snake(k)] = s[k];
  for (const k of FLAGS) if (s[k] === true) out[snake(k)] = true;
  if (s.default !== undefined) out.default = anyValue(s.default);
  if (s.example !== undefined) out.example = anyValue(s.example);
  if (Array.isArray(s.enum)) out.enum = s.enum.map(anyValue);

  const nullable = s.nullable === true;
  const preserve = s['x-kubernetes-preserve-unknown-fields'] === true;
  let type = typeof s.type === 'string' && !nullable ? s.type : undefined;
  const props = s.properties as Record<string, JSONSchema> | undefined;
  let required = Array.isArray(s.required) ? (s.required as string[]) : [];
  if (props && !nullable && !preserve) {
    out.properties = { additional_properties: Object.entries(props).map(([name, p]) => ({ name, value: toV2Schema(p, refs) })) };
    required = required.filter((f) => props[f]?.nullable !== true);
  }
  const items = s.items as JSONSchema | undefined;
  if (items && typeof items === 'object' && !Array.isArray(items) && !nullable && !preserve) out.items = { schema: [toV2Schema(items, refs)] };
  else if (type === 'array') type = undefined;
  if (preserve && type === 'object') type = undefined;
  const ap = s.additionalProperties;
  if (typeof ap === 'boolean') out.additional_properties = { boolean: ap };
  else if (ap && typeof ap === 'object') {
    out.additional_properties = { schema: toV2Schema(ap as JSONSchema, refs) };
    if ((ap as JSONSchema).nullable === true) required = [];
  }
  if (required.length) out.required = required;
  if (type) out.type = { value: [type] };
  return out;
}
