/**
 * Test fixture: a trimmed copy of kube 1.32's OpenAPI v3 schemas for Deployment and
 * ConfigMap, shaped as `/openapi/v3/apis/apps/v1` serves them (`allOf` wrappers around
 * `$ref`, list and patch extensions on the referring property). Used by tests only.
 */
import type { JSONSchema } from '../../api/types.js';
import { makeResolver } from './schema-walker.js';

const ref = (name: string, extra: JSONSchema = {}): JSONSchema => ({ allOf: [{ $ref: `#/components/schemas/${name}` }], default: {}, ...extra });
const str = { type: 'string' };
const int = { type: 'integer', format: 'int32' };
const strMap = { type: 'object', additionalProperties: { type: 'string', default: '' } };
const mapList = (item: string, keys: string[], strategy = 'merge', mergeKey = keys[0]): JSONSchema => ({
  type: 'array',
  items: ref(item),
  'x-kubernetes-list-type': 'map',
  'x-kubernetes-list-map-keys': keys,
  'x-kubernetes-patch-strategy': strategy,
  'x-kubernetes-patch-merge-key': mergeKey,
});

/** `components.schemas` of the fixture. */
export const SCHEMAS: Record<string, JSONSchema> = {
  'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': {
    type: 'object',
    properties: {
      name: str,
      namespace: str,
      uid: str,
      resourceVersion: str,
      generation: { type: 'integer', format: 'int64' },
      creationTimestamp: ref('io.k8s.apimachinery.pkg.apis.meta.v1.Time'),
      labels: strMap,
      annotations: strMap,
      finalizers: { type: 'array', items: { type: 'string', default: '' }, 'x-kubernetes-list-type': 'set', 'x-kubernetes-patch-strategy': 'merge' },
      managedFields: { type: 'array', items: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry') },
    },
  },
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { type: 'string', format: 'date-time' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry': { type: 'object', properties: { manager: str, operation: str, fieldsV1: { type: 'object' } } },
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector': {
    type: 'object',
    'x-kubernetes-map-type': 'atomic',
    properties: { matchLabels: strMap, matchExpressions: { type: 'array', items: { type: 'object' }, 'x-kubernetes-list-type': 'atomic' } },
  },
  'io.k8s.api.apps.v1.Deployment': {
    type: 'object',
    properties: { apiVersion: str, kind: str, metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'), spec: ref('io.k8s.api.apps.v1.DeploymentSpec'), status: { type: 'object', properties: { replicas: int } } },
  },
  'io.k8s.api.apps.v1.DeploymentSpec': {
    type: 'object',
    properties: {
      replicas: int,
      selector: ref('io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector'),
      template: ref('io.k8s.api.core.v1.PodTemplateSpec'),
      strategy: ref('io.k8s.api.apps.v1.DeploymentStrategy', { 'x-kubernetes-patch-strategy': 'retainKeys' }),
      minReadySeconds: int,
    },
  },
  'io.k8s.api.apps.v1.DeploymentStrategy': {
    type: 'object',
    properties: { type: str, rollingUpdate: { type: 'object', properties: { maxSurge: { 'x-kubernetes-int-or-string': true }, maxUnavailable: { 'x-kubernetes-int-or-string': true } } } },
  },
  'io.k8s.api.core.v1.PodTemplateSpec': {
    type: 'object',
    properties: { metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'), spec: ref('io.k8s.api.core.v1.PodSpec') },
  },
  'io.k8s.api.core.v1.PodSpec': {
    type: 'object',
    properties: {
      containers: mapList('io.k8s.api.core.v1.Container', ['name']),
      volumes: mapList('io.k8s.api.core.v1.Volume', ['name'], 'merge,retainKeys'),
      tolerations: { type: 'array', items: ref('io.k8s.api.core.v1.Toleration'), 'x-kubernetes-list-type': 'atomic' },
      nodeSelector: { ...strMap, 'x-kubernetes-map-type': 'atomic' },
      restartPolicy: str,
    },
  },
  'io.k8s.api.core.v1.Container': {
    type: 'object',
    properties: {
      name: str,
      image: str,
      args: { type: 'array', items: str, 'x-kubernetes-list-type': 'atomic' },
      ports: mapList('io.k8s.api.core.v1.ContainerPort', ['containerPort', 'protocol'], 'merge', 'containerPort'),
      env: mapList('io.k8s.api.core.v1.EnvVar', ['name']),
      resources: { type: 'object', properties: { limits: { type: 'object', additionalProperties: { 'x-kubernetes-int-or-string': true } } } },
    },
  },
  'io.k8s.api.core.v1.ContainerPort': {
    type: 'object',
    properties: { containerPort: int, name: str, protocol: { type: 'string', default: 'TCP' } },
  },
  'io.k8s.api.core.v1.EnvVar': { type: 'object', properties: { name: str, value: str } },
  'io.k8s.api.core.v1.Toleration': { type: 'object', properties: { key: str, operator: str, value: str, effect: str } },
  'io.k8s.api.core.v1.Volume': {
    type: 'object',
    properties: {
      name: str,
      configMap: { type: 'object', properties: { name: str } },
      emptyDir: { type: 'object', properties: { medium: str } },
      secret: { type: 'object', properties: { secretName: str } },
    },
  },
  'io.k8s.api.core.v1.ConfigMap': {
    type: 'object',
    properties: { apiVersion: str, kind: str, metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'), data: strMap, binaryData: strMap, immutable: { type: 'boolean' } },
  },
};

/** The fixture's resolver. */
export const resolve = makeResolver(SCHEMAS);

/** Root schema of apps/v1 Deployment. */
export const DEPLOYMENT: JSONSchema = { $ref: '#/components/schemas/io.k8s.api.apps.v1.Deployment' };

/** Root schema of v1 ConfigMap. */
export const CONFIGMAP: JSONSchema = { $ref: '#/components/schemas/io.k8s.api.core.v1.ConfigMap' };
