/**
 * Finds the instance type and preference a VM names, as KubeVirt's finders do
 * (`pkg/instancetype/find`, `pkg/instancetype/preference/find`): a pinned `revisionName`, or
 * the revision the VM already recorded for the same name and kind, wins over the live object;
 * otherwise the live object is used and (when `store` is set, as the VM controller does) a
 * ControllerRevision of it is created.
 */
import type { KubeObject } from '../../api/types.js';
import { matcherKind, type Matcher } from './expand.js';
import { REFS, type Vm } from './kubevirt-types.js';
import { revisionData, revisionFor } from './revision.js';

/** Reads and writes the resolver needs (informers with a client fallback, or a client). */
export interface SpecStore {
  get(ref: (typeof REFS)[keyof typeof REFS], namespace: string | undefined, name: string): Promise<KubeObject | undefined>;
  create(ref: (typeof REFS)[keyof typeof REFS], obj: KubeObject): Promise<void>;
}

/** One resolved matcher: the object (null when named but missing) and the revision holding it. */
export interface Resolved {
  obj?: KubeObject | null;
  revision?: string;
}

const REF_OF = {
  VirtualMachineClusterInstancetype: REFS.clusterInstancetypes,
  VirtualMachineInstancetype: REFS.instancetypes,
  VirtualMachineClusterPreference: REFS.clusterPreferences,
  VirtualMachinePreference: REFS.preferences,
} as const;

/** Resolves `spec.instancetype` or `spec.preference` of a VM. */
export async function resolveMatcher(store: SpecStore, vm: Vm, what: 'instancetype' | 'preference', opts: { store: boolean }): Promise<Resolved> {
  const m = (vm.spec as Record<string, unknown>)[what] as Matcher | undefined;
  if (!m?.name) return {};
  const ns = vm.metadata.namespace!;
  const kind = matcherKind(m, what);
  const recorded = (vm.status as Record<string, { name?: string; kind?: string; controllerRevisionRef?: { name?: string } }> | undefined)?.[`${what}Ref`];
  const pinned = m.revisionName || (recorded?.name === m.name && recorded?.kind === kind ? recorded.controllerRevisionRef?.name : undefined);
  if (pinned) {
    const cr = await store.get(REFS.controllerRevisions, ns, pinned);
    if (cr) return { obj: revisionData(cr), revision: pinned };
    if (m.revisionName) return { obj: null };
  }
  const obj = await store.get(REF_OF[kind as keyof typeof REF_OF], kind.includes('Cluster') ? undefined : ns, m.name);
  if (!obj) return { obj: null };
  if (!opts.store || !vm.metadata.uid) return { obj };
  const cr = revisionFor(vm, obj);
  const existing = await store.get(REFS.controllerRevisions, ns, cr.metadata.name!);
  if (existing) return { obj: revisionData(existing), revision: cr.metadata.name };
  await store.create(REFS.controllerRevisions, cr);
  return { obj, revision: cr.metadata.name };
}
