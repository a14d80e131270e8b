/**
 * The list half of strategic merge patch (apimachinery
 * `staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go`: `mergeSlice`,
 * `mergeSliceWithSpecialElements`, `normalizeElementOrder`, `mergeSortedSlice`).
 * Lists of maps merge by their merge key, `$patch: delete|replace` items act on the
 * whole list, lists of scalars merge as sets. Ordering follows kube: patch items in
 * patch (or `$setElementOrder`) order, server-only items interleaved by their live
 * position, so an item that is new to the list lands before the server's items.
 */
import { isObject, type Json, type JsonObject } from './json-value.js';

/** A strategic merge patch failure and the status kube answers it with. */
export class StrategicPatchError extends Error {
  constructor(
    message: string,
    readonly status: 'BadRequest' | 'Invalid' | 'Internal',
  ) {
    super(message);
  }
}

/** `mergepatch` errors: 400s (`interpretStrategicMergePatchError`) and the rest. */
export const errors = {
  badRetainKeys: () => new StrategicPatchError('invalid patch format of retainKeys', 'BadRequest'),
  badPrimitiveList: () => new StrategicPatchError('invalid patch format of primitive list', 'BadRequest'),
  badSetElementOrder: () => new StrategicPatchError('invalid patch format of setElementOrder list', 'BadRequest'),
  noListOfLists: () => new StrategicPatchError('lists of lists are not supported', 'Invalid'),
  noMergeKey: (m: unknown, key: string) => new StrategicPatchError(`map: ${goFmt(m)} does not contain declared merge key: ${key}`, 'Internal'),
  badPatchType: (t: unknown, m: unknown) => new StrategicPatchError(`unknown patch type: ${goFmt(t)} in map: ${goFmt(m)}`, 'Internal'),
  other: (msg: string) => new StrategicPatchError(msg, 'Internal'),
};

