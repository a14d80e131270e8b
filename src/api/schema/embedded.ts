/**
 * Validation of `x-kubernetes-embedded-resource` objects (`apiextensions-apiserver/pkg/apiserver/schema/objectmeta/validation.go`):
 * apiVersion and kind required and well-formed, metadata valid ObjectMeta whose name is a path
 * segment (`path.ValidatePathSegmentName`), an empty name standing in as "fakename".
 */
import type { FieldCause, JSONSchema, ObjectMeta } from '../types.js';
import { child, invalidValue, required } from './field-error.js';
import { validateObjectMeta } from './meta-validation.js';
import { isDNS1035Label, validatePathSegmentName } from './name-validation.js';
import { isObject, pruneWalk } from './prune-walk.js';
import type { SchemaRegistry } from './resolver.js';

/** Validates every embedded resource below the root of `obj`. */
export function validateEmbeddedResources(obj: unknown, schema: JSONSchema, registry: SchemaRegistry): FieldCause[] {
  const out: FieldCause[] = [];
  pruneWalk(obj, schema, '', {
    registry,
    mutate: false,
    record: () => {},
    onEmbedded: (path, x) => out.push(...validateEmbedded(path, x)),
  }, true);
  return out;
}

function validateEmbedded(path: string, x: Record<string, unknown>): FieldCause[] {
  const out: FieldCause[] = [];
  if (!Object.hasOwn(x, 'apiVersion')) out.push(required(child(path, 'apiVersion')));
  if (!Object.hasOwn(x, 'kind')) out.push(required(child(path, 'kind')));
  for (const [k, v] of Object.entries(x)) {
    if (k === 'apiVersion') {
      if (typeof v !== 'string') out.push(invalidValue(child(path, k), v, 'must be a string'));
      else if (v === '') out.push(required(child(path, k)));
      else if (v.split('/').length > 2) out.push(invalidValue(child(path, k), v, `unexpected GroupVersion string: ${v}`));
    } else if (k === 'kind') {
      if (typeof v !== 'string') out.push(invalidValue(child(path, k), v, 'must be a string'));
      else if (v === '') out.push(required(child(path, k)));
      else {
        const errs = isDNS1035Label(v.toLowerCase());
        if (errs.length > 0) out.push(invalidValue(child(path, k), v, `may have mixed case, but should otherwise match: ${errs.join(',')}`));
      }
    } else if (k === 'metadata' && isObject(v)) {
      const meta = { ...(v as ObjectMeta) };
      if (!meta.name) meta.name = 'fakename';
      out.push(...validateObjectMeta(meta, { namespaced: !!meta.namespace, nameFn: validatePathSegmentName, path: child(path, 'metadata') }));
    }
  }
  return out;
}
