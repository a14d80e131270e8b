/**
 * Field paths and field sets of server-side apply, after structured-merge-diff's
 * `fieldpath` package: a path element is a field name, the key fields of a map-list
 * item, the value of a set-list item, or an index. Elements print as Kubernetes writes
 * them in `fieldsV1` (`f:name`, `k:{"name":"x"}`, `v:"x"`, `i:0`; `serialize-pe.go`) and
 * in conflict messages (`.spec.containers[name="x"].image`; `element.go` `String()`).
 */
import { compareStrings, compareValues, goJSON, type Json } from './json-value.js';

/** One step of a path. `key` fields are sorted by name. */
export type PathElement = { field: string } | { key: [string, Json][] } | { value: Json } | { index: number };

/** A path from the object root. */
export type Path = PathElement[];

const peCache = new WeakMap<PathElement, string>();

const fieldStrings = new Map<string, string>();

/** The element as a `fieldsV1` key. */
export function peString(pe: PathElement): string {
  if ('field' in pe) {
    // Field names repeat across requests (a kind's schema names them); reuse their keys.
    let f = fieldStrings.get(pe.field);
    if (f === undefined) {
      f = `f:${pe.field}`;
      if (fieldStrings.size < 10_000) fieldStrings.set(pe.field, f);
    }
    return f;
  }
  let s = peCache.get(pe);
  if (s === undefined) peCache.set(pe, (s = encodePE(pe)));
  return s;
}

function encodePE(pe: Exclude<PathElement, { field: string }>): string {
  if ('key' in pe) return `k:{${pe.key.map(([n, v]) => `${goJSON(n)}:${goJSON(v)}`).join(',')}}`;
  if ('value' in pe) return `v:${goJSON(pe.value)}`;
  return `i:${pe.index}`;
}

/** Parses a `fieldsV1` key back into an element. */
export function parsePE(s: string): PathElement {
  const body = s.slice(2);
  switch (s.slice(0, 2)) {
    case 'f:':
      return { field: body };
    case 'v:':
      return { value: JSON.parse(body) as Json };
    case 'i:':
      return { index: Number(body) };
    case 'k:': {
      const obj = JSON.parse(body) as Record<string, Json>;
      return { key: Object.keys(obj).sort(compareStrings).map((k) => [k, obj[k]]) };
    }
    default:
      throw new Error(`invalid path element ${JSON.stringify(s)}`);
  }
}

