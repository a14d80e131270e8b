/**
 * @module
 * The PATCH algorithms kube-apiserver offers, as pure functions: JSON patch, JSON merge
 * patch, strategic merge patch and server-side apply, chosen by Content-Type, plus
 * field-ownership tracking (`trackUpdate`) for every other write.
 *
 * @example
 * const kind = patchKindOf(req.headers['content-type'], def.strategicMerge === true);
 * const next = applyPatch(kind, live, body, { schema, resolve, strategicMerge: true, apiVersion: 'apps/v1', now, manager, force });
 */
import { StatusError, invalid } from '../../api/errors.js';
import type { JSONSchema, KubeObject } from '../../api/types.js';
import { apply, validateApplied } from './apply.js';
import { decodeApplyPatch, decodeJsonPatch, decodeMergePatch, decodeStrategicPatch } from './decode-body.js';
import { applyJsonPatch } from './json-patch.js';
import { isObject, type Json } from './json-value.js';
import { applyMergePatch } from './merge-patch.js';
import type { SchemaResolver } from './schema-walker.js';
import { strategicMergePatch } from './strategic-merge.js';
import { trackUpdate } from './track-update.js';

export { apply, validateApplied, gvkString, type ApplyOptions } from './apply.js';
export { trackUpdate, type TrackOptions } from './track-update.js';
export { applyJsonPatch, MAX_JSON_PATCH_OPERATIONS } from './json-patch.js';
export { applyMergePatch } from './merge-patch.js';
export { strategicMergePatch } from './strategic-merge.js';
export { makeResolver, deref, propertySchema, itemsSchema, additionalPropertiesSchema, type SchemaResolver } from './schema-walker.js';
export { LAST_APPLIED } from './last-applied.js';

/** The four patch types. */
export type PatchKind = 'json' | 'merge' | 'strategic' | 'apply';

/** Patch media types in the order kube lists them (apiserver `installer.go`). */
const MEDIA_TYPES: [string, PatchKind][] = [
  ['application/json-patch+json', 'json'],
  ['application/merge-patch+json', 'merge'],
  ['application/strategic-merge-patch+json', 'strategic'],
  ['application/apply-patch+yaml', 'apply'],
];

/**
 * The patch kind of a Content-Type (parameters ignored). Throws kube's 415 listing the
 * accepted types; strategic merge is accepted only for kinds that support it (built-ins).
 */
export function patchKindOf(contentType: string | undefined, strategicMerge: boolean): PatchKind {
  const media = (contentType ?? '').split(';')[0].trim();
  const accepted = MEDIA_TYPES.filter(([, k]) => strategicMerge || k !== 'strategic');
  const hit = accepted.find(([m]) => m === media);
  if (hit) return hit[1];
  throw new StatusError('UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted.map(([m]) => m).join(', ')}`);
}

/**
 * Checks PatchOptions as kube's `ValidatePatchOptions` does: apply needs a field
 * manager, force is only for apply, managers are at most 128 printable bytes.
 * Throws 422 `PatchOptions.meta.k8s.io "" is invalid: ...`.
 */
export function validatePatchOptions(kind: PatchKind, opts: { fieldManager?: string; force?: boolean }): void {
  const causes = [];
  if (kind !== 'apply' && opts.force !== undefined) causes.push({ reason: 'FieldValueForbidden' as const, message: 'Forbidden: may not be specified for non-apply patch', field: 'force' });
  if (kind === 'apply' && !opts.fieldManager) causes.push({ reason: 'FieldValueRequired' as const, message: 'Required value: is required for apply patch', field: 'fieldManager' });
  const fm = opts.fieldManager ?? '';
  if (Buffer.byteLength(fm) > 128) causes.push({ reason: 'FieldValueTooLong' as const, message: 'Too long: may not be more than 128 bytes', field: 'fieldManager' });
  else if (/[\u0000-\u001f\u007f]/.test(fm)) causes.push({ reason: 'FieldValueInvalid' as const, message: `Invalid value: ${JSON.stringify(fm)}: must only contain printable characters`, field: 'fieldManager' });
  if (causes.length > 0) throw invalid('meta.k8s.io', 'PatchOptions', '', causes);
}

/** What a patch needs besides the object and the body. */
export interface PatchContext {
  /** The kind's root schema and a resolver for its `$ref`s. */
  schema: JSONSchema | undefined;
  resolve: SchemaResolver;
  /** Whether the kind accepts strategic merge patch (built-ins). */
  strategicMerge: boolean;
  /** The request's group/version, e.g. `apps/v1`. */
  apiVersion: string;
  /** Current time (ISO 8601). */
  now: string;
  /** Field manager. Required for apply; for other patches, managedFields are tracked when given. */
  manager?: string;
  /** `force=true` (apply only). */
  force?: boolean;
  subresource?: string;
  /** Paths the strategy resets (e.g. `[['status']]`), never owned. */
  ignoredFields?: string[][];
  /** For apply: what the body must match (kind, version, URL name and namespace). */
  expect?: { apiVersion: string; kind: string; name: string; namespace?: string };
}

/**
 * Applies a PATCH body to `live` (undefined only for apply, which then creates).
 * Returns the new object; throws StatusError with kube's codes and wording.
 */
export function applyPatch(kind: PatchKind, live: KubeObject | undefined, body: string | Uint8Array, ctx: PatchContext): KubeObject {
  if (kind === 'apply') {
    const applied = decodeApplyPatch(body) as unknown as KubeObject;
    if (!isObject(applied.metadata)) applied.metadata = {};
    if (ctx.expect) validateApplied(applied, ctx.expect);
    if (!ctx.manager) throw invalid('meta.k8s.io', 'PatchOptions', '', [{ reason: 'FieldValueRequired', message: 'Required value: is required for apply patch', field: 'fieldManager' }]);
    const { manager, force = false, apiVersion, now, schema, resolve, subresource, ignoredFields } = ctx;
    return apply(live, applied, { manager, force, apiVersion, now, schema, resolve, subresource, ignoredFields });
  }
  if (!live) throw new Error(`applyPatch: a ${kind} patch needs the live object`);
  const doc = live as unknown as Json;
  let out: Json;
  if (kind === 'json') out = applyJsonPatch(doc, decodeJsonPatch(body));
  else if (kind === 'merge') out = applyMergePatch(doc, decodeMergePatch(body));
  else {
    if (!ctx.strategicMerge) patchKindOf('application/strategic-merge-patch+json', false);
    out = strategicMergePatch(live as never, decodeStrategicPatch(body), ctx.schema, ctx.resolve);
  }
  if (!isObject(out)) throw new StatusError('BadRequest', 'Invalid JSON Patch');
  const patched = out as unknown as KubeObject;
  if (!ctx.manager) return patched;
  return trackUpdate(live, patched, { manager: ctx.manager, apiVersion: ctx.apiVersion, now: ctx.now, schema: ctx.schema, resolve: ctx.resolve, subresource: ctx.subresource, ignoredFields: ctx.ignoredFields });
}
