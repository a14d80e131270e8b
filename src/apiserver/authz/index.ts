/**
 * @module authz: RBAC authorization as kube-apiserver does it: request attributes,
 * the RBAC authorizer over a source of roles and bindings, the `system:masters` fast path,
 * Forbidden messages, escalation checks on RBAC writes, access and rules reviews, and the
 * bootstrap policy.
 */
import { privilegedGroupsAuthorizer, SYSTEM_MASTERS, unionAuthorizer, type Authorizer, type RuleResolver } from './authorizer.js';
import { RbacAuthorizer } from './rbac.js';
import type { RbacSource } from './rule-resolver.js';

export * from './attributes.js';
export * from './authorizer.js';
export * from './forbidden.js';
export * from './rbac.js';
export * from './rbac-types.js';
export * from './rule-resolver.js';
export * from './aggregation.js';
export * from './covers.js';
export * from './escalation.js';
export * from './rules-review.js';
export { defaultPolicy, bootstrapClusterRoles, bootstrapClusterRoleBindings } from './default-roles.js';
export { platformClusterRoles, platformClusterRoleBindings } from './platform-roles.js';

/** kube-apiserver's chain for `--authorization-mode=RBAC`: system:masters first, then RBAC; and RBAC as the rule resolver. */
export function newAuthorizer(source: RbacSource): { authorizer: Authorizer; ruleResolver: RuleResolver } {
  const rbac = new RbacAuthorizer(source);
  return { authorizer: unionAuthorizer(privilegedGroupsAuthorizer(SYSTEM_MASTERS), rbac), ruleResolver: rbac };
}
