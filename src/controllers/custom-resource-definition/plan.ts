/** Pure parts of CRD handling: the storage version and the status the controller reports. */
import type { KubeObject } from '../../api/types.js';

/** A CustomResourceDefinition (apiextensions.k8s.io/v1), as far as the controller reads it. */
export interface Crd extends KubeObject {
  spec: {
    group: string;
    scope: 'Namespaced' | 'Cluster';
    names: { plural: string; singular?: string; kind: string; listKind?: string; shortNames?: string[]; categories?: string[] };
    versions: { name: string; served: boolean; storage: boolean }[];
  };
  status?: { conditions?: { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string }[]; acceptedNames?: unknown; storedVersions?: string[] };
}

/** The version marked `storage: true`. */
export function storageVersionOf(crd: Crd): string {
  return (crd.spec.versions.find((v) => v.storage) ?? crd.spec.versions[0]).name;
}

/** The status to write, or undefined when it is already right. Conditions and reasons as apiextensions-apiserver sets them. */
export function planCrdStatus(crd: Crd, conflict: string | undefined): Crd['status'] | undefined {
  const n = crd.spec.names;
  const acceptedNames = { plural: n.plural, singular: n.singular ?? n.kind.toLowerCase(), kind: n.kind, listKind: n.listKind ?? `${n.kind}List`, ...(n.shortNames ? { shortNames: n.shortNames } : {}), ...(n.categories ? { categories: n.categories } : {}) };
  const stored = new Set(crd.status?.storedVersions ?? []);
  stored.add(storageVersionOf(crd));
  const conditions = conflict
    ? [
        { type: 'NamesAccepted', status: 'False', reason: 'NameConflict', message: conflict },
        { type: 'Established', status: 'False', reason: 'NotAccepted', message: 'not all names are accepted' },
      ]
    : [
        { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found' },
        { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' },
      ];
  const old = crd.status?.conditions ?? [];
  const unchanged =
    conditions.every((c) => old.some((o) => o.type === c.type && o.status === c.status && o.reason === c.reason)) &&
    JSON.stringify(crd.status?.acceptedNames) === JSON.stringify(conflict ? crd.status?.acceptedNames : acceptedNames) &&
    (crd.status?.storedVersions ?? []).length === stored.size;
  if (unchanged) return undefined;
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return {
    conditions: conditions.map((c) => ({ ...c, lastTransitionTime: old.find((o) => o.type === c.type && o.status === c.status)?.lastTransitionTime ?? now })),
    acceptedNames: conflict ? (crd.status?.acceptedNames ?? { plural: '', kind: '' }) : acceptedNames,
    storedVersions: [...stored],
  };
}
