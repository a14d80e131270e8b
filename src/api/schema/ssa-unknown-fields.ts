/**
 * Unknown fields as server-side apply reports them. An apply patch is converted to a typed
 * value first (`apiserver/pkg/endpoints/handlers/fieldmanager/internal/structuredmerge.go`:
 * `failed to create typed patch object (%v): %v`), and structured-merge-diff names each
 * undeclared field by its field path (`.spec.a`, list items `[name="x"]`, `[="v"]` or `[0]`)
 * with `field not declared in schema` (`sigs.k8s.io/structured-merge-diff/typed/validate.go`).
 * The error is not a Status error, so kube answers 500 with an empty reason.
 */
import type { JSONSchema } from '../types.js';
import { compareGoStrings } from './go-format.js';
import { OBJECT_META_SCHEMA } from './object-meta-schema.js';
import { isObject, pruneWalk } from './prune-walk.js';
import type { SchemaRegistry } from './resolver.js';

/** The field paths (structured-merge-diff form) of the fields of an apply patch its schema does not declare, sorted. */
export function ssaUnknownFieldPaths(patch: unknown, schema: JSONSchema, registry: SchemaRegistry): string[] {
  const found: string[] = [];
  // Paths are rebuilt from the pruning walk's index form, so remember each list's schema.
  const lists = new Map<string, JSONSchema>();
  // The typed schema kube builds for apply always carries TypeMeta and the full ObjectMeta.
  const resolved = registry.resolve(schema);
  const props = (resolved.properties as Record<string, JSONSchema> | undefined) ?? {};
  const root = { ...resolved, properties: { ...props, apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: OBJECT_META_SCHEMA } };
  collectLists(patch, root, registry, '', lists);
  pruneWalk(patch, root, '', { registry, mutate: false, record: (p) => found.push(p) });
  return found.map((p) => toFieldPath(p, patch, lists)).sort(compareGoStrings);
}

function collectLists(x: unknown, s: JSONSchema | undefined, registry: SchemaRegistry, path: string, lists: Map<string, JSONSchema>): void {
  if (!s) return;
  const r = registry.resolve(s);
  if (Array.isArray(x)) {
    lists.set(path, r);
    x.forEach((v, i) => collectLists(v, r.items as JSONSchema | undefined, registry, `${path}[${i}]`, lists));
  } else if (isObject(x)) {
    const props = (r.properties as Record<string, JSONSchema> | undefined) ?? {};
    const ap = typeof r.additionalProperties === 'object' ? (r.additionalProperties as JSONSchema) : undefined;
    for (const [k, v] of Object.entries(x)) collectLists(v, props[k] ?? ap, registry, path ? `${path}.${k}` : k, lists);
  }
}

function toFieldPath(path: string, patch: unknown, lists: Map<string, JSONSchema>): string {
  let out = '';
  let cur: unknown = patch;
  let walked = '';
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[1] !== undefined) {
      out += `.${m[1]}`;
      walked = walked ? `${walked}.${m[1]}` : m[1];
      cur = isObject(cur) ? cur[m[1]] : undefined;
      continue;
    }
    const i = Number(m[2]);
    const list = lists.get(walked);
    const item = Array.isArray(cur) ? cur[i] : undefined;
    out += listElement(list, item, i);
    walked = `${walked}[${i}]`;
    cur = item;
  }
  return out;
}

// PathElement.String(): keys sorted by name, values as JSON.
function listElement(list: JSONSchema | undefined, item: unknown, i: number): string {
  const type = list?.['x-kubernetes-list-type'];
  const keys = (list?.['x-kubernetes-list-map-keys'] as string[] | undefined) ?? [];
  if (type === 'map' && keys.length > 0 && isObject(item)) {
    const parts = [...keys].sort(compareGoStrings).filter((k) => item[k] !== undefined).map((k) => `${k}=${JSON.stringify(item[k])}`);
    return `[${parts.join(',')}]`;
  }
  if (type === 'set') return `[=${JSON.stringify(item)}]`;
  return `[${i}]`;
}

/** Who the patch is for, as objectGVKNN prints it: `<namespace>/<name>; <group>/<version>, Kind=<kind>`. */
export interface ApplyTarget {
  namespace: string;
  name: string;
  apiVersion: string;
  kind: string;
}

/** The message of the apply error for unknown fields (one line, or `errors:` and indented lines for several). */
export function ssaUnknownFieldsMessage(paths: string[], target: ApplyTarget): string {
  const gv = target.apiVersion.includes('/') ? target.apiVersion : `/${target.apiVersion}`;
  const errs = paths.map((p) => `${p}: field not declared in schema`);
  const body = errs.length === 1 ? errs[0] : ['errors:', ...errs.map((e) => `  ${e}`)].join('\n');
  return `failed to create typed patch object (${target.namespace}/${target.name}; ${gv}, Kind=${target.kind}): ${body}`;
}
