/**
 * A VM's template expanded with its instance type and preference, as KubeVirt expands it when
 * it creates the VMI and for the `expand-spec` subresources (kubevirt/kubevirt
 * `pkg/instancetype/expand`, `pkg/instancetype/apply/vmi.go`): the instance type first (its
 * conflicts refuse the whole expansion), then the preference's requirements, then the
 * preference itself. Objects are passed in already resolved (a ControllerRevision's copy
 * when the VM has one).
 */
import type { KubeObject } from '../../api/types.js';
import { quantityValue } from '../../api/kubevirt/parse-quantity.js';
import type { VmiSpec } from './kubevirt-types.js';
import { applyInstancetype, conflictMessage, instancetypeConflicts } from './instancetype.js';
import { applyPreference } from './preference.js';

/** A matcher (`spec.instancetype` / `spec.preference`). */
export interface Matcher {
  name?: string;
  kind?: string;
  revisionName?: string;
  inferFromVolume?: string;
  inferFromVolumeFailurePolicy?: string;
}

/** The expanded spec, or why it cannot be expanded (with the field each message is about). */
export type Expansion = { spec: VmiSpec; annotations: Record<string, string> } | { failures: { field: string; message: string }[] };

/** The kind a matcher names (the cluster-wide kind when unset). */
export function matcherKind(m: Matcher, what: 'instancetype' | 'preference'): string {
  const cluster = what === 'instancetype' ? 'VirtualMachineClusterInstancetype' : 'VirtualMachineClusterPreference';
  const ns = what === 'instancetype' ? 'VirtualMachineInstancetype' : 'VirtualMachinePreference';
  return m.kind?.toLowerCase() === ns.toLowerCase() ? ns : cluster;
}

/** KubeVirt's not-found message for a matcher. */
export function notFoundMessage(m: Matcher, what: 'instancetype' | 'preference'): string {
  return `Failure to find ${what}: ${matcherKind(m, what).toLowerCase()}s.instancetype.kubevirt.io "${m.name}" not found`;
}

/** Expands `spec` (a VM template's spec); `instancetype`/`preference` are null when named but missing. */
export function expandVmiSpec(
  spec: VmiSpec,
  matchers: { instancetype?: Matcher; preference?: Matcher },
  instancetype: KubeObject | null | undefined,
  preference: KubeObject | null | undefined,
  annotations: Record<string, string> = {},
): Expansion {
  if (matchers.instancetype && !instancetype) return { failures: [{ field: 'spec.instancetype', message: notFoundMessage(matchers.instancetype, 'instancetype') }] };
  if (matchers.preference && !preference) return { failures: [{ field: 'spec.preference', message: notFoundMessage(matchers.preference, 'preference') }] };
  const pref = preference?.spec as Record<string, any> | undefined;
  const it = instancetype?.spec as Record<string, any> | undefined;
  let out = spec;
  const annos = { ...annotations };
  if (it) {
    const conflicts = instancetypeConflicts(spec, it);
    if (conflicts.length) return { failures: conflicts.map((c) => ({ field: c, message: conflictMessage([c]) })) };
    const need = requirementFailure(it, pref);
    if (need) return { failures: [need] };
    out = applyInstancetype(spec, instancetype!, pref);
    for (const [k, v] of Object.entries((it.annotations ?? {}) as Record<string, string>)) annos[k] ??= v;
  }
  return { spec: applyPreference(out, pref, annos), annotations: annos };
}

/** The preference's `requirements` against what the instance type provides (`pkg/instancetype/preference/requirements`). */
function requirementFailure(it: Record<string, any>, pref: Record<string, any> | undefined): { field: string; message: string } | undefined {
  const req = pref?.requirements;
  if (req?.cpu?.guest !== undefined && it.cpu.guest < req.cpu.guest) {
    return { field: 'spec.instancetype', message: `failure checking preference requirements: insufficient CPU resources of ${it.cpu.guest} vCPU provided by instance type, preference requires ${req.cpu.guest} vCPU` };
  }
  if (req?.memory?.guest !== undefined && (quantityValue(it.memory.guest) ?? 0) < (quantityValue(req.memory.guest) ?? 0)) {
    return { field: 'spec.instancetype', message: `failure checking preference requirements: insufficient Memory resources of ${it.memory.guest} provided by instance type, preference requires ${req.memory.guest}` };
  }
  return undefined;
}

/** The failure as one message, as the VM's Failure condition shows it (conflicting paths joined, as the VM controller reports them). */
export function failureText(e: Expansion): string | undefined {
  if (!('failures' in e)) return undefined;
  const conflicts = e.failures.filter((f) => f.message.startsWith('VM field(s) '));
  return conflicts.length === e.failures.length ? conflictMessage(conflicts.map((f) => f.field)) : e.failures.map((f) => f.message).join(', ');
}
