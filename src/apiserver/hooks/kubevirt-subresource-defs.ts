/**
 * The `subresources.kubevirt.io/v1` API that virt-api serves: no object kinds, only
 * subresources of VMs and VMIs (kubevirt/kubevirt `pkg/virt-api/api.go`). These defs
 * describe them to the subresource router (`kubevirt-api.ts`), which keeps them out
 * of the API server's registry so discovery never shows parent resources KubeVirt
 * does not list.
 */
import type { ResourceDef } from '../../api/types.js';

/** Subresources of VirtualMachines. */
export const VM_SUBRESOURCES = ['start', 'stop', 'restart', 'migrate', 'expand-spec'];
/** Subresources of VirtualMachineInstances. */
export const VMI_SUBRESOURCES = ['pause', 'unpause', 'softreboot', 'console', 'vnc', 'guestosinfo', 'userlist', 'filesystemlist'];

const base = { group: 'subresources.kubevirt.io', version: 'v1', namespaced: true, verbs: [] as string[], schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true }, printerColumns: [] };

/** The two parents of KubeVirt's subresource API. */
export const kubevirtSubresourceDefs: ResourceDef[] = [
  { ...base, kind: 'VirtualMachine', plural: 'virtualmachines', singular: 'virtualmachine', subresources: VM_SUBRESOURCES, schemaName: 'io.kubevirt.subresources.v1.VirtualMachine' },
  { ...base, kind: 'VirtualMachineInstance', plural: 'virtualmachineinstances', singular: 'virtualmachineinstance', subresources: VMI_SUBRESOURCES, schemaName: 'io.kubevirt.subresources.v1.VirtualMachineInstance' },
];
