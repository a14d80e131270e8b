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
import { commonPreferences } from './common-preferences.js';
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
    clusterPreferences: mgr.informer(REFS.clusterPreferences),
    preferences: mgr.informer(REFS.preferences),
    controllerRevisions: mgr.informer(REFS.controllerRevisions),
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
  const byName = (what: 'instancetype' | 'preference') => (o: KubeObject) => {
    for (const vm of inf.vms.list()) if (vm.spec[what]?.name === o.metadata.name) ctl.enqueue(key(vm));
  };
  for (const [i, what] of [[inf.clusterInstancetypes, 'instancetype'], [inf.instancetypes, 'instancetype'], [inf.clusterPreferences, 'preference'], [inf.preferences, 'preference']] as const) {
    i.on({ add: byName(what), update: (_, o) => byName(what)(o) });
  }
  // The common instance types and preferences are installed once, as the SSP operator deploys them.
  const installer = mgr.controller('common-instancetypes', async () => {
    const install = async (ref: typeof REFS.clusterInstancetypes | typeof REFS.clusterPreferences, informer: typeof inf.clusterInstancetypes, objs: KubeObject[]) => {
      for (const o of objs) {
        if (!informer.get(o.metadata.name!)) await mgr.client.create(ref, o).catch((e: { code?: number }) => {
          if (e.code !== 409) throw e;
        });
      }
    };
    await install(REFS.clusterInstancetypes, inf.clusterInstancetypes, commonInstancetypes());
    await install(REFS.clusterPreferences, inf.clusterPreferences, commonPreferences());
  });
  installer.enqueue('install');
}

/** Registers KubeVirt's virt-controller loops: VirtualMachines and VirtualMachineInstances. */
export function registerVirtualizationControllers(mgr: Manager, clock: Clock): void {
  registerVirtualMachineController(mgr, clock);
  registerVirtualMachineInstanceController(mgr, clock);
}
