/**
 * The generic parts of the create and update strategies of kube's generic registry:
 * names from generateName, uid and creationTimestamp, generation bumps on spec
 * changes, status kept apart from the main resource, and immutable metadata.
 */
import { randomInt } from 'node:crypto';
import { badRequest, conflict, invalid } from '../../api/errors.js';
import type { FieldCause, KubeObject } from '../../api/types.js';
import { rfc3339 } from '../../lib/clock.js';
import type { ServedResource } from '../registry/resource-registry.js';

// apimachinery's `rand.String` alphabet: no vowels, no confusable characters (util/rand/rand.go).
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** `generateName` + 5 random characters, as kube's names.SimpleNameGenerator does (prefix cut to 58). */
export function generateName(base: string): string {
  let s = base.length > 58 ? base.slice(0, 58) : base;
  for (let i = 0; i < 5; i++) s += ALPHANUMS[randomInt(ALPHANUMS.length)];
  return s;
}

/** True when the kind keeps metadata.generation. */
export function tracksGeneration(res: ServedResource): boolean {
  return res.tracksGeneration ?? (res.custom || res.subresources.includes('status'));
}

/** True when writes to the main resource must leave status alone. */
export function hasStatusSubresource(res: ServedResource): boolean {
  return res.subresources.includes('status');
}

/** Checks apiVersion/kind of a body against the endpoint, filling them when absent (kube defaults them). */
export function checkTypeMeta(res: ServedResource, obj: KubeObject): void {
  if (!obj.apiVersion) obj.apiVersion = res.apiVersion;
  if (!obj.kind) obj.kind = res.kind;
  if (obj.kind !== res.kind) throw badRequest(`the kind in the data (${obj.kind}) does not match the expected kind (${res.kind})`);
  if (obj.apiVersion !== res.apiVersion) {
    // Another served version of the same kind is converted (None strategy: only apiVersion changes).
    throw badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${res.apiVersion})`);
  }
  if (!obj.metadata || typeof obj.metadata !== 'object') obj.metadata = {};
}

/** Fills the namespace from the URL or refuses a mismatch, as kube's rest.BeforeCreate does. */
export function checkNamespace(res: ServedResource, obj: KubeObject, urlNamespace: string | undefined): void {
  if (!res.namespaced) {
    delete obj.metadata.namespace;
    return;
  }
  if (obj.metadata.namespace && urlNamespace && obj.metadata.namespace !== urlNamespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  obj.metadata.namespace = urlNamespace ?? obj.metadata.namespace;
}

/**
 * The update precondition of PUT and PATCH: an object that names a resourceVersion must name the
 * live one (else Conflict); one without (or with an empty one) updates unconditionally, as kube's
 * built-in strategies allow. kubectl's three-way patch removes resourceVersion when the last
 * applied configuration had one (`kubectl get -o yaml` output), so that path relies on this too.
 */
export function checkResourceVersion(res: ServedResource, obj: KubeObject, live: KubeObject): void {
  const wanted = obj.metadata.resourceVersion;
  if (wanted && wanted !== live.metadata.resourceVersion) throw conflict(res.group, res.plural, live.metadata.name!);
}

/** Server-set fields of a new object. */
export function prepareForCreate(res: ServedResource, obj: KubeObject, nowMs: number, uid: string): void {
  const m = obj.metadata;
  if (!m.name && m.generateName) m.name = generateName(m.generateName);
  m.uid = uid;
  m.creationTimestamp = rfc3339(nowMs);
  delete m.deletionTimestamp;
  delete m.deletionGracePeriodSeconds;
  delete m.resourceVersion;
  delete (m as Record<string, unknown>).selfLink;
  if (tracksGeneration(res)) m.generation = 1;
  else delete m.generation;
  // Status belongs to controllers: a create through the main resource starts without it, as the CRD
  // and built-in strategies reset it (kinds' defaults then set an initial phase). Nodes keep theirs:
  // the kubelet registers a Node with its status.
  if (hasStatusSubresource(res) && !(res.group === '' && res.plural === 'nodes')) delete obj.status;
}

/** Carries server-owned fields across an update of the main resource and bumps generation on spec changes. */
export function prepareForUpdate(res: ServedResource, old: KubeObject, obj: KubeObject): FieldCause[] {
  const m = obj.metadata;
  const o = old.metadata;
  const causes: FieldCause[] = [];
  // A changed uid is refused; a changed creationTimestamp is ignored (rest.BeforeUpdate: "ignore changes to timestamp"),
  // which also spares clients that write it with milliseconds, as client-node does.
  if (m.uid && m.uid !== o.uid) causes.push({ reason: 'FieldValueInvalid', field: 'metadata.uid', message: `Invalid value: ${JSON.stringify(m.uid)}: field is immutable` });
  m.uid = o.uid;
  m.creationTimestamp = o.creationTimestamp;
  m.deletionTimestamp = o.deletionTimestamp;
  m.deletionGracePeriodSeconds = o.deletionGracePeriodSeconds;
  if (m.deletionTimestamp === undefined) delete m.deletionTimestamp;
  if (m.deletionGracePeriodSeconds === undefined) delete m.deletionGracePeriodSeconds;
  if (hasStatusSubresource(res)) {
    if (old.status === undefined) delete obj.status;
    else obj.status = old.status;
  }
  if (tracksGeneration(res)) m.generation = specChanged(res, old, obj) ? (o.generation ?? 0) + 1 : o.generation;
  else delete m.generation;
  if (o.deletionTimestamp) {
    const added = (m.finalizers ?? []).filter((f) => !(o.finalizers ?? []).includes(f));
    if (added.length) {
      causes.push({ reason: 'FieldValueForbidden', field: 'metadata.finalizers', message: `Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map((a) => JSON.stringify(a)).join(', ')}}` });
    }
  }
  if (causes.length) throw invalid(res.group, res.kind, m.name ?? '', causes);
  return causes;
}

/** Status-subresource update: only status changes; everything else comes from the stored object (metav1.ResetObjectMetaForStatus). */
export function prepareForStatusUpdate(old: KubeObject, obj: KubeObject): KubeObject {
  const next = structuredClone(old);
  if (obj.status === undefined) delete next.status;
  else next.status = obj.status;
  next.metadata.managedFields = obj.metadata.managedFields ?? old.metadata.managedFields;
  if (next.metadata.managedFields === undefined) delete next.metadata.managedFields;
  return next;
}

/** True when anything outside metadata and the kind's non-spec fields differs. */
export function specChanged(res: ServedResource, a: KubeObject, b: KubeObject): boolean {
  const skip = new Set(res.nonSpecFields ?? ['metadata', 'status']);
  skip.add('apiVersion');
  skip.add('kind');
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    if (skip.has(k)) continue;
    if (!deepEqual(a[k], b[k])) return true;
  }
  return false;
}

/** Structural equality of JSON values. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
