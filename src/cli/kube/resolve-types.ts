/**
 * Resource-type resolution as kubectl does it from discovery: categories (`all`), short
 * names (`vm`, `pvc`), plural, singular and kind (case-insensitive), `resource.group`
 * and `resource.version.group`, and comma lists (`vm,vmi,dv`). The core group wins an
 * ambiguous name, then discovery order.
 */
import { CliError } from './cli-error.js';
import type { ApiResource } from './api-resources.js';

/** The "unknown type" error, worded as kubectl words it. */
export function unknownType(token: string): CliError {
  return new CliError(`error: the server doesn't have a resource type "${token}"`);
}

/** Resolves a comma-separated list of types; duplicates are dropped, order kept. */
export function resolveTypeList(arg: string, all: ApiResource[]): ApiResource[] {
  const out: ApiResource[] = [];
  const seen = new Set<string>();
  for (const token of arg.split(',')) {
    if (!token) continue;
    for (const r of resolveType(token, all)) {
      const key = `${r.group}/${r.version}/${r.plural}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(r);
      }
    }
  }
  if (out.length === 0) throw unknownType(arg);
  return out;
}

/** Resolves one token; a category yields every resource in it. */
export function resolveType(token: string, all: ApiResource[]): ApiResource[] {
  const t = token.toLowerCase();
  const preferred = all.filter((r) => r.preferred);
  const inCategory = preferred.filter((r) => r.categories.includes(t));
  if (inCategory.length > 0) return inCategory;
  const parts = t.split('.');
  if (parts.length >= 3) {
    const [name, version, ...group] = parts;
    const hit = match(name, all.filter((r) => r.version === version && r.group === group.join('.')));
    if (hit) return [hit];
  }
  if (parts.length >= 2) {
    const [name, ...group] = parts;
    const hit = match(name, preferred.filter((r) => r.group === group.join('.')));
    if (hit) return [hit];
  }
  const hit = match(t, preferred);
  if (hit) return [hit];
  throw unknownType(token);
}

function match(name: string, rs: ApiResource[]): ApiResource | undefined {
  return rs.find((r) => r.shortNames.includes(name)) ?? rs.find((r) => r.plural === name || r.singular === name || r.kind.toLowerCase() === name);
}
