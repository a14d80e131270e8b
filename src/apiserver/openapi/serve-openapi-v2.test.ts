import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { OpenApiV2 } from './openapi-v2.js';
import { OPENAPI_V2_PROTOBUF, acceptsOpenApiV2Protobuf, serveOpenApiV2 } from './serve-openapi-v2.js';

const KUBECTL_ACCEPT = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';

describe('acceptsOpenApiV2Protobuf', () => {
  it.each([
    [KUBECTL_ACCEPT, true],
    [OPENAPI_V2_PROTOBUF, true],
    [`application/json;q=0.9, ${OPENAPI_V2_PROTOBUF}`, true],
    [`${KUBECTL_ACCEPT};q=0`, false],
    ['application/json', false],
    ['*/*', false],
    [undefined, false],
  ])('%s → %s', (accept, want) => {
    expect(acceptsOpenApiV2Protobuf(accept)).toBe(want);
  });
});

/** A response double that records what was written. */
function recorder() {
  const r = { code: 0, headers: {} as Record<string, string>, body: undefined as unknown };
  const out = {
    writeHead: (code: number, headers: Record<string, string>) => Object.assign(r, { code, headers }),
    end: (body?: unknown) => void (r.body = body),
  } as unknown as ServerResponse;
  return { r, out };
}

describe('serveOpenApiV2', () => {
  const bytes = Uint8Array.from([0x0a, 0x03, 0x32, 0x2e, 0x30]);
  const v2 = { encoded: () => ({ bytes, etag: 'ABC' }) } as unknown as OpenApiV2;
  const req = (headers: Record<string, string>, method = 'GET') => ({ method, headers }) as unknown as IncomingMessage;

  it('answers the protobuf Accept with the bytes, kube’s Content-Type and an ETag', () => {
    const { r, out } = recorder();
    expect(serveOpenApiV2(v2, req({ accept: KUBECTL_ACCEPT }), out)).toBe(true);
    expect(r).toEqual({ code: 200, headers: { 'Content-Type': OPENAPI_V2_PROTOBUF, Etag: '"ABC"', 'Cache-Control': 'no-cache, private', 'Content-Length': '5' }, body: bytes });
  });

  it('answers 304 to a matching If-None-Match', () => {
    const { r, out } = recorder();
    expect(serveOpenApiV2(v2, req({ accept: KUBECTL_ACCEPT, 'if-none-match': '"ABC"' }), out)).toBe(true);
    expect(r.code).toBe(304);
    expect(r.body).toBeUndefined();
  });

  it('writes nothing for JSON, no Accept, or another method (the server then 404s or 405s)', () => {
    for (const [headers, method] of [[{ accept: 'application/json' }, 'GET'], [{}, 'GET'], [{ accept: KUBECTL_ACCEPT }, 'POST']] as const) {
      const { r, out } = recorder();
      expect(serveOpenApiV2(v2, req(headers, method), out)).toBe(false);
      expect(r.code).toBe(0);
    }
  });
});
