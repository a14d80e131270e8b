/**
 * Field errors as apimachinery builds them (`staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go`):
 * each becomes a `FieldCause` whose message is the Go `ErrorBody()` (type string, the bad
 * value where kube prints one, then `: detail`). Wording follows Kubernetes 1.32.
 */
import type { CauseReason, FieldCause } from '../types.js';
import { goBadValue, goQuote } from './go-format.js';

/** A field path as `field.Path.String()` prints it: `spec.containers[0].name`. */
export type FieldPath = string;

/** `field.Path.Child`: appends `.name` (no leading dot at the root). */
export function child(path: FieldPath, name: string): FieldPath {
  return path ? `${path}.${name}` : name;
}

/** `field.Path.Index`: appends `[i]`. */
export function index(path: FieldPath, i: number): FieldPath {
  return `${path}[${i}]`;
}

/** `field.Path.Key`: appends `[key]`. */
export function key(path: FieldPath, k: string): FieldPath {
  return `${path}[${k}]`;
}

const TYPE_STRINGS: Record<Exclude<CauseReason, 'FieldValueUnknown'>, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

/** Marker for errors that print no value (`omitValue`). */
const OMIT = Symbol('omit');

function build(reason: Exclude<CauseReason, 'FieldValueUnknown'>, field: FieldPath, value: unknown, detail: string): FieldCause {
  let body = TYPE_STRINGS[reason];
  const bare = reason === 'FieldValueRequired' || reason === 'FieldValueForbidden' || reason === 'FieldValueTooLong' || reason === 'InternalError';
  if (!bare && value !== OMIT) body += `: ${goBadValue(value)}`;
  if (detail) body += `: ${detail}`;
  return { reason, message: body, field };
}

/** `field.Required(path, detail)`: `Required value[: detail]`. */
export function required(field: FieldPath, detail = ''): FieldCause {
  return build('FieldValueRequired', field, OMIT, detail);
}

/** `field.Invalid(path, value, detail)`: `Invalid value: <value>: detail`. */
export function invalidValue(field: FieldPath, value: unknown, detail: string): FieldCause {
  return build('FieldValueInvalid', field, value, detail);
}

/** `field.TypeInvalid(path, value, detail)`: printed like Invalid, reason FieldValueTypeInvalid. */
export function typeInvalid(field: FieldPath, value: unknown, detail: string): FieldCause {
  return build('FieldValueTypeInvalid', field, value, detail);
}

/** `field.NotSupported(path, value, valid)`: `Unsupported value: v: supported values: "a", "b"`. */
export function notSupported(field: FieldPath, value: unknown, valid: string[]): FieldCause {
  const detail = valid.length > 0 ? `supported values: ${valid.map(goQuote).join(', ')}` : '';
  return build('FieldValueNotSupported', field, value, detail);
}

/** `field.Duplicate(path, value)`: `Duplicate value: <value>`. */
export function duplicate(field: FieldPath, value: unknown): FieldCause {
  return build('FieldValueDuplicate', field, value, '');
}

/** `field.Forbidden(path, detail)`: `Forbidden: detail`. */
export function forbiddenField(field: FieldPath, detail: string): FieldCause {
  return build('FieldValueForbidden', field, OMIT, detail);
}

/**
 * `field.TooLong(path, _, max)` (1.32, which also made `TooLongMaxLength` an alias):
 * `Too long: may not be more than <max> bytes` (`byte` when max is 1).
 */
export function tooLong(field: FieldPath, max: number): FieldCause {
  const detail = max >= 0 ? `may not be more than ${max} ${max === 1 ? 'byte' : 'bytes'}` : 'value is too long';
  return build('FieldValueTooLong', field, OMIT, detail);
}

/** `field.TooMany(path, actual, max)`: `Too many: <actual>: must have at most <max> items`. */
export function tooMany(field: FieldPath, actual: number, max: number): FieldCause {
  const detail = max >= 0 ? `must have at most ${max} ${max === 1 ? 'item' : 'items'}` : 'has too many items';
  return build('FieldValueTooMany', field, actual >= 0 ? actual : OMIT, detail);
}

/** `field.InternalError(path, err)`: `Internal error: detail`. */
export function internalFieldError(field: FieldPath, detail: string): FieldCause {
  return build('InternalError', field, OMIT, detail);
}

/** The `Field: body` form `field.Error.Error()` prints. */
export function causeString(c: FieldCause): string {
  return c.field ? `${c.field}: ${c.message}` : c.message;
}

/** `ErrorList.ToAggregate` drops causes whose printed form repeats an earlier one. */
export function dedupeCauses(causes: FieldCause[]): FieldCause[] {
  const seen = new Set<string>();
  return causes.filter((c) => {
    const s = causeString(c);
    if (seen.has(s)) return false;
    seen.add(s);
    return true;
  });
}
