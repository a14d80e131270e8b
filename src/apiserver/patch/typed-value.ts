/**
 * Schema-aware walks over API objects for server-side apply, after structured-merge-diff's
 * `typed` package: the field set an applied configuration sets (`tofieldset.go`), and
 * the comparison of two versions of an object (`compare.go` on the merge walker of
 * `merge.go`). Lists and maps follow the node types of `schema-walker.ts`.
 */
import type { JSONSchema } from '../../api/types.js';
import { deepEqual, isObject, own, type Json } from './json-value.js';
import { FieldSet, childKey, pathDisplay, type Path, type PathElement } from './field-path.js';
import { isDeclaredProperty, itemsSchema, nodeType, propertySchema, type NodeType, type SchemaResolver } from './schema-walker.js';

/** A value that does not fit its schema (kube answers these with a 500). */
export class TypedError extends Error {}

/** The schema of a map's member `key`, and whether it is a declared struct field. */
export function memberSchema(t: Extract<NodeType, { kind: 'map' }>, key: string, resolve: SchemaResolver): [JSONSchema | undefined, boolean] {
  return [propertySchema(t.schema, key, resolve), isDeclaredProperty(t.schema, key)];
}

/** The path element of a list item, or undefined when the item cannot be keyed. */
export function itemElement(t: Extract<NodeType, { kind: 'list' }>, item: Json, index: number, items: JSONSchema | undefined, resolve: SchemaResolver, path: Path): PathElement {
  if (t.relation === 'set') {
    if (isObject(item) || Array.isArray(item)) throw new TypedError(`${pathDisplay(path)}: element ${index}: associative list without keys has an element that's a map type`);
    return { value: item };
  }
  if (t.relation === 'map') {
    if (!isObject(item)) throw new TypedError(`${pathDisplay(path)}: element ${index}: associative list with keys has an element that's not a map type`);
    const key: [string, Json][] = [];
    for (const name of t.keys) {
      const kv = own(item, name);
      if (kv !== undefined) key.push([name, kv]);
      else {
        const dflt = propertySchema(items, name, resolve)?.default;
        if (dflt === undefined) throw new TypedError(`${pathDisplay(path)}: element ${index}: associative list with keys has an element that omits key field ${JSON.stringify(name)} (and doesn't have default value)`);
        key.push([name, dflt as Json]);
      }
    }
    key.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return { key };
  }
  return { index };
}

/** The field set a value sets: what an applier owns (`TypedValue.ToFieldSet`). */
export function toFieldSet(value: Json, schema: JSONSchema | undefined, resolve: SchemaResolver): FieldSet {
  const out = new FieldSet();
  const walk = (v: Json, s: JSONSchema | undefined, path: Path, key: string): void => {
    const t = nodeType(s, v);
    if (t.kind === 'scalar') {
      out.insertKeyed(key, path);
      return;
    }
    if (t.kind === 'list') {
      if (t.relation === 'atomic' || (v !== null && !Array.isArray(v))) {
        out.insertKeyed(key, path);
        return;
      }
      if (!Array.isArray(v)) return;
      const items = itemsSchema(s, resolve);
      const seen = new Set<string>();
      v.forEach((item, i) => {
        const pe = itemElement(t, item, i, items, resolve, path);
        const child = [...path, pe];
        const ck = childKey(key, path.length, pe);
        if (seen.has(ck)) throw new TypedError(`${pathDisplay(path)}: duplicate entries for key ${pathDisplay([pe])}`);
        seen.add(ck);
        walk(item, items, child, ck);
        out.insertKeyed(ck, child);
      });
      return;
    }
    if (t.atomic || (v !== null && !isObject(v))) {
      out.insertKeyed(key, path);
      return;
    }
    if (!isObject(v)) return;
    for (const [k, x] of Object.entries(v)) {
      const [cs, declared] = memberSchema(t, k, resolve);
      const pe = { field: k };
      const child = [...path, pe];
      const ck = childKey(key, path.length, pe);
      walk(x, cs, child, ck);
      if (!declared) out.insertKeyed(ck, child);
    }
  };
  walk(value, schema, [], '');
  return out;
}

/** What changed between two versions of an object (`TypedValue.Compare`). */
export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

function shape(v: Json | undefined): string {
  return v === undefined || v === null ? 'none' : Array.isArray(v) ? 'list' : isObject(v) ? 'map' : 'scalar';
}

