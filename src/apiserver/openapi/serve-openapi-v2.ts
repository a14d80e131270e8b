/**
 * GET /openapi/v2, served only as gnostic protobuf. kube-openapi's handler accepts two
 * spellings of the media type, `application/com.github.proto-openapi.spec.v2@v1.0+protobuf`
 * (what kubectl 1.32 sends) and `application/com.github.proto-openapi.spec.v2.v1.0+protobuf`,
 * and answers with the dotted one (kubernetes/kube-openapi `pkg/handler/handler.go`,
 * subTypeProtobufDeprecated / subTypeProtobuf). ove publishes no JSON v2: any other Accept
 * falls through to the 404 the server gives unknown paths.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OpenApiV2 } from './openapi-v2.js';

/** The Content-Type of the answer (kube's non-deprecated spelling). */
export const OPENAPI_V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';
const ACCEPTED = new Set([OPENAPI_V2_PROTOBUF, 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf']);

/** True when the Accept header lists the v2 protobuf media type with a non-zero q. */
export function acceptsOpenApiV2Protobuf(accept: string | undefined): boolean {
  for (const range of (accept ?? '').split(',')) {
    const [type, ...params] = range.split(';').map((x) => x.trim());
    if (!ACCEPTED.has(type.toLowerCase())) continue;
    const q = params.find((p) => /^q\s*=/i.test(p));
    if (!q || Number(q.split('=')[1]) > 0) return true;
  }
  return false;
}

/** Answers a GET /openapi/v2 that asks for protobuf and returns true; otherwise writes nothing and returns false. */
export function serveOpenApiV2(v2: OpenApiV2, req: IncomingMessage, out: ServerResponse): boolean {
  if ((req.method ?? 'GET').toUpperCase() !== 'GET' || !acceptsOpenApiV2Protobuf(req.headers.accept)) return false;
  const doc = v2.encoded();
  const etag = `"${doc.etag}"`;
  const headers = { 'Content-Type': OPENAPI_V2_PROTOBUF, Etag: etag, 'Cache-Control': 'no-cache, private' };
  if (req.headers['if-none-match'] === etag) {
    out.writeHead(304, headers);
    out.end();
    return true;
  }
  out.writeHead(200, { ...headers, 'Content-Length': String(doc.bytes.byteLength) });
  out.end(doc.bytes);
  return true;
}
