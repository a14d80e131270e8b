/**
 * RFC 6902 JSON patch with kube-apiserver's behaviour. kube applies patches with
 * `gopkg.in/evanphx/json-patch.v4` (`patch.go`): the error wording below is that
 * library's (`errors.Wrapf` joins with ": "), negative array indices are allowed, a
 * `replace` of a missing object key adds it, and null values count as missing when a
 * path is walked. The apiserver (`staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go`,
 * `applyJSPatch`) refuses more than 10,000 operations with 413 RequestEntityTooLarge,
 * and answers a patch that fails to apply with `NewGenericServerResponse(422, ...)`:
 * reason Invalid, message "the server rejected our request due to an error in our
 * request" (the library's error is not sent; it is kept here as the error's `cause`).
 */
import { StatusError } from '../../api/errors.js';
import { clone, deepEqual, isObject, setKey, type Json } from './json-value.js';

/** Most operations kube accepts in one JSON patch (`maxJSONPatchOperations`). */
export const MAX_JSON_PATCH_OPERATIONS = 10_000;

/** Most bytes `copy` operations may add (`JSONPatchMaxCopyBytes`, 3 MiB, apiserver `config.go`). */
export const JSON_PATCH_MAX_COPY_BYTES = 3 * 1024 * 1024;

/** One decoded operation, as the library reads it (missing members stay undefined). */
export type JsonPatchOperation = Record<string, unknown>;

class PatchFailure extends Error {}

type Container = Json[] | { [k: string]: Json };

const missing = (msg: string) => new PatchFailure(`${msg}: missing value`);
const badIndex = (idx: number) => new PatchFailure(`Unable to access invalid index: ${idx}: invalid index referenced`);

function atoi(key: string): number {
  if (!/^[+-]?\d+$/.test(key)) throw new PatchFailure(`strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`);
  return Number(key);
}

function decodeKey(k: string): string {
  return k.replaceAll('~1', '/').replaceAll('~0', '~');
}

function get(c: Container, key: string): Json | undefined {
  if (!Array.isArray(c)) return Object.prototype.hasOwnProperty.call(c, key) ? c[key] : undefined;
  const idx = atoi(key);
  if (idx >= c.length || idx < 0) throw badIndex(idx);
  return c[idx];
}

function add(c: Container, key: string, val: Json): void {
  if (!Array.isArray(c)) {
    setKey(c, key, val);
    return;
  }
  if (key === '-') {
    c.push(val);
    return;
  }
  let idx: number;
  try {
    idx = atoi(key);
  } catch (e) {
    throw new PatchFailure(`value was not a proper array index: '${key}': ${(e as Error).message}`);
  }
  const size = c.length + 1;
  if (idx >= size || idx < -size) throw badIndex(idx);
  if (idx < 0) idx += size;
  c.splice(idx, 0, val);
}

function remove(c: Container, key: string): void {
  if (!Array.isArray(c)) {
    if (!Object.prototype.hasOwnProperty.call(c, key)) throw missing(`Unable to remove nonexistent key: ${key}`);
    delete c[key];
    return;
  }
  let idx = atoi(key);
  if (idx >= c.length || idx < -c.length) throw badIndex(idx);
  if (idx < 0) idx += c.length;
  c.splice(idx, 1);
}

/** The container holding the last segment of `path`, and that segment; undefined when a step is missing. */
function findObject(doc: Container, path: string): [Container, string] | undefined {
  const split = path.split('/');
  if (split.length < 2) return undefined;
  let cur: Container = doc;
  for (const part of split.slice(1, -1)) {
    let next: Json | undefined;
    try {
      next = get(cur, decodeKey(part));
    } catch {
      return undefined;
    }
    if (Array.isArray(next) || isObject(next)) cur = next;
    else return undefined;
  }
  return [cur, decodeKey(split[split.length - 1])];
}

function field(op: JsonPatchOperation, name: 'path' | 'from', what: string): string {
  const v = op[name];
  if (typeof v === 'string') return v;
  throw missing(name === 'path' ? `${what} operation failed to decode path` : `${what} operation failed to decode from: operation, missing from field`);
}

function wrap<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw new PatchFailure(`${prefix}: ${(e as Error).message}`);
  }
}

