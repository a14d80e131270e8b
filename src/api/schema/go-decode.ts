/**
 * Type errors of built-in kinds, which kube finds while decoding JSON into Go structs
 * (sigs.k8s.io/json, a fork of encoding/json): the first `UnmarshalTypeError`
 * (`json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`)
 * unless a custom unmarshaler (Quantity, IntOrString, Time) fails, which wins. Go type names
 * come from the `$ref` component names (`io.k8s.api.apps.v1.DeploymentSpec` is `v1.DeploymentSpec`).
 */
import type { JSONSchema } from '../types.js';
import { parseQuantity } from '../../lib/quantity.js';
import type { SchemaRegistry } from './resolver.js';

interface Walk {
  registry: SchemaRegistry;
  /** The first saved UnmarshalTypeError (decoding continues after it). */
  saved?: string;
}

class DirectError extends Error {}

function refName(s: JSONSchema): string | undefined {
  const ref = typeof s.$ref === 'string' ? s.$ref : Array.isArray(s.allOf) && s.allOf.length === 1 ? (s.allOf[0] as JSONSchema).$ref : undefined;
  return typeof ref === 'string' ? ref.slice(ref.lastIndexOf('/') + 1) : undefined;
}

/** `v1.DeploymentSpec` from `io.k8s.api.apps.v1.DeploymentSpec`. */
function goName(ref: string): string {
  const parts = ref.split('.');
  return parts.length >= 2 ? `${parts[parts.length - 2]}.${parts[parts.length - 1]}` : ref;
}

type Kind = 'string' | 'bool' | 'int' | 'float' | 'slice' | 'map' | 'struct' | 'any' | 'quantity' | 'intstr' | 'time';

function kindOf(raw: JSONSchema, s: JSONSchema): Kind {
  const ref = refName(raw) ?? '';
  if (ref.endsWith('.Quantity') || s.format === 'quantity') return 'quantity';
  if (ref.endsWith('.IntOrString') || s['x-kubernetes-int-or-string'] === true || s.format === 'int-or-string') return 'intstr';
  if (ref.endsWith('.Time') || ref.endsWith('.MicroTime')) return 'time';
  switch (s.type) {
    case 'string': return 'string';
    case 'boolean': return 'bool';
    case 'integer': return 'int';
    case 'number': return 'float';
    case 'array': return 'slice';
    case 'object':
      if (s.properties) return 'struct';
      return typeof s.additionalProperties === 'object' ? 'map' : 'any';
    default: return 'any';
  }
}

/** The Go type a schema decodes into, as `reflect.Type.String()` prints it. */
function goType(raw: JSONSchema, registry: SchemaRegistry): string {
  const s = registry.resolve(raw);
  const ref = refName(raw);
  const kind = kindOf(raw, s);
  if (ref) return goName(ref);
  switch (kind) {
    case 'string': return 'string';
    case 'bool': return 'bool';
    case 'int': return s.format === 'int32' ? 'int32' : 'int64';
    case 'float': return s.format === 'float' ? 'float32' : 'float64';
    case 'slice': return `[]${s.items ? goType(s.items as JSONSchema, registry) : 'interface {}'}`;
    case 'map': return `map[string]${goType(s.additionalProperties as JSONSchema, registry)}`;
    case 'intstr': return 'intstr.IntOrString';
    case 'quantity': return 'resource.Quantity';
    default: return 'interface {}';
  }
}

function jsonKind(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  return Array.isArray(v) ? 'array' : 'object';
}

function typeError(value: string, type: string, struct: string, stack: string[]): string {
  if (struct || stack.length > 0) return `json: cannot unmarshal ${value} into Go struct field ${struct}.${stack.join('.')} of type ${type}`;
  return `json: cannot unmarshal ${value} into Go value of type ${type}`;
}

function fitsInt(n: number, bits: 32 | 64): boolean {
  if (!Number.isInteger(n)) return false;
  return bits === 32 ? n >= -(2 ** 31) && n <= 2 ** 31 - 1 : Math.abs(n) < 2 ** 63;
}

