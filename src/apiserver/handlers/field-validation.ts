/** fieldValidation=Ignore|Warn|Strict: unknown fields become warnings or a 400, as kube 1.27+ does. */
import { badRequest } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import type { ServedResource } from '../registry/resource-registry.js';
import type { ApiDeps } from './context.js';

/** Returns Warning texts (Warn), throws the strict decoding error (Strict), or nothing (Ignore). */
export function fieldValidationWarnings(deps: ApiDeps, res: ServedResource, obj: KubeObject, mode: 'Ignore' | 'Warn' | 'Strict'): string[] {
  if (mode === 'Ignore') return [];
  const unknown = deps.schema.unknownFields(res, obj);
  if (unknown.length === 0) return [];
  // Wording of k8s.io/apimachinery/pkg/runtime/serializer/json strict errors, joined by ", ".
  const each = unknown.map((p) => `unknown field "${p}"`);
  if (mode === 'Strict') throw badRequest(`strict decoding error: ${each.join(', ')}`);
  return each;
}
