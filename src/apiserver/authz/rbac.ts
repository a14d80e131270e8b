/**
 * The RBAC authorizer: allows a request when any rule bound to the user matches it
 * (`plugin/pkg/auth/authorizer/rbac/rbac.go` `Authorize`, `RuleAllows`, `RulesFor`;
 * matching helpers from `pkg/apis/rbac/v1/evaluation_helpers.go`).
 */
import type { Attributes, UserInfo } from './attributes.js';
import type { Authorizer, AuthorizationResult, RuleResolver, RulesResult } from './authorizer.js';
import type { ClusterRole, ClusterRoleBinding, PolicyRule, Role, RoleBinding } from './rbac-types.js';
import { aggregateMessage, rulesFor, visitRulesFor, type RbacSource } from './rule-resolver.js';

/** `*`: every verb, group, resource or non-resource URL. */
export const ALL = '*';

/** Whether the rule lists the verb or `*`. */
export function verbMatches(rule: PolicyRule, verb: string): boolean {
  return rule.verbs.includes(ALL) || rule.verbs.includes(verb);
}

/** Whether the rule lists the API group or `*`. */
export function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  const groups = rule.apiGroups ?? [];
  return groups.includes(ALL) || groups.includes(group);
}

/** Whether the rule covers `resource[/subresource]`: `*`, an exact entry, or `*\/subresource`. */
export function resourceMatches(rule: PolicyRule, combined: string, subresource: string): boolean {
  for (const r of rule.resources ?? []) {
    if (r === ALL || r === combined) return true;
    if (subresource && r === `*/${subresource}`) return true;
  }
  return false;
}

/** Whether the rule has no resourceNames or lists the name. */
export function resourceNameMatches(rule: PolicyRule, name: string): boolean {
  const names = rule.resourceNames ?? [];
  return names.length === 0 || names.includes(name);
}

/** Whether the rule covers the path: `*`, exact, or a prefix ending in `*`. */
export function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  for (const u of rule.nonResourceURLs ?? []) {
    if (u === ALL || u === path) return true;
    if (u.endsWith('*') && path.startsWith(u.replace(/\*+$/, ''))) return true;
  }
  return false;
}

/** Whether one rule allows the request (`RuleAllows`). */
export function ruleAllows(attrs: Attributes, rule: PolicyRule): boolean {
  if (!attrs.resourceRequest) return verbMatches(rule, attrs.verb) && nonResourceURLMatches(rule, attrs.path);
  const combined = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
  return verbMatches(rule, attrs.verb) && apiGroupMatches(rule, attrs.apiGroup)
    && resourceMatches(rule, combined, attrs.subresource) && resourceNameMatches(rule, attrs.name);
}

/** RBAC over a source of roles and bindings; never denies, only allows or has no opinion. */
export class RbacAuthorizer implements Authorizer, RuleResolver {
  constructor(readonly source: RbacSource) {}

  /** Allows with `RBAC: allowed by <binding>`; otherwise no opinion, with `RBAC: <errors>` if any arose. */
  authorize(attrs: Attributes): AuthorizationResult {
    let reason = '';
    const errors: Error[] = [];
    visitRulesFor(this.source, attrs.user, attrs.namespace, (source, rule, err) => {
      if (rule && source && ruleAllows(attrs, rule)) {
        reason = `RBAC: allowed by ${source.toString()}`;
        return false;
      }
      if (err) errors.push(err);
      return true;
    });
    if (reason) return { decision: 'allow', reason };
    return { decision: 'noopinion', reason: errors.length > 0 ? `RBAC: ${aggregateMessage(errors)}` : '' };
  }

  /** The user's rules split into resource and non-resource rules; never incomplete. */
  rulesFor(user: UserInfo, namespace: string): RulesResult {
    const { rules, errors } = rulesFor(this.source, user, namespace);
    const out: RulesResult = { resourceRules: [], nonResourceRules: [], incomplete: false };
    for (const r of rules) {
      if ((r.resources ?? []).length > 0) out.resourceRules.push({ verbs: r.verbs, apiGroups: r.apiGroups, resources: r.resources, resourceNames: r.resourceNames });
      if ((r.nonResourceURLs ?? []).length > 0) out.nonResourceRules.push({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs });
    }
    if (errors.length > 0) out.error = new Error(aggregateMessage(errors));
    return out;
  }
}

/** An RbacSource over fixed lists of objects (tests, bootstrap, or a snapshot of informer caches). */
export function staticRbacSource(objects: { roles?: Role[]; clusterRoles?: ClusterRole[]; roleBindings?: RoleBinding[]; clusterRoleBindings?: ClusterRoleBinding[] }): RbacSource {
  const roles = new Map((objects.roles ?? []).map((r) => [`${r.metadata.namespace}/${r.metadata.name}`, r]));
  const clusterRoles = new Map((objects.clusterRoles ?? []).map((r) => [r.metadata.name ?? '', r]));
  return {
    getRole: (ns, name) => roles.get(`${ns}/${name}`),
    getClusterRole: (name) => clusterRoles.get(name),
    listRoleBindings: (ns) => (objects.roleBindings ?? []).filter((b) => b.metadata.namespace === ns),
    listClusterRoleBindings: () => objects.clusterRoleBindings ?? [],
  };
}
