/**
 * RBAC escalation prevention on writes of roles and bindings, as kube's RBAC registry
 * enforces it (`pkg/registry/rbac/escalation_check.go`, `pkg/registry/rbac/{role,clusterrole,
 * rolebinding,clusterrolebinding}/policybased/storage.go`, `pkg/registry/rbac/validation/rule.go`
 * `ConfirmNoEscalation`).
 */
import { forbidden } from '../../api/errors.js';
import type { UserInfo } from './attributes.js';
import { SYSTEM_MASTERS, type Authorizer } from './authorizer.js';
import { compactRules, compactString, covers, goQuoteList } from './covers.js';
import type { ClusterRole, PolicyRule, Role, RoleBinding } from './rbac-types.js';
import { RBAC_GROUP } from './rbac-types.js';
import { roleReferenceRules, rulesFor, type RbacSource } from './rule-resolver.js';

/** Who is writing, where, and what RBAC they hold. `namespace` is the request's ('' for cluster-scoped kinds). */
export interface EscalationContext {
  user: UserInfo;
  namespace: string;
  authorizer: Authorizer;
  source: RbacSource;
}

/** Everything (`*` on `*.*` and on every URL): what an aggregationRule needs. */
const FULL_AUTHORITY: PolicyRule[] = [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, { verbs: ['*'], nonResourceURLs: ['*'] }];

/** Returns the escalation error message when the user does not hold all `rules`, else undefined. */
export function confirmNoEscalation(ctx: Pick<EscalationContext, 'user' | 'namespace' | 'source'>, rules: PolicyRule[]): string | undefined {
  const owner = rulesFor(ctx.source, ctx.user, ctx.namespace);
  const { covered, missing } = covers(owner.rules, rules);
  if (covered) return undefined;
  const descriptions = [...new Set(compactRules(missing).map(compactString))].sort();
  let msg = `user ${JSON.stringify(ctx.user.name)} (groups=${goQuoteList(ctx.user.groups)}) is attempting to grant RBAC permissions not currently held:\n${descriptions.join('\n')}`;
  // Go prints a []error with %v: space-separated inside brackets.
  if (owner.errors.length > 0) msg += `; resolution errors: [${owner.errors.map((e) => e.message).join(' ')}]`;
  return msg;
}

/** Throws Forbidden when a create or update of a Role/ClusterRole would grant what the writer lacks. */
export function checkRoleWrite(ctx: EscalationContext, kind: 'Role' | 'ClusterRole', obj: Role | ClusterRole, old?: Role | ClusterRole): void {
  if (old && isOnlyMutatingGCFields(obj, old)) return;
  if (escalationAllowed(ctx.user) || roleEscalationAuthorized(ctx, kind, obj)) return;
  const resource = kind === 'Role' ? 'roles' : 'clusterroles';
  const name = obj.metadata.name ?? '';
  const msg = confirmNoEscalation(ctx, obj.rules ?? []);
  if (msg) throw forbidden(RBAC_GROUP, resource, name, msg);
  if (kind !== 'ClusterRole') return;
  const aggregated = (r?: Role | ClusterRole) => (r as ClusterRole | undefined)?.aggregationRule != null;
  if ((aggregated(obj) || aggregated(old)) && confirmNoEscalation(ctx, FULL_AUTHORITY)) {
    throw forbidden(RBAC_GROUP, resource, name, 'must have cluster-admin privileges to use the aggregationRule');
  }
}

/** Throws Forbidden when a create or update of a RoleBinding/ClusterRoleBinding references a role the writer may not bind. */
export function checkBindingWrite(ctx: EscalationContext, kind: 'RoleBinding' | 'ClusterRoleBinding', obj: RoleBinding, old?: RoleBinding): void {
  if (old && isOnlyMutatingGCFields(obj, old)) return;
  if (escalationAllowed(ctx.user)) return;
  const bindingNamespace = kind === 'RoleBinding' ? obj.metadata.namespace ?? ctx.namespace : '';
  if (bindingAuthorized(ctx, obj.roleRef, bindingNamespace)) return;
  const resource = kind === 'RoleBinding' ? 'rolebindings' : 'clusterrolebindings';
  const name = obj.metadata.name ?? '';
  let rules: PolicyRule[];
  try {
    rules = roleReferenceRules(ctx.source, obj.roleRef, bindingNamespace);
  } catch (err) {
    throw forbidden(RBAC_GROUP, resource, name, (err as Error).message);
  }
  const msg = confirmNoEscalation(ctx, rules);
  if (msg) throw forbidden(RBAC_GROUP, resource, name, msg);
}

/** Members of system:masters may always escalate (the API server's own loopback identity is one). */
export function escalationAllowed(user: UserInfo): boolean {
  return user.groups.includes(SYSTEM_MASTERS);
}

// RoleEscalationAuthorized: the `escalate` verb on the role being written, any version.
function roleEscalationAuthorized(ctx: EscalationContext, kind: 'Role' | 'ClusterRole', obj: Role): boolean {
  const resource = kind === 'Role' ? 'roles' : 'clusterroles';
  return ctx.authorizer.authorize({
    user: ctx.user, verb: 'escalate', apiGroup: RBAC_GROUP, apiVersion: '*', resource, subresource: '',
    name: obj.metadata.name ?? '', namespace: kind === 'Role' ? obj.metadata.namespace ?? ctx.namespace : '', path: '', resourceRequest: true,
  }).decision === 'allow';
}

// BindingAuthorized: the `bind` verb on the referenced role, checked in the binding's namespace.
function bindingAuthorized(ctx: EscalationContext, roleRef: RoleBinding['roleRef'], bindingNamespace: string): boolean {
  const resource = roleRef.kind === 'ClusterRole' ? 'clusterroles' : roleRef.kind === 'Role' ? 'roles' : undefined;
  if (!resource) return false;
  return ctx.authorizer.authorize({
    user: ctx.user, verb: 'bind', apiGroup: roleRef.apiGroup, apiVersion: '', resource, subresource: '',
    name: roleRef.name, namespace: bindingNamespace, path: '', resourceRequest: true,
  }).decision === 'allow';
}

/** Whether an update changes nothing but ownerReferences, finalizers, selfLink and managedFields (GC may always do that). */
export function isOnlyMutatingGCFields(obj: { metadata: object }, old: { metadata: object }): boolean {
  const { ownerReferences: _o, finalizers: _f, selfLink: _s, managedFields: _m, ...meta } = obj.metadata as Record<string, unknown>;
  const { ownerReferences: _o2, finalizers: _f2, selfLink: _s2, managedFields: _m2, ...oldMeta } = old.metadata as Record<string, unknown>;
  return semanticEqual({ ...obj, metadata: meta }, { ...old, metadata: oldMeta });
}

// apimachinery's Semantic.DeepEqual treats nil and empty slices/maps alike; in JSON a missing
// field, null, "" and an empty list or map are all Go's zero value.
function semanticEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));
}

function normalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map(normalize);
  if (v && typeof v === 'object') {
    const entries = Object.keys(v).sort().map((k) => [k, normalize((v as Record<string, unknown>)[k])] as const).filter(([, x]) => x !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return v === null || v === '' ? undefined : v;
}
