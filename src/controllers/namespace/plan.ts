/**
 * Pure planning for namespace deletion: the status conditions kube's namespace
 * controller reports (NamespaceContentRemaining, NamespaceFinalizersRemaining, ...)
 * and whether the namespace can be finalized.
 */
import type { KubeObject } from '../../api/types.js';

/** What is still in the namespace, per resource. */
export interface Remaining {
  resource: string;
  count: number;
  finalizers: string[];
}

/** The status to write and whether to finalize. */
export interface NamespacePlan {
  status?: Record<string, unknown>;
  finalize: boolean;
}

/** Plans the next step of deleting a namespace. */
export function planNamespaceDeletion(ns: KubeObject, remaining: Remaining[]): NamespacePlan {
  if (remaining.length === 0) return { finalize: true };
  const content = remaining
    .map((r) => `${r.resource} has ${r.count} resource instances`)
    .sort()
    .join(', ');
  const fins = [...new Set(remaining.flatMap((r) => r.finalizers))].sort();
  const finalizerText = remaining
    .filter((r) => r.finalizers.length)
    .map((r) => `${r.finalizers.join(', ')} in ${r.count} resource instances`)
    .join(', ');
  const conditions = [
    cond('NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered', 'All resources successfully discovered'),
    cond('NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'),
    cond('NamespaceDeletionContentFailure', 'False', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'),
    cond('NamespaceContentRemaining', 'True', 'SomeResourcesRemain', `Some resources are remaining: ${content}`),
    fins.length
      ? cond('NamespaceFinalizersRemaining', 'True', 'SomeFinalizersRemain', `Some content in the namespace has finalizers remaining: ${finalizerText}`)
      : cond('NamespaceFinalizersRemaining', 'False', 'ContentHasNoFinalizers', 'All content-preserving finalizers finished'),
  ];
  const old = (ns.status as { conditions?: { type: string; status: string; message?: string; lastTransitionTime?: string }[] } | undefined)?.conditions ?? [];
  const same = conditions.every((c) => old.some((o) => o.type === c.type && o.status === c.status && o.message === c.message));
  return { finalize: false, status: same ? undefined : { phase: 'Terminating', conditions } };
}

function cond(type: string, status: string, reason: string, message: string): Record<string, string> {
  return { type, status, reason, message };
}
