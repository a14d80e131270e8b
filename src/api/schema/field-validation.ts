/**
 * The `fieldValidation` query parameter: its allowed values and what each does with the
 * unknown fields of a request body (`staging/src/k8s.io/apiserver/pkg/endpoints/handlers/create.go`,
 * `update.go`, `patch.go`, `rest.go`; `staging/src/k8s.io/apimachinery/pkg/runtime/error.go`).
 */
import { StatusError, badRequest, invalid } from '../errors.js';
import { goQuote } from './go-format.js';
import { notSupported } from './field-error.js';

/** A `fieldValidation` directive. */
export type FieldValidationMode = 'Ignore' | 'Warn' | 'Strict';

/** `sets.NewString("", Ignore, Warn, Strict).List()`: sorted, as the error lists them. */
const ALLOWED = ['', 'Ignore', 'Strict', 'Warn'];

/**
 * Validates the parameter and applies kube's default (`Warn` when empty, `rest.go` fieldValidation()).
 * An unknown value is 422 Invalid on the request's options kind, e.g.
 * `CreateOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "Foo": supported values: "", "Ignore", "Strict", "Warn"`
 * (`ValidateFieldValidation` in `apimachinery/pkg/apis/meta/v1/validation/validation.go`).
 */
export function parseFieldValidation(value: string | undefined, optionsKind: 'CreateOptions' | 'UpdateOptions' | 'PatchOptions'): FieldValidationMode {
  const v = value ?? '';
  if (!ALLOWED.includes(v)) throw invalid('meta.k8s.io', optionsKind, '', [notSupported('fieldValidation', v, ALLOWED)]);
  return v === '' ? 'Warn' : (v as FieldValidationMode);
}

/** One strict decoding error per field: `unknown field "spec.foo"`. */
export function unknownFieldMessage(path: string): string {
  return `unknown field ${goQuote(path)}`;
}

/** `runtime.NewStrictDecodingError(errs).Error()`: `strict decoding error: unknown field "a", unknown field "b"`. */
export function strictDecodingMessage(unknown: string[]): string {
  return `strict decoding error: ${unknown.map(unknownFieldMessage).join(', ')}`;
}

/** Where the body was decoded: create/update name the kind (transformDecodeError); patches do not. */
export interface DecodeContext {
  /** Kind named by the body, e.g. `VirtualMachine`. */
  kind: string;
  /** Version named by the body, e.g. `v1`. */
  version: string;
  /** Kind the endpoint decodes into (defaults to `kind`). */
  intoKind?: string;
}

/**
 * What a request does with the unknown fields found in its body: `Strict` throws 400
 * BadRequest (create/update: `<Kind> in version "<v>" cannot be handled as a <Kind>: strict decoding error: ...`;
 * patch, without `ctx`: `strict decoding error: ...`); `Warn` returns one warning per field
 * (the text of a `Warning: 299 - "..."` header); `Ignore` returns nothing.
 */
export function fieldValidationOutcome(unknown: string[], mode: FieldValidationMode, ctx?: DecodeContext): string[] {
  if (unknown.length === 0 || mode === 'Ignore') return [];
  if (mode === 'Warn') return unknown.map(unknownFieldMessage);
  throw strictDecodingError(unknown, ctx);
}

/** The 400 a Strict request with unknown fields gets. */
export function strictDecodingError(unknown: string[], ctx?: DecodeContext): StatusError {
  const msg = strictDecodingMessage(unknown);
  if (!ctx) return badRequest(msg);
  return badRequest(`${ctx.kind} in version ${goQuote(ctx.version)} cannot be handled as a ${ctx.intoKind ?? ctx.kind}: ${msg}`);
}
