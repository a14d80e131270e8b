/**
 * The objects a VM owns, built from its spec: the VMI (named after the VM, from
 * `spec.template`) and the DataVolumes of `spec.dataVolumeTemplates`, each with a
 * controller owner reference to the VM so the garbage collector removes them with it.
 */
import type { KubeObject, OwnerReference } from '../../api/types.js';
import type { Vm, Vmi, VmiSpec } from './kubevirt-types.js';

/** The controller owner reference to a VM. */
export function vmOwnerRef(vm: Vm): OwnerReference {
  return { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', name: vm.metadata.name!, uid: vm.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** The VMI a VM starts: same name and namespace, the template's labels, annotations and spec (expanded with the instance type and preference when given). */
export function vmiFor(vm: Vm, expanded?: { spec: VmiSpec; annotations: Record<string, string> }): Vmi {
  const t = vm.spec.template;
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: {
      name: vm.metadata.name,
      namespace: vm.metadata.namespace,
      labels: { ...(t.metadata?.labels ?? {}) },
      // virt-controller records which VM generation the VMI was made from (`kubevirt.io/vm-generation`).
      annotations: { ...(t.metadata?.annotations ?? {}), ...(expanded?.annotations ?? {}), 'kubevirt.io/vm-generation': String(vm.metadata.generation ?? 1) },
      ownerReferences: [vmOwnerRef(vm)],
    },
    spec: structuredClone(expanded?.spec ?? t.spec),
  };
}

/** The DataVolumes of a VM's templates. */
export function dataVolumesFor(vm: Vm): KubeObject[] {
  return (vm.spec.dataVolumeTemplates ?? []).map((t) => ({
    apiVersion: 'cdi.kubevirt.io/v1beta1',
    kind: 'DataVolume',
    metadata: {
      name: t.metadata?.name,
      namespace: vm.metadata.namespace,
      ...(t.metadata?.labels ? { labels: { ...t.metadata.labels } } : {}),
      ...(t.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
      ownerReferences: [vmOwnerRef(vm)],
    },
    spec: structuredClone(t.spec),
  }));
}