/** Compares `lhs` (old) with `rhs` (new); undefined means absent. Live items that cannot be keyed are skipped. */
export function compare(lhs: Json | undefined, rhs: Json | undefined, schema: JSONSchema | undefined, resolve: SchemaResolver): Comparison {
  const c: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
  compareWalk(c, resolve, lhs, rhs, schema, [], '');
  return c;
}

// The walk's helpers are module functions, not closures: tsx (esbuild keepNames) wraps every
// named closure in a __name call each time it is created, which costs on this hot path.

function compareLeaf(c: Comparison, l: Json | undefined, r: Json | undefined, path: Path, key: string): void {
  if (l === undefined) c.added.insertKeyed(key, path);
  else if (r === undefined) c.removed.insertKeyed(key, path);
  else if (!deepEqual(l, r)) c.modified.insertKeyed(key, path);
}

/** List items by their path element's JSON (the first of duplicates wins); items that cannot be keyed are left out. */
function indexItems(t: Extract<NodeType, { kind: 'list' }>, list: Json[], items: JSONSchema | undefined, resolve: SchemaResolver, path: Path): Map<string, { pe: PathElement; v: Json }> {
  const m = new Map<string, { pe: PathElement; v: Json }>();
  for (let i = 0; i < list.length; i++) {
    if (!(i in list)) continue; // forEach's treatment of holes
    const item = list[i];
    try {
      const pe = itemElement(t, item, i, items, resolve, path);
      const k = JSON.stringify(pe);
      if (!m.has(k)) m.set(k, { pe, v: item });
    } catch (e) {
      if (!(e instanceof TypedError)) throw e;
    }
  }
  return m;
}

function compareWalk(c: Comparison, resolve: SchemaResolver, l: Json | undefined, r: Json | undefined, s: JSONSchema | undefined, path: Path, key: string): void {
  // Equal subtrees hold no change; checking is cheaper than walking them.
  if (l !== undefined && r !== undefined && (l === r || deepEqual(l, r))) return;
  const t = nodeType(s, r !== undefined && r !== null ? r : l);
  const sl = shape(l);
  const sr = shape(r);
  const mismatch = sl !== 'none' && sr !== 'none' && sl !== sr;
  if (t.kind === 'scalar' || mismatch) return compareLeaf(c, l, r, path, key);
  if (t.kind === 'list') {
    const ll = Array.isArray(l) ? l : [];
    const rl = Array.isArray(r) ? r : [];
    if (t.relation === 'atomic' || (ll.length === 0 && rl.length === 0) || (sl !== 'none' && sl !== 'list') || (sr !== 'none' && sr !== 'list')) return compareLeaf(c, l, r, path, key);
    const items = itemsSchema(s, resolve);
    const li = indexItems(t, ll, items, resolve, path);
    const ri = indexItems(t, rl, items, resolve, path);
    for (const [k, { pe, v }] of li) compareWalk(c, resolve, v, ri.get(k)?.v, items, [...path, pe], childKey(key, path.length, pe));
    for (const [k, { pe, v }] of ri) if (!li.has(k)) compareWalk(c, resolve, undefined, v, items, [...path, pe], childKey(key, path.length, pe));
  } else {
    const lm = isObject(l) ? l : {};
    const rm = isObject(r) ? r : {};
    const lk = Object.keys(lm);
    const rk = Object.keys(rm);
    if (t.atomic || (lk.length === 0 && rk.length === 0) || (sl !== 'none' && sl !== 'map') || (sr !== 'none' && sr !== 'map')) return compareLeaf(c, l, r, path, key);
    // The union of both key sets, in the order a Set of lm's then rm's keys iterates.
    for (const k of lk) {
      const pe = { field: k };
      compareWalk(c, resolve, own(lm, k), own(rm, k), propertySchema(t.schema, k, resolve), [...path, pe], childKey(key, path.length, pe));
    }
    for (const k of rk) {
      if (Object.prototype.hasOwnProperty.call(lm, k)) continue;
      const pe = { field: k };
      compareWalk(c, resolve, undefined, own(rm, k), propertySchema(t.schema, k, resolve), [...path, pe], childKey(key, path.length, pe));
    }
  }
  if (l === undefined) c.added.insertKeyed(key, path);
  else if (r === undefined) c.removed.insertKeyed(key, path);
}
