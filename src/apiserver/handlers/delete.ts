/**
 * DELETE and DELETECOLLECTION with kube's generic-store semantics: preconditions,
 * propagation (Orphan and Foreground become finalizers the garbage collector acts on),
 * finalizers and deletionTimestamp, graceful deletion of pods bound to a node, and
 * namespaces going Terminating until the namespace controller has emptied them.
 */
import { StatusError, badRequest, conflict } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import { rfc3339 } from '../../lib/clock.js';
import { parseJson } from '../http/body.js';
import type { ServedResource } from '../registry/resource-registry.js';
import type { ApiDeps, RestRequest, RestResponse } from './context.js';
import { parseListOptions } from './list-options.js';
import { selectPage } from './list.js';
import { entryObject } from '../storage/watch-cache.js';
import type { Backend } from '../../storage/backend.js';
import { writeOptions } from './write-options.js';

/** metav1.DeleteOptions, as far as ove honours it. */
export interface DeleteOptions {
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
  orphanDependents?: boolean;
  dryRun: boolean;
}

/** Finalizers the garbage collector owns (metav1.FinalizerOrphanDependents, FinalizerDeleteDependents). */
export const ORPHAN_FINALIZER = 'orphan';
export const FOREGROUND_FINALIZER = 'foregroundDeletion';

/** Finalizers a kind's storage adds when deletion starts (apiextensions' CRD registry adds its cleanup finalizer on first delete). */
const FINALIZERS_ON_DELETE: Record<string, string[]> = {
  'apiextensions.k8s.io/customresourcedefinitions': ['customresourcecleanup.apiextensions.k8s.io'],
};

/** Parses DeleteOptions from the body and query (query wins, as kube merges them). */
export function deleteOptions(req: RestRequest): DeleteOptions {
  let body: Record<string, unknown> = {};
  if (req.body && req.body.length > 0) {
    const parsed = parseJson(req.body);
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  }
  const q = req.query;
  const policy = (q.get('propagationPolicy') ?? body.propagationPolicy) as DeleteOptions['propagationPolicy'];
  if (policy !== undefined && !['Orphan', 'Background', 'Foreground'].includes(policy)) {
    throw new StatusError('Invalid', `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan", "nil"`, { causes: [{ reason: 'FieldValueNotSupported', field: 'propagationPolicy', message: `Unsupported value: "${policy}"` }] });
  }
  const grace = q.get('gracePeriodSeconds') ?? body.gracePeriodSeconds;
  const dry = q.getAll('dryRun').length > 0 || (Array.isArray(body.dryRun) && body.dryRun.includes('All'));
  writeOptions(req);
  return {
    propagationPolicy: policy,
    gracePeriodSeconds: grace === undefined || grace === null ? undefined : Number(grace),
    preconditions: body.preconditions as DeleteOptions['preconditions'],
    orphanDependents: body.orphanDependents as boolean | undefined,
    dryRun: dry,
  };
}

/** Handles DELETE of one object. */
export async function handleDelete(deps: ApiDeps, req: RestRequest): Promise<RestResponse> {
  const opts = deleteOptions(req);
  const { deleted, obj } = await deleteObject(deps, req, req.res, req.info.namespace, req.info.name!, opts);
  if (!deleted) return { code: 200, body: obj };
  return { code: 200, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: { name: obj.metadata.name, group: req.res.group || undefined, kind: req.res.plural, uid: obj.metadata.uid } } };
}

/** Deletes (or starts deleting) one object; shared by DELETE, deletecollection and the garbage collector. */
export async function deleteObject(deps: ApiDeps, req: Pick<RestRequest, 'user'>, res: ServedResource, namespace: string | undefined, name: string, opts: DeleteOptions): Promise<{ deleted: boolean; obj: KubeObject }> {
  for (let attempt = 0; ; attempt++) {
    const cur = await deps.store.get(res, namespace, name);
    checkPreconditions(res, cur, opts);
    await deps.admission.run({ operation: 'DELETE', res, namespace, name, user: req.user, dryRun: opts.dryRun, old: cur }, cur);
    const next = markForDeletion(deps, res, cur, opts);
    try {
      if (!next) {
        if (opts.dryRun) return { deleted: true, obj: cur };
        return { deleted: true, obj: await deps.store.delete(res, namespace, name, Number(cur.metadata.resourceVersion)) };
      }
      if (opts.dryRun) return { deleted: false, obj: next };
      if (JSON.stringify(next) === JSON.stringify(cur)) return { deleted: false, obj: cur };
      return { deleted: false, obj: await deps.store.update(res, next, Number(cur.metadata.resourceVersion)) };
    } catch (e) {
      if (!(e instanceof StatusError && e.reason === 'Conflict') || attempt >= 8 || opts.preconditions?.resourceVersion) throw e;
    }
  }
}

