/**
 * Small helpers for writing VMI status: phase transitions with their timestamps,
 * and conditions that keep `lastTransitionTime` while their status holds.
 */
import { rfc3339 } from '../../lib/clock.js';
import type { Condition, Vmi } from '../virtual-machine/kubevirt-types.js';

type Status = NonNullable<Vmi['status']>;

/** Sets the phase, recording the transition time once per phase change. */
export function setPhase(status: Status, phase: string, now: number): void {
  if (status.phase === phase) return;
  status.phase = phase;
  status.phaseTransitionTimestamps = [...(status.phaseTransitionTimestamps ?? []), { phase, phaseTransitionTimestamp: rfc3339(now) }];
}

/** Sets (or replaces) a condition by type. */
export function setCondition(status: Status, c: Condition, now: number): void {
  const list = status.conditions ?? [];
  const old = list.find((x) => x.type === c.type);
  const next: Condition = { ...c, lastProbeTime: null, lastTransitionTime: old && old.status === c.status ? old.lastTransitionTime ?? null : rfc3339(now) };
  // Replace in place: moving a condition would make two writers reorder the list forever.
  status.conditions = old ? list.map((x) => (x === old ? next : x)) : [...list, next];
}

/** Removes a condition by type. */
export function dropCondition(status: Status, type: string): void {
  if (status.conditions?.some((c) => c.type === type)) status.conditions = status.conditions.filter((c) => c.type !== type);
}
