/**
 * The `FieldsV1` wire form of a field set, as structured-merge-diff writes it
 * (`fieldpath/serialize.go`): a nested JSON object keyed by path elements in sorted
 * order, `{}` for a member with nothing below it, and `".": {}` first inside a node
 * that is itself a member and also has members below it.
 */
import { FieldSet, childPath, comparePE, parsePE, peString, type Path, type PathElement } from './field-path.js';

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
  return [...node.children.entries()].map(([key, c]) => ({ key, ...c })).sort((a, b) => comparePE(a.pe, b.pe));
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
  const walk = (obj: unknown, prefix: Path): void => {
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw new Error('fieldsV1: expected an object');
    for (const [k, v] of Object.entries(obj)) {
      if (k === '.') {
        set.insert(prefix);
        continue;
      }
      const path = childPath(prefix, parsePE(k));
      if (typeof v === 'object' && v !== null && Object.keys(v).length === 0) set.insert(path);
      else walk(v, path);
    }
  };
  walk(fields, []);
  return set;
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
    for (const c of kids) if (c.node.member) out.push(childPath(prefix, c.pe));
    for (const c of kids) if (c.node.children.size > 0) visit(c.node, childPath(prefix, c.pe));
  };
  visit(tree(set), []);
  return out;
}
