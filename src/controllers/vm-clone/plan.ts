/**
 * KubeVirt's VirtualMachineClone decisions, pure (kubevirt/kubevirt
 * `pkg/virtctl/clone` and `pkg/storage/clone`): the phase from the temporary snapshot
 * and restore, the target's name, and the patches that make the clone distinct (new
 * or removed MAC addresses, no firmware serial or UUID, filtered labels).
 */
import type { KubeObject } from '../../api/types.js';

type Any = Record<string, any>;

/** The clone phases (clonev1beta1.VirtualMachineClonePhase). */
export type ClonePhase = 'SnapshotInProgress' | 'CreatingTargetVM' | 'RestoreInProgress' | 'Succeeded' | 'Failed' | 'Unknown';

/** The temporary snapshot's name. */
export function cloneSnapshotName(clone: KubeObject): string {
  return `tmp-snapshot-${clone.metadata.uid}`;
}

/** The temporary restore's name. */
export function cloneRestoreName(clone: KubeObject): string {
  return `tmp-restore-${clone.metadata.uid}`;
}

/** The target VM's name: `spec.target.name`, or `clone-<uid prefix>` of the source. */
export function cloneTargetName(clone: KubeObject): string {
  const t = (clone.spec as Any)?.target?.name;
  return t || `${(clone.spec as Any).source.name}-clone-${String(clone.metadata.uid).slice(0, 8)}`;
}

/** The phase from the temporary objects' progress. */
export function clonePhase(snapshotPhase: string | undefined, restoreExists: boolean, restoreComplete: boolean): ClonePhase {
  if (restoreComplete) return 'Succeeded';
  if (restoreExists) return 'RestoreInProgress';
  if (snapshotPhase === 'Succeeded') return 'CreatingTargetVM';
  if (snapshotPhase === 'Failed') return 'Failed';
  return 'SnapshotInProgress';
}

function glob(pattern: string, s: string): boolean {
  return new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(s);
}

/** Keeps the keys the filters admit (`*` by default; `!pattern` excludes). */
export function filterKeys(map: Record<string, string> | undefined, filters: string[] | undefined): Record<string, string> {
  const f = filters?.length ? filters : ['*'];
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(map ?? {})) {
    const included = f.some((p) => !p.startsWith('!') && glob(p, k));
    const excluded = f.some((p) => p.startsWith('!') && glob(p.slice(1), k));
    if (included && !excluded) out[k] = v;
  }
  return out;
}

/** The JSON patches for the target VM made from the source VM in the snapshot. */
export function clonePatches(clone: KubeObject, sourceVm: Any): string[] {
  const spec = (clone.spec ?? {}) as Any;
  const patches: string[] = [];
  const ifaces = (sourceVm.spec?.template?.spec?.domain?.devices?.interfaces ?? []) as Any[];
  ifaces.forEach((iface, i) => {
    const path = `/spec/template/spec/domain/devices/interfaces/${i}/macAddress`;
    const next = spec.newMacAddresses?.[iface.name];
    if (next) patches.push(JSON.stringify({ op: 'add', path, value: next }));
    else if (iface.macAddress) patches.push(JSON.stringify({ op: 'remove', path }));
  });
  const fw = sourceVm.spec?.template?.spec?.domain?.firmware ?? {};
  if (spec.newSMBiosSerial) patches.push(JSON.stringify({ op: 'add', path: '/spec/template/spec/domain/firmware/serial', value: spec.newSMBiosSerial }));
  else if (fw.serial) patches.push(JSON.stringify({ op: 'remove', path: '/spec/template/spec/domain/firmware/serial' }));
  if (fw.uuid) patches.push(JSON.stringify({ op: 'remove', path: '/spec/template/spec/domain/firmware/uuid' }));
  patches.push(JSON.stringify({ op: 'add', path: '/metadata/labels', value: filterKeys(sourceVm.metadata?.labels, spec.labelFilters) }));
  return patches;
}
