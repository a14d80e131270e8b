/**
 * OpenAPI v3 (`/openapi/v3` index and one document per group-version), generated from
 * the served kinds' schemas. kubectl needs it for `apply` (server-side field validation
 * is detected from a PATCH operation carrying `x-kubernetes-group-version-kind` and a
 * `fieldValidation` query parameter; strategic merge from the PATCH request body's
 * media types) and for `explain` (components.schemas with the GVK extension).
 * (staging/src/k8s.io/cli-runtime/pkg/resource/query_param_verifier_v3.go)
 */
import { createHash } from 'node:crypto';
import type { JSONSchema } from '../../api/types.js';
import type { ResourceRegistry, ServedResource } from '../registry/resource-registry.js';
import { OpenApiV2 } from './openapi-v2.js';

const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const LIST_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta';
const REF = '#/components/schemas/';

/** Builds and caches the OpenAPI v3 documents of a registry. */
export class OpenApiV3 {
  private docs = new Map<string, { json: string; hash: string }>();
  /** The OpenAPI v2 (protobuf) document derived from these documents. */
  readonly v2: OpenApiV2;

  constructor(private readonly registry: ResourceRegistry, private readonly components: Map<string, JSONSchema>) {
    registry.onChange(() => this.docs.clear());
    this.v2 = new OpenApiV2(registry, this);
  }

  /** The `/openapi/v3` index: one serverRelativeURL per group-version. */
  index(): Record<string, unknown> {
    const paths: Record<string, { serverRelativeURL: string }> = {};
    for (const { group, versions } of this.registry.groups()) {
      for (const v of versions) {
        const key = group ? `apis/${group}/${v}` : `api/${v}`;
        paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${this.doc(group, v).hash}` };
      }
    }
    return { paths };
  }

  /** The document of one group-version as JSON text with its hash, or undefined. */
  doc(group: string, version: string): { json: string; hash: string } {
    const k = `${group}/${version}`;
    let d = this.docs.get(k);
    if (!d) {
      const json = JSON.stringify(this.build(group, version));
      d = { json, hash: createHash('sha512').update(json).digest('hex').toUpperCase() };
      this.docs.set(k, d);
    }
    return d;
  }

  private build(group: string, version: string): Record<string, unknown> {
    const resources = this.registry.resourcesOf(group, version);
    const schemas: Record<string, JSONSchema> = {};
    const paths: Record<string, unknown> = {};
    const pending: string[] = [];
    const need = (name: string) => {
      if (!(name in schemas) && this.components.has(name)) {
        schemas[name] = this.components.get(name)!;
        pending.push(name);
      }
    };
    for (const r of resources) {
      const root = this.rootSchema(r);
      schemas[r.schemaName] = root;
      pending.push(r.schemaName);
      for (const [n, s] of Object.entries(r.definitions ?? {})) if (!(n in schemas)) this.components.set(n, s);
      const listName = `${r.schemaName}List`;
      schemas[listName] = {
        type: 'object',
        description: `${r.listKind} is a list of ${r.kind}`,
        required: ['items'],
        properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, items: { type: 'array', items: { $ref: REF + r.schemaName } }, metadata: { $ref: REF + LIST_META } },
        'x-kubernetes-group-version-kind': [{ group: r.group, kind: r.listKind, version: r.version }],
      };
      need(LIST_META);
      Object.assign(paths, pathsOf(r));
    }
    for (const n of ['io.k8s.apimachinery.pkg.apis.meta.v1.Patch', 'io.k8s.apimachinery.pkg.apis.meta.v1.Status', 'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions']) need(n);
    schemas['io.k8s.apimachinery.pkg.apis.meta.v1.Patch'] ??= { type: 'object', description: 'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.' };
    while (pending.length) {
      for (const ref of refsIn(schemas[pending.pop()!])) need(ref);
    }
    return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.32.0' }, paths, components: { schemas } };
  }

  private rootSchema(r: ServedResource): JSONSchema {
    const ref = typeof r.schema.$ref === 'string' ? r.schema.$ref.slice(REF.length) : undefined;
    const base = (ref && this.components.get(ref)) || r.schema;
    const props = { ...((base.properties as Record<string, JSONSchema>) ?? {}) };
    // Platform and CRD schemas often leave metadata open; publish ObjectMeta as kube does for CRDs.
    if (!props.metadata || !('$ref' in props.metadata)) props.metadata = { $ref: REF + OBJECT_META };
    return { ...base, properties: props, 'x-kubernetes-group-version-kind': [{ group: r.group, kind: r.kind, version: r.version }] };
  }
}

function refsIn(s: unknown, out: string[] = []): string[] {
  if (Array.isArray(s)) for (const x of s) refsIn(x, out);
  else if (s && typeof s === 'object') {
    for (const [k, v] of Object.entries(s)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(REF)) out.push(v.slice(REF.length));
      else refsIn(v, out);
    }
  }
  return out;
}

const WRITE_PARAMS = ['dryRun', 'fieldManager', 'fieldValidation'].map((name) => ({ name, in: 'query', schema: { type: 'string', uniqueItems: true }, description: name }));

function op(r: ServedResource, action: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    operationId: `${action}${r.kind}`,
    tags: [r.group ? `${r.group.split('.')[0]}_${r.version}` : `core_${r.version}`],
    responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: REF + r.schemaName } } } } },
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': { group: r.group, version: r.version, kind: r.kind },
    ...extra,
  };
}

function pathsOf(r: ServedResource): Record<string, unknown> {
  const base = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  const coll = r.namespaced ? `${base}/namespaces/{namespace}/${r.plural}` : `${base}/${r.plural}`;
  const patchTypes = ['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml'];
  if (r.strategicMerge) patchTypes.push('application/strategic-merge-patch+json');
  const patchBody = { content: Object.fromEntries(patchTypes.map((t) => [t, { schema: { $ref: REF + 'io.k8s.apimachinery.pkg.apis.meta.v1.Patch' } }])), required: true };
  const objBody = { content: { '*/*': { schema: { $ref: REF + r.schemaName } } }, required: true };
  const force = { name: 'force', in: 'query', schema: { type: 'boolean', uniqueItems: true }, description: 'force' };
  const item: Record<string, unknown> = {};
  const collection: Record<string, unknown> = {};
  const has = (v: string) => r.verbs.includes(v);
  if (has('list')) collection.get = op(r, 'list');
  if (has('create')) collection.post = op(r, 'post', { parameters: WRITE_PARAMS, requestBody: objBody });
  if (has('deletecollection')) collection.delete = op(r, 'deletecollection');
  if (has('get')) item.get = op(r, 'get');
  if (has('update')) item.put = op(r, 'put', { parameters: WRITE_PARAMS, requestBody: objBody });
  if (has('patch')) item.patch = op(r, 'patch', { parameters: [...WRITE_PARAMS, force], requestBody: patchBody });
  if (has('delete')) item.delete = op(r, 'delete');
  const out: Record<string, unknown> = {};
  if (Object.keys(collection).length) out[coll] = collection;
  if (Object.keys(item).length) out[`${coll}/{name}`] = item;
  if (r.subresources.includes('status')) {
    out[`${coll}/{name}/status`] = { get: op(r, 'get'), put: op(r, 'put', { parameters: WRITE_PARAMS, requestBody: objBody }) };
  }
  return out;
}
