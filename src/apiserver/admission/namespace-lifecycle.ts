/**
 * The NamespaceLifecycle admission plugin: no objects in a namespace that does not
 * exist or is terminating, and the system namespaces cannot be deleted
 * (plugin/pkg/admission/namespace/lifecycle).
 */
import { StatusError, notFound } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import type { AdmissionPlugin } from './admission.js';

/** Namespaces kube refuses to delete. */
export const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public'];

/** Builds the plugin over a namespace lookup (the watch cache). */
export function namespaceLifecycle(getNamespace: (name: string) => KubeObject | undefined): AdmissionPlugin {
  return {
    name: 'NamespaceLifecycle',
    validate(attrs) {
      const { res } = attrs;
      if (attrs.operation === 'DELETE' && res.group === '' && res.plural === 'namespaces' && IMMORTAL_NAMESPACES.includes(attrs.name)) {
        throw new StatusError('Forbidden', `namespaces "${attrs.name}" is forbidden: this namespace may not be deleted`, { name: attrs.name, kind: 'namespaces' });
      }
      if (!res.namespaced || attrs.operation !== 'CREATE' || !attrs.namespace) return;
      const ns = getNamespace(attrs.namespace);
      if (!ns) throw notFound('', 'namespaces', attrs.namespace);
      if (ns.metadata.deletionTimestamp || (ns.status as { phase?: string } | undefined)?.phase === 'Terminating') {
        // Events may still be written while the namespace drains (lifecycle.go exempts them).
        if (res.group === '' && res.plural === 'events') return;
        throw new StatusError('Forbidden', `${res.plural} "${attrs.name}" is forbidden: unable to create new content in namespace ${attrs.namespace} because it is being terminated`, {
          name: attrs.name,
          kind: res.plural,
          causes: [{ reason: 'NamespaceTerminating' as never, message: `namespace ${attrs.namespace} is being terminated`, field: 'metadata.namespace' }],
        });
      }
    },
  };
}
