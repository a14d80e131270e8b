/**
 * Server-side apply (structured-merge-diff `merge/update.go` `Updater.Apply` inside
 * kube's field manager chain): merge the applied configuration into the live object,
 * give the applier exactly the fields it set, drop fields it set last time and no
 * longer sets (unless another manager owns them), and refuse changes to fields other
 * managers own with a 409 unless `force` moves them to the applier.
 */
import { StatusError, badRequest } from '../../api/errors.js';
import type { JSONSchema, KubeObject } from '../../api/types.js';
import { ApplyConflicts, conflictError, type ManagerConflicts } from './conflict.js';
import { FieldSet, type Path } from './field-path.js';
import { clone, deepEqual, type Json } from './json-value.js';
import { KUBECTL_MANAGER, allowedByLastApplied, syncLastApplied } from './last-applied.js';
import { capUpdateManagers, decodeManagedFields, encodeManagedFields, kubeTime, managerId, type Managers } from './managed-fields.js';
import { withObjectMeta, type SchemaResolver } from './schema-walker.js';
import { recordUpdate, trackedComparison, trackedFilter, withoutManagedFields } from './track-update.js';
import { mergeTyped, removeTyped } from './typed-merge.js';
import { TypedError, toFieldSet } from './typed-value.js';

/** What an apply needs besides the two objects. */
export interface ApplyOptions {
  /** `fieldManager` (required for apply). */
  manager: string;
  /** `force=true` takes conflicting fields over. */
  force: boolean;
  /** The group/version of the request, e.g. `apps/v1`. */
  apiVersion: string;
  /** Current time (ISO 8601). */
  now: string;
  /** The kind's root schema. */
  schema: JSONSchema | undefined;
  resolve: SchemaResolver;
  /** `status`, ... when applying to a subresource. */
  subresource?: string;
  /** Field paths the strategy resets (e.g. `[['status']]` on the main resource); never owned. */
  ignoredFields?: string[][];
}

interface Ctx {
  root: JSONSchema;
  opts: ApplyOptions;
  keep: (p: Path) => boolean;
}

/** The key fields of a kept list item must stay even when only its applier set them. */
function isKeyOfKeptItem(p: Path, removing: FieldSet): boolean {
  const last = p[p.length - 1];
  const parent = p[p.length - 2];
  if (!last || !parent || !('field' in last) || !('key' in parent)) return false;
  return parent.key.some(([name]) => name === last.field) && !removing.has(p.slice(0, -1));
}

function applyOnce(ctx: Ctx, live: KubeObject | undefined, managers: Managers, applied: KubeObject, force: boolean): { obj: KubeObject; managers: Managers } {
  const { root, opts, keep } = ctx;
  const id = managerId({ manager: opts.manager, operation: 'Apply', apiVersion: opts.apiVersion, subresource: opts.subresource });
  const newSet = toFieldSet(applied as unknown as Json, root, opts.resolve).filter(keep);
  let merged = mergeTyped(live as unknown as Json, applied as unknown as Json, root, opts.resolve) as Json;
  const prev = managers.get(id);
  const after: Managers = new Map(managers);
  after.set(id, { manager: opts.manager, operation: 'Apply', apiVersion: opts.apiVersion, subresource: opts.subresource, time: prev?.time, set: newSet });

  if (prev) {
    let owned = new FieldSet();
    for (const m of after.values()) owned = owned.union(m.set);
    const candidates = prev.set.difference(newSet).filter((p) => !owned.has(p) && !owned.hasBelow(p));
    const removing = candidates.filter((p) => !isKeyOfKeptItem(p, candidates));
    if (!removing.isEmpty()) merged = removeTyped(merged, removing, root, opts.resolve);
  }

  const before = (live ?? {}) as Json;
  const c = trackedComparison(before, merged, root, opts.resolve, keep);
  const changed = c.added.union(c.modified);
  const conflicts: ManagerConflicts[] = [];
  for (const [mid, m] of after) {
    if (mid === id) continue;
    const lost = m.set.intersection(changed);
    if (!lost.isEmpty()) conflicts.push({ manager: m, paths: lost });
  }
  if (conflicts.length > 0 && !force) throw new ApplyConflicts(conflicts);
  for (const [mid, m] of after) {
    if (mid !== id) after.set(mid, { ...m, set: m.set.difference(changed).difference(c.removed) });
  }
  for (const [mid, m] of after) if (m.set.isEmpty()) after.delete(mid);

  const self = after.get(id);
  const objectChanged = !deepEqual(withoutManagedFields(live ?? {}), withoutManagedFields(merged));
  if (self && (objectChanged || !prev || !prev.set.equals(newSet) || !self.time)) self.time = kubeTime(opts.now);
  return { obj: merged as unknown as KubeObject, managers: after };
}