function applyOne(doc: Container, op: JsonPatchOperation, copied: { bytes: number }): void {
  const kind = typeof op.op === 'string' ? op.op : 'unknown';
  const value = (op.value === undefined ? null : op.value) as Json;
  switch (kind) {
    case 'add': {
      const path = field(op, 'path', 'add');
      const found = findObject(doc, path);
      if (!found) throw missing(`add operation does not apply: doc is missing path: "${path}"`);
      return wrap(`error in add for path: '${path}'`, () => add(found[0], found[1], clone(value)));
    }
    case 'remove': {
      const path = field(op, 'path', 'remove');
      const found = findObject(doc, path);
      if (!found) throw missing(`remove operation does not apply: doc is missing path: "${path}"`);
      return wrap(`error in remove for path: '${path}'`, () => remove(found[0], found[1]));
    }
    case 'replace': {
      const path = field(op, 'path', 'replace');
      const found = findObject(doc, path);
      if (!found) throw missing(`replace operation does not apply: doc is missing path: ${path}`);
      try {
        get(found[0], found[1]);
      } catch {
        throw missing(`replace operation does not apply: doc is missing key: ${path}`);
      }
      if (Array.isArray(found[0])) found[0][Number(found[1])] = clone(value);
      else setKey(found[0], found[1], clone(value));
      return;
    }
    case 'move': {
      const from = field(op, 'from', 'move');
      const src = findObject(doc, from);
      if (!src) throw missing(`move operation does not apply: doc is missing from path: ${from}`);
      const val = wrap(`error in move for path: '${src[1]}'`, () => get(src[0], src[1]));
      wrap(`error in move for path: '${src[1]}'`, () => remove(src[0], src[1]));
      const path = field(op, 'path', 'move');
      const dst = findObject(doc, path);
      if (!dst) throw missing(`move operation does not apply: doc is missing destination path: ${path}`);
      return wrap(`error in move for path: '${path}'`, () => add(dst[0], dst[1], val ?? null));
    }
    case 'copy': {
      const from = field(op, 'from', 'copy');
      const src = findObject(doc, from);
      if (!src) throw missing(`copy operation does not apply: doc is missing from path: ${from}`);
      const val = wrap(`error in copy for from: '${from}'`, () => get(src[0], src[1])) ?? null;
      const path = field(op, 'path', 'copy');
      const dst = findObject(doc, path);
      if (!dst) throw missing(`copy operation does not apply: doc is missing destination path: ${path}`);
      copied.bytes += JSON.stringify(val).length;
      if (copied.bytes > JSON_PATCH_MAX_COPY_BYTES) {
        throw new PatchFailure(`Unable to complete the copy, the accumulated size increase of copy is ${copied.bytes}, exceeding the limit ${JSON_PATCH_MAX_COPY_BYTES}`);
      }
      return wrap('error while adding value during copy', () => add(dst[0], dst[1], clone(val)));
    }
    case 'test': {
      const path = field(op, 'path', 'test');
      const found = findObject(doc, path);
      if (!found) throw missing(`test operation does not apply: is missing path: ${path}`);
      const val = wrap(`error in test for path: '${path}'`, () => get(found[0], found[1]));
      const failed = new PatchFailure(`testing value ${path} failed: test failed`);
      if (val === undefined || val === null) {
        if (op.value === null) return;
        throw failed;
      }
      if (op.value === undefined || !deepEqual(val, op.value)) throw failed;
      return;
    }
    default:
      throw new PatchFailure(`Unexpected kind: ${kind}`);
  }
}

/** 413 for a patch with more operations than kube allows. */
export function checkOperationCount(ops: unknown[]): void {
  if (ops.length > MAX_JSON_PATCH_OPERATIONS) {
    throw new StatusError('RequestEntityTooLarge', `The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${ops.length}`);
  }
}

/** Applies decoded operations to a copy of `doc`; throws StatusError 413 or 422 as kube does. */
export function applyJsonPatch(doc: Json, ops: JsonPatchOperation[]): Json {
  checkOperationCount(ops);
  const out = clone(doc);
  if (!Array.isArray(out) && !isObject(out)) throw new StatusError('InternalError', 'Internal error occurred: json patch target is not an object');
  const copied = { bytes: 0 };
  try {
    for (const op of ops) applyOne(out, op, copied);
  } catch (e) {
    if (!(e instanceof PatchFailure)) throw e;
    const err = new StatusError('Invalid', 'the server rejected our request due to an error in our request');
    err.cause = e;
    throw err;
  }
  return out;
}
