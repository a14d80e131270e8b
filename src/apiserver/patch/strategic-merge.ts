/**
 * Strategic merge patch, driven by the OpenAPI schema's `x-kubernetes-patch-strategy`
 * and `x-kubernetes-patch-merge-key` (the same metadata kube reads from Go struct
 * tags). Semantics of apimachinery `strategicpatch/patch.go` `mergeMap` with the
 * apiserver's options (`MergeParallelList`, `IgnoreUnmatchedNulls`): null deletes a
 * key, `$patch: replace|delete` on maps, `$retainKeys`, `$deleteFromPrimitiveList/<f>`,
 * `$setElementOrder/<f>`; lists without the merge strategy are replaced. Errors map to
 * statuses as `interpretStrategicMergePatchError` (patch.go handler) does.
 */
import type { JSONSchema } from '../../api/types.js';
import { StatusError, badRequest } from '../../api/errors.js';
import { clone, isObject, own, setKey, type Json, type JsonObject } from './json-value.js';
import { itemsSchema, propertySchema, withObjectMeta, type SchemaResolver } from './schema-walker.js';
import { StrategicPatchError, elementKind, errors, mergeSlice, normalizeOrder, partition, validateSetOrder } from './strategic-list.js';

const DELETE_PREFIX = '$deleteFromPrimitiveList/';
const ORDER_PREFIX = '$setElementOrder/';

interface FieldMeta {
  schema: JSONSchema | undefined;
  strategy: string;
  mergeKey: string;
}

class Merger {
  constructor(private readonly resolve: SchemaResolver) {}

  meta(parent: JSONSchema | undefined, key: string): FieldMeta {
    const schema = propertySchema(parent, key, this.resolve);
    const strategies = String(schema?.['x-kubernetes-patch-strategy'] ?? '').split(',');
    // retainKeys is honoured through the $retainKeys directive; the other strategy decides merging.
    const strategy = strategies.find((s) => s !== 'retainKeys') ?? '';
    return { schema, strategy, mergeKey: String(schema?.['x-kubernetes-patch-merge-key'] ?? '') };
  }

  mergeMap(original: JsonObject, patch: JsonObject, schema: JSONSchema | undefined): JsonObject {
    if ('$patch' in patch) {
      const { $patch: directive, ...rest } = patch;
      if (directive === 'replace') return this.mergeMap({}, rest, schema);
      if (directive === 'delete') return {};
      throw errors.badPatchType(directive, patch);
    }
    patch = { ...patch };
    this.retainKeys(original, patch);
    this.setElementOrders(original, patch, schema);
    for (let [k, v] of Object.entries(patch)) {
      let isDeleteList = false;
      if (k.startsWith(DELETE_PREFIX)) {
        k = k.slice(DELETE_PREFIX.length);
        isDeleteList = true;
        if (!Array.isArray(v)) throw errors.badPrimitiveList();
      } else if (k.startsWith('$')) {
        continue;
      }
      if (v === null) {
        delete original[k];
        continue;
      }
      const meta = this.meta(schema, k);
      const cur = own(original, k);
      if (cur === undefined || kindOf(cur) !== kindOf(v)) {
        if (!isDeleteList) setKey(original, k, this.fresh(v, meta));
        continue;
      }
      if (isObject(cur)) setKey(original, k, meta.strategy === 'replace' ? this.fresh(v, meta) : this.mergeMap(cur, v as JsonObject, meta.schema));
      else if (Array.isArray(cur)) setKey(original, k, this.mergeList(cur, v as Json[], meta, isDeleteList));
      else setKey(original, k, v);
    }
    return original;
  }

  /** A patch value with no live counterpart: directives resolved, nulls dropped. */
  fresh(v: Json, meta: FieldMeta): Json {
    if (isObject(v)) return this.mergeMap({}, v, meta.schema);
    if (Array.isArray(v) && meta.strategy === 'merge') return this.mergeList([], v, meta, false);
    return clone(v);
  }

  mergeList(original: Json[], patch: Json[], meta: FieldMeta, isDeleteList: boolean): Json[] {
    if (meta.strategy !== 'merge') return clone(patch);
    const items = itemsSchema(meta.schema, this.resolve);
    return mergeSlice(original, patch, meta.mergeKey, isDeleteList, (o, p) => this.mergeMap(o, p, items));
  }

  retainKeys(original: JsonObject, patch: JsonObject): void {
    if (!('$retainKeys' in patch)) return;
    const list = patch.$retainKeys;
    delete patch.$retainKeys;
    if (!Array.isArray(list)) throw errors.badRetainKeys();
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || k.startsWith(DELETE_PREFIX) || k.startsWith(ORDER_PREFIX)) continue;
      if (!list.includes(k)) throw errors.badRetainKeys();
    }
    for (const k of Object.keys(original)) if (!list.includes(k)) delete original[k];
  }

  setElementOrders(original: JsonObject, patch: JsonObject, schema: JSONSchema | undefined): void {
    for (const key of Object.keys(patch)) {
      if (!key.startsWith(ORDER_PREFIX)) continue;
      const order = own(patch, key);
      delete patch[key];
      if (!Array.isArray(order)) throw errors.badSetElementOrder();
      const field = key.slice(ORDER_PREFIX.length);
      if (field === '') throw errors.badSetElementOrder();
      const meta = this.meta(schema, field);
      const origList = own(original, field);
      const patchList = own(patch, field);
      if (origList !== undefined && !Array.isArray(origList)) throw errors.other(`expected a []interface {}, but received a ${typeof origList}`);
      if (patchList !== undefined && !Array.isArray(patchList)) throw errors.badSetElementOrder();
      validateSetOrder(patchList ?? [], order, meta.mergeKey);
      let merged: Json[];
      if (origList && patchList) merged = this.mergeList(origList, patchList, meta, false);
      else if (patchList) merged = this.fresh(patchList, meta) as Json[];
      else if (origList) merged = origList;
      else continue;
      delete patch[field];
      const kind = elementKind(origList ?? [], patchList ?? []);
      if (!kind) {
        setKey(original, field, merged);
        continue;
      }
      const [inOrder, serverOnly] = partition(merged, order, meta.mergeKey, kind);
      setKey(original, field, normalizeOrder(inOrder, serverOnly, order, origList ?? [], meta.mergeKey, kind));
    }
  }
}

function kindOf(v: Json): string {
  return Array.isArray(v) ? 'array' : isObject(v) ? 'object' : 'scalar';
}

/**
 * Applies a strategic merge patch to a copy of `original`. `schema` is the kind's root
 * schema. Throws StatusError: 400 for malformed directives, 422 for lists of lists,
 * 500 for the rest, as kube-apiserver does.
 */
export function strategicMergePatch(original: JsonObject, patch: JsonObject, schema: JSONSchema | undefined, resolve: SchemaResolver): JsonObject {
  const merger = new Merger(resolve);
  try {
    return merger.mergeMap(clone(original), clone(patch), withObjectMeta(schema, resolve));
  } catch (e) {
    if (!(e instanceof StrategicPatchError)) throw e;
    if (e.status === 'BadRequest') throw badRequest(e.message);
    if (e.status === 'Invalid') {
      const err = new StatusError('Invalid', 'the server rejected our request due to an error in our request');
      err.cause = e;
      throw err;
    }
    // kube sends a plain error: code 500 with the error text as the message.
    throw new StatusError('InternalError', e.message);
  }
}
