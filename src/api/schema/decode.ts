/**
 * What decoding a request body does to an object before admission, in kube's order
 * (`customresource_handler.go` schemaCoercingDecoder and unstructuredSchemaCoercer.apply, then
 * unstructuredDefaulter): report unknown fields per `fieldValidation`, prune them, drop
 * non-nullable nulls, apply schema defaults. Validation comes later, after mutating admission.
 */
import { badRequest, invalid } from '../errors.js';
import type { JSONSchema } from '../types.js';
import { invalidValue } from './field-error.js';
import { builtinDecodeError, decodeErrorMessage } from './go-decode.js';
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
  /** Built-in kinds with an inline root schema: the Go type of the root, e.g. `v1.ConfigMap`. */
  rootType?: string;
}

/**
 * Decodes `obj` in place against its schema; returns the warnings for `Warning` headers.
 * Throws (before touching the object) a built-in's Go decode error, then the Strict 400.
 */
export function decodeObject(obj: Record<string, unknown>, schema: JSONSchema, registry: SchemaRegistry, opts: DecodeOptions): string[] {
  if (opts.builtin) {
    const inner = builtinDecodeError(obj, schema, registry, opts.rootType);
    if (inner) {
      // create/update: 400 from transformDecodeError; patch: 422 on the patched JSON (patch.go).
      if (opts.context) throw badRequest(decodeErrorMessage(opts.context.kind, opts.context.version, inner));
      throw invalid('', '', '', [invalidValue('patch', goJSON(obj), inner)]);
    }
  }
  const unknown = opts.fieldValidation === 'Ignore' ? [] : findUnknownFields(obj, schema, registry, { builtin: opts.builtin });
  const warnings = fieldValidationOutcome(unknown, opts.fieldValidation, opts.context);
  // Nulls go first so the `creationTimestamp: null` that re-serialized ObjectMeta carries survives.
  pruneNonNullableNulls(obj, schema, registry);
  pruneUnknown(obj, schema, registry, { builtin: opts.builtin });
  applyDefaults(obj, schema, registry);
  return warnings;
}

/** `json.Marshal` of decoded JSON: map keys sorted. */
function goJSON(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goJSON).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${goJSON(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
