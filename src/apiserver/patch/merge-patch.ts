/**
 * RFC 7386 JSON merge patch, as kube-apiserver applies it with
 * `gopkg.in/evanphx/json-patch.v4` `MergePatch` (`merge.go`): null deletes a key,
 * objects merge recursively, anything else replaces. Like that library, null members
 * of objects taken over from the patch are pruned, including objects inside arrays,
 * while null array elements stay.
 */
import { badRequest } from '../../api/errors.js';
import { clone, isObject, own, pruneNulls, setKey, type Json, type JsonObject } from './json-value.js';

/** Error text of the library's `ErrBadJSONPatch`, sent as a 400 by the apiserver. */
export const BAD_JSON_PATCH = 'Invalid JSON Patch';

function mergeInto(doc: JsonObject, patch: JsonObject): void {
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) {
      delete doc[k];
      continue;
    }
    const cur = own(doc, k);
    if (isObject(cur) && isObject(v)) mergeInto(cur, v);
    else setKey(doc, k, pruneNulls(v));
  }
}

/** Applies a merge patch to a copy of `doc`. A null or non-object, non-array patch is a 400. */
export function applyMergePatch(doc: Json, patch: Json): Json {
  if (Array.isArray(patch)) return pruneNulls(clone(patch));
  if (!isObject(patch)) throw badRequest(BAD_JSON_PATCH);
  if (!isObject(doc)) return pruneNulls(clone(patch));
  const out = clone(doc);
  mergeInto(out, patch);
  return out;
}
