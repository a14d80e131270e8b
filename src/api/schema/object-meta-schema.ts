/**
 * The structural schema of `metav1.ObjectMeta` (`staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go`).
 * CRD schemas may not describe metadata beyond name/generateName, so kube decodes root and
 * embedded metadata into the Go struct, dropping (and, under strict validation, reporting)
 * fields the struct lacks; this schema stands in for that struct.
 */
import type { JSONSchema } from '../types.js';

const str: JSONSchema = { type: 'string' };
const time: JSONSchema = { type: 'string', format: 'date-time' };
const strMap: JSONSchema = { type: 'object', additionalProperties: str };

const ownerReference: JSONSchema = {
  type: 'object',
  properties: {
    apiVersion: str,
    kind: str,
    name: str,
    uid: str,
    controller: { type: 'boolean' },
    blockOwnerDeletion: { type: 'boolean' },
  },
  required: ['apiVersion', 'kind', 'name', 'uid'],
};

const managedFieldsEntry: JSONSchema = {
  type: 'object',
  properties: {
    manager: str,
    operation: str,
    apiVersion: str,
    time,
    fieldsType: str,
    fieldsV1: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    subresource: str,
  },
};

/** ObjectMeta's fields and their JSON types. */
export const OBJECT_META_SCHEMA: JSONSchema = {
  type: 'object',
  properties: {
    name: str,
    generateName: str,
    namespace: str,
    selfLink: str,
    uid: str,
    resourceVersion: str,
    generation: { type: 'integer', format: 'int64' },
    creationTimestamp: time,
    deletionTimestamp: time,
    deletionGracePeriodSeconds: { type: 'integer', format: 'int64' },
    labels: strMap,
    annotations: strMap,
    ownerReferences: { type: 'array', items: ownerReference },
    finalizers: { type: 'array', items: str },
    managedFields: { type: 'array', items: managedFieldsEntry },
  },
};
