/**
 * PATCH: JSON patch, merge patch, strategic merge patch (built-ins) and server-side
 * apply (`application/apply-patch+yaml`, which also creates). The patch is applied to a
 * fresh read and retried when another writer wins, unless the patch itself pins a
 * resourceVersion.
 */
import { StatusError, badRequest } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import { contentTypeOf } from '../http/negotiate.js';
import { parseYamlBody } from '../http/body.js';
import type { ServedResource } from '../registry/resource-registry.js';
import type { ApiDeps, RestRequest, RestResponse } from './context.js';
import { createObject } from './create.js';
import { fieldValidationWarnings } from './field-validation.js';
import { checkNamespace, checkResourceVersion, checkTypeMeta } from './prepare.js';
import { commitUpdate } from './update.js';
import { writeOptions } from './write-options.js';

/** The patch media types kube accepts. */
export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

/** Applies a non-apply patch to an object (the algorithms live in src/apiserver/patch). */
export interface Patcher {
  patch(type: Exclude<PatchType, 'apply'>, res: ServedResource, live: KubeObject, body: Buffer): KubeObject;
}

const TYPES: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
  'application/apply-patch+cbor': 'apply',
};

/** Handles PATCH on an object or its status subresource. */
export async function handlePatch(deps: ApiDeps & { patcher: Patcher }, req: RestRequest): Promise<RestResponse> {
  const { res, info } = req;
  const type = TYPES[contentTypeOf(req.headers['content-type'])];
  if (!type || (type === 'strategic' && !res.strategicMerge)) {
    const accepted = res.strategicMerge
      ? 'application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json'
      : 'application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml';
    throw new StatusError('UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted}`);
  }
  const body = req.body ?? Buffer.alloc(0);
  const opts = writeOptions(req);
  if (type === 'apply') return applyPatch(deps, req, body, opts);

  let warnings: string[] = [];
  for (let attempt = 0; ; attempt++) {
    const live = await deps.store.get(res, info.namespace, info.name!);
    const patched = deps.patcher.patch(type, res, structuredClone(live), body);
    checkTypeMeta(res, patched);
    if (patched.metadata.name !== live.metadata.name) throw badRequest(`the name of the object (${patched.metadata.name}) does not match the name on the URL (${info.name})`);
    checkNamespace(res, patched, info.namespace);
    warnings = fieldValidationWarnings(deps, res, patched, opts.fieldValidation);
    checkResourceVersion(res, patched, live);
    try {
      const result = await commitUpdate(deps, req, live, patched, opts);
      return { code: 200, body: result, warnings };
    } catch (e) {
      const raced = e instanceof StatusError && e.reason === 'Conflict' && attempt < 8 && !bodyPinsVersion(type, body);
      if (!raced) throw e;
    }
  }
}

async function applyPatch(deps: ApiDeps, req: RestRequest, body: Buffer, opts: ReturnType<typeof writeOptions>): Promise<RestResponse> {
  const { res, info } = req;
  if (!req.query.get('fieldManager')) throw badRequest('PATCH, application/apply-patch+yaml requires fieldManager to be set');
  const force = req.query.get('force') === 'true';
  const applied = parseYamlBody(body) as KubeObject;
  if (!applied || typeof applied !== 'object' || Array.isArray(applied)) throw badRequest(`error decoding YAML: object expected`);
  if (!applied.metadata) applied.metadata = {};
  if (applied.metadata.name && applied.metadata.name !== info.name) {
    throw badRequest(`the name of the object (${applied.metadata.name}) does not match the name on the URL (${info.name})`);
  }
  applied.metadata.name = info.name;
  checkTypeMeta(res, applied);
  checkNamespace(res, applied, info.namespace);
  const warnings = fieldValidationWarnings(deps, res, applied, opts.fieldValidation);
  for (let attempt = 0; ; attempt++) {
    const live = await deps.store.tryGet(res, info.namespace, info.name!);
    try {
      if (!live) {
        if (info.subresource) throw new StatusError('NotFound', `${res.plural} "${info.name}" not found`);
        const merged = deps.fields.apply(res, undefined, structuredClone(applied), opts.fieldManager, force);
        const created = await createObject(deps, req, merged, opts.fieldManager, opts.dryRun, true);
        return { code: 201, body: created, warnings };
      }
      const merged = deps.fields.apply(res, structuredClone(live), structuredClone(applied), opts.fieldManager, force, info.subresource);
      const result = await commitUpdate(deps, req, live, merged, opts, true);
      return { code: 200, body: result, warnings };
    } catch (e) {
      const raced = e instanceof StatusError && (e.reason === 'Conflict' && /modified/.test(e.message) || e.reason === 'AlreadyExists') && attempt < 8;
      if (!raced || applied.metadata.resourceVersion) throw e;
    }
  }
}

function bodyPinsVersion(type: PatchType, body: Buffer): boolean {
  return type !== 'json' && body.includes('"resourceVersion"');
}
