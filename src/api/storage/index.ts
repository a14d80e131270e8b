/** storage.k8s.io/v1: storage classes, volume attachments, CSI drivers and CSI nodes. */
import type { KubeObject, ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { ageColumn, col } from '../meta/columns.js';
import { translateTimestampSince } from '../meta/human-duration.js';
import { arr, at, str } from '../meta/object-access.js';
import { validateObjectMeta } from '../meta/validation.js';
import { storageClassDef } from './storage-class.js';

const G = 'storage.k8s.io';
const age = (o: KubeObject, now: number) => translateTimestampSince(o.metadata.creationTimestamp, now);
const bool = (o: KubeObject, path: string, dflt: boolean) => {
  const v = at(o, path);
  return typeof v === 'boolean' ? v : dflt;
};

/** The volumeattachments resource (`printVolumeAttachment`). */
export const volumeAttachmentDef: ResourceDef = {
  group: G, version: 'v1', kind: 'VolumeAttachment', plural: 'volumeattachments', singular: 'volumeattachment', namespaced: false,
  subresources: ['status'],
  ...schemaFields('io.k8s.api.storage.v1.VolumeAttachment'),
  strategicMerge: true,
  printerColumns: [col('Attacher', 'Attacher indicates the name of the volume driver that MUST handle this request.'), col('PV', 'Name of the persistent volume to attach.'), col('Node', 'The node that the volume should be attached to.'), col('Attached', 'Indicates the volume is successfully attached.', 0, 'boolean'), ageColumn],
  cells: (o, now) => [str(o, 'spec.attacher'), str(o, 'spec.source.persistentVolumeName'), str(o, 'spec.nodeName'), at(o, 'status.attached') === true, age(o, now)],
  validate: (obj) => validateObjectMeta(obj.metadata, { namespaced: false }),
  tracksGeneration: false,
};

function csiDriverDefaults(obj: KubeObject): void {
  // pkg/apis/storage/v1/defaults.go SetDefaults_CSIDriver
  const spec = (obj.spec ??= {}) as Record<string, any>;
  spec.attachRequired ??= true;
  spec.podInfoOnMount ??= false;
  spec.storageCapacity ??= false;
  spec.fsGroupPolicy ??= 'ReadWriteOnceWithFSType';
  spec.volumeLifecycleModes ??= ['Persistent'];
  spec.requiresRepublish ??= false;
  spec.seLinuxMount ??= false;
}

/** The csidrivers resource (`printCSIDriver`). */
export const csiDriverDef: ResourceDef = {
  group: G, version: 'v1', kind: 'CSIDriver', plural: 'csidrivers', singular: 'csidriver', namespaced: false,
  ...schemaFields('io.k8s.api.storage.v1.CSIDriver'),
  strategicMerge: true,
  printerColumns: [
    col('AttachRequired', 'attachRequired indicates this CSI volume driver requires an attach operation.', 0, 'boolean'),
    col('PodInfoOnMount', 'podInfoOnMount indicates this CSI volume driver requires additional pod information during mount operations.', 0, 'boolean'),
    col('StorageCapacity', 'storageCapacity indicates that the CSI volume driver wants pod scheduling to consider the storage capacity.', 0, 'boolean'),
    col('TokenRequests', 'tokenRequests indicates the CSI driver needs pods\' service account tokens it is mounting volume for.'),
    col('RequiresRepublish', 'requiresRepublish indicates the CSI driver wants NodePublishVolume being periodically called.', 0, 'boolean'),
    col('Modes', 'volumeLifecycleModes defines what kind of volumes this CSI volume driver supports.'),
    ageColumn,
  ],
  cells: (o, now) => {
    const tokens = arr(o, 'spec.tokenRequests').map((t) => str(t, 'audience'));
    const modes = arr<string>(o, 'spec.volumeLifecycleModes');
    return [
      bool(o, 'spec.attachRequired', true), bool(o, 'spec.podInfoOnMount', false), bool(o, 'spec.storageCapacity', false),
      tokens.length > 0 ? tokens.join(',') : '<unset>', bool(o, 'spec.requiresRepublish', false), modes.length > 0 ? modes.join(',') : '<none>', age(o, now),
    ];
  },
  defaults: csiDriverDefaults,
  validate: (obj) => validateObjectMeta(obj.metadata, { namespaced: false }),
  tracksGeneration: false,
};

/** The csinodes resource (`printCSINode`). */
export const csiNodeDef: ResourceDef = {
  group: G, version: 'v1', kind: 'CSINode', plural: 'csinodes', singular: 'csinode', namespaced: false,
  ...schemaFields('io.k8s.api.storage.v1.CSINode'),
  strategicMerge: true,
  printerColumns: [col('Drivers', 'Drivers is a list of information of all CSI Drivers existing on a node.', 0, 'integer'), ageColumn],
  cells: (o, now) => [arr(o, 'spec.drivers').length, age(o, now)],
  validate: (obj) => validateObjectMeta(obj.metadata, { namespaced: false }),
  tracksGeneration: false,
};

/** storage.k8s.io/v1 ResourceDefs. */
export const storageResources: ResourceDef[] = [storageClassDef, volumeAttachmentDef, csiDriverDef, csiNodeDef];
