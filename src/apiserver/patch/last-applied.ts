/**
 * kube's bridge from client-side to server-side apply, for the `kubectl` manager only
 * (apimachinery `managedfields/internal/lastappliedmanager.go` and
 * `lastappliedupdater.go`): conflicts on fields whose live value still equals the
 * `kubectl.kubernetes.io/last-applied-configuration` annotation are forgiven, and a
 * successful apply rewrites that annotation (when present) to the applied config.
 */
import type { JSONSchema, KubeObject } from '../../api/types.js';
import { FieldSet, type Path } from './field-path.js';
import { clone, goJSON, isObject, type Json } from './json-value.js';
import type { SchemaResolver } from './schema-walker.js';
import { trackedComparison } from './track-update.js';
import { toFieldSet } from './typed-value.js';

/** The annotation `kubectl apply` (client-side) keeps. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The only manager the bridge applies to. */
export const KUBECTL_MANAGER = 'kubectl';

/** Largest annotation value written back (`totalAnnotationSizeLimitB`, 256 KiB). */
const ANNOTATION_LIMIT = 256 * 1024;

/** Fields of the last-applied configuration whose live values still match it; undefined without the annotation. */
export function allowedByLastApplied(live: KubeObject, root: JSONSchema, resolve: SchemaResolver, keep: (p: Path) => boolean): FieldSet | undefined {
  const text = live.metadata?.annotations?.[LAST_APPLIED];
  if (!text) return undefined;
  let last: Json;
  try {
    last = JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
  if (!isObject(last)) return undefined;
  const set = toFieldSet(last, root, resolve).filter(keep);
  const c = trackedComparison(last, live as unknown as Json, root, resolve, keep);
  return set.difference(c.modified).difference(c.removed);
}

/** Rewrites the annotation on `obj` (in place) from the applied config, when the live object had it. */
export function syncLastApplied(live: KubeObject | undefined, obj: KubeObject, applied: KubeObject): void {
  if (!live?.metadata?.annotations?.[LAST_APPLIED] || !obj.metadata?.annotations?.[LAST_APPLIED]) return;
  const copy = clone(applied);
  if (copy.metadata?.annotations) {
    delete copy.metadata.annotations[LAST_APPLIED];
    if (Object.keys(copy.metadata.annotations).length === 0) delete copy.metadata.annotations;
  }
  const value = goJSON(copy);
  if (value.length > ANNOTATION_LIMIT) delete obj.metadata.annotations[LAST_APPLIED];
  else obj.metadata.annotations[LAST_APPLIED] = value;
}
