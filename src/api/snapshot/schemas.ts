/**
 * Hand-written OpenAPI schemas of the CSI snapshot CRDs (`kubernetes-csi/external-snapshotter`
 * `client/config/crd/snapshot.storage.k8s.io_volumesnapshot{s,contents,classes}.yaml`, v1).
 * Names follow how kube-apiserver publishes CRD schemas: reversed group, version, kind.
 */
import type { JSONSchema } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';

const META = '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const S = { type: 'string' };
const dateTime = { type: 'string', format: 'date-time' };
const snapshotError = {
  type: 'object', description: 'error is the last observed error during snapshot creation, if any.',
  properties: { message: S, time: dateTime },
};
const deletionPolicy = { type: 'string', enum: ['Delete', 'Retain'], description: 'deletionPolicy determines whether the underlying snapshot should be deleted when its bound VolumeSnapshot is deleted.' };
const quantity = {
  'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }],
  pattern: '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$',
};

function root(kind: string, description: string, props: Record<string, JSONSchema>, required: string[]): JSONSchema {
  return {
    type: 'object', description, required,
    properties: { apiVersion: S, kind: S, metadata: { $ref: META }, ...props },
    'x-kubernetes-group-version-kind': [{ group: 'snapshot.storage.k8s.io', kind, version: 'v1' }],
  };
}

/** io.k8s.storage.snapshot.v1.VolumeSnapshot */
export const volumeSnapshotSchema = root('VolumeSnapshot', 'VolumeSnapshot is a user\'s request for either creating a point-in-time snapshot of a persistent volume, or binding to a pre-existing snapshot.', {
  spec: {
    type: 'object', required: ['source'],
    properties: {
      source: {
        type: 'object', description: 'source specifies where a snapshot will be created from. This field is immutable after creation.',
        properties: { persistentVolumeClaimName: S, volumeSnapshotContentName: S },
      },
      volumeSnapshotClassName: S,
    },
  },
  status: {
    type: 'object',
    properties: { boundVolumeSnapshotContentName: S, creationTime: dateTime, error: snapshotError, readyToUse: { type: 'boolean' }, restoreSize: quantity, volumeGroupSnapshotName: S },
  },
}, ['spec']);

/** io.k8s.storage.snapshot.v1.VolumeSnapshotContent */
export const volumeSnapshotContentSchema = root('VolumeSnapshotContent', 'VolumeSnapshotContent represents the actual "on-disk" snapshot object in the underlying storage system.', {
  spec: {
    type: 'object', required: ['deletionPolicy', 'driver', 'source', 'volumeSnapshotRef'],
    properties: {
      deletionPolicy, driver: S,
      source: { type: 'object', properties: { snapshotHandle: S, volumeHandle: S } },
      sourceVolumeMode: { type: 'string', enum: ['Block', 'Filesystem'] },
      volumeSnapshotClassName: S,
      volumeSnapshotRef: {
        type: 'object', 'x-kubernetes-map-type': 'atomic',
        properties: { apiVersion: S, fieldPath: S, kind: S, name: S, namespace: S, resourceVersion: S, uid: S },
      },
    },
  },
  status: {
    type: 'object',
    properties: {
      creationTime: { type: 'integer', format: 'int64' }, error: snapshotError, readyToUse: { type: 'boolean' },
      restoreSize: { type: 'integer', format: 'int64', minimum: 0 }, snapshotHandle: S, volumeGroupSnapshotHandle: S,
    },
  },
}, ['spec']);

/** io.k8s.storage.snapshot.v1.VolumeSnapshotClass */
export const volumeSnapshotClassSchema = root('VolumeSnapshotClass', 'VolumeSnapshotClass specifies parameters that a underlying storage system uses when creating a volume snapshot.', {
  deletionPolicy, driver: S,
  parameters: { type: 'object', additionalProperties: S },
}, ['deletionPolicy', 'driver']);

/** The `schemaName`/`schema`/`definitions` of a snapshot kind (ObjectMeta from the generated set). */
export function snapshotSchemaFields(kind: string, schema: JSONSchema): { schemaName: string; schema: JSONSchema; definitions: Record<string, JSONSchema> } {
  const meta = schemaFields('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
  return { schemaName: `io.k8s.storage.snapshot.v1.${kind}`, schema, definitions: { [meta.schemaName]: meta.schema, ...meta.definitions } };
}
