/** fieldValidation=Ignore|Warn|Strict: unknown fields become warnings or a 400, as kube 1.27+ does. */
import { fieldValidationOutcome } from '../../api/schema/field-validation.js';
import type { KubeObject } from '../../api/types.js';
import type { ServedResource } from '../registry/resource-registry.js';
import type { ApiDeps } from './context.js';

/**
 * Returns Warning texts (Warn), throws the strict decoding error (Strict), or nothing (Ignore).
 * Create and update (`decoded`) name the kind as kube's transformDecodeError does:
 * `<Kind> in version "<v>" cannot be handled as a <Kind>: strict decoding error: ...`; patches do not.
 */
export function fieldValidationWarnings(deps: ApiDeps, res: ServedResource, obj: KubeObject, mode: 'Ignore' | 'Warn' | 'Strict', decoded = false): string[] {
  if (mode === 'Ignore') return [];
  const unknown = deps.schema.unknownFields(res, obj);
  const ctx = decoded ? { kind: obj.kind ?? res.kind, version: (obj.apiVersion ?? res.version).split('/').pop()!, intoKind: res.kind } : undefined;
  return fieldValidationOutcome(unknown, mode, ctx);
}
