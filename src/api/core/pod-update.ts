/**
 * `ValidatePodUpdate`'s rule (`pkg/apis/core/validation/validation.go`): a pod's spec is
 * immutable except for container images, activeDeadlineSeconds, added tolerations, removed
 * scheduling gates and a negative terminationGracePeriodSeconds becoming 1.
 */
import type { FieldCause } from '../types.js';
import { forbidden } from '../meta/field-errors.js';

type Obj = Record<string, any>;

/** The Forbidden detail kube-apiserver prints (without its struct diff). */
export const POD_UPDATE_FORBIDDEN = 'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** JSON with sorted keys, so that key order does not count as a change. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().filter((k) => (v as Obj)[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical((v as Obj)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

function copyImages(from: Obj[] | undefined, to: Obj[] | undefined): void {
  if (!from || !to || from.length !== to.length) return;
  for (let i = 0; i < to.length; i++) to[i].image = from[i].image;
}

/** Causes for an update of pod `spec` from `oldSpec`; empty when only mutable fields changed. */
export function validatePodSpecUpdate(spec: Obj | undefined, oldSpec: Obj | undefined): FieldCause[] {
  const next = structuredClone(spec ?? {});
  const prev = structuredClone(oldSpec ?? {});
  const causes: FieldCause[] = [];
  // Fold every permitted change into the old spec; whatever still differs was forbidden.
  copyImages(next.containers, prev.containers);
  copyImages(next.initContainers, prev.initContainers);
  if (next.activeDeadlineSeconds !== undefined) {
    if (prev.activeDeadlineSeconds !== undefined && next.activeDeadlineSeconds > prev.activeDeadlineSeconds) {
      causes.push({ reason: 'FieldValueInvalid', field: 'spec.activeDeadlineSeconds', message: `Invalid value: ${next.activeDeadlineSeconds}: must be less than or equal to previous value` });
    }
    prev.activeDeadlineSeconds = next.activeDeadlineSeconds;
  }
  const oldTolerations: Obj[] = prev.tolerations ?? [];
  const newTolerations: Obj[] = next.tolerations ?? [];
  if (oldTolerations.every((t) => newTolerations.some((n) => canonical(n) === canonical(t)))) prev.tolerations = next.tolerations;
  const oldGates: Obj[] = prev.schedulingGates ?? [];
  if ((next.schedulingGates ?? []).every((g: Obj) => oldGates.some((o) => o.name === g.name))) prev.schedulingGates = next.schedulingGates;
  if (typeof prev.terminationGracePeriodSeconds === 'number' && prev.terminationGracePeriodSeconds < 0 && next.terminationGracePeriodSeconds === 1) {
    prev.terminationGracePeriodSeconds = 1;
  }
  if (canonical(prev) !== canonical(next)) causes.push(forbidden('spec', POD_UPDATE_FORBIDDEN));
  return causes;
}
