/**
 * rbac.authorization.k8s.io/v1 roles and bindings: CREATED AT for roles, ROLE AGE | USERS GROUPS
 * SERVICEACCOUNTS for bindings (`printRole`, `printRoleBinding`); names are path segments.
 */
import type { AdmissionContext, FieldCause, KubeObject, ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { ageColumn, col, createdAtColumn } from '../meta/columns.js';
import { invalid, notSupported, required } from '../meta/field-errors.js';
import { createdAt, translateTimestampSince } from '../meta/human-duration.js';
import { arr, str } from '../meta/object-access.js';
import { isPathSegmentName, validateObjectMeta } from '../meta/validation.js';

const GROUP = 'rbac.authorization.k8s.io';

/** `rbac.SubjectsStrings`: users, groups and `namespace:name` service accounts, each `, `-joined. */
export function subjectsCells(obj: KubeObject): string[] {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of arr(obj, 'subjects')) {
    if (s.kind === 'User') users.push(String(s.name));
    else if (s.kind === 'Group') groups.push(String(s.name));
    else if (s.kind === 'ServiceAccount') sas.push(`${s.namespace ?? ''}:${s.name}`);
  }
  return [users.join(', '), groups.join(', '), sas.join(', ')];
}

function validateBinding(obj: KubeObject, ctx: AdmissionContext, namespaced: boolean): FieldCause[] {
  const causes = validateObjectMeta(obj.metadata, { namespaced, name: isPathSegmentName });
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  const roleRef = (obj.roleRef ?? {}) as Record<string, string>;
  if (roleRef.apiGroup !== GROUP) causes.push(notSupported('roleRef.apiGroup', roleRef.apiGroup ?? '', [GROUP]));
  if (!kinds.includes(roleRef.kind)) causes.push(notSupported('roleRef.kind', roleRef.kind ?? '', kinds));
  if (!roleRef.name) causes.push(required('roleRef.name'));
  arr(obj, 'subjects').forEach((s, i) => {
    const p = `subjects[${i}]`;
    if (!s.name) causes.push(required(`${p}.name`));
    if (!['ServiceAccount', 'User', 'Group'].includes(String(s.kind))) causes.push(notSupported(`${p}.kind`, s.kind ?? '', ['ServiceAccount', 'User', 'Group']));
    if (s.kind === 'ServiceAccount' && !s.namespace && !namespaced) causes.push(required(`${p}.namespace`));
  });
  if (ctx.operation === 'UPDATE' && ctx.old && JSON.stringify(ctx.old.roleRef) !== JSON.stringify(obj.roleRef)) {
    causes.push(invalid('roleRef', obj.roleRef, 'cannot change roleRef'));
  }
  return causes;
}

function roleDef(kind: 'Role' | 'ClusterRole', namespaced: boolean): ResourceDef {
  return {
    group: GROUP, version: 'v1', kind, plural: `${kind.toLowerCase()}s`, singular: kind.toLowerCase(), namespaced,
    ...schemaFields(`io.k8s.api.rbac.v1.${kind}`),
    strategicMerge: true,
    printerColumns: [createdAtColumn],
    cells: (o) => [createdAt(o.metadata.creationTimestamp)],
    validate: (obj) => validateObjectMeta(obj.metadata, { namespaced, name: isPathSegmentName }),
    tracksGeneration: false,
  };
}

function bindingDef(kind: 'RoleBinding' | 'ClusterRoleBinding', namespaced: boolean): ResourceDef {
  return {
    group: GROUP, version: 'v1', kind, plural: `${kind.toLowerCase()}s`, singular: kind.toLowerCase(), namespaced,
    ...schemaFields(`io.k8s.api.rbac.v1.${kind}`),
    strategicMerge: true,
    printerColumns: [
      col('Role', 'RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace.'), ageColumn,
      col('Users', 'Users in the roleBinding', 1), col('Groups', 'Groups in the roleBinding', 1), col('ServiceAccounts', 'ServiceAccounts in the roleBinding', 1),
    ],
    cells: (o, now) => [`${str(o, 'roleRef.kind')}/${str(o, 'roleRef.name')}`, translateTimestampSince(o.metadata.creationTimestamp, now), ...subjectsCells(o)],
    validate: (obj, ctx) => validateBinding(obj, ctx, namespaced),
    tracksGeneration: false,
  };
}

/** rbac.authorization.k8s.io/v1 ResourceDefs. */
export const rbacResources: ResourceDef[] = [
  roleDef('Role', true), roleDef('ClusterRole', false), bindingDef('RoleBinding', true), bindingDef('ClusterRoleBinding', false),
];
