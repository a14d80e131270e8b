/** Parses `TYPE[,TYPE] [NAME...]` and `TYPE/NAME...` arguments into resolved requests. */
import { CliError } from './cli-error.js';
import type { ApiResource } from './api-resources.js';
import { resolveType, resolveTypeList } from './resolve-types.js';

/** One resource type with the names asked for (none: the whole collection). */
export interface TypeRequest {
  resource: ApiResource;
  names: string[];
}

/** Resolves command arguments the way kubectl's resource builder does. */
export function parseTypeArgs(args: string[], all: ApiResource[], verb: string): TypeRequest[] {
  if (args.length === 0) throw new CliError(`error: you must specify the type of resource to ${verb}. Use "kubectl api-resources" for a complete list of supported resources.`);
  if (args.some((a) => a.includes('/'))) {
    const out: TypeRequest[] = [];
    for (const a of args) {
      const i = a.indexOf('/');
      if (i <= 0 || i === a.length - 1) throw new CliError(`error: arguments in resource/name form must have a single resource and name`);
      const [resource] = resolveType(a.slice(0, i), all);
      const last = out[out.length - 1];
      if (last && last.resource === resource) last.names.push(a.slice(i + 1));
      else out.push({ resource, names: [a.slice(i + 1)] });
    }
    return out;
  }
  const names = args.slice(1);
  return resolveTypeList(args[0], all).map((resource) => ({ resource, names: [...names] }));
}
