/**
 * Structural validation of an object against its OpenAPI v3 schema, as kube-apiserver
 * validates custom resources: kube-openapi's schema validator with its errors converted to
 * field errors (`apiextensions-apiserver/pkg/apiserver/validation/validation.go`,
 * kubeOpenAPIResultToFieldErrors), then embedded resources and list-type invariants
 * (`registry/customresource/strategy.go` Validate). `x-kubernetes-validations` (CEL) rules
 * are not evaluated.
 */
import type { FieldCause, JSONSchema } from '../types.js';
import { validateEmbeddedResources } from './embedded.js';
import { dedupeCauses, invalidValue, notSupported, required, tooLong, tooMany, typeInvalid } from './field-error.js';
import { validateListTypes } from './list-type.js';
import type { SchemaRegistry } from './resolver.js';
import { validateNode } from './schema-validator.js';
import type { RawError } from './value-checks.js';

/** Options of `validateAgainstSchema`. */
export interface ValidateOptions {
  /**
   * Built-in kind: no type, format or anyOf/oneOf checks (Go decoding owns those, see
   * `builtinDecodeError`) and no list-type or embedded-resource checks (hand-written validation
   * owns those); required, enum, bounds, lengths and patterns still apply.
   */
  builtin?: boolean;
}

/** Converts one kube-openapi error to the field error kube reports. */
export function toFieldCause(e: RawError): FieldCause {
  if (e.code === 'composite') return invalidValue('', '', e.message);
  const field = e.name && e.name !== '.' ? e.name.replace(/^\./, '') : '';
  const value = e.value ?? '';
  switch (e.code) {
    case 'required':
      return required(field);
    case 'enum':
      return notSupported(field, e.value ?? null, (e.values ?? []).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))));
    case 'tooLong':
      return tooLong(field, e.valid ?? -1);
    case 'maxItems':
    case 'tooManyProps':
      return tooMany(field, typeof e.value === 'number' ? e.value : -1, e.valid ?? -1);
    case 'type':
      return typeInvalid(field, value, e.message);
    default:
      return invalidValue(field, value, e.message);
  }
}

/** The field errors of `obj` under `schema`, in kube's order, duplicates removed as ToAggregate does. */
export function validateAgainstSchema(obj: unknown, schema: JSONSchema, registry: SchemaRegistry, opts: ValidateOptions = {}): FieldCause[] {
  const causes = validateNode(obj, schema, '', { registry, builtin: opts.builtin }).errors.map(toFieldCause);
  if (!opts.builtin) {
    causes.push(...validateEmbeddedResources(obj, schema, registry));
    causes.push(...validateListTypes(obj, schema, registry));
  }
  return dedupeCauses(causes);
}

/** Whether the schema (or any schema below it) carries CEL rules this engine does not evaluate. */
export function hasCelRules(schema: JSONSchema, registry: SchemaRegistry, seen = new Set<JSONSchema>()): boolean {
  const s = registry.resolve(schema);
  if (seen.has(s)) return false;
  seen.add(s);
  if (Array.isArray(s['x-kubernetes-validations']) && s['x-kubernetes-validations'].length > 0) return true;
  const subs: unknown[] = [
    ...Object.values((s.properties as Record<string, JSONSchema> | undefined) ?? {}),
    s.items,
    s.additionalProperties,
    ...((s.allOf as unknown[] | undefined) ?? []),
    ...((s.anyOf as unknown[] | undefined) ?? []),
    ...((s.oneOf as unknown[] | undefined) ?? []),
  ];
  return subs.some((x) => typeof x === 'object' && x !== null && hasCelRules(x as JSONSchema, registry, seen));
}
