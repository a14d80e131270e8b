/**
 * The `FieldsV1` wire form of a field set, as structured-merge-diff writes it
 * (`fieldpath/serialize.go`): a nested JSON object keyed by path elements in sorted
 * order, `{}` for a member with nothing below it, and `".": {}` first inside a node
 * that is itself a member and also has members below it.
 */
import { FieldSet, childKey, comparePE, parsePE, peString, type Path, type PathElement } from './field-path.js';

interface Node {
  member: boolean;
  children: Map<string, { pe: PathElement; node: Node }>;
}

function tree(set: FieldSet): Node {
  const root: Node = { member: false, children: new Map() };
  for (const path of set.paths()) {
    let cur = root;
    for (const pe of path) {
      const k = peString(pe);
      let next = cur.children.get(k);
      if (!next) cur.children.set(k, (next = { pe, node: { member: false, children: new Map() } }));
      cur = next.node;
    }
    cur.member = true;
  }
  return root;
}

function sorted(node: Node): { key: string; pe: PathElement; node: Node }[] {
  const out: { key: string; pe: PathElement; node: Node }[] = [];
  for (const [key, c] of node.children) out.push({ key, pe: c.pe, node: c.node });
  if (out.length > 1) out.sort((a, b) => comparePE(a.pe, b.pe));
  return out;
}

function emit(node: Node, includeSelf: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (includeSelf && node.member && node.children.size > 0) out['.'] = {};
  for (const c of sorted(node)) out[c.key] = emit(c.node, true);
  return out;
}

/** Encodes a field set as a `fieldsV1` object, keys in Kubernetes' order. */
export function encodeFieldsV1(set: FieldSet): Record<string, unknown> {
  return emit(tree(set), false);
}

/** Decodes a `fieldsV1` object; throws on a malformed key. */
export function decodeFieldsV1(fields: unknown): FieldSet {
  const set = new FieldSet();
  const walk = (obj: unknown, prefix: Path, prefixKey: string): void => {
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw new Error('fieldsV1: expected an object');
    for (const [k, v] of Object.entries(obj)) {
      if (k === '.') {
        set.insertKeyed(prefixKey, prefix);
        continue;
      }
      const pe = parsePE(k);
      const path = [...prefix, pe];
      const key = childKey(prefixKey, prefix.length, pe);
      if (typeof v === 'object' && v !== null && Object.keys(v).length === 0) set.insertKeyed(key, path);
      else walk(v, path, key);
    }
  };
  walk(fields, [], '');
  return set;
}

function isEmptyPlainObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;
}

/**
 * Whether `fields` is exactly what encodeFieldsV1 writes for the set it decodes to (keys in
 * canonical form and order, `"."` only where it belongs, `{}` leaves), so that the stored
 * form can stand for the set without decoding and re-encoding it.
 */
export function isCanonicalFieldsV1(fields: unknown, root = true): boolean {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return false;
  const keys = Object.keys(fields);
  let prev: PathElement | undefined;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = (fields as Record<string, unknown>)[k];
    if (k === '.') {
      // Only first, only below the root, only beside other members, and always `{}`.
      if (root || i !== 0 || keys.length < 2 || !isEmptyPlainObject(v)) return false;
      continue;
    }
    let pe: PathElement;
    try {
      pe = parsePE(k);
    } catch {
      return false;
    }
    if (peString(pe) !== k || (prev !== undefined && comparePE(prev, pe) >= 0)) return false;
    prev = pe;
    if (!isEmptyPlainObject(v) && !isCanonicalFieldsV1(v, false)) return false;
  }
  return true;
}

/** Whether an encoded `fieldsV1` object has `path` as a member, without decoding it. */
export function fieldsV1Has(fields: unknown, path: Path): boolean {
  let node = fields;
  for (const pe of path) {
    if (typeof node !== 'object' || node === null) return false;
    const key = peString(pe);
    node = Object.prototype.hasOwnProperty.call(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  }
  if (typeof node !== 'object' || node === null || path.length === 0) return false;
  return Object.keys(node).length === 0 || Object.prototype.hasOwnProperty.call(node, '.');
}

/**
 * Members in structured-merge-diff's iteration order (`Set.Iterate`): at each level the
 * members in sorted order, then each child subtree in sorted order.
 */
export function orderedPaths(set: FieldSet): Path[] {
  const out: Path[] = [];
  const visit = (node: Node, prefix: Path): void => {
    const kids = sorted(node);
    for (const c of kids) if (c.node.member) out.push([...prefix, c.pe]);
    for (const c of kids) if (c.node.children.size > 0) visit(c.node, [...prefix, c.pe]);
  };
  visit(tree(set), []);
  return out;
}
