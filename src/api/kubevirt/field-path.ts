/**
 * Helpers shared by the KubeVirt validators: field paths printed the way apimachinery's
 * `field.Path.String()` prints them, and causes in KubeVirt's StatusCause shape.
 */
import type { CauseReason, FieldCause } from '../types.js';

/** A loosely typed JSON object read from an API object. */
export type Json = Record<string, unknown>;

/** `base.child` (or `child` when base is empty). */
export function child(base: string, ...names: string[]): string {
  return [base, ...names].filter((s) => s !== '').join('.');
}

/** `base[i]`. */
export function index(base: string, i: number): string {
  return `${base}[${i}]`;
}

/** A cause; KubeVirt puts the whole sentence in `message` and the path in `field`. */
export function cause(field: string, message: string, reason: CauseReason = 'FieldValueInvalid'): FieldCause {
  return { reason, message, field };
}

/** The value as an object, or undefined. */
export function asObj(v: unknown): Json | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
}

/** The value as a list of objects (non-objects dropped). */
export function asList(v: unknown): Json[] {
  return Array.isArray(v) ? v.map(asObj).filter((x): x is Json => x !== undefined) : [];
}

/** The value as a string, or ''. */
export function asStr(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
