/**
 * Binds the schema engine (src/api/schema) and the patch algorithms (./patch) to the
 * API server's contracts: SchemaOps, FieldManager and Patcher. Built-in kinds decode
 * like Go structs (unknown fields dropped everywhere); platform kinds and CRDs follow
 * structural-schema rules, as custom resources do in kube.
 */
import type { JSONSchema, KubeObject } from '../api/types.js';
import { SchemaRegistry, applyDefaults, findUnknownFields, pruneUnknown, validateAgainstSchema, validateObjectMeta, nameIsDNSSubdomain } from '../api/schema/index.js';
import { rfc3339 } from '../lib/clock.js';
import type { FieldManager, SchemaOps } from './admission/admission.js';
import type { Patcher, PatchType } from './handlers/patch.js';
import { parseJson } from './http/body.js';
import { apply } from './patch/apply.js';
import { applyJsonPatch } from './patch/json-patch.js';
import { applyMergePatch } from './patch/merge-patch.js';
import { strategicMergePatch } from './patch/strategic-merge.js';
import { trackUpdate } from './patch/track-update.js';
import type { SchemaResolver } from './patch/schema-walker.js';
import type { ServedResource } from './registry/resource-registry.js';
import { badRequest } from '../api/errors.js';

type Json = Parameters<typeof applyMergePatch>[0];

/** The shared schema components of all served kinds. */
export function buildSchemaRegistry(components: Map<string, JSONSchema>): SchemaRegistry {
  const reg = new SchemaRegistry();
  for (const [name, s] of components) reg.add(name, s);
  return reg;
}

function isBuiltin(res: ServedResource): boolean {
  return !res.custom && res.strategicMerge === true;
}

/** SchemaOps over the engine. */
export function schemaOps(registry: SchemaRegistry, now: () => number): SchemaOps & { root(res: ServedResource): JSONSchema } {
  const roots = new WeakMap<ServedResource, JSONSchema>();
  const root = (res: ServedResource) => {
    let s = roots.get(res);
    if (!s) {
      for (const [n, d] of Object.entries(res.definitions ?? {})) if (!registry.has(n)) registry.add(n, d);
      s = registry.resolve(res.schema);
      roots.set(res, s);
    }
    return s;
  };
  void now;
  return {
    root,
    unknownFields: (res, obj) => findUnknownFields(obj, root(res), registry, { builtin: isBuiltin(res) }),
    prune: (res, obj) => void pruneUnknown(obj, root(res), registry, { builtin: isBuiltin(res) }),
    applyDefaults: (res, obj) => applyDefaults(obj, root(res), registry),
    validate: (res, obj) => {
      const causes = validateAgainstSchema(obj, root(res), registry, { builtin: isBuiltin(res) });
      // Built-in kinds validate their metadata in their own strategies (ResourceDef.validate).
      if (!isBuiltin(res)) causes.unshift(...validateObjectMeta(obj.metadata, { namespaced: res.namespaced, nameFn: nameIsDNSSubdomain }));
      return causes;
    },
  };
}

/** The field manager over the patch package's apply and update tracking. */
export function fieldManager(ops: { root(res: ServedResource): JSONSchema }, registry: SchemaRegistry, now: () => number): FieldManager {
  const resolve: SchemaResolver = (s) => registry.resolve(s);
  const ignored = (res: ServedResource, sub?: string) => (res.subresources.includes('status') ? (sub === 'status' ? [['spec'], ['metadata']] : [['status']]) : []);
  return {
    update: (res, old, obj, manager, sub) =>
      trackUpdate(old, obj, { manager, apiVersion: res.apiVersion, now: rfc3339(now()), schema: ops.root(res), resolve, subresource: sub, ignoredFields: ignored(res, sub) }),
    apply: (res, live, applied, manager, force, sub) =>
      apply(live, applied, { manager, force, apiVersion: res.apiVersion, now: rfc3339(now()), schema: ops.root(res), resolve, subresource: sub, ignoredFields: ignored(res, sub) }),
  };
}

/** The non-apply patcher. */
export function patcher(ops: { root(res: ServedResource): JSONSchema }, registry: SchemaRegistry): Patcher {
  const resolve: SchemaResolver = (s) => registry.resolve(s);
  return {
    patch(type: Exclude<PatchType, 'apply'>, res, live, body) {
      const p = parseJson(body) as Json;
      if (type === 'json') {
        if (!Array.isArray(p)) throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
        return applyJsonPatch(live as unknown as Json, p as never) as unknown as KubeObject;
      }
      if (p === null || typeof p !== 'object' || Array.isArray(p)) throw badRequest(`error decoding patch: json: cannot unmarshal ${Array.isArray(p) ? 'array' : typeof p} into Go value of type map[string]interface {}`);
      if (type === 'merge') return applyMergePatch(live as unknown as Json, p) as unknown as KubeObject;
      return strategicMergePatch(live as never, p as never, ops.root(res), resolve) as unknown as KubeObject;
    },
  };
}
