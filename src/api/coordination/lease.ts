/** coordination.k8s.io/v1 Lease: HOLDER AGE (`printLease`). */
import type { ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { ageColumn, col } from '../meta/columns.js';
import { translateTimestampSince } from '../meta/human-duration.js';
import { str } from '../meta/object-access.js';
import { validateObjectMeta } from '../meta/validation.js';

/** The leases resource. */
export const leaseDef: ResourceDef = {
  group: 'coordination.k8s.io', version: 'v1', kind: 'Lease', plural: 'leases', singular: 'lease', namespaced: true,
  ...schemaFields('io.k8s.api.coordination.v1.Lease'),
  strategicMerge: true,
  printerColumns: [col('Holder', 'holderIdentity contains the identity of the holder of a current lease.'), ageColumn],
  cells: (o, now) => [str(o, 'spec.holderIdentity'), translateTimestampSince(o.metadata.creationTimestamp, now)],
  validate: (obj) => validateObjectMeta(obj.metadata, { namespaced: true }),
  tracksGeneration: false,
};

/** coordination.k8s.io/v1 ResourceDefs. */
export const coordinationResources: ResourceDef[] = [leaseDef];
