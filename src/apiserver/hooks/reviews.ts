/**
 * The create-only review resources: authorization.k8s.io access and rules reviews
 * (what `kubectl auth can-i` and `--list` send) and authentication.k8s.io TokenReview
 * and SelfSubjectReview (`kubectl auth whoami`). Nothing is stored.
 */
import { decodeObjectBody } from '../http/body.js';
import type { HookHandler, ServerDeps } from '../server.js';
import type { RuleResolver } from '../authz/authorizer.js';
import { selfSubjectAccessReview, selfSubjectRulesReview, subjectAccessReview } from '../authz/rules-review.js';
import { badRequest } from '../../api/errors.js';
import type { Authenticator } from '../authn/authenticator.js';
import type { RestRequest } from '../handlers/context.js';

/** Registers the review hooks. */
export function reviewHooks(hooks: Map<string, HookHandler>, resolver: RuleResolver, authenticator: Authenticator): void {
  const body = (d: ServerDeps, req: RestRequest) => decodeObjectBody(req.body ?? Buffer.alloc(0), req.headers['content-type'], d.protobuf);
  hooks.set('authorization.k8s.io/selfsubjectaccessreviews', async (d, req) => ({ code: 201, body: selfSubjectAccessReview(d.authorizer, req.user, body(d, req)) }));
  hooks.set('authorization.k8s.io/subjectaccessreviews', async (d, req) => ({ code: 201, body: subjectAccessReview(d.authorizer, body(d, req)) }));
  hooks.set('authorization.k8s.io/localsubjectaccessreviews', async (d, req) => {
    const review = body(d, req);
    const spec = (review.spec ?? {}) as { resourceAttributes?: { namespace?: string } };
    // The namespace of a LocalSubjectAccessReview must match its resourceAttributes (localsubjectaccessreview/rest.go).
    if (spec.resourceAttributes && spec.resourceAttributes.namespace !== req.info.namespace) {
      throw badRequest(`spec.resourceAttributes.namespace must match namespace: ${req.info.namespace}`);
    }
    return { code: 201, body: subjectAccessReview(d.authorizer, review) };
  });
  hooks.set('authorization.k8s.io/selfsubjectrulesreviews', async (d, req) => ({ code: 201, body: selfSubjectRulesReview(resolver, req.user, body(d, req)) }));
  hooks.set('authentication.k8s.io/selfsubjectreviews', async (d, req) => {
    const review = body(d, req);
    return { code: 201, body: { apiVersion: review.apiVersion, kind: 'SelfSubjectReview', metadata: { creationTimestamp: null }, status: { userInfo: { username: req.user.name, uid: req.user.uid, groups: req.user.groups, extra: req.user.extra } } } };
  });
  hooks.set('authentication.k8s.io/tokenreviews', async (d, req) => {
    const review = body(d, req);
    const token = (review.spec as { token?: string } | undefined)?.token ?? '';
    const user = token ? await authenticator.authenticate({ authorization: `Bearer ${token}` }) : undefined;
    const status = user
      ? { authenticated: true, user: { username: user.name, uid: user.uid, groups: user.groups, extra: user.extra } }
      : { authenticated: false, error: '[invalid bearer token, token lookup failed]' };
    return { code: 201, body: { ...review, metadata: { creationTimestamp: null }, status } };
  });
}
