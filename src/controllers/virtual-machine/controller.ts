/**
 * The VirtualMachine controller (KubeVirt's virt-controller VM loop): watches VMs and
 * what they own (VMIs, DataVolumes) plus the PVCs they use, and reconciles each VM
 * by key. `registerVirtualMachineController` wires it into a manager.
 */
import type { KubeObject } from '../../api/types.js';
import { EventRecorder } from '../../client/event-recorder.js';
import type { Clock } from '../../lib/clock.js';
import type { Manager } from '../../runtime/manager.js';
import { REFS, type Vm, type Vmi } from './kubevirt-types.js';
import { claimNames, dataVolumeNames } from './observed.js';
import { reconcileVm } from './reconcile.js';
import { commonInstancetypes } from './common-instancetypes.js';
import { registerVirtualMachineInstanceController } from '../virtual-machine-instance/controller.js';

/** Registers the VM controller with a manager. */
export function registerVirtualMachineController(mgr: Manager, clock: Clock): void {
  const inf = {
    vms: mgr.informer<Vm>(REFS.vms),
    vmis: mgr.informer<Vmi>(REFS.vmis),
    dataVolumes: mgr.informer(REFS.dataVolumes),
    pvcs: mgr.informer(REFS.pvcs),
    clusterInstancetypes: mgr.informer(REFS.clusterInstancetypes),
    instancetypes: mgr.informer(REFS.instancetypes),
  };
  const events = new EventRecorder(mgr.client, clock, 'virtualmachine-controller');
  const ctl = mgr.controller('virtualmachine', (key) => reconcileVm(mgr.client, inf, events, clock, key), 4);
  const key = (o: KubeObject) => `${o.metadata.namespace}/${o.metadata.name}`;
  inf.vms.on({ add: (v) => ctl.enqueue(key(v)), update: (_, v) => ctl.enqueue(key(v)) });
  const byOwner = (o: KubeObject) => {
    const owner = o.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'VirtualMachine');
    if (owner) ctl.enqueue(`${o.metadata.namespace}/${owner.name}`);
  };
  const onVmi = (v: Vmi) => ctl.enqueue(key(v));
  inf.vmis.on({ add: onVmi, update: (_, v) => onVmi(v), delete: onVmi });
  // A DataVolume or PVC may be used by VMs that do not own it: find them by volume.
  const users = (o: KubeObject, names: (vm: Vm) => string[]) => {
    byOwner(o);
    for (const vm of inf.vms.list()) if (vm.metadata.namespace === o.metadata.namespace && names(vm).includes(o.metadata.name!)) ctl.enqueue(key(vm));
  };
  inf.dataVolumes.on({ add: (d) => users(d, dataVolumeNames), update: (_, d) => users(d, dataVolumeNames), delete: (d) => users(d, dataVolumeNames) });
  inf.pvcs.on({ add: (p) => users(p, claimNames), update: (_, p) => users(p, claimNames), delete: (p) => users(p, claimNames) });
  const byInstancetype = (it: KubeObject) => {
    for (const vm of inf.vms.list()) if (vm.spec.instancetype?.name === it.metadata.name) ctl.enqueue(key(vm));
  };
  inf.clusterInstancetypes.on({ add: byInstancetype, update: (_, it) => byInstancetype(it) });
  inf.instancetypes.on({ add: byInstancetype, update: (_, it) => byInstancetype(it) });
  // The common instance types are installed once, as the SSP operator deploys them.
  const installer = mgr.controller('common-instancetypes', async () => {
    for (const it of commonInstancetypes()) {
      if (!inf.clusterInstancetypes.get(it.metadata.name!)) await mgr.client.create(REFS.clusterInstancetypes, it).catch((e: { code?: number }) => {
        if (e.code !== 409) throw e;
      });
    }
  });
  installer.enqueue('install');
}

/** Registers KubeVirt's virt-controller loops: VirtualMachines and VirtualMachineInstances. */
export function registerVirtualizationControllers(mgr: Manager, clock: Clock): void {
  registerVirtualMachineController(mgr, clock);
  registerVirtualMachineInstanceController(mgr, clock);
}
