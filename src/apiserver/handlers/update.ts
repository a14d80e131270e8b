/**
 * PUT (update) and the shared write path of update and patch: carry server-owned
 * fields, admit, validate, record the field manager, detect no-op writes, and finish a
 * deletion when the last finalizer goes.
 */
import { badRequest, invalid } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import { decodeObjectBody } from '../http/body.js';
import type { ApiDeps, RestRequest, RestResponse } from './context.js';
import { fieldValidationWarnings } from './field-validation.js';
import { checkNamespace, checkResourceVersion, checkTypeMeta, deepEqual, prepareForStatusUpdate, prepareForUpdate } from './prepare.js';
import { writeOptions, type WriteOptions } from './write-options.js';
import { sameIgnoringTimes as sameObject } from '../patch/same-object.js';

/** Handles PUT on an object or its status subresource. */
export async function handleUpdate(deps: ApiDeps, req: RestRequest): Promise<RestResponse> {
  const { res, info } = req;
  const opts = writeOptions(req);
  const obj = decodeObjectBody(req.body ?? Buffer.alloc(0), req.headers['content-type'], deps.protobuf);
  checkTypeMeta(res, obj);
  checkNamespace(res, obj, info.namespace);
  if (obj.metadata.name !== info.name) {
    throw badRequest(`the name of the object (${obj.metadata.name ?? ''}) does not match the name on the URL (${info.name})`);
  }
  const warnings = fieldValidationWarnings(deps, res, obj, opts.fieldValidation, true);
  const current = await deps.store.get(res, info.namespace, info.name!);
  checkResourceVersion(res, obj, current);
  const result = await commitUpdate(deps, req, current, obj, opts);
  return { code: 200, body: result, warnings };
}

/**
 * Stores `next` as the new state of `current` (same name), through the update strategy.
 * `applied` marks a server-side apply, whose managed fields were already computed.
 */
export async function commitUpdate(deps: ApiDeps, req: RestRequest, current: KubeObject, next: KubeObject, opts: WriteOptions, applied = false): Promise<KubeObject> {
  const { res, info } = req;
  const sub = info.subresource;
  let obj: KubeObject;
  if (sub === 'status') {
    obj = prepareForStatusUpdate(current, next);
  } else {
    obj = next;
    prepareForUpdate(res, current, obj);
    deps.schema.prune(res, obj);
    deps.schema.applyDefaults(res, obj);
    res.defaults?.(obj, { operation: 'UPDATE', old: current });
  }
  await deps.admission.run({ operation: 'UPDATE', res, namespace: obj.metadata.namespace, name: obj.metadata.name!, subresource: sub, user: req.user, dryRun: opts.dryRun, old: current }, obj);
  // The schema check runs before the kind's own validation, which may throw a webhook's denial.
  const schemaCauses = deps.schema.validate(res, obj, current);
  if (schemaCauses.length) throw invalid(res.group, res.kind, obj.metadata.name!, schemaCauses);
  const causes = res.validate?.(obj, { operation: 'UPDATE', old: current, subresource: sub }) ?? [];
  if (causes.length) throw invalid(res.group, res.kind, obj.metadata.name!, causes);
  const tracked = applied ? obj : deps.fields.update(res, current, obj, opts.fieldManager, sub);
  // A write that changes nothing keeps the stored object and its resourceVersion, as kube does.
  if (sameIgnoringTimes(current, tracked)) return current;
  const rv = Number(current.metadata.resourceVersion);
  if (tracked.metadata.deletionTimestamp && (tracked.metadata.finalizers ?? []).length === 0 && !pendingNamespaceFinalizers(res.plural, tracked)) {
    if (opts.dryRun) return tracked;
    return deps.store.delete(res, info.namespace, info.name!, rv);
  }
  if (opts.dryRun) return tracked;
  return deps.store.update(res, tracked, rv);
}

function pendingNamespaceFinalizers(plural: string, obj: KubeObject): boolean {
  if (plural !== 'namespaces') return false;
  return ((obj.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).length > 0;
}

function sameIgnoringTimes(a: KubeObject, b: KubeObject): boolean {
  // One pass, same answer as comparing JSON round trips without resourceVersion and managedFields times.
  return sameObject(a, b, deepEqual);
}
