/**
 * Small builders for structural OpenAPI v3 schemas in the shape CRDs publish them
 * (the apiextensions dialect: `type`, `properties`, `required`, `additionalProperties`,
 * `x-kubernetes-*`). Every platform group uses these, so schemas read like the CRD YAML.
 */
import type { JSONSchema } from '../types.js';

/** Properties of an object schema. */
export type Props = Record<string, JSONSchema>;

/** A string. */
export function str(extra: JSONSchema = {}): JSONSchema {
  return { type: 'string', ...extra };
}

/** A string limited to the given values. */
export function oneOf(...values: string[]): JSONSchema {
  return { type: 'string', enum: values };
}

/** A 32-bit integer. */
export function int32(extra: JSONSchema = {}): JSONSchema {
  return { type: 'integer', format: 'int32', ...extra };
}

/** A 64-bit integer. */
export function int64(extra: JSONSchema = {}): JSONSchema {
  return { type: 'integer', format: 'int64', ...extra };
}

/** An integer without a declared width (Go `int`/`uint`). */
export function int(extra: JSONSchema = {}): JSONSchema {
  return { type: 'integer', ...extra };
}

/** A floating-point number. */
export function num(): JSONSchema {
  return { type: 'number' };
}

/** A boolean. */
export function bool(): JSONSchema {
  return { type: 'boolean' };
}

/**
 * An RFC 3339 timestamp (metav1.Time). Nullable: Go serializes a zero metav1.Time as
 * `null` (e.g. KubeVirt's `lastProbeTime`), and the generated CRDs declare it so.
 */
export function time(): JSONSchema {
  return { type: 'string', format: 'date-time', nullable: true };
}

/** An object with the given properties; `required` lists the fields without omitempty. */
export function obj(properties: Props, required: string[] = []): JSONSchema {
  const s: JSONSchema = { type: 'object', properties };
  if (required.length > 0) s.required = required;
  return s;
}

/** An empty struct (`{}` in YAML): an object that accepts no fields. */
export function empty(): JSONSchema {
  return { type: 'object' };
}

/** A list. */
export function arr(items: JSONSchema, extra: JSONSchema = {}): JSONSchema {
  return { type: 'array', items, ...extra };
}

/** A list of strings. */
export function strs(): JSONSchema {
  return arr(str());
}

/** A map with string keys (Go `map[string]T`). */
export function map(values: JSONSchema = str()): JSONSchema {
  return { type: 'object', additionalProperties: values };
}

/** An object whose content the CRD does not describe (`x-kubernetes-preserve-unknown-fields`). */
export function free(properties?: Props): JSONSchema {
  const s: JSONSchema = { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  if (properties) s.properties = properties;
  return s;
}

/** An int-or-string (intstr.IntOrString), e.g. `maxUnavailable: 50%`. */
export function intOrString(): JSONSchema {
  return { anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true };
}

/** The pattern apimachinery's resource.Quantity publishes. */
export const QUANTITY_PATTERN =
  '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$';

/** A resource.Quantity (`8Gi`, `500m`, `2`). */
export function quantity(): JSONSchema {
  return {
    anyOf: [{ type: 'integer' }, { type: 'string' }],
    pattern: QUANTITY_PATTERN,
    'x-kubernetes-int-or-string': true,
  };
}

/** A ResourceList (`map[ResourceName]Quantity`). */
export function resourceList(): JSONSchema {
  return map(quantity());
}
