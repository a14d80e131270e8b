/**
 * twin.ove.dev/v1alpha1 Fault: a failure injected into the datacenter twin (a node, a
 * drive, a link, a switch or a PDU), as an API object so it is visible, auditable and
 * scriptable. Deleting the Fault repairs the target.
 */
import type { FieldCause, KubeObject, ResourceDef } from '../types.js';

/** What a Fault can target. */
export const FAULT_TARGET_KINDS = ['Node', 'Disk', 'Link', 'Switch', 'PDU'] as const;

const schema = {
  type: 'object',
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      required: ['target'],
      properties: {
        target: {
          type: 'object',
          required: ['kind', 'name'],
          properties: {
            kind: { type: 'string', enum: [...FAULT_TARGET_KINDS], description: 'Node, Disk (`<node>/<drive>`), Link (`<device>:<port>`), Switch or PDU.' },
            name: { type: 'string', description: 'The target as the cluster definition names it.' },
          },
        },
        description: { type: 'string', description: 'Why, for the record.' },
      },
    },
    status: {
      type: 'object',
      properties: {
        phase: { type: 'string', description: 'Active once the twin applied it; Invalid when the target does not exist.' },
        since: { type: 'string', format: 'date-time' },
        affectedNodes: { type: 'array', items: { type: 'string' }, description: 'Nodes that lost power or connectivity through this fault.' },
        message: { type: 'string' },
      },
    },
  },
};

/** The faults resource (cluster-scoped). */
export const faultDef: ResourceDef = {
  group: 'twin.ove.dev',
  version: 'v1alpha1',
  kind: 'Fault',
  plural: 'faults',
  singular: 'fault',
  namespaced: false,
  categories: ['twin'],
  subresources: ['status'],
  schemaName: 'dev.ove.twin.v1alpha1.Fault',
  schema,
  printerColumns: [
    { name: 'Target-Kind', type: 'string', jsonPath: '.spec.target.kind' },
    { name: 'Target', type: 'string', jsonPath: '.spec.target.name' },
    { name: 'Phase', type: 'string', jsonPath: '.status.phase' },
    { name: 'Affected', type: 'string', jsonPath: '.status.affectedNodes', priority: 1 },
    { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
  ],
  validate(obj: KubeObject): FieldCause[] {
    const t = (obj.spec as { target?: { kind?: string; name?: string } } | undefined)?.target;
    if (t?.kind === 'Disk' && t.name && !t.name.includes('/')) {
      return [{ reason: 'FieldValueInvalid', field: 'spec.target.name', message: `Invalid value: "${t.name}": a disk is named <node>/<drive>, e.g. worker-5/nvme3n1` }];
    }
    return [];
  },
};

/** The twin's own API kinds. */
export const twinResources: ResourceDef[] = [faultDef];
