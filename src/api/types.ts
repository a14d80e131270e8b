/**
 * What the API server needs to know about a kind: its names, scope, schema, printer
 * columns, field selectors, defaults and validation. Every API group module exports
 * a list of these; `src/api/all.ts` collects them. CRDs become ResourceDefs at runtime.
 */

/** An OpenAPI v3 schema object (structural), with the `x-kubernetes-*` extensions Kubernetes uses. */
export type JSONSchema = { [key: string]: unknown };

/** Kubernetes ObjectMeta, loosely typed (the schema is the authority). */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: ManagedFieldsEntry[];
  [key: string]: unknown;
}

/** metadata.ownerReferences[] */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** metadata.managedFields[] (server-side apply). */
export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time?: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
  subresource?: string;
}

/** Any API object. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

/** A reason in `Status.details.causes[]`, as apimachinery's field errors name them. */
export type CauseReason =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueDuplicate'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'FieldValueTypeInvalid'
  | 'FieldValueNotFound'
  | 'FieldValueUnknown'
  | 'InternalError';

/** One field error: becomes a `details.causes[]` entry of an Invalid (422) Status. */
export interface FieldCause {
  reason: CauseReason;
  /** The full message, as apimachinery prints it, e.g. `Invalid value: "x": must be ...`. */
  message: string;
  /** The field path, e.g. `spec.template.spec.domain.devices.disks[0].name`. */
  field: string;
}

/** A printer column, as CRD `additionalPrinterColumns` and Table `columnDefinitions` describe it. */
export interface PrinterColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format?: string;
  description?: string;
  /** 0 shows always; > 0 only in `-o wide`. */
  priority?: number;
  /** Where the cell comes from, when `ResourceDef.cells` is not given. */
  jsonPath?: string;
}

/** A named subresource; `status` and `scale` are handled generically, others by their owner. */
export type Subresource = 'status' | 'scale' | 'eviction' | 'binding' | 'log' | 'exec' | 'token' | 'approval' | string;

/** The context validation and defaulting get. */
export interface AdmissionContext {
  operation: 'CREATE' | 'UPDATE' | 'DELETE';
  /** The object before the change (UPDATE). */
  old?: KubeObject;
  /** Subresource being written, if any. */
  subresource?: string;
}

/** Everything the API server needs to serve one kind at one group/version. */
export interface ResourceDef {
  /** API group, '' for the core group. */
  group: string;
  version: string;
  kind: string;
  /** Defaults to `${kind}List`. */
  listKind?: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  /** e.g. ['all'] */
  categories?: string[];
  /** Defaults to all of get, list, watch, create, update, patch, delete, deletecollection. */
  verbs?: string[];
  subresources?: Subresource[];
  /** Name of the root schema in OpenAPI `components.schemas`, e.g. `io.k8s.api.core.v1.Pod`. */
  schemaName: string;
  /** The root schema (may `$ref` entries of `definitions` as `#/components/schemas/<name>`). */
  schema: JSONSchema;
  /** Named schemas the root references; merged into the group-version's OpenAPI document. */
  definitions?: Record<string, JSONSchema>;
  /** Built-ins accept strategic merge patch; CRDs and platform kinds do not. */
  strategicMerge?: boolean;
  /** Table columns. NAME is implied first (as kube-apiserver does) and must not be listed. */
  printerColumns: PrinterColumn[];
  /** Row cells after NAME for kinds whose columns are computed (pods' READY, STATUS); same order as printerColumns. */
  cells?: (obj: KubeObject, nowMs: number) => unknown[];
  /** Field selectors beyond metadata.name and metadata.namespace: label -> value extractor. */
  fieldSelectors?: Record<string, (obj: KubeObject) => string | undefined>;
  /** Fills defaults in place (after schema defaults), on create and update. */
  defaults?: (obj: KubeObject, ctx: AdmissionContext) => void;
  /** Semantic validation beyond the schema; returns the causes of an Invalid error. */
  validate?: (obj: KubeObject, ctx: AdmissionContext) => FieldCause[];
  /** Fields of the object that are not the spec: changes to anything else bump metadata.generation. Defaults to ['metadata', 'status']. */
  nonSpecFields?: string[];
  /** Whether metadata.generation is maintained (default: true when a status subresource exists). */
  tracksGeneration?: boolean;
}

/** The group/version string of a def: `v1` for core, `group/version` otherwise. */
export function apiVersionOf(def: Pick<ResourceDef, 'group' | 'version'>): string {
  return def.group === '' ? def.version : `${def.group}/${def.version}`;
}