/** Go's `%v` of a decoded JSON value, for error messages. */
export function goFmt(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goFmt).join(' ')}]`;
  if (isObject(v)) return `map[${Object.keys(v).sort().map((k) => `${k}:${goFmt(v[k])}`).join(' ')}]`;
  return String(v);
}

/** Merges one map item of a list; supplied by the map half to avoid an import cycle. */
export type MapMerger = (original: JsonObject, patch: JsonObject) => JsonObject;

type ElemKind = 'map' | 'scalar';

/** The common element kind of the lists (Go's `sliceElementType`). */
export function elementKind(...lists: Json[][]): ElemKind | undefined {
  let prev: string | undefined;
  for (const list of lists) {
    for (const v of list) {
      const t = Array.isArray(v) ? 'slice' : isObject(v) ? 'map' : v === null ? 'nil' : typeof v;
      if (prev === undefined) {
        if (t === 'slice') throw errors.noListOfLists();
        prev = t;
      } else if (prev !== t) {
        throw errors.other(`list element types are not identical: ${goFmt(lists)}`);
      }
    }
  }
  if (prev === undefined) return undefined;
  return prev === 'map' ? 'map' : 'scalar';
}

function keyOf(item: Json, mergeKey: string, kind: ElemKind): unknown {
  return kind === 'map' ? (isObject(item) ? item[mergeKey] : undefined) : item;
}

function indexIn(list: Json[], item: Json, mergeKey: string, kind: ElemKind): number {
  const want = keyOf(item, mergeKey, kind);
  return list.findIndex((x) => keyOf(x, mergeKey, kind) === want);
}

function requireMergeKey(items: Json[], mergeKey: string): void {
  for (const item of items) if (!isObject(item) || !(mergeKey in item)) throw errors.noMergeKey(item, mergeKey);
}

/** Splits `list` into items present in `by` (by merge key, or value for scalars) and the rest. */
export function partition(list: Json[], by: Json[], mergeKey: string, kind: ElemKind): [Json[], Json[]] {
  if (kind === 'map') requireMergeKey(list, mergeKey);
  const inBy: Json[] = [];
  const rest: Json[] = [];
  for (const item of list) (indexIn(by, item, mergeKey, kind) >= 0 ? inBy : rest).push(item);
  return [inBy, rest];
}

function sortByOrder(items: Json[], order: Json[], mergeKey: string, kind: ElemKind): Json[] {
  let toDelete: Json[] = [];
  if (kind === 'map') {
    requireMergeKey(items, mergeKey);
    requireMergeKey(order, mergeKey);
    toDelete = items.filter((i) => isObject(i) && i.$patch === 'delete');
    items = items.filter((i) => !(isObject(i) && i.$patch === 'delete'));
  }
  const decorated = items.map((item, pos) => ({ item, pos, at: indexIn(order, item, mergeKey, kind) }));
  decorated.sort((a, b) => (a.at >= 0 && b.at >= 0 ? a.at - b.at : a.pos - b.pos));
  return [...decorated.map((d) => d.item), ...toDelete];
}

/** Orders merged items: `patchItems` by `patchOrder`, server-only items interleaved by `serverOrder`. */
export function normalizeOrder(patchItems: Json[], serverOnly: Json[], patchOrder: Json[], serverOrder: Json[], mergeKey: string, kind: ElemKind): Json[] {
  const right = sortByOrder(patchItems, patchOrder, mergeKey, kind);
  const left = sortByOrder(serverOnly, serverOrder, mergeKey, kind);
  const out: Json[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexIn(serverOrder, left[i], mergeKey, kind);
      const ri = indexIn(serverOrder, right[j], mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

function dedupe(items: Json[]): Json[] {
  const out: Json[] = [];
  for (const v of items) if (!out.includes(v)) out.push(v);
  return out;
}

/** Handles `$patch` items of a list of maps: deletes by merge key, or replace; returns [original, patch]. */
function specialElements(original: Json[], patch: Json[], mergeKey: string, mergeMap: MapMerger): [Json[], Json[]] {
  const plain: Json[] = [];
  let replace = false;
  for (const v of patch) {
    const item = v as JsonObject;
    if (!('$patch' in item)) {
      plain.push(v);
      continue;
    }
    switch (item.$patch) {
      case 'delete':
        if (!(mergeKey in item)) throw errors.noMergeKey(item, mergeKey);
        original = original.filter((o) => !(isObject(o) && o[mergeKey] === item[mergeKey]));
        break;
      case 'replace':
        replace = true;
        break;
      case 'merge':
        throw errors.other('merging lists cannot yet be specified in the patch');
      default:
        throw errors.badPatchType(item.$patch, item);
    }
  }
  if (replace) return [plain.map((p) => mergeMap({}, p as JsonObject)), []];
  return [original, plain];
}

/** Merges `patch` into `original` for a list whose strategy is merge. */
export function mergeSlice(original: Json[], patch: Json[], mergeKey: string, isDeleteList: boolean, mergeMap: MapMerger): Json[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = elementKind(original, patch) ?? 'scalar';
  let merged: Json[];
  if (kind === 'scalar') {
    if (isDeleteList) return original.filter((v) => !patch.includes(v));
    merged = dedupe([...original, ...patch]);
  } else {
    if (mergeKey === '') throw errors.other('cannot merge lists without merge key for type map');
    [original, patch] = specialElements(original, patch, mergeKey, mergeMap);
    merged = [...original];
    for (const v of patch) {
      const item = v as JsonObject;
      if (!(mergeKey in item)) throw errors.noMergeKey(item, mergeKey);
      const at = merged.findIndex((o) => isObject(o) && o[mergeKey] === item[mergeKey]);
      if (at >= 0) merged[at] = mergeMap(merged[at] as JsonObject, item);
      else merged.push(mergeMap({}, item));
    }
  }
  const [patchItems, serverOnly] = partition(merged, patch, mergeKey, kind);
  return normalizeOrder(patchItems, serverOnly, patch, original, mergeKey, kind);
}

/** Checks that a patch list's items appear in `$setElementOrder` in the same relative order. */
export function validateSetOrder(patchList: Json[], setOrder: Json[], mergeKey: string): void {
  if (setOrder.length === 0 || patchList.length === 0) return;
  const kind: ElemKind = mergeKey ? 'map' : 'scalar';
  const items = kind === 'map' ? patchList.filter((i) => !(isObject(i) && i.$patch === 'delete')) : patchList;
  let p = 0;
  let s = 0;
  while (p < items.length && s < setOrder.length) {
    if (isObject(items[p]) && '$patch' in (items[p] as JsonObject)) {
      p++;
      continue;
    }
    if (kind === 'map') requireMergeKey([items[p], setOrder[s]], mergeKey);
    if (keyOf(items[p], mergeKey, kind) === keyOf(setOrder[s], mergeKey, kind)) p++;
    s++;
  }
  if (p < items.length && s >= setOrder.length) {
    throw errors.other(`The order in patch list:\n${goFmt(patchList)}\n doesn't match $setElementOrder list:\n${goFmt(setOrder)}\n`);
  }
}
