/**
 * `metadata.managedFields` as server-side apply keeps it (apimachinery
 * `pkg/util/managedfields/internal`): entries keyed by manager identity (manager,
 * operation, apiVersion for updates only, subresource; `BuildManagerIdentifier`),
 * sorted by operation, time, manager, apiVersion, subresource
 * (`sortEncodedManagedFields`), at most 10 update entries (`capmanagers.go`), and the
 * fields kube never tracks (`stripmeta.go`).
 */
import type { ManagedFieldsEntry } from '../../api/types.js';
import { clone, compareStrings } from './json-value.js';
import { FieldSet, type Path } from './field-path.js';
import { decodeFieldsV1, encodeFieldsV1, fieldsV1Has } from './fields-v1.js';

/** One manager's entry with its decoded field set. */
export interface Manager {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time?: string;
  subresource?: string;
  set: FieldSet;
}

/** Managers by identity. */
export type Managers = Map<string, Manager>;

/** Most update entries kept before the oldest merge into `ancient-changes` (`DefaultMaxUpdateManagers`). */
export const MAX_UPDATE_MANAGERS = 10;

/** The identity kube keys managers by: the entry's JSON without time and fields (apiVersion dropped for Apply). */
export function managerId(m: Pick<Manager, 'manager' | 'operation' | 'apiVersion' | 'subresource'>): string {
  const e: Record<string, string> = { manager: m.manager, operation: m.operation };
  if (m.operation === 'Update' && m.apiVersion) e.apiVersion = m.apiVersion;
  if (m.subresource) e.subresource = m.subresource;
  return JSON.stringify(e);
}

/** A manager as conflict messages name it: `"kubectl" using v1`, `"x" with subresource "status"`. */
export function printManager(m: Pick<Manager, 'manager' | 'operation' | 'apiVersion' | 'subresource'>): string {
  let s = JSON.stringify(m.manager);
  if (m.subresource) s += ` with subresource ${JSON.stringify(m.subresource)}`;
  return m.operation === 'Update' ? `${s} using ${m.apiVersion}` : s;
}

/** The stored `fieldsV1` of managers whose set was never replaced (reused as is when encoding). */
const rawFields = new WeakMap<Manager, Record<string, unknown>>();

/** A manager whose set is decoded from `raw` only when first read; a malformed `raw` reads as empty. */
function lazyManager(base: Omit<Manager, 'set'>, raw: Record<string, unknown>): Manager {
  let set: FieldSet | undefined;
  const m = { ...base } as Manager;
  Object.defineProperty(m, 'set', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!set) {
        try {
          set = decodeFieldsV1(raw);
        } catch {
          set = new FieldSet();
          rawFields.delete(m);
        }
      }
      return set;
    },
    set: (v: FieldSet) => {
      set = v;
      rawFields.delete(m);
    },
  });
  rawFields.set(m, raw);
  return m;
}

/** The stored `fieldsV1` of a manager whose set was never decoded or replaced, if any. */
export function storedFields(m: Manager): Record<string, unknown> | undefined {
  return rawFields.get(m);
}

/** A manager entry standing for the stored `fieldsV1` `raw` (decoded only if read). */
export function storedManager(base: Omit<Manager, 'set'>, raw: Record<string, unknown>): Manager {
  return lazyManager(base, raw);
}

/** Whether the manager owns any of `paths`; reads the stored form when the set was never decoded. */
export function ownsAny(m: Manager, paths: FieldSet): boolean {
  const raw = rawFields.get(m);
  if (raw) return paths.paths().some((p) => fieldsV1Has(raw, p));
  return paths.paths().some((p) => m.set.has(p));
}

/** Whether a manager owns nothing (without decoding a stored set). */
export function isEmptyManager(m: Manager): boolean {
  const raw = rawFields.get(m);
  return raw ? Object.keys(raw).length === 0 : m.set.isEmpty();
}

/**
 * Decodes managedFields; sets are decoded lazily. With `strict`, entries whose
 * fieldsV1 cannot be decoded are dropped up front, as kube's decoder refuses them.
 */