/**
 * Applies `applied` (the decoded apply-patch body) to `live` (undefined to create).
 * Returns the new object with metadata.managedFields updated. Throws StatusError:
 * 409 on conflicts without force, 400 when the body carries managedFields, 500 when
 * the object does not fit the schema's list keys.
 */
export function apply(live: KubeObject | undefined, applied: KubeObject, opts: ApplyOptions): KubeObject {
  if (applied.metadata?.managedFields !== undefined && applied.metadata?.managedFields !== null) throw badRequest('metadata.managedFields must be nil');
  const ctx: Ctx = { root: withObjectMeta(opts.schema, opts.resolve), opts, keep: trackedFilter(opts.ignoredFields) };
  const config = withoutManagedFields(applied);
  const liveObj = live ? withoutManagedFields(live) : undefined;
  const managers = decodeManagedFields(live?.metadata?.managedFields);
  if (live && managers.size === 0) {
    // kube's skipNonAppliedManager: fields of an untracked object go to "before-first-apply".
    const zero = { apiVersion: live.apiVersion, kind: live.kind } as Json;
    const c = trackedComparison(zero, liveObj as unknown as Json, ctx.root, opts.resolve, ctx.keep);
    recordUpdate(managers, c, { manager: 'before-first-apply', apiVersion: opts.apiVersion, now: opts.now });
  }
  let result: { obj: KubeObject; managers: Managers };
  try {
    try {
      result = applyOnce(ctx, liveObj, managers, config, opts.force);
    } catch (e) {
      if (!(e instanceof ApplyConflicts) || opts.manager !== KUBECTL_MANAGER || !liveObj) throw e;
      const allowed = allowedByLastApplied(liveObj, ctx.root, opts.resolve, ctx.keep);
      if (!allowed) throw e;
      const left = e.conflicts.map((c) => ({ ...c, paths: c.paths.difference(allowed) })).filter((c) => !c.paths.isEmpty());
      if (left.length > 0) throw new ApplyConflicts(left);
      result = applyOnce(ctx, liveObj, managers, config, true);
    }
  } catch (e) {
    if (e instanceof ApplyConflicts) throw conflictError(e.conflicts);
    if (e instanceof TypedError) {
      const name = [applied.metadata?.namespace, applied.metadata?.name].filter(Boolean).join('/');
      throw new StatusError('InternalError', `failed to create typed patch object (${name}; ${gvkString(applied)}): ${e.message}`);
    }
    throw e;
  }
  const out = clone(result.obj);
  syncLastApplied(live, out, applied);
  capUpdateManagers(result.managers);
  const entries = encodeManagedFields(result.managers);
  out.metadata = out.metadata ?? {};
  if (entries.length > 0) out.metadata.managedFields = entries;
  return out;
}

/** `group/version, Kind=kind` as apimachinery's GroupVersionKind prints. */
export function gvkString(obj: { apiVersion?: unknown; kind?: unknown }): string {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
  return `${group}/${version}, Kind=${typeof obj.kind === 'string' ? obj.kind : ''}`;
}

/**
 * Checks an apply body against the request: kind and version (`versionCheckManager`:
 * `invalid object type: apps/v1, Kind=Deployment`), then name and namespace (handlers
 * `checkName`). Throws StatusError 400.
 */
export function validateApplied(applied: KubeObject, want: { apiVersion: string; kind: string; name: string; namespace?: string }): void {
  if (applied.apiVersion !== want.apiVersion || applied.kind !== want.kind) throw badRequest(`invalid object type: ${gvkString(applied)}`);
  const name = applied.metadata?.name ?? '';
  if (name !== want.name) throw badRequest(`the name of the object (${name}) does not match the name on the URL (${want.name})`);
  const ns = applied.metadata?.namespace;
  if (want.namespace && ns && ns !== want.namespace) {
    throw badRequest(`the namespace of the object (${ns}) does not match the namespace on the request (${want.namespace})`);
  }
}
