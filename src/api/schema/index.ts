/**
 * @module The schema engine: resolve `$ref`s, find and prune unknown fields, apply defaults and
 * validate objects against OpenAPI v3 schemas the way kube-apiserver does, plus ObjectMeta and
 * name validation with apimachinery's messages.
 *
 * A write, in kube's order: `parseFieldValidation` → `decodeObject` (built-in Go type errors,
 * unknown fields per fieldValidation, null and unknown-field pruning, schema defaults) →
 * the kind's own defaults and mutating admission → `validateObjectMeta` (or
 * `validateObjectMetaUpdate`) followed by `validateAgainstSchema` → the kind's own validation.
 */
export { SchemaRegistry } from './resolver.js';
export { findUnknownFields, type UnknownFieldOptions } from './unknown-fields.js';
export {
  type FieldValidationMode,
  type DecodeContext,
  parseFieldValidation,
  fieldValidationOutcome,
  strictDecodingError,
  strictDecodingMessage,
  unknownFieldMessage,
} from './field-validation.js';
export { validateAgainstSchema, hasCelRules, type ValidateOptions } from './validate.js';
export { pruneUnknown, normalizeObjectMeta, type PruneOptions } from './prune.js';
export { applyDefaults, pruneNonNullableNulls } from './defaults.js';
export { decodeObject, type DecodeOptions } from './decode.js';
export { builtinDecodeError, decodeErrorMessage } from './go-decode.js';
export { ssaUnknownFieldPaths, ssaUnknownFieldsMessage, type ApplyTarget } from './ssa-unknown-fields.js';
export {
  validateObjectMeta,
  validateObjectMetaUpdate,
  validateLabels,
  validateAnnotations,
  validateOwnerReferences,
  validateFinalizers,
  validateManagedFields,
  TOTAL_ANNOTATION_SIZE_LIMIT_B,
  FIELD_IMMUTABLE,
  type MetaValidationOptions,
} from './meta-validation.js';
export {
  isDNS1123Label,
  isDNS1123Subdomain,
  isDNS1035Label,
  isQualifiedName,
  isValidLabelValue,
  nameIsDNSSubdomain,
  nameIsDNSLabel,
  nameIsDNS1035Label,
  validatePathSegmentName,
  type NameValidator,
} from './name-validation.js';
export { generateObjectName, MAX_GENERATED_NAME_LENGTH } from './generate-name.js';
export * from './field-error.js';
