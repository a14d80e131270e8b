/**
 * Builds the ResourceDef of a platform kind the way kube-apiserver serves a CRD: root
 * schema `{apiVersion, kind, metadata, spec, status}`, OpenAPI name in reversed-group form
 * (`io.kubevirt.v1.VirtualMachine`), and the default Age column when none is declared.
 */
import type { AdmissionContext, FieldCause, JSONSchema, KubeObject, PrinterColumn, ResourceDef } from '../types.js';
import { obj, str } from './schema-kit.js';

/** What a platform kind declares; the rest is derived. */
export interface CrdOptions {
  group: string;
  version: string;
  kind: string;
  plural: string;
  /** Defaults to the kind in lower case. */
  singular?: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  spec?: JSONSchema;
  status?: JSONSchema;
  /** Top-level fields other than spec/status (e.g. NAD has only spec; CDIConfig...). */
  extraRoot?: Record<string, JSONSchema>;
  /** Required top-level fields, e.g. ['spec']. */
  required?: string[];
  columns?: PrinterColumn[];
  subresources?: string[];
  nonSpecFields?: string[];
  tracksGeneration?: boolean;
  validate?: (obj: KubeObject, ctx: AdmissionContext) => FieldCause[];
  defaults?: (obj: KubeObject, ctx: AdmissionContext) => void;
}

/** The column kube-apiserver adds to every CRD without additionalPrinterColumns. */
export const AGE_COLUMN: PrinterColumn = { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' };

/** OpenAPI definition name of a CRD kind: the group reversed, then version and kind. */
export function crdSchemaName(group: string, version: string, kind: string): string {
  return [...group.split('.').reverse(), version, kind].join('.');
}

/** A ResourceDef for a CRD-served platform kind. */
export function crd(o: CrdOptions): ResourceDef {
  const props: Record<string, JSONSchema> = { apiVersion: str(), kind: str(), metadata: { type: 'object' } };
  if (o.spec) props.spec = o.spec;
  if (o.status) props.status = o.status;
  Object.assign(props, o.extraRoot ?? {});
  const def: ResourceDef = {
    group: o.group,
    version: o.version,
    kind: o.kind,
    plural: o.plural,
    singular: o.singular ?? o.kind.toLowerCase(),
    namespaced: o.namespaced,
    schemaName: crdSchemaName(o.group, o.version, o.kind),
    schema: obj(props, o.required ?? []),
    strategicMerge: false,
    printerColumns: o.columns && o.columns.length > 0 ? o.columns : [AGE_COLUMN],
  };
  if (o.shortNames) def.shortNames = o.shortNames;
  if (o.categories) def.categories = o.categories;
  if (o.subresources) def.subresources = o.subresources;
  if (o.nonSpecFields) def.nonSpecFields = o.nonSpecFields;
  if (o.tracksGeneration !== undefined) def.tracksGeneration = o.tracksGeneration;
  if (o.validate) def.validate = o.validate;
  if (o.defaults) def.defaults = o.defaults;
  return def;
}

/** Shorthand for a printer column. */
export function col(name: string, type: PrinterColumn['type'], jsonPath: string, priority = 0, description?: string): PrinterColumn {
  const c: PrinterColumn = { name, type, jsonPath };
  if (priority) c.priority = priority;
  if (description) c.description = description;
  return c;
}