// Only the first type error is kept; decoding goes on (decode.go saveError).
function save(w: Walk, value: string, raw: JSONSchema, struct: string, stack: string[]): void {
  w.saved ??= typeError(value, goType(raw, w.registry), struct, stack);
}

function decode(v: unknown, raw: JSONSchema, struct: string, stack: string[], w: Walk): void {
  if (v === null || v === undefined) return;
  const s = w.registry.resolve(raw);
  const kind = kindOf(raw, s);
  switch (kind) {
    case 'any':
      return;
    case 'quantity':
      if (typeof v === 'number') return;
      try {
        parseQuantity(typeof v === 'string' ? v : JSON.stringify(v));
      } catch (err) {
        throw new DirectError((err as Error).message);
      }
      return;
    case 'intstr':
      if (typeof v === 'string') return;
      if (typeof v !== 'number') throw new DirectError(typeError(jsonKind(v), 'int32', struct, stack));
      if (!fitsInt(v, 32)) throw new DirectError(typeError(`number ${v}`, 'int32', struct, stack));
      return;
    case 'time':
      if (typeof v !== 'string') throw new DirectError(typeError(jsonKind(v), 'string', struct, stack));
      return;
    case 'string':
    case 'bool':
      if (jsonKind(v) !== (kind === 'bool' ? 'bool' : 'string')) save(w, jsonKind(v), raw, struct, stack);
      return;
    case 'int':
      if (typeof v !== 'number') save(w, jsonKind(v), raw, struct, stack);
      else if (!fitsInt(v, s.format === 'int32' ? 32 : 64)) save(w, `number ${v}`, raw, struct, stack);
      return;
    case 'float':
      if (typeof v !== 'number') save(w, jsonKind(v), raw, struct, stack);
      return;
    case 'slice':
      if (!Array.isArray(v)) return save(w, jsonKind(v), raw, struct, stack);
      for (const item of v) decode(item, (s.items as JSONSchema | undefined) ?? {}, struct, stack, w);
      return;
    case 'map':
      if (jsonKind(v) !== 'object') return save(w, jsonKind(v), raw, struct, stack);
      for (const item of Object.values(v as object)) decode(item, s.additionalProperties as JSONSchema, struct, stack, w);
      return;
    case 'struct': {
      if (jsonKind(v) !== 'object') return save(w, jsonKind(v), raw, struct, stack);
      const props = s.properties as Record<string, JSONSchema>;
      const name = goType(raw, w.registry);
      const own = name.slice(name.lastIndexOf('.') + 1);
      for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
        if (Object.hasOwn(props, k)) decode(item, props[k], own, [...stack, k], w);
      }
    }
  }
}

/**
 * The decode error kube reports for a built-in object whose JSON does not fit its Go types,
 * or undefined. `rootType` names the Go struct of the root when the schema is inline
 * (e.g. `v1.ConfigMap`); wrap the result with `decodeErrorMessage` for the 400.
 */
export function builtinDecodeError(obj: unknown, schema: JSONSchema, registry: SchemaRegistry, rootType?: string): string | undefined {
  const w: Walk = { registry };
  try {
    if (rootType && typeof obj === 'object' && obj !== null && !Array.isArray(obj)) {
      const props = (registry.resolve(schema).properties as Record<string, JSONSchema> | undefined) ?? {};
      const own = rootType.slice(rootType.lastIndexOf('.') + 1);
      for (const [k, item] of Object.entries(obj)) if (Object.hasOwn(props, k)) decode(item, props[k], own, [k], w);
    } else decode(obj, schema, '', [], w);
  } catch (err) {
    if (err instanceof DirectError) return err.message;
    throw err;
  }
  return w.saved;
}

/** `<Kind> in version "<v>" cannot be handled as a <Kind>: <err>` (rest.go transformDecodeError). */
export function decodeErrorMessage(kind: string, version: string, inner: string): string {
  return `${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: ${inner}`;
}
