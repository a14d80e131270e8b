/**
 * Merging an applied configuration into a live object, and removing field paths from
 * an object, after structured-merge-diff (`typed/merge.go` with `ruleKeepRHS`,
 * `typed/remove.go`). Associative lists merge item by item in the order
 * structured-merge-diff v4 produces: shared items in the applied order, live-only
 * items kept where they were, new items where the configuration puts them.
 */
import type { JSONSchema } from '../../api/types.js';
import { clone, isObject, own, pruneNulls, setKey, type Json, type JsonObject } from './json-value.js';
import { FieldSet, pathDisplay, type Path, type PathElement } from './field-path.js';
import { itemsSchema, nodeType, type SchemaResolver } from './schema-walker.js';
import { TypedError, itemElement, memberSchema } from './typed-value.js';

interface Keyed {
  pe: PathElement;
  key: string;
  v: Json;
}

function keyItems(list: Json[], t: Parameters<typeof itemElement>[0], items: JSONSchema | undefined, resolve: SchemaResolver, path: Path, strict: boolean): Keyed[] {
  const out: Keyed[] = [];
  const seen = new Set<string>();
  list.forEach((v, i) => {
    let pe: PathElement;
    try {
      pe = itemElement(t, v, i, items, resolve, path);
    } catch (e) {
      if (strict || !(e instanceof TypedError)) throw e;
      return;
    }
    const key = JSON.stringify(pe);
    if (seen.has(key)) {
      if (strict) throw new TypedError(`${pathDisplay(path)}: duplicate entries for key ${pathDisplay([pe])}`);
      return;
    }
    seen.add(key);
    out.push({ pe, key, v });
  });
  return out;
}

/** Merges `config` over `live`: config wins at leaves, maps and associative lists merge. */
export function mergeTyped(live: Json | undefined, config: Json | undefined, schema: JSONSchema | undefined, resolve: SchemaResolver): Json | undefined {
  const walk = (l: Json | undefined, r: Json | undefined, s: JSONSchema | undefined, path: Path): Json | undefined => {
    if (r === undefined) return l;
    if (l === undefined) return pruneNulls(r);
    const t = nodeType(s, isObject(r) || Array.isArray(r) ? r : l);
    if (t.kind === 'scalar') return clone(r);
    if (t.kind === 'list') {
      if (r === null && Array.isArray(l)) return l;
      if (t.relation === 'atomic' || !Array.isArray(l) || !Array.isArray(r) || (l.length === 0 && r.length === 0)) return clone(r);
      return mergeList(l, r, t, itemsSchema(s, resolve), path);
    }
    if (r === null && isObject(l)) return l;
    if (t.atomic || !isObject(l) || !isObject(r) || (Object.keys(l).length === 0 && Object.keys(r).length === 0)) return clone(r);
    const out: JsonObject = {};
    for (const k of new Set([...Object.keys(l), ...Object.keys(r)])) {
      const v = walk(own(l, k), own(r, k), memberSchema(t, k, resolve)[0], [...path, { field: k }]);
      // A null in the configuration unsets the field, as decoding into a typed object does.
      if (v !== undefined && !(v === null && own(r, k) === null)) setKey(out, k, v);
    }
    return out;
  };

  const mergeList = (l: Json[], r: Json[], t: Parameters<typeof itemElement>[0], items: JSONSchema | undefined, path: Path): Json[] => {
    const lhs = keyItems(l, t, items, resolve, path, false);
    const rhs = keyItems(r, t, items, resolve, path, true);
    const lmap = new Map(lhs.map((x) => [x.key, x]));
    const rmap = new Map(rhs.map((x) => [x.key, x]));
    const shared = rhs.filter((x) => lmap.has(x.key)).map((x) => x.key);
    let nextShared = shared.shift();
    const out: Json[] = [];
    const item = (key: string, pe: PathElement) => walk(lmap.get(key)?.v, rmap.get(key)?.v, items, [...path, pe]);
    let li = 0;
    let ri = 0;
    while (li < lhs.length || ri < rhs.length) {
      if (li < lhs.length && ri < rhs.length) {
        const lk = lhs[li].key;
        if (lk === rhs[ri].key) {
          out.push(item(lk, lhs[li].pe)!);
          li++;
          ri++;
          nextShared = shared.shift();
          continue;
        }
        if (rmap.has(lk) && nextShared !== undefined && nextShared !== lk) {
          li++;
          continue;
        }
      }
      if (li < lhs.length && !rmap.has(lhs[li].key)) {
        out.push(lhs[li].v);
        li++;
        continue;
      }
      if (ri < rhs.length) {
        const { key, pe } = rhs[ri];
        out.push(item(key, pe)!);
        ri++;
        if (nextShared === key) nextShared = shared.shift();
      } else {
        li++;
      }
    }
    return out;
  };

  return walk(live, config, schema, []);
}

/**
 * A copy of `value` without the members of `remove` (`TypedValue.RemoveItems`).
 * Maps and lists emptied by the removal are dropped too.
 */
export function removeTyped(value: Json, remove: FieldSet, schema: JSONSchema | undefined, resolve: SchemaResolver): Json {
  const walk = (v: Json, s: JSONSchema | undefined, path: Path): Json | undefined => {
    const t = nodeType(s, v);
    if (t.kind === 'list' && t.relation !== 'atomic' && Array.isArray(v)) {
      const items = itemsSchema(s, resolve);
      const out: Json[] = [];
      v.forEach((item, i) => {
        let pe: PathElement;
        try {
          pe = itemElement(t, item, i, items, resolve, path);
        } catch {
          out.push(item);
          return;
        }
        const child = [...path, pe];
        if (remove.has(child)) return;
        if (!remove.hasBelow(child)) out.push(item);
        else {
          const kept = walk(item, items, child);
          if (kept !== undefined) out.push(kept);
        }
      });
      return out.length === 0 && v.length > 0 ? undefined : out;
    }
    if (t.kind === 'map' && !t.atomic && isObject(v)) {
      const out: JsonObject = {};
      for (const [k, x] of Object.entries(v)) {
        const child = [...path, { field: k }];
        if (remove.has(child)) continue;
        if (!remove.hasBelow(child)) setKey(out, k, x);
        else {
          const kept = walk(x, memberSchema(t, k, resolve)[0], child);
          if (kept !== undefined) setKey(out, k, kept);
        }
      }
      return Object.keys(out).length === 0 && Object.keys(v).length > 0 && path.length > 0 ? undefined : out;
    }
    return v;
  };
  return walk(value, schema, []) ?? {};
}