export function decodeManagedFields(entries: ManagedFieldsEntry[] | undefined, strict = false): Managers {
  const out: Managers = new Map();
  for (const e of entries ?? []) {
    if (!e || typeof e.manager !== 'string' || (e.operation !== 'Apply' && e.operation !== 'Update')) continue;
    const raw = (e.fieldsV1 ?? {}) as Record<string, unknown>;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) continue;
    const base: Omit<Manager, 'set'> = { manager: e.manager, operation: e.operation, apiVersion: e.apiVersion ?? '' };
    if (e.time) base.time = e.time;
    if (e.subresource) base.subresource = e.subresource;
    const m = lazyManager(base, raw);
    if (strict) {
      try {
        decodeFieldsV1(raw);
      } catch {
        continue;
      }
    }
    out.set(managerId(m), m);
  }
  return out;
}

function seconds(t: string | undefined): number {
  return t ? Math.floor(Date.parse(t) / 1000) : 0;
}

/** Encodes managers as kube writes them: sorted, empty sets dropped, keys in ManagedFieldsEntry order. */
export function encodeManagedFields(managers: Managers): ManagedFieldsEntry[] {
  const list = [...managers.values()].filter((m) => !isEmptyManager(m));
  list.sort(
    (p, q) =>
      compareStrings(p.operation, q.operation) ||
      seconds(p.time) - seconds(q.time) ||
      compareStrings(p.manager, q.manager) ||
      compareStrings(p.apiVersion, q.apiVersion) ||
      compareStrings(p.subresource ?? '', q.subresource ?? ''),
  );
  return list.map((m) => {
    const e: ManagedFieldsEntry = { manager: m.manager, operation: m.operation, apiVersion: m.apiVersion } as ManagedFieldsEntry;
    if (m.time) e.time = m.time;
    e.fieldsType = 'FieldsV1';
    const raw = rawFields.get(m);
    e.fieldsV1 = raw ? clone(raw) : encodeFieldsV1(m.set);
    if (m.subresource) e.subresource = m.subresource;
    return e;
  });
}

/** Merges the oldest update entries per apiVersion into `ancient-changes` while there are more than the cap. */
export function capUpdateManagers(managers: Managers, max = MAX_UPDATE_MANAGERS): void {
  const updaters = [...managers.entries()].filter(([, m]) => m.operation === 'Update').map(([id]) => id);
  if (updaters.length <= max) return;
  updaters.sort((a, b) => seconds(managers.get(a)!.time) - seconds(managers.get(b)!.time) || compareStrings(a, b));
  const firstByVersion = new Map<string, string>();
  let length = updaters.length;
  for (let i = 0; i < updaters.length && length > max; i++) {
    const id = updaters[i];
    const m = managers.get(id)!;
    const bucket = managerId({ manager: 'ancient-changes', operation: 'Update', apiVersion: m.apiVersion });
    const first = firstByVersion.get(m.apiVersion);
    if (first === undefined) {
      firstByVersion.set(m.apiVersion, id);
      continue;
    }
    if (!managers.has(bucket)) {
      const f = managers.get(first)!;
      managers.delete(first);
      managers.set(bucket, { ...f, manager: 'ancient-changes', subresource: undefined });
    }
    const b = managers.get(bucket)!;
    managers.set(bucket, { ...b, set: b.set.union(m.set), time: m.time });
    managers.delete(id);
    length--;
  }
}

const STRIPPED = new Set(['apiVersion', 'kind', 'metadata']);
const STRIPPED_META = new Set(['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion']);

/** Whether kube leaves a path untracked (`stripmeta.go`; everything under managedFields too). */
export function isStripped(path: Path): boolean {
  const [a, b] = path;
  if (!a || !('field' in a)) return false;
  if (path.length === 1) return STRIPPED.has(a.field);
  if (a.field !== 'metadata' || !b || !('field' in b)) return false;
  return (path.length === 2 && STRIPPED_META.has(b.field)) || b.field === 'managedFields';
}

/** RFC 3339 to the second, as metav1.Time serializes. */
export function kubeTime(now: string): string {
  // Every write of a request (and most writes of the same second) formats the same instant.
  if (now !== lastTime[0]) {
    const formatted = new Date(now).toISOString().replace(/\.\d+Z$/, 'Z');
    lastTime = [now, formatted];
  }
  return lastTime[1];
}

let lastTime: [string | undefined, string] = [undefined, ''];
