/**
 * PUT /api/v1/namespaces/<name>/finalize: only `spec.finalizers` changes; a namespace
 * being deleted whose finalizers are all gone is removed (kube's namespace
 * FinalizeREST plus the store's finalize-then-delete).
 */
import { badRequest } from '../../api/errors.js';
import { decodeObjectBody } from '../http/body.js';
import type { HookHandler } from '../server.js';

/** The finalize subresource of namespaces. */
export const namespaceFinalize: HookHandler = async (d, req) => {
  if (req.method !== 'PUT') throw badRequest('finalize accepts only PUT');
  const body = decodeObjectBody(req.body ?? Buffer.alloc(0), req.headers['content-type'], d.protobuf);
  const finalizers = ((body.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).filter(Boolean);
  const updated = await d.store.guaranteedUpdate(req.res, undefined, req.info.name!, (cur) => ({ ...cur, spec: { ...(cur.spec as object), finalizers } }));
  const m = updated.metadata;
  if (m.deletionTimestamp && finalizers.length === 0 && (m.finalizers ?? []).length === 0) {
    const gone = await d.store.delete(req.res, undefined, req.info.name!, Number(m.resourceVersion));
    return { code: 200, body: gone };
  }
  return { code: 200, body: updated };
};
