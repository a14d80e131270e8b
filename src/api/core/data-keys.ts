/** Key and size checks shared by ConfigMap and Secret (`ValidateConfigMap`, `ValidateSecret`). */
import type { FieldCause } from '../types.js';
import { invalid } from '../meta/field-errors.js';
import { isConfigMapKey } from '../meta/validation.js';

/** Every key of `data` at `field` must be a config key. */
export function validateDataKeys(data: unknown, field: string): FieldCause[] {
  const causes: FieldCause[] = [];
  for (const k of Object.keys((data as object) ?? {})) {
    for (const e of isConfigMapKey(k)) causes.push(invalid(`${field}[${k}]`, k, e));
  }
  return causes;
}

/** Whether a string is standard base64 (what Go's `[]byte` JSON decoding accepts). */
export function isBase64(s: unknown): boolean {
  return typeof s === 'string' && s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s);
}