function checkPreconditions(res: ServedResource, cur: KubeObject, opts: DeleteOptions): void {
  const p = opts.preconditions;
  if (p?.uid && p.uid !== cur.metadata.uid) {
    throw conflict(res.group, res.plural, cur.metadata.name!, `Precondition failed: UID in precondition: ${p.uid}, UID in object meta: ${cur.metadata.uid}`);
  }
  if (p?.resourceVersion && p.resourceVersion !== cur.metadata.resourceVersion) {
    throw conflict(res.group, res.plural, cur.metadata.name!, `Precondition failed: ResourceVersion in precondition: ${p.resourceVersion}, ResourceVersion in object meta: ${cur.metadata.resourceVersion}`);
  }
}

/** The object with deletion started, or undefined when it can go at once. */
function markForDeletion(deps: ApiDeps, res: ServedResource, cur: KubeObject, opts: DeleteOptions): KubeObject | undefined {
  const next = structuredClone(cur);
  const m = next.metadata;
  const finalizers = new Set(m.finalizers ?? []);
  const policy = opts.propagationPolicy ?? (opts.orphanDependents === true ? 'Orphan' : opts.orphanDependents === false ? 'Background' : undefined);
  if (policy === 'Orphan') {
    finalizers.add(ORPHAN_FINALIZER);
    finalizers.delete(FOREGROUND_FINALIZER);
  } else if (policy === 'Foreground') {
    finalizers.add(FOREGROUND_FINALIZER);
    finalizers.delete(ORPHAN_FINALIZER);
  } else if (policy === 'Background') {
    finalizers.delete(ORPHAN_FINALIZER);
    finalizers.delete(FOREGROUND_FINALIZER);
  }
  if (!m.deletionTimestamp) for (const f of FINALIZERS_ON_DELETE[`${res.group}/${res.plural}`] ?? []) finalizers.add(f);
  const nowStr = rfc3339(deps.clock.now());
  const grace = gracePeriod(res, cur, opts);
  const namespaceFinalizers = res.group === '' && res.plural === 'namespaces' && ((cur.spec as { finalizers?: string[] })?.finalizers ?? []).length > 0;
  if (finalizers.size === 0 && grace === 0 && !namespaceFinalizers) return undefined;
  m.finalizers = finalizers.size ? [...finalizers] : undefined;
  if (!m.finalizers) delete m.finalizers;
  if (!m.deletionTimestamp) {
    m.deletionTimestamp = grace > 0 ? rfc3339(deps.clock.now() + grace * 1000) : nowStr;
    m.deletionGracePeriodSeconds = grace;
  } else if (grace < (m.deletionGracePeriodSeconds ?? 0)) {
    // A second delete may only shorten the grace period.
    m.deletionTimestamp = rfc3339(deps.clock.now() + grace * 1000);
    m.deletionGracePeriodSeconds = grace;
  }
  if (namespaceFinalizers) next.status = { ...(next.status as object), phase: 'Terminating' };
  return next;
}

/** Graceful deletion applies to pods bound to a node (kube's pod strategy CheckGracefulDelete). */
function gracePeriod(res: ServedResource, cur: KubeObject, opts: DeleteOptions): number {
  if (!(res.group === '' && res.plural === 'pods')) return 0;
  const spec = cur.spec as { nodeName?: string; terminationGracePeriodSeconds?: number } | undefined;
  const status = cur.status as { phase?: string } | undefined;
  if (!spec?.nodeName || status?.phase === 'Succeeded' || status?.phase === 'Failed') return 0;
  const g = opts.gracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30;
  if (g < 0) throw badRequest('gracePeriodSeconds must be non-negative');
  return g;
}

/** Handles DELETE on a collection: every object the selectors match. */
export async function handleDeleteCollection(deps: ApiDeps, req: RestRequest, backend: Backend): Promise<RestResponse> {
  const opts = deleteOptions(req);
  const list = parseListOptions(req.res, req.query);
  const page = await selectPage(deps, req.res, req.info.namespace, { ...list, limit: 0, continueToken: undefined }, backend);
  const items: KubeObject[] = [];
  for (const e of page.entries) {
    const o = entryObject(e);
    try {
      items.push((await deleteObject(deps, req, req.res, o.metadata.namespace, o.metadata.name!, opts)).obj);
    } catch (err) {
      if (!(err instanceof StatusError && err.reason === 'NotFound')) throw err;
    }
  }
  return { code: 200, body: { kind: req.res.listKind, apiVersion: req.res.apiVersion, metadata: {}, items } };
}
