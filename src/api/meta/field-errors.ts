/**
 * Builders for `details.causes[]` entries, worded as apimachinery's `field.Error.ErrorBody()`
 * (`staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go`).
 */
import type { FieldCause } from '../types.js';

/** A value as `field.Error` prints it: strings quoted (`%q`), numbers and booleans bare, else JSON. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/** `field.Required`: `Required value` (`: detail`). */
export function required(field: string, detail = ''): FieldCause {
  return { reason: 'FieldValueRequired', message: detail ? `Required value: ${detail}` : 'Required value', field };
}

/** `field.Invalid`: `Invalid value: "x": detail`. */
export function invalid(field: string, value: unknown, detail: string): FieldCause {
  return { reason: 'FieldValueInvalid', message: `Invalid value: ${formatValue(value)}${detail ? `: ${detail}` : ''}`, field };
}

/** `field.NotSupported`: `Unsupported value: "x": supported values: "a", "b"`. */
export function notSupported(field: string, value: unknown, supported: readonly string[]): FieldCause {
  const list = supported.map((v) => JSON.stringify(v)).join(', ');
  return { reason: 'FieldValueNotSupported', message: `Unsupported value: ${formatValue(value)}${supported.length ? `: supported values: ${list}` : ''}`, field };
}

/** `field.Duplicate`: `Duplicate value: "x"`. */
export function duplicate(field: string, value: unknown): FieldCause {
  return { reason: 'FieldValueDuplicate', message: `Duplicate value: ${formatValue(value)}`, field };
}

/** `field.Forbidden`: `Forbidden: detail`. */
export function forbidden(field: string, detail: string): FieldCause {
  return { reason: 'FieldValueForbidden', message: `Forbidden: ${detail}`, field };
}

/** `field.NotFound`: `Not found: "x"`. */
export function notFoundValue(field: string, value: unknown): FieldCause {
  return { reason: 'FieldValueNotFound', message: `Not found: ${formatValue(value)}`, field };
}

/** `field.TooLong`: `Too long: may not be more than N bytes`. */
export function tooLong(field: string, max: number): FieldCause {
  return { reason: 'FieldValueTooLong', message: `Too long: may not be more than ${max} bytes`, field };
}

/** A field path child: `spec` + `containers` -> `spec.containers`. */
export function child(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

/** A field path index: `spec.containers[0]`; a map key: `data[key]`. */
export function index(path: string, i: number | string): string {
  return `${path}[${i}]`;
}
