/** POST to a collection: create an object (kube's handlers/create.go + the generic store's Create). */
import { badRequest, invalid } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import { decodeObjectBody } from '../http/body.js';
import type { ApiDeps, RestRequest, RestResponse } from './context.js';
import { checkNamespace, checkTypeMeta, prepareForCreate } from './prepare.js';
import { fieldValidationWarnings } from './field-validation.js';
import { writeOptions } from './write-options.js';

/** Creates the object in the request body. */
export async function handleCreate(deps: ApiDeps, req: RestRequest): Promise<RestResponse> {
  const { res } = req;
  const opts = writeOptions(req);
  const obj = decodeObjectBody(req.body ?? Buffer.alloc(0), req.headers['content-type'], deps.protobuf);
  checkTypeMeta(res, obj);
  checkNamespace(res, obj, req.info.namespace);
  const warnings = fieldValidationWarnings(deps, res, obj, opts.fieldValidation, true);
  if (!obj.metadata.name && !obj.metadata.generateName) {
    throw invalid(res.group, res.kind, '', [{ reason: 'FieldValueRequired', field: 'metadata.name', message: 'Required value: name or generateName is required' }]);
  }
  if (req.info.name && obj.metadata.name !== req.info.name) throw badRequest('the name of the object does not match the name on the URL');
  const created = await createObject(deps, req, obj, opts.fieldManager, opts.dryRun);
  return { code: 201, body: created, warnings };
}

/** The create pipeline after decoding: prepare, admit, record the manager, store; also create-on-apply. */
export async function createObject(deps: ApiDeps, req: RestRequest, obj: KubeObject, manager: string, dryRun: boolean, alreadyTracked = false): Promise<KubeObject> {
  const { res } = req;
  prepareForCreate(res, obj, deps.clock.now(), deps.newUid());
  deps.schema.prune(res, obj);
  deps.schema.applyDefaults(res, obj);
  res.defaults?.(obj, { operation: 'CREATE' });
  await deps.admission.run({ operation: 'CREATE', res, namespace: obj.metadata.namespace, name: obj.metadata.name!, user: req.user, dryRun }, obj);
  // The schema check runs before the kind's own validation, which may throw a webhook's denial.
  const schemaCauses = deps.schema.validate(res, obj);
  if (schemaCauses.length) throw invalid(res.group, res.kind, obj.metadata.name!, schemaCauses);
  const causes = res.validate?.(obj, { operation: 'CREATE' }) ?? [];
  if (causes.length) throw invalid(res.group, res.kind, obj.metadata.name!, causes);
  // Server-side apply computed managedFields from the applied configuration before defaults.
  const tracked = alreadyTracked ? obj : deps.fields.update(res, undefined, obj, manager);
  if (dryRun) return { ...tracked, metadata: { ...tracked.metadata } };
  return deps.store.create(res, tracked);
}
