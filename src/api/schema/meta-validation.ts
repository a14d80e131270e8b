/**
 * ObjectMeta validation every kind gets, with apimachinery's messages
 * (`staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go`,
 * `staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go`).
 */
import type { FieldCause, ObjectMeta } from '../types.js';
import { child, forbiddenField, index, invalidValue, required, tooLong } from './field-error.js';
import { GoStringer, goQuote } from './go-format.js';
import { type NameValidator, isDNS1123Label, isQualifiedName, isValidLabelValue } from './name-validation.js';

/** `TotalAnnotationSizeLimitB`: 256 KiB of annotation keys and values. */
export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024;

/** `FieldImmutableErrorMsg`. */
export const FIELD_IMMUTABLE = 'field is immutable';

/** `ValidateLabels`: keys are qualified names, values valid label values; errors name the map. */
export function validateLabels(labels: Record<string, unknown> | undefined, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const m of isQualifiedName(k)) out.push(invalidValue(path, k, m));
    for (const m of isValidLabelValue(String(v))) out.push(invalidValue(path, v, m));
  }
  return out;
}

/** `ValidateAnnotations`: keys are qualified names (case-insensitive); total size at most 256 KiB. */
export function validateAnnotations(annotations: Record<string, unknown> | undefined, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const m of isQualifiedName(k.toLowerCase())) out.push(invalidValue(path, k, m));
    size += Buffer.byteLength(k) + Buffer.byteLength(String(v));
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT_B) out.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT_B));
  return out;
}

/** `ValidateOwnerReferences`: required fields, Event owners banned, at most one controller. */
export function validateOwnerReferences(refs: ObjectMeta['ownerReferences'], path: string): FieldCause[] {
  const out: FieldCause[] = [];
  let firstController = '';
  for (const ref of refs ?? []) {
    const [group, version] = splitAPIVersion(ref.apiVersion ?? '');
    if (!version) out.push(invalidValue(child(path, 'apiVersion'), ref.apiVersion ?? '', 'version must not be empty'));
    if (!ref.kind) out.push(invalidValue(child(path, 'kind'), ref.kind ?? '', 'must not be empty'));
    if (!ref.name) out.push(invalidValue(child(path, 'name'), ref.name ?? '', 'must not be empty'));
    if (!ref.uid) out.push(invalidValue(child(path, 'uid'), ref.uid ?? '', 'must not be empty'));
    if (group === '' && version === 'v1' && ref.kind === 'Event') {
      out.push(invalidValue(path, ref, '/v1, Kind=Event is disallowed from being an owner'));
    }
    if (ref.controller === true) {
      const name = `${ref.kind}/${ref.name}`;
      if (firstController) {
        out.push(invalidValue(path, refs, `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${name}`));
      } else firstController = name;
    }
  }
  return out;
}

// schema.FromAPIVersionAndKind: `group/version`, or a bare version for the core group.
function splitAPIVersion(apiVersion: string): [string, string] {
  const i = apiVersion.indexOf('/');
  if (i < 0) return ['', apiVersion];
  return [apiVersion.slice(0, i), apiVersion.slice(i + 1)];
}

