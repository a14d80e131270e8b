/**
 * Name, label and annotation validation with apimachinery's exact messages
 * (`staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go`,
 * `pkg/api/validation/{generic,objectmeta}.go`, `pkg/apis/meta/v1/validation/validation.go`).
 * Shared by the built-in kinds, CRDs and the platform kinds.
 */
import type { FieldCause, ObjectMeta } from '../types.js';
import { invalid, required, tooLong } from './field-errors.js';

const dns1123LabelFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const dns1123SubdomainFmt = `${dns1123LabelFmt}(\\.${dns1123LabelFmt})*`;
const dns1035LabelFmt = '[a-z]([-a-z0-9]*[a-z0-9])?';
const qualifiedNameFmt = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const labelValueFmt = `(${qualifiedNameFmt})?`;
const configMapKeyFmt = '[-._a-zA-Z0-9]+';
const full = (fmt: string) => new RegExp(`^${fmt}$`);
const dns1123LabelRe = full(dns1123LabelFmt);
const dns1123SubdomainRe = full(dns1123SubdomainFmt);
const dns1035LabelRe = full(dns1035LabelFmt);
const qualifiedNameRe = full(qualifiedNameFmt);
const labelValueRe = full(labelValueFmt);
const configMapKeyRe = full(configMapKeyFmt);

/** `validation.RegexError`: the message, examples and the regex (note Go's `', ' + ' or '` spacing). */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

/** `validation.MaxLenError` */
export function maxLenError(n: number): string {
  return `must be no more than ${n} characters`;
}

/** `IsDNS1123Label`: error strings, empty when valid. */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!dns1123LabelRe.test(value)) errs.push(regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", dns1123LabelFmt, 'my-name', '123-abc'));
  return errs;
}

/** `IsDNS1123Subdomain` */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLenError(253));
  if (!dns1123SubdomainRe.test(value)) errs.push(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", dns1123SubdomainFmt, 'example.com'));
  return errs;
}

/** `IsDNS1035Label` (Service names). */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!dns1035LabelRe.test(value)) errs.push(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character", dns1035LabelFmt, 'my-name', 'abc-123'));
  return errs;
}

/** `path.ValidatePathSegmentName` (RBAC object names). */
export function isPathSegmentName(value: string): string[] {
  if (value === '.' || value === '..') return [`may not be '${value}'`];
  const errs: string[] = [];
  for (const c of ['/', '%']) if (value.includes(c)) errs.push(`may not contain '${c}'`);
  return errs;
}

/** `IsQualifiedName`: label keys, annotation keys, finalizers. */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  const msg = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  let name: string;
  if (parts.length === 1) name = parts[0];
  else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else for (const e of isDNS1123Subdomain(prefix)) errs.push(`prefix part ${e}`);
  } else {
    return [`a qualified name ${regexError(msg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!qualifiedNameRe.test(name)) errs.push(`name part ${regexError(msg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

/** `IsValidLabelValue` */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!labelValueRe.test(value)) errs.push(regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", labelValueFmt, 'MyValue', 'my_value', '12345'));
  return errs;
}

/** `IsConfigMapKey` (ConfigMap and Secret data keys). */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLenError(253));
  if (!configMapKeyRe.test(value)) errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", configMapKeyFmt, 'key.name', 'KEY_NAME', 'key-name'));
  if (value === '.') errs.push("must not be '.'");
  else if (value === '..') errs.push("must not be '..'");
  else if (value.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** A name validator: returns error strings for a name. */
export type NameValidator = (name: string) => string[];

/** `ValidateLabels`: every key a qualified name, every value a label value; field `metadata.labels`. */
export function validateLabels(labels: unknown, field = 'metadata.labels'): FieldCause[] {
  if (!labels || typeof labels !== 'object') return [];
  const causes: FieldCause[] = [];
  for (const [k, v] of Object.entries(labels as Record<string, unknown>)) {
    for (const e of isQualifiedName(k)) causes.push(invalid(field, k, e));
    for (const e of isValidLabelValue(String(v ?? ''))) causes.push(invalid(field, v, e));
  }
  return causes;
}

/** Total annotation size limit (`TotalAnnotationSizeLimitB`, 256 KiB). */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** `ValidateAnnotations`: keys are qualified names (case-insensitive), total size at most 256 KiB. */
export function validateAnnotations(annotations: unknown, field = 'metadata.annotations'): FieldCause[] {
  if (!annotations || typeof annotations !== 'object') return [];
  const causes: FieldCause[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations as Record<string, unknown>)) {
    for (const e of isQualifiedName(k.toLowerCase())) causes.push(invalid(field, k, e));
    size += k.length + String(v ?? '').length;
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) causes.push(tooLong(field, TOTAL_ANNOTATION_SIZE_LIMIT));
  return causes;
}

/** Options for `validateObjectMeta`. */
export interface ObjectMetaRules {
  namespaced: boolean;
  /** How names of this kind are checked; DNS-1123 subdomain by default. */
  name?: NameValidator;
}

/** `ValidateObjectMeta`: name (or generateName), namespace presence, labels and annotations. */
export function validateObjectMeta(meta: ObjectMeta | undefined, rules: ObjectMetaRules): FieldCause[] {
  const m = meta ?? {};
  const causes: FieldCause[] = [];
  const nameFn = rules.name ?? isDNS1123Subdomain;
  if (m.generateName) {
    // A generated name is checked as a prefix: a trailing '-' is masked (maskTrailingDash).
    const prefix = m.generateName.length > 1 && m.generateName.endsWith('-') ? `${m.generateName.slice(0, -2)}a` : m.generateName;
    for (const e of nameFn(prefix)) causes.push(invalid('metadata.generateName', m.generateName, e));
  }
  if (!m.name && !m.generateName) causes.push(required('metadata.name', 'name or generateName is required'));
  else if (m.name) for (const e of nameFn(m.name)) causes.push(invalid('metadata.name', m.name, e));
  if (rules.namespaced) {
    if (!m.namespace) causes.push(required('metadata.namespace'));
    else for (const e of isDNS1123Label(m.namespace)) causes.push(invalid('metadata.namespace', m.namespace, e));
  } else if (m.namespace) {
    causes.push({ reason: 'FieldValueForbidden', message: 'Forbidden: not allowed on this type', field: 'metadata.namespace' });
  }
  causes.push(...validateLabels(m.labels));
  causes.push(...validateAnnotations(m.annotations));
  for (const [i, f] of (m.finalizers ?? []).entries()) {
    for (const e of isQualifiedName(f)) causes.push(invalid(`metadata.finalizers[${i}]`, f, e));
  }
  return causes;
}
