/**
 * The ControllerRevisions KubeVirt keeps of a VM's instance type and preference, so a running
 * VM keeps the copy it started with when the object changes later (kubevirt/kubevirt
 * `pkg/instancetype/revision`; user-guide `instancetypes.md` "Versioning"): named
 * `<vm>-<object>-<object uid>-<object generation>`, owned by the VM, holding the whole object
 * in `data`, revision 0. The VM records it in `status.{instancetype,preference}Ref.controllerRevisionRef`;
 * a `revisionName` in the matcher pins one explicitly.
 */
import type { KubeObject } from '../../api/types.js';
import { vmOwnerRef } from './children.js';
import type { Vm } from './kubevirt-types.js';

/** The revision's name for a VM and an instance type or preference object. */
export function revisionName(vm: Vm, obj: KubeObject): string {
  return `${vm.metadata.name}-${obj.metadata.name}-${obj.metadata.uid}-${obj.metadata.generation ?? 1}`;
}

/** The ControllerRevision holding `obj` for `vm`. */
export function revisionFor(vm: Vm, obj: KubeObject): KubeObject {
  const m = obj.metadata;
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: revisionName(vm, obj),
      namespace: vm.metadata.namespace,
      ownerReferences: [vmOwnerRef(vm)],
      labels: {
        'instancetype.kubevirt.io/object-kind': obj.kind,
        'instancetype.kubevirt.io/object-name': m.name!,
        'instancetype.kubevirt.io/object-uid': m.uid!,
        'instancetype.kubevirt.io/object-generation': String(m.generation ?? 1),
        'instancetype.kubevirt.io/object-version': obj.apiVersion.split('/')[1] ?? obj.apiVersion,
      },
    },
    data: {
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      metadata: { name: m.name, ...(m.namespace ? { namespace: m.namespace } : {}), uid: m.uid, generation: m.generation ?? 1, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
      spec: structuredClone(obj.spec),
    },
    revision: 0,
  } as KubeObject;
}

/** The object a revision holds. */
export function revisionData(cr: KubeObject): KubeObject {
  return (cr as KubeObject & { data: KubeObject }).data;
}
