/**
 * OpenAPI v2 (`/openapi/v2`) as gnostic protobuf, derived from the same per group-version
 * documents /openapi/v3 serves, so both always describe the same kinds. kubectl 1.32 reads
 * it in two places: client-side validation, which it falls back to for `kind: List`
 * documents (cli-runtime `query_param_verifier_v3.go` answers "unsupported" for v1/List and
 * kubectl `pkg/validation/schema.go` then validates each item against the definition whose
 * `x-kubernetes-group-version-kind` matches), and `apply`'s choice of patch type when v3
 * offers no strategic merge (kubectl `pkg/cmd/apply/patcher.go` getPatchTypeFromOpenAPI reads
 * the `consumes` of the kind's PATCH operation, so CRD-style kinds must not list SMP).
 */
import { createHash } from 'node:crypto';
import type { JSONSchema } from '../../api/types.js';
import type { ResourceRegistry } from '../registry/resource-registry.js';
import { openapiV2DocumentType } from './gnostic-v2-proto.js';
import type { OpenApiV3 } from './openapi-v3.js';
import { toV2Schema, vendorExtensions, type GnosticMessage } from './v2-schema.js';

/** The encoded document with its ETag value. */
export interface EncodedV2 {
  bytes: Uint8Array;
  etag: string;
}

type V3Op = { operationId?: string; tags?: string[]; description?: string; parameters?: JSONSchema[]; requestBody?: { content?: Record<string, { schema?: JSONSchema }>; required?: boolean }; responses?: Record<string, { description?: string; content?: Record<string, { schema?: JSONSchema }> }> } & Record<string, unknown>;
type V3Doc = { paths: Record<string, Record<string, V3Op>>; components: { schemas: Record<string, JSONSchema> } };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;

/**
 * Built-in types whose v2 form is not their v3 form: apimachinery gives them OpenAPISchemaType
 * "string" for v2 and anyOf only for v3 (`pkg/util/intstr/intstr.go` with format "int-or-string",
 * `pkg/api/resource/quantity.go`). kubectl accepts any scalar for a `string` field.
 */
const V2_ONLY: Record<string, { type: string; format?: string }> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: 'string', format: 'int-or-string' },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: 'string' },
};

/** Builds, encodes and caches the OpenAPI v2 document; rebuilt after the registry changes (CRDs). */
export class OpenApiV2 {
  private cached?: EncodedV2;

  constructor(private readonly registry: ResourceRegistry, private readonly v3: Pick<OpenApiV3, 'doc'>) {
    registry.onChange(() => (this.cached = undefined));
  }

  /** The encoded gnostic `openapi_v2.Document`. */
  encoded(): EncodedV2 {
    if (!this.cached) {
      const bytes = openapiV2DocumentType().encode(this.document()).finish();
      this.cached = { bytes, etag: createHash('sha512').update(bytes).digest('hex').toUpperCase() };
    }
    return this.cached;
  }

  /** The document as a gnostic message object (before encoding). */
  document(): GnosticMessage {
    const schemas = new Map<string, JSONSchema>();
    const paths: GnosticMessage[] = [];
    for (const { group, versions } of this.registry.groups()) {
      for (const v of versions) {
        const doc = JSON.parse(this.v3.doc(group, v).json) as V3Doc;
        for (const [n, s] of Object.entries(doc.components.schemas)) if (!schemas.has(n)) schemas.set(n, s);
        for (const [p, item] of Object.entries(doc.paths)) paths.push({ name: p, value: pathItem(p, item) });
      }
    }
    const refs = new Set<string>();
    const definitions = [...schemas].map(([name, s]) => {
      const value = toV2Schema(s, refs);
      const v2 = V2_ONLY[name];
      return { name, value: v2 ? { ...value, type: { value: [v2.type] }, ...(v2.format ? { format: v2.format } : {}) } : value };
    });
    // kubectl refuses the whole document over one dangling reference ("unknown model in
    // reference"); an unresolved name is published as an open schema instead.
    for (const r of refs) if (!schemas.has(r)) definitions.push({ name: r, value: { description: `${r} (schema not published)` } });
    definitions.sort((a, b) => a.name.localeCompare(b.name));
    paths.sort((a, b) => String(a.name).localeCompare(String(b.name)));
    return {
      swagger: '2.0',
      info: { title: 'Kubernetes', version: 'v1.32.0' },
      paths: { path: paths },
      definitions: { additional_properties: definitions },
      // As kube publishes it (any `GET /openapi/v2` of a 1.32 API server): bearer tokens in the Authorization header.
      security_definitions: { additional_properties: [{ name: 'BearerToken', value: { api_key_security: { type: 'apiKey', name: 'authorization', in: 'header', description: 'Bearer Token authentication' } } }] },
      security: [{ additional_properties: [{ name: 'BearerToken', value: { value: [] } }] }],
    };
  }
}

function pathItem(path: string, item: Record<string, V3Op>): GnosticMessage {
  const out: GnosticMessage = {};
  for (const m of METHODS) if (item[m]) out[m] = operation(item[m]);
  const params = [...path.matchAll(/\{([^}]+)\}/g)].map((x) => ({
    parameter: { non_body_parameter: { path_parameter_sub_schema: { name: x[1], in: 'path', required: true, type: 'string', unique_items: true, description: `${x[1]} of the object` } } },
  }));
  if (params.length) out.parameters = params;
  return out;
}

function operation(op: V3Op): GnosticMessage {
  const refs = new Set<string>();
  const params: GnosticMessage[] = (op.parameters ?? []).map((p) => {
    const schema = (p.schema ?? {}) as JSONSchema;
    const q: GnosticMessage = { name: p.name, in: p.in, description: p.description ?? '', type: schema.type ?? 'string' };
    if (schema.uniqueItems === true) q.unique_items = true;
    return { parameter: { non_body_parameter: { [p.in === 'path' ? 'path_parameter_sub_schema' : 'query_parameter_sub_schema']: q } } };
  });
  const body = op.requestBody?.content;
  const bodySchema = body && Object.values(body)[0]?.schema;
  if (bodySchema) params.unshift({ parameter: { body_parameter: { name: 'body', in: 'body', required: op.requestBody?.required === true, schema: toV2Schema(bodySchema, refs) } } });
  const responses = Object.entries(op.responses ?? {}).map(([code, r]) => {
    const schema = r.content && Object.values(r.content)[0]?.schema;
    return { name: code, value: { response: { description: r.description ?? '', ...(schema ? { schema: { schema: toV2Schema(schema, refs) } } : {}) } } };
  });
  const produces = [...new Set(Object.values(op.responses ?? {}).flatMap((r) => Object.keys(r.content ?? {})))];
  return {
    tags: op.tags ?? [],
    description: op.description ?? '',
    operation_id: op.operationId ?? '',
    // v3 lists request media types as requestBody.content; v2 as `consumes` (`*/*` for bodiless operations, as kube does).
    consumes: body ? Object.keys(body) : ['*/*'],
    produces: produces.length ? produces : ['application/json'],
    parameters: params,
    responses: { response_code: responses },
    schemes: ['https'],
    vendor_extension: vendorExtensions(op),
  };
}
