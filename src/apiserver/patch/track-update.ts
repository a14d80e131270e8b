/**
 * Field ownership for non-apply writes (create, update, JSON/merge/strategic patch):
 * the writer's Update entry gains every field it added or changed, other managers lose
 * those fields, and removed fields leave every manager (structured-merge-diff
 * `merge/update.go` `Updater.Update`, with kube's `managedfieldsupdater.go` folding the
 * operation into the manager's previous Update entry and stamping the time only when
 * the write changed something).
 */
import type { JSONSchema, KubeObject, ManagedFieldsEntry } from '../../api/types.js';
import { deepEqual, isObject, type Json } from './json-value.js';
import { FieldSet, type Path } from './field-path.js';
import { capUpdateManagers, decodeManagedFields, encodeManagedFields, isStripped, isEmptyManager, kubeTime, managerId, ownsAny, storedFields, storedManager, type Managers } from './managed-fields.js';
import { fieldsV1Has, isCanonicalFieldsV1 } from './fields-v1.js';
import { withObjectMeta, type SchemaResolver } from './schema-walker.js';
import { compare, type Comparison } from './typed-value.js';

/** What ownership tracking needs to know about a write. */
export interface TrackOptions {
  /** The field manager (`fieldManager`, or the caller's User-Agent-derived default). */
  manager: string;
  /** The group/version the request was made in, e.g. `apps/v1`. */
  apiVersion: string;
  /** Current time (ISO 8601); stored to the second. */
  now: string;
  /** The kind's root schema. */
  schema: JSONSchema | undefined;
  resolve: SchemaResolver;
  /** `status`, `scale`, ... when the write targets a subresource. */
  subresource?: string;
  /** Field paths the strategy resets (e.g. `[['status']]` on the main resource); never owned. */
  ignoredFields?: string[][];
  /** What a new object is compared against on create (kube's empty object of the kind); default `{apiVersion, kind}`. */
  zeroObject?: KubeObject;
}

/** A filter keeping the paths kube tracks. */
export function trackedFilter(ignored: string[][] = []): (p: Path) => boolean {
  return (p) =>
    !isStripped(p) &&
    !ignored.some((prefix) => prefix.length <= p.length && prefix.every((f, i) => 'field' in p[i] && (p[i] as { field: string }).field === f));
}

/** Compares two objects (managedFields left out) and keeps only tracked paths. */
export function trackedComparison(old: Json, updated: Json, root: JSONSchema, resolve: SchemaResolver, keep: (p: Path) => boolean): Comparison {
  const c = compare(withoutManagedFields(old), withoutManagedFields(updated), root, resolve);
  return { added: c.added.filter(keep), modified: c.modified.filter(keep), removed: c.removed.filter(keep) };
}

/** A shallow copy of an object without metadata.managedFields (nested values are shared). */
export function withoutManagedFields<T>(obj: T): T {
  if (!isObject(obj) || !isObject(obj.metadata) || !('managedFields' in obj.metadata)) return obj;
  const { managedFields: _drop, ...metadata } = obj.metadata;
  return { ...obj, metadata } as T;
}

/** Records an Update operation by `opts.manager` in `managers`, in place. */
export function recordUpdate(managers: Managers, c: Comparison, opts: Pick<TrackOptions, 'manager' | 'apiVersion' | 'now' | 'subresource'>): void {
  const id = managerId({ manager: opts.manager, operation: 'Update', apiVersion: opts.apiVersion, subresource: opts.subresource });
  const changed = c.added.union(c.modified);
  const taken = changed.union(c.removed);
  for (const [mid, m] of managers) {
    const drop = mid === id ? c.removed : taken;
    // Entries the write does not touch keep their stored form (no decode, no re-encode).
    if (!drop.isEmpty() && ownsAny(m, drop)) managers.set(mid, { ...m, set: m.set.difference(drop) });
  }
  if (!changed.isEmpty()) {
    const prev = managers.get(id);
    const stored = prev && storedFields(prev);
    const entry = { manager: opts.manager, operation: 'Update' as const, apiVersion: opts.apiVersion, subresource: opts.subresource, time: kubeTime(opts.now) };
    // A writer changing only fields it already owns keeps its set: when the stored form is what
    // encoding that set gives, it stays as it is instead of being decoded, merged and re-encoded.
    if (stored && changed.paths().every((p) => fieldsV1Has(stored, p)) && isCanonicalFieldsV1(stored)) {
      managers.set(id, storedManager(entry, stored));
    } else {
      managers.set(id, { ...entry, set: (prev?.set ?? new FieldSet()).union(changed) });
    }
  }
  for (const [mid, m] of managers) if (isEmptyManager(m)) managers.delete(mid);
}

/** The managers a write starts from: the ones the client sent if it changed them, else the live ones; null to reset. */
function baseline(old: KubeObject | undefined, updated: KubeObject): Managers | null {
  const sent = updated.metadata?.managedFields as ManagedFieldsEntry[] | undefined;
  if (Array.isArray(sent) && sent.length > 0 && !deepEqual(sent, old?.metadata?.managedFields)) {
    const decoded = decodeManagedFields(sent, true);
    // kube's documented way to clear tracking is managedFields: [{}].
    return decoded.size === 0 ? null : decoded;
  }
  return decodeManagedFields(old?.metadata?.managedFields);
}

/** Returns `updated` with metadata.managedFields updated for an Update operation. */
export function trackUpdate(old: KubeObject | undefined, updated: KubeObject, opts: TrackOptions): KubeObject {
  // A fresh top level and metadata (managedFields is set on it); nested values are shared
  // with `updated`, which callers hand over and do not touch again.
  const base = withoutManagedFields(updated);
  const out = (isObject(base.metadata) ? { ...base, metadata: { ...base.metadata } } : { ...base }) as KubeObject;
  const managers = baseline(old, updated);
  if (managers === null) return out;
  const root = withObjectMeta(opts.schema, opts.resolve);
  const before = old ?? opts.zeroObject ?? ({ apiVersion: updated.apiVersion, kind: updated.kind } as KubeObject);
  const c = trackedComparison(before as Json, out as Json, root, opts.resolve, trackedFilter(opts.ignoredFields));
  recordUpdate(managers, c, opts);
  capUpdateManagers(managers);
  const entries = encodeManagedFields(managers);
  if (entries.length > 0) out.metadata.managedFields = entries;
  return out;
}
