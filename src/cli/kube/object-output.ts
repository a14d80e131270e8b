/**
 * `-o json|yaml|name` as kubectl prints them: keys sorted (kubectl marshals
 * unstructured maps), JSON indented by 4, YAML with unindented sequences, managedFields
 * hidden, several objects wrapped in `kind: List`. JSON is byte-identical to kubectl's;
 * YAML differs only in line folding (go-yaml folds long plain scalars near 80 columns).
 */
import { stringify } from 'yaml';
import type { KubeObject } from '../../api/types.js';
import { kindGroup } from './api-resources.js';

/** Output formats `get` accepts besides the table. */
export type ObjectFormat = 'json' | 'yaml' | 'name';

/** Deep copy with map keys in sorted order. */
export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** Drops metadata.managedFields, as kubectl get does unless --show-managed-fields. */
export function withoutManagedFields<T extends KubeObject>(obj: T): T {
  if (!obj.metadata?.managedFields) return obj;
  const { managedFields: _drop, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

/** The `kind: List` kubectl prints for several objects. */
export function asList(items: KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

/** JSON as kubectl prints it. */
export function toJson(doc: unknown): string {
  return JSON.stringify(sortKeys(doc), null, 4) + '\n';
}

/** YAML as kubectl prints it. */
export function toYaml(doc: unknown): string {
  // YAML 1.1 quotes strings that 1.1 readers would take as timestamps or booleans, as go-yaml does.
  return stringify(sortKeys(doc), { version: '1.1', indentSeq: false, lineWidth: 0, doubleQuotedAsJSON: true });
}

/** `kind.group/name`, kubectl's `-o name`. */
export function objectName(obj: KubeObject): string {
  const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '';
  return `${kindGroup({ kind: obj.kind, group })}/${obj.metadata.name}`;
}

/** Prints objects in one format: a single object alone, several as a List (json/yaml), one name per line. */
export function formatObjects(objs: KubeObject[], format: ObjectFormat, single: boolean): string {
  const clean = objs.map(withoutManagedFields);
  if (format === 'name') return clean.map((o) => objectName(o) + '\n').join('');
  const doc = single && clean.length === 1 ? clean[0] : asList(clean);
  return format === 'json' ? toJson(doc) : toYaml(doc);
}
