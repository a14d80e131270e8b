/** Admission for RBAC writes: escalation prevention on Roles, ClusterRoles and their bindings. */
import type { Authorizer } from '../authz/authorizer.js';
import { checkBindingWrite, checkRoleWrite } from '../authz/escalation.js';
import type { ClusterRole, Role, RoleBinding } from '../authz/rbac-types.js';
import type { RbacSource } from '../authz/rule-resolver.js';
import type { AdmissionPlugin } from './admission.js';

/** Builds the plugin over the authorizer and the live RBAC source. */
export function rbacEscalation(authorizer: () => Authorizer, source: RbacSource): AdmissionPlugin {
  return {
    name: 'RBACEscalation',
    validate(attrs, obj) {
      if (attrs.res.group !== 'rbac.authorization.k8s.io' || (attrs.operation !== 'CREATE' && attrs.operation !== 'UPDATE')) return;
      const ctx = { user: attrs.user, namespace: attrs.namespace ?? '', authorizer: authorizer(), source };
      switch (attrs.res.plural) {
        case 'roles':
          return checkRoleWrite(ctx, 'Role', obj as unknown as Role, attrs.old as unknown as Role | undefined);
        case 'clusterroles':
          return checkRoleWrite(ctx, 'ClusterRole', obj as unknown as ClusterRole, attrs.old as unknown as ClusterRole | undefined);
        case 'rolebindings':
          return checkBindingWrite(ctx, 'RoleBinding', obj as unknown as RoleBinding, attrs.old as unknown as RoleBinding | undefined);
        case 'clusterrolebindings':
          return checkBindingWrite(ctx, 'ClusterRoleBinding', obj as unknown as RoleBinding, attrs.old as unknown as RoleBinding | undefined);
      }
    },
  };
}