function goValueString(v: Json): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(goValueString).join(',')}]`;
  if (typeof v === 'object') return `{${Object.keys(v).sort(compareStrings).map((k) => `${k}=${goValueString(v[k])}`).join(',')}}`;
  return String(v);
}

/** The element as conflict messages print it. */
export function peDisplay(pe: PathElement): string {
  if ('field' in pe) return `.${pe.field}`;
  if ('key' in pe) return `[${pe.key.map(([n, v]) => `${n}=${goValueString(v)}`).join(',')}]`;
  if ('value' in pe) return `[=${goValueString(pe.value)}]`;
  return `[${pe.index}]`;
}

/** A path as conflict messages print it, e.g. `.spec.replicas`. */
export function pathDisplay(path: Path): string {
  return path.map(peDisplay).join('');
}

function rank(pe: PathElement): number {
  return 'field' in pe ? 0 : 'key' in pe ? 1 : 'value' in pe ? 2 : 3;
}

/** structured-merge-diff's element order: fields, then keys, values, indices; each by content. */
export function comparePE(a: PathElement, b: PathElement): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if ('field' in a) return compareStrings(a.field, (b as { field: string }).field);
  if ('key' in a) {
    const kb = (b as { key: [string, Json][] }).key;
    for (let i = 0; i < Math.min(a.key.length, kb.length); i++) {
      const c = compareStrings(a.key[i][0], kb[i][0]) || compareValues(a.key[i][1], kb[i][1]);
      if (c !== 0) return c;
    }
    return a.key.length - kb.length;
  }
  if ('value' in a) return compareValues(a.value, (b as { value: Json }).value);
  return a.index - (b as { index: number }).index;
}

const SEP = '\u0000';

const keyCache = new WeakMap<Path, string>();

/** The identity of a path inside a FieldSet. */
export function pathKey(path: Path): string {
  let k = keyCache.get(path);
  if (k === undefined) keyCache.set(path, (k = path.map(peString).join(SEP)));
  return k;
}

/** The key of `[...parent, pe]` from the key of `parent`: walkers carry keys down instead of joining whole paths. */
export function childKey(parentKey: string, parentLength: number, pe: PathElement): string {
  return parentLength === 0 ? peString(pe) : parentKey + SEP + peString(pe);
}

/** An immutable-by-convention set of paths (structured-merge-diff's `fieldpath.Set`, flattened). */
export class FieldSet {
  readonly #paths = new Map<string, Path>();
  #prefixes: Set<string> | undefined;

  constructor(paths: Iterable<Path> = []) {
    for (const p of paths) this.insert(p);
  }

  #adopt(entries: Iterable<[string, Path]>): FieldSet {
    for (const [k, p] of entries) this.#paths.set(k, p);
    return this;
  }

  /** Adds a path. */
  insert(path: Path): void {
    this.#paths.set(pathKey(path), path);
    this.#prefixes = undefined;
  }

  /** Adds a path whose key (`pathKey(path)`) the caller already has. */
  insertKeyed(key: string, path: Path): void {
    this.#paths.set(key, path);
    this.#prefixes = undefined;
  }

  /** Whether the path is a member. */
  has(path: Path): boolean {
    return this.#paths.has(pathKey(path));
  }

  /** Whether the path with that key (`pathKey(path)`) is a member. */
  hasKey(key: string): boolean {
    return this.#paths.has(key);
  }

  /** Whether some member lies strictly below `path`. */
  hasBelow(path: Path): boolean {
    if (!this.#prefixes) {
      this.#prefixes = new Set();
      for (const p of this.#paths.values()) {
        // The proper prefixes' keys, built up element by element (pathKey of each slice).
        let k = '';
        for (let i = 0; i < p.length - 1; i++) {
          k = i === 0 ? peString(p[0]) : k + SEP + peString(p[i]);
          this.#prefixes.add(k);
        }
      }
    }
    return this.#prefixes.has(pathKey(path));
  }

  /** Number of members. */
  get size(): number {
    return this.#paths.size;
  }

  /** Whether there are no members. */
  isEmpty(): boolean {
    return this.#paths.size === 0;
  }

  /** The members, in no particular order. */
  paths(): Path[] {
    return [...this.#paths.values()];
  }

  // Set operations may return an operand unchanged: sets are not modified once built.

  /** Members of this or `other`. */
  union(other: FieldSet): FieldSet {
    if (other.#paths.size === 0) return this;
    if (this.#paths.size === 0) return other;
    return new FieldSet().#adopt(this.#paths).#adopt(other.#paths);
  }

  /** Members of this not in `other`. */
  difference(other: FieldSet): FieldSet {
    if (other.#paths.size === 0 || this.#paths.size === 0) return this;
    return new FieldSet().#adopt([...this.#paths].filter(([k]) => !other.#paths.has(k)));
  }

  /** Members of both. */
  intersection(other: FieldSet): FieldSet {
    return new FieldSet().#adopt([...this.#paths].filter(([k]) => other.#paths.has(k)));
  }

  /** Members for which `keep` holds. */
  filter(keep: (p: Path) => boolean): FieldSet {
    const kept = [...this.#paths].filter(([, p]) => keep(p));
    return kept.length === this.#paths.size ? this : new FieldSet().#adopt(kept);
  }

  /** Whether both hold the same members. */
  equals(other: FieldSet): boolean {
    return this.size === other.size && [...this.#paths.keys()].every((k) => other.#paths.has(k));
  }
}
