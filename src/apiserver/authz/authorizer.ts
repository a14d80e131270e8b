/**
 * The Authorizer contract, kube's union authorizer and the `system:masters` fast path
 * (`staging/src/k8s.io/apiserver/pkg/authorization/{authorizer/interfaces.go,union/union.go,
 * authorizerfactory/builtin.go}`), and the request filter's decision (`endpoints/filters/authorization.go`).
 */
import type { Attributes, UserInfo } from './attributes.js';
import type { PolicyRule } from './rbac-types.js';
import { forbiddenError } from './forbidden.js';
import { internalError } from '../../api/errors.js';

/** An authorizer's answer; `noopinion` lets the next authorizer in a union decide. */
export type Decision = 'allow' | 'deny' | 'noopinion';

/** The outcome of one authorization: decision, reason, and an evaluation error if one occurred. */
export interface AuthorizationResult {
  decision: Decision;
  reason: string;
  error?: Error;
}

/** Decides one request. */
export interface Authorizer {
  authorize(attrs: Attributes): AuthorizationResult;
}

/** The rules a subject holds in a namespace, for SelfSubjectRulesReview (authorizer.RuleResolver). */
export interface RulesResult {
  resourceRules: PolicyRule[];
  nonResourceRules: PolicyRule[];
  incomplete: boolean;
  error?: Error;
}

/** Enumerates a user's rules. */
export interface RuleResolver {
  rulesFor(user: UserInfo, namespace: string): RulesResult;
}

/** The group whose members may do anything (user.SystemPrivilegedGroup). */
export const SYSTEM_MASTERS = 'system:masters';

/** Tries each authorizer in turn: the first allow or deny wins; reasons of the others are joined with newlines. */
export function unionAuthorizer(...authorizers: Authorizer[]): Authorizer {
  return {
    authorize(attrs) {
      const reasons: string[] = [];
      const errors: Error[] = [];
      for (const a of authorizers) {
        const r = a.authorize(attrs);
        if (r.error) errors.push(r.error);
        if (r.reason) reasons.push(r.reason);
        if (r.decision !== 'noopinion') return r;
      }
      const error = errors.length === 0 ? undefined : new Error(errors.length === 1 ? errors[0].message : `[${errors.map((e) => e.message).join(', ')}]`);
      return { decision: 'noopinion', reason: reasons.join('\n'), ...(error ? { error } : {}) };
    },
  };
}

/** Allows members of any of the groups, with an empty reason, as NewPrivilegedGroups does. */
export function privilegedGroupsAuthorizer(...groups: string[]): Authorizer {
  return {
    authorize(attrs) {
      if (attrs.user.groups.some((g) => groups.includes(g))) return { decision: 'allow', reason: '' };
      return { decision: 'noopinion', reason: '' };
    },
  };
}

/** Concatenates the rules of several resolvers; incomplete if any is (union.go `RulesFor`). */
export function unionRuleResolver(...resolvers: RuleResolver[]): RuleResolver {
  return {
    rulesFor(user, namespace) {
      const out: RulesResult = { resourceRules: [], nonResourceRules: [], incomplete: false };
      const errors: Error[] = [];
      for (const r of resolvers) {
        const part = r.rulesFor(user, namespace);
        out.resourceRules.push(...part.resourceRules);
        out.nonResourceRules.push(...part.nonResourceRules);
        out.incomplete ||= part.incomplete;
        if (part.error) errors.push(part.error);
      }
      if (errors.length > 0) out.error = new Error(errors.length === 1 ? errors[0].message : `[${errors.map((e) => e.message).join(', ')}]`);
      return out;
    },
  };
}

/** What the authorization filter records for audit (`authorization.k8s.io/decision` and `/reason`). */
export interface AuditAnnotations {
  'authorization.k8s.io/decision'?: 'allow' | 'forbid';
  'authorization.k8s.io/reason': string;
}

/**
 * The authorization filter's step: returns the audit annotations on allow; throws a
 * Forbidden StatusError otherwise, or InternalError when evaluation failed (kube then
 * records the audit reason `internal error`).
 */
export function authorizeRequest(authorizer: Authorizer, attrs: Attributes): AuditAnnotations {
  const r = authorizer.authorize(attrs);
  // An authorizer such as RBAC may hit errors and still allow: check the decision first, as kube does.
  if (r.decision === 'allow') return { 'authorization.k8s.io/decision': 'allow', 'authorization.k8s.io/reason': r.reason };
  if (r.error) throw internalError(r.error);
  throw forbiddenError(attrs, r.reason);
}
