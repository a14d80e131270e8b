/**
 * CDI's upload tokens and the create-only `upload.cdi.kubevirt.io/v1beta1`
 * UploadTokenRequest that issues them. As cdi-apiserver does (`pkg/apiserver/apiserver.go`
 * uploadHandler, `pkg/token`): the token is a signed JWT from issuer `cdi-apiserver`
 * carrying the operation `Upload`, the claim's namespace and name and the resource
 * `persistentvolumeclaims`, valid 5 minutes; cdi-uploadproxy accepts it with 10 s of
 * leeway. CDI signs with an RSA key kept in a Secret; ove signs with HMAC-SHA256 and a
 * key kept in the data dir (`pki/cdi-upload-token.key`), since the proxy lives in the
 * same process. Nothing is stored; RBAC's `create uploadtokenrequests` guards it.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { invalid } from '../../api/errors.js';
import { decodeObjectBody } from '../http/body.js';
import type { HookHandler } from '../server.js';

/** common.UploadTokenIssuer. */
export const UPLOAD_TOKEN_ISSUER = 'cdi-apiserver';
/** newUploadTokenGenerator: 5 minutes. */
export const UPLOAD_TOKEN_SECONDS = 300;
/** uploadproxy's uploadTokenLeeway. */
export const UPLOAD_TOKEN_LEEWAY_SECONDS = 10;

/** What an upload token says (token.Payload). */
export interface UploadTokenPayload {
  operation: string;
  name: string;
  namespace: string;
  resource: { group: string; version: string; resource: string };
}

const b64 = (s: string) => Buffer.from(s).toString('base64url');

/** Signs and validates upload tokens with one HMAC key. */
export class UploadTokens {
  constructor(private readonly key: Buffer) {}

  /** The signer whose key is kept at `path` (created on first use, mode 0600). */
  static fromFile(path: string): UploadTokens {
    if (!existsSync(path)) {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      writeFileSync(path, randomBytes(32).toString('hex'), { mode: 0o600 });
    }
    return new UploadTokens(Buffer.from(readFileSync(path, 'utf8').trim(), 'hex'));
  }

  /** A token for uploading into the claim `namespace/name`, issued at `nowMs`. */
  issue(namespace: string, name: string, nowMs: number): string {
    const iat = Math.floor(nowMs / 1000);
    const payload: UploadTokenPayload = { operation: 'Upload', name, namespace, resource: { group: '', version: 'v1', resource: 'persistentvolumeclaims' } };
    const head = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const body = b64(JSON.stringify({ iss: UPLOAD_TOKEN_ISSUER, iat, nbf: iat, exp: iat + UPLOAD_TOKEN_SECONDS, ...payload }));
    return `${head}.${body}.${this.sign(`${head}.${body}`)}`;
  }

  /** The payload of a valid, unexpired token; undefined otherwise. */
  validate(token: string, nowMs: number): UploadTokenPayload | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const want = Buffer.from(this.sign(`${parts[0]}.${parts[1]}`));
    const got = Buffer.from(parts[2]);
    if (want.length !== got.length || !timingSafeEqual(want, got)) return undefined;
    try {
      const c = JSON.parse(Buffer.from(parts[1], 'base64url').toString()) as UploadTokenPayload & { iss?: string; exp?: number; nbf?: number };
      const now = nowMs / 1000;
      if (c.iss !== UPLOAD_TOKEN_ISSUER || typeof c.exp !== 'number' || c.exp + UPLOAD_TOKEN_LEEWAY_SECONDS < now) return undefined;
      if (typeof c.nbf === 'number' && c.nbf - UPLOAD_TOKEN_LEEWAY_SECONDS > now) return undefined;
      return { operation: c.operation, name: c.name, namespace: c.namespace, resource: c.resource };
    } catch {
      return undefined;
    }
  }

  private sign(data: string): string {
    return createHmac('sha256', this.key).update(data).digest('base64url');
  }
}

/** Registers the UploadTokenRequest hook. */
export function registerUploadTokenHook(hooks: Map<string, HookHandler>, tokens: UploadTokens): void {
  hooks.set('upload.cdi.kubevirt.io/uploadtokenrequests', async (d, req) => {
    const body = decodeObjectBody(req.body ?? Buffer.alloc(0), req.headers['content-type'], d.protobuf);
    const pvcName = (body.spec as { pvcName?: unknown } | undefined)?.pvcName;
    if (typeof pvcName !== 'string' || !pvcName) {
      throw invalid('upload.cdi.kubevirt.io', 'UploadTokenRequest', body.metadata?.name ?? '', [{ reason: 'FieldValueRequired', field: 'spec.pvcName', message: 'Required value' }]);
    }
    const token = tokens.issue(req.info.namespace!, pvcName, d.clock.now());
    // cdi-apiserver answers with the request, its status filled in (WriteAsJson: 200).
    return { code: 200, body: { apiVersion: 'upload.cdi.kubevirt.io/v1beta1', kind: 'UploadTokenRequest', metadata: { ...(body.metadata ?? {}), namespace: req.info.namespace, creationTimestamp: null }, spec: { pvcName }, status: { token } } };
  });
}
