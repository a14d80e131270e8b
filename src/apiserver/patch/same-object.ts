/**
 * No-op write detection without serializing: whether two objects are equal as JSON once
 * `metadata.resourceVersion` and every `metadata.managedFields[].time` are left out. Same
 * answer as the JSON round trip of both (`sameIgnoringTimesByJson`), in one walk; values
 * the walk does not model (toJSON, bigint, `__proto__` keys, odd managedFields) take the
 * round trip. Objects are trees of JSON values and undefined (as decoded bodies are): a
 * bigint or a cycle that the round trip would throw on may go unnoticed when a difference
 * is found before it.
 */

/** What JSON.stringify drops: undefined, functions and symbols (absent as members, null as items). */
const ABSENT = Symbol('absent');

/** Thrown on values whose JSON form the walk does not reproduce. */
class Unusual extends Error {}

function jsonForm(v: unknown): unknown {
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return ABSENT;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') throw new Unusual();
  if (typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function') throw new Unusual();
  return v;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function equalForm(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const arr = Array.isArray(a);
  if (arr !== Array.isArray(b)) return false;
  if (!arr) return equalMembers(a as Record<string, unknown>, b as Record<string, unknown>, '', '');
  const la = a as unknown[];
  const lb = b as unknown[];
  if (la.length !== lb.length) return false;
  for (let i = 0; i < la.length; i++) {
    const x = jsonForm(la[i]);
    const y = jsonForm(lb[i]);
    if (!equalForm(x === ABSENT ? null : x, y === ABSENT ? null : y)) return false;
  }
  return true;
}

/** Member-wise JSON equality of two objects, leaving out the members named `skip1` and `skip2`. */
function equalMembers(a: Record<string, unknown>, b: Record<string, unknown>, skip1: string, skip2: string): boolean {
  let na = 0;
  for (const k of Object.keys(a)) {
    if (k === '__proto__') throw new Unusual();
    if (k === skip1 || k === skip2) continue;
    const x = jsonForm(a[k]);
    if (x === ABSENT) continue;
    na++;
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    const y = jsonForm(b[k]);
    if (y === ABSENT || !equalForm(x, y)) return false;
  }
  let nb = 0;
  for (const k of Object.keys(b)) {
    if (k === '__proto__') throw new Unusual();
    if (k !== skip1 && k !== skip2 && jsonForm(b[k]) !== ABSENT) nb++;
  }
  return na === nb;
}

/** managedFields compared entry by entry without `time`; null and undefined are both left out. */
function sameManagedFields(a: unknown, b: unknown): boolean {
  const absentA = a === undefined || a === null;
  const absentB = b === undefined || b === null;
  if (absentA || absentB) {
    if (!absentA && !Array.isArray(a)) throw new Unusual();
    if (!absentB && !Array.isArray(b)) throw new Unusual();
    return absentA === absentB;
  }
  if (!Array.isArray(a) || !Array.isArray(b)) throw new Unusual();
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    // The round trip spreads each entry: only plain objects come through unchanged.
    if (!isPlainObject(a[i]) || !isPlainObject(b[i]) || typeof a[i].toJSON === 'function' || typeof b[i].toJSON === 'function') throw new Unusual();
    if (!equalMembers(a[i] as Record<string, unknown>, b[i] as Record<string, unknown>, 'time', '')) return false;
  }
  return true;
}

function fast(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  // The round trip spreads both objects and their metadata; an own toJSON would change that.
  if (typeof a.toJSON === 'function' || typeof b.toJSON === 'function') throw new Unusual();
  const ma = a.metadata;
  const mb = b.metadata;
  if (!isPlainObject(ma) || !isPlainObject(mb) || typeof ma.toJSON === 'function' || typeof mb.toJSON === 'function') throw new Unusual();
  // The round trip throws on managedFields that are neither absent nor a list: so must this, first.
  for (const f of [ma.managedFields, mb.managedFields]) if (f !== undefined && f !== null && !Array.isArray(f)) throw new Unusual();
  return equalMembers(a, b, 'metadata', '') && equalMembers(ma, mb, 'resourceVersion', 'managedFields') && sameManagedFields(ma.managedFields, mb.managedFields);
}

/** The JSON round-trip comparison (the reference, and the path for unusual values). */
export function sameIgnoringTimesByJson(a: object, b: object, equal: (x: unknown, y: unknown) => boolean): boolean {
  const strip = (o: object) => {
    const m = (o as { metadata: object }).metadata as { managedFields?: Record<string, unknown>[] };
    return { ...o, metadata: { ...m, resourceVersion: undefined, managedFields: m.managedFields?.map((e) => ({ ...e, time: undefined })) } };
  };
  return equal(JSON.parse(JSON.stringify(strip(a))), JSON.parse(JSON.stringify(strip(b))));
}

/**
 * Whether two versions of an object are the same write: equal as JSON, ignoring
 * metadata.resourceVersion and managedFields times. `equal` is the structural equality the
 * round trip falls back to (the handlers' deepEqual).
 */
export function sameIgnoringTimes(a: object, b: object, equal: (x: unknown, y: unknown) => boolean): boolean {
  try {
    return fast(a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>);
  } catch (e) {
    if (!(e instanceof Unusual)) throw e;
    return sameIgnoringTimesByJson(a, b, equal);
  }
}
