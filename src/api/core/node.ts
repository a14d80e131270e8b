/** core/v1 Node: STATUS and ROLES as `printNode` computes them (`pkg/printers/internalversion/printers.go`). */
import type { KubeObject, ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { ageColumn, col } from '../meta/columns.js';
import { translateTimestampSince } from '../meta/human-duration.js';
import { arr, fieldBool, rec, str } from '../meta/object-access.js';
import { validateObjectMeta } from '../meta/validation.js';

const ROLE_PREFIX = 'node-role.kubernetes.io/';
const LEGACY_ROLE_LABEL = 'kubernetes.io/role';

/** The STATUS cell: `Ready`/`NotReady`/`Unknown`, plus `SchedulingDisabled` when cordoned. */
export function nodeStatus(node: KubeObject): string {
  const status: string[] = [];
  // NodeAllConditions is only Ready; any non-True status prints as NotReady.
  const ready = arr(node, 'status.conditions').filter((c) => c.type === 'Ready').pop();
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if ((node.spec as Record<string, unknown> | undefined)?.unschedulable === true) status.push('SchedulingDisabled');
  return status.join(',');
}

/** `findNodeRoles`: sorted roles from `node-role.kubernetes.io/<role>` and `kubernetes.io/role` labels. */
export function nodeRoles(node: KubeObject): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === LEGACY_ROLE_LABEL && v !== '') roles.add(v);
  }
  return [...roles].sort();
}

function address(node: KubeObject, type: string): string {
  return str(arr(node, 'status.addresses').find((a) => a.type === type), 'address') || '<none>';
}

/** Node cells after NAME, wide included. */
export function nodeCells(node: KubeObject, nowMs: number): unknown[] {
  const info = rec<string>(node, 'status.nodeInfo');
  return [
    nodeStatus(node), nodeRoles(node).join(',') || '<none>', translateTimestampSince(node.metadata.creationTimestamp, nowMs), info.kubeletVersion ?? '',
    address(node, 'InternalIP'), address(node, 'ExternalIP'), info.osImage || '<unknown>', info.kernelVersion || '<unknown>', info.containerRuntimeVersion || '<unknown>',
  ];
}

/** The nodes resource. */
export const nodeDef: ResourceDef = {
  group: '', version: 'v1', kind: 'Node', plural: 'nodes', singular: 'node', namespaced: false,
  shortNames: ['no'], subresources: ['status'],
  ...schemaFields('io.k8s.api.core.v1.Node'),
  strategicMerge: true,
  printerColumns: [
    col('Status', 'The status of the node'),
    col('Roles', 'The roles of the node'),
    ageColumn,
    col('Version', 'Kubelet Version reported by the node.'),
    col('Internal-IP', 'List of addresses reachable to the node. Queried from cloud provider, if available.', 1),
    col('External-IP', 'List of addresses reachable to the node. Queried from cloud provider, if available.', 1),
    col('OS-Image', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).', 1),
    col('Kernel-Version', "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", 1),
    col('Container-Runtime', 'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).', 1),
  ],
  cells: nodeCells,
  // pkg/registry/core/node/strategy.go NodeToSelectableFields
  fieldSelectors: { 'spec.unschedulable': (o) => fieldBool(o, 'spec.unschedulable') },
  validate: (obj) => validateObjectMeta(obj.metadata, { namespaced: false }),
  tracksGeneration: false,
};
