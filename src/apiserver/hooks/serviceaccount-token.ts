/** POST serviceaccounts/<name>/token: a TokenRequest answered with a signed, bound token (kube's TokenREST). */
import { badRequest } from '../../api/errors.js';
import { rfc3339 } from '../../lib/clock.js';
import type { ServiceAccountTokens } from '../authn/authenticator.js';
import { decodeObjectBody } from '../http/body.js';
import type { HookHandler } from '../server.js';

/** kube's minimum and default token lifetimes (10 minutes; 1 hour). */
const MIN_SECONDS = 600;
const DEFAULT_SECONDS = 3600;

/** Builds the token subresource handler over a signer. */
export function serviceAccountToken(tokens: ServiceAccountTokens): HookHandler {
  return async (d, req) => {
    if (req.method !== 'POST') throw badRequest('token accepts only POST');
    const sa = await d.store.get(req.res, req.info.namespace, req.info.name!);
    const body = req.body?.length ? decodeObjectBody(req.body, req.headers['content-type'], d.protobuf) : { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', metadata: {} };
    const spec = (body.spec ?? {}) as { audiences?: string[]; expirationSeconds?: number };
    const seconds = spec.expirationSeconds ?? DEFAULT_SECONDS;
    if (seconds < MIN_SECONDS) throw badRequest(`spec.expirationSeconds: Invalid value: ${seconds}: may not specify a duration less than 10 minutes`);
    const now = d.clock.now();
    const token = tokens.issue(req.info.namespace!, sa.metadata.name!, sa.metadata.uid!, now, seconds, spec.audiences?.length ? spec.audiences : undefined);
    return {
      code: 201,
      body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', metadata: { name: sa.metadata.name, namespace: req.info.namespace, creationTimestamp: rfc3339(now) }, spec: { audiences: spec.audiences ?? [], expirationSeconds: seconds }, status: { token, expirationTimestamp: rfc3339(now + seconds * 1000) } },
    };
  };
}
