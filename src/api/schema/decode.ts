/**
 * What decoding a request body does to an object before admission, in kube's order
 * (`customresource_handler.go` schemaCoercingDecoder and unstructuredSchemaCoercer.apply, then
 * unstructuredDefaulter): report unknown fields per `fieldValidation`, prune them, drop
 * non-nullable nulls, apply schema defaults. Validation comes later, after mutating admission.
 */
import type { JSONSchema } from '../types.js';
import { applyDefaults, pruneNonNullableNulls } from './defaults.js';
import { type DecodeContext, type FieldValidationMode, fieldValidationOutcome } from './field-validation.js';
import { pruneUnknown } from './prune.js';
import type { SchemaRegistry } from './resolver.js';
import { findUnknownFields } from './unknown-fields.js';

/** Options of `decodeObject`. */
export interface DecodeOptions {
  /** The request's `fieldValidation` directive (after `parseFieldValidation`). */
  fieldValidation: FieldValidationMode;
  /** Built-in kind (Go struct decoding) instead of a custom resource. */
  builtin?: boolean;
  /** Kind and version named by the body, for Strict errors of create/update; omit for patches. */
  context?: DecodeContext;
}

/**
 * Decodes `obj` in place against its schema; returns the warnings for `Warning` headers.
 * Throws the Strict 400 before touching the object.
 */
export function decodeObject(obj: Record<string, unknown>, schema: JSONSchema, registry: SchemaRegistry, opts: DecodeOptions): string[] {
  const unknown = opts.fieldValidation === 'Ignore' ? [] : findUnknownFields(obj, schema, registry, { builtin: opts.builtin });
  const warnings = fieldValidationOutcome(unknown, opts.fieldValidation, opts.context);
  // Nulls go first so the `creationTimestamp: null` that re-serialized ObjectMeta carries survives.
  pruneNonNullableNulls(obj, schema, registry);
  pruneUnknown(obj, schema, registry, { builtin: opts.builtin });
  applyDefaults(obj, schema, registry);
  return warnings;
}