/** `ValidateFinalizers`: qualified names; orphan and foreground deletion may not both be set. */
export function validateFinalizers(finalizers: string[] | undefined, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  for (const f of finalizers ?? []) for (const m of isQualifiedName(f)) out.push(invalidValue(path, f, m));
  const list = finalizers ?? [];
  if (list.includes('orphan') && list.includes('foregroundDeletion')) {
    out.push(invalidValue(path, list, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return out;
}

/** What `validateObjectMeta` needs to know about the kind. */
export interface MetaValidationOptions {
  /** Whether the kind is namespaced (namespace required) or cluster-scoped (namespace forbidden). */
  namespaced: boolean;
  /** How names are validated: `nameIsDNSSubdomain` for most kinds, `nameIsDNSLabel` for some. */
  nameFn: NameValidator;
  /** Field path of the metadata, `metadata` by default. */
  path?: string;
}

/** `ValidateObjectMetaAccessor` on create: generateName, name, namespace, generation, labels, annotations, owners, finalizers. */
export function validateObjectMeta(meta: ObjectMeta, opts: MetaValidationOptions): FieldCause[] {
  const path = opts.path ?? 'metadata';
  const out: FieldCause[] = [];
  if (meta.generateName) {
    for (const m of opts.nameFn(meta.generateName, true)) out.push(invalidValue(child(path, 'generateName'), meta.generateName, m));
  }
  if (!meta.name) out.push(required(child(path, 'name'), 'name or generateName is required'));
  else for (const m of opts.nameFn(meta.name, false)) out.push(invalidValue(child(path, 'name'), meta.name, m));
  return [...out, ...validateMetaCommon(meta, opts.namespaced, path)];
}

function validateMetaCommon(meta: ObjectMeta, namespaced: boolean, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  if (namespaced) {
    if (!meta.namespace) out.push(required(child(path, 'namespace')));
    else for (const m of isDNS1123Label(meta.namespace)) out.push(invalidValue(child(path, 'namespace'), meta.namespace, m));
  } else if (meta.namespace) {
    out.push(forbiddenField(child(path, 'namespace'), 'not allowed on this type'));
  }
  if (typeof meta.generation === 'number' && meta.generation < 0) {
    out.push(invalidValue(child(path, 'generation'), meta.generation, 'must be greater than or equal to 0'));
  }
  out.push(...validateLabels(meta.labels, child(path, 'labels')));
  out.push(...validateAnnotations(meta.annotations, child(path, 'annotations')));
  out.push(...validateOwnerReferences(meta.ownerReferences, child(path, 'ownerReferences')));
  out.push(...validateFinalizers(meta.finalizers, child(path, 'finalizers')));
  out.push(...validateManagedFields(meta.managedFields, child(path, 'managedFields')));
  return out;
}

/** `FieldManagerMaxLength` and `MaxSubresourceNameLength` (meta/v1/validation). */
const FIELD_MANAGER_MAX = 128;
const SUBRESOURCE_MAX = 256;

/** `ValidateManagedFields`: operation Apply or Update, fieldsType FieldsV1, manager at most 128 printable characters. */
export function validateManagedFields(entries: ObjectMeta['managedFields'], path: string): FieldCause[] {
  const out: FieldCause[] = [];
  (entries ?? []).forEach((e, i) => {
    const p = index(path, i);
    if (e.operation !== 'Apply' && e.operation !== 'Update') out.push(invalidValue(child(p, 'operation'), e.operation ?? '', 'must be `Apply` or `Update`'));
    if (e.fieldsType && e.fieldsType !== 'FieldsV1') out.push(invalidValue(child(p, 'fieldsType'), e.fieldsType, 'must be `FieldsV1`'));
    const manager = e.manager ?? '';
    if (manager.length > FIELD_MANAGER_MAX) out.push(tooLong(child(p, 'manager'), FIELD_MANAGER_MAX));
    let at = 0;
    for (const ch of manager) {
      // unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space; positions are byte offsets.
      if (!/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch)) {
        const cp = ch.codePointAt(0)!;
        out.push(invalidValue(child(p, 'manager'), manager, `invalid character U+${cp.toString(16).toUpperCase().padStart(4, '0')} (at position ${at})`));
      }
      at += Buffer.byteLength(ch);
    }
    if ((e.subresource ?? '').length > SUBRESOURCE_MAX) out.push(tooLong(child(p, 'subresource'), SUBRESOURCE_MAX));
  });
  return out;
}

/**
 * `ValidateObjectMetaAccessorUpdate`: no new finalizers once deleting, resourceVersion set,
 * generation not decremented, immutable identity fields, then the create-time checks of the
 * maps and lists. Timestamps print as Go's `time.Time.String()` does.
 */
export function validateObjectMetaUpdate(next: ObjectMeta, old: ObjectMeta, path = 'metadata'): FieldCause[] {
  const out: FieldCause[] = [];
  if (old.deletionTimestamp) {
    const extra = [...new Set((next.finalizers ?? []).filter((f) => !(old.finalizers ?? []).includes(f)))].sort();
    if (extra.length > 0) {
      out.push(forbiddenField(child(path, 'finalizers'), `no new finalizers can be added if the object is being deleted, found new finalizers []string{${extra.map(goQuote).join(', ')}}`));
    }
  }
  if (!next.resourceVersion) out.push(invalidValue(child(path, 'resourceVersion'), next.resourceVersion ?? '', 'must be specified for an update'));
  if ((next.generation ?? 0) < (old.generation ?? 0)) out.push(invalidValue(child(path, 'generation'), next.generation ?? 0, 'must not be decremented'));
  const immutable = (field: string, a: unknown, b: unknown, shown: unknown) => {
    if ((a ?? null) !== (b ?? null)) out.push(invalidValue(child(path, field), shown, FIELD_IMMUTABLE));
  };
  immutable('name', next.name ?? '', old.name ?? '', next.name ?? '');
  immutable('namespace', next.namespace ?? '', old.namespace ?? '', next.namespace ?? '');
  immutable('uid', next.uid ?? '', old.uid ?? '', next.uid ?? '');
  immutable('creationTimestamp', instant(next.creationTimestamp), instant(old.creationTimestamp), goTime(next.creationTimestamp, false));
  immutable('deletionTimestamp', instant(next.deletionTimestamp), instant(old.deletionTimestamp), goTime(next.deletionTimestamp, true));
  immutable('deletionGracePeriodSeconds', next.deletionGracePeriodSeconds, old.deletionGracePeriodSeconds, next.deletionGracePeriodSeconds ?? null);
  out.push(...validateLabels(next.labels, child(path, 'labels')));
  out.push(...validateAnnotations(next.annotations, child(path, 'annotations')));
  out.push(...validateOwnerReferences(next.ownerReferences, child(path, 'ownerReferences')));
  out.push(...validateFinalizers(next.finalizers, child(path, 'finalizers')));
  out.push(...validateManagedFields(next.managedFields, child(path, 'managedFields')));
  return out;
}

// metav1.Time compares at second precision (RFC 3339 on the wire).
function instant(t: string | undefined): number | null {
  if (!t) return null;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

/** A timestamp as the error prints it: `time.Time.String()` (a Stringer, so unquoted), `null` for a nil pointer. */
function goTime(t: string | undefined, pointer: boolean): unknown {
  if (!t) return pointer ? null : new GoStringer('0001-01-01 00:00:00 +0000 UTC');
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) return t;
  const iso = d.toISOString();
  return new GoStringer(`${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 UTC`);
}
