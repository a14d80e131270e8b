/**
 * Rule resolution: which PolicyRules apply to a user in a namespace, walking
 * ClusterRoleBindings then the namespace's RoleBindings, as kube's DefaultRuleResolver
 * does (`pkg/registry/rbac/validation/rule.go` `VisitRulesFor`, `appliesTo`, describers).
 */
import type { UserInfo } from './attributes.js';
import type { ClusterRole, ClusterRoleBinding, PolicyRule, Role, RoleBinding, RoleRef, Subject } from './rbac-types.js';

/** Where RBAC objects come from (informers, watch caches, or a fixed list). Reads are synchronous, as listers are. */
export interface RbacSource {
  getRole(namespace: string, name: string): Role | undefined;
  getClusterRole(name: string): ClusterRole | undefined;
  listRoleBindings(namespace: string): RoleBinding[];
  listClusterRoleBindings(): ClusterRoleBinding[];
}

/** Describes which binding granted a rule; `String()` of kube's binding describers. */
export type RuleSource = { toString(): string };

/** Called for each rule or error; return false to stop the walk. */
export type RuleVisitor = (source: RuleSource | undefined, rule: PolicyRule | undefined, err: Error | undefined) => boolean;

/** The username a service account authenticates as (`serviceaccount.MakeUsername`). */
export function serviceAccountUsername(namespace: string, name: string): string {
  return `system:serviceaccount:${namespace}:${name}`;
}

/** Whether a subject names this user; ServiceAccount subjects default to the binding's namespace. */
export function appliesToUser(user: UserInfo, subject: Subject, namespace: string): boolean {
  switch (subject.kind) {
    case 'User':
      return user.name === subject.name;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount': {
      const ns = subject.namespace || namespace;
      return ns !== '' && user.name === serviceAccountUsername(ns, subject.name);
    }
    default:
      return false;
  }
}

/** `describeSubject`: `User "alice"`, `ServiceAccount "name/ns"`. */
export function describeSubject(subject: Subject, bindingNamespace: string): string {
  if (subject.kind === 'ServiceAccount') return `${subject.kind} ${JSON.stringify(`${subject.name}/${subject.namespace || bindingNamespace}`)}`;
  return `${subject.kind} ${JSON.stringify(subject.name)}`;
}

/** The NotFound error message listers give for a missing role (singular resource, as rbac listers name it). */
function roleNotFound(kind: 'role' | 'clusterrole', name: string): Error {
  return new Error(`${kind}.rbac.authorization.k8s.io ${JSON.stringify(name)} not found`);
}

/** The rules a roleRef points at; throws the lister's NotFound or an unsupported-kind error. */
export function roleReferenceRules(source: RbacSource, roleRef: RoleRef, bindingNamespace: string): PolicyRule[] {
  switch (roleRef.kind) {
    case 'Role': {
      const role = source.getRole(bindingNamespace, roleRef.name);
      if (!role) throw roleNotFound('role', roleRef.name);
      return role.rules ?? [];
    }
    case 'ClusterRole': {
      const role = source.getClusterRole(roleRef.name);
      if (!role) throw roleNotFound('clusterrole', roleRef.name);
      return role.rules ?? [];
    }
    default:
      throw new Error(`unsupported role reference kind: ${JSON.stringify(roleRef.kind)}`);
  }
}

/** Walks every rule that applies to `user` in `namespace` ('' = cluster bindings only). */
export function visitRulesFor(source: RbacSource, user: UserInfo, namespace: string, visitor: RuleVisitor): void {
  let clusterBindings: ClusterRoleBinding[] | undefined;
  try {
    clusterBindings = source.listClusterRoleBindings();
  } catch (err) {
    if (!visitor(undefined, undefined, asError(err))) return;
  }
  for (const binding of clusterBindings ?? []) {
    if (!walkBinding(source, binding, user, '', visitor, clusterBindingDescription(binding))) return;
  }
  if (namespace === '') return;
  let bindings: RoleBinding[] | undefined;
  try {
    bindings = source.listRoleBindings(namespace);
  } catch (err) {
    if (!visitor(undefined, undefined, asError(err))) return;
  }
  for (const binding of bindings ?? []) {
    if (!walkBinding(source, binding, user, namespace, visitor, roleBindingDescription(binding, namespace))) return;
  }
}

/** All rules for a user in a namespace, plus the errors met (`RulesFor`). */
export function rulesFor(source: RbacSource, user: UserInfo, namespace: string): { rules: PolicyRule[]; errors: Error[] } {
  const rules: PolicyRule[] = [];
  const errors: Error[] = [];
  visitRulesFor(source, user, namespace, (_src, rule, err) => {
    if (rule) rules.push(rule);
    if (err) errors.push(err);
    return true;
  });
  return { rules, errors };
}

/** utilerrors.NewAggregate(...).Error(): one message alone, several as `[a, b]`. */
export function aggregateMessage(errors: Error[]): string {
  if (errors.length === 1) return errors[0].message;
  return `[${errors.map((e) => e.message).join(', ')}]`;
}

function walkBinding(source: RbacSource, binding: RoleBinding, user: UserInfo, namespace: string, visitor: RuleVisitor, describe: (s: Subject) => string): boolean {
  const subject = (binding.subjects ?? []).find((s) => appliesToUser(user, s, namespace));
  if (!subject) return true;
  let rules: PolicyRule[];
  try {
    rules = roleReferenceRules(source, binding.roleRef, namespace);
  } catch (err) {
    return visitor(undefined, undefined, asError(err));
  }
  const description: RuleSource = { toString: () => describe(subject) };
  for (const rule of rules) if (!visitor(description, rule, undefined)) return false;
  return true;
}

function clusterBindingDescription(binding: ClusterRoleBinding): (s: Subject) => string {
  return (s) => `ClusterRoleBinding ${JSON.stringify(binding.metadata.name ?? '')} of ${binding.roleRef.kind} ${JSON.stringify(binding.roleRef.name)} to ${describeSubject(s, '')}`;
}

function roleBindingDescription(binding: RoleBinding, namespace: string): (s: Subject) => string {
  const ns = binding.metadata.namespace ?? namespace;
  return (s) => `RoleBinding ${JSON.stringify(`${binding.metadata.name ?? ''}/${ns}`)} of ${binding.roleRef.kind} ${JSON.stringify(binding.roleRef.name)} to ${describeSubject(s, ns)}`;
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}
