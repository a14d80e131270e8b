/**
 * The first step of every request (plain, websocket upgrade, or a wrapped listener such as
 * KubeVirt's subresources): authenticate, apply impersonation, authorize; the user the request
 * acts as, or a Status (401, 403, or impersonation's 500).
 */
import type { IncomingMessage } from 'node:http';
import { unauthorized } from './authn/authenticator.js';
import { impersonate } from './authn/impersonation.js';
import type { UserInfo } from './authn/user.js';
import { requestAttributes } from './authz/attributes.js';
import type { Authorizer } from './authz/authorizer.js';
import type { Authenticator } from './authn/authenticator.js';
import { forbiddenError } from './authz/forbidden.js';

/** Authenticates and authorizes `req` (path and query from `url`); returns the acting user or throws a StatusError. */
export async function authorizeRequest(deps: { authenticator: Authenticator; authorizer: Authorizer }, req: IncomingMessage, url: URL): Promise<UserInfo> {
  const authenticated = await deps.authenticator.authenticate(req.headers);
  if (!authenticated) throw unauthorized();
  const user = impersonate(authenticated, req.headers, deps.authorizer);
  const attrs = requestAttributes(user, (req.method ?? 'GET').toUpperCase(), url.pathname, url.searchParams);
  const decision = deps.authorizer.authorize(attrs);
  if (decision.decision !== 'allow') throw forbiddenError(attrs, decision.reason);
  return user;
}
