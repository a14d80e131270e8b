/**
 * Reconciles one VM from its key: reads the VM, its VMI, DataVolumes and PVCs from
 * the informers, runs the plan, applies its actions and writes the status through the
 * status subresource (only when it changed).
 */
import type { KubeObject } from '../../api/types.js';
import type { Client } from '../../client/client.js';
import type { EventRecorder } from '../../client/event-recorder.js';
import type { Informer } from '../../client/informer.js';
import type { Clock } from '../../lib/clock.js';
import type { Result } from '../../runtime/controller.js';
import { REFS, type Vm, type Vmi } from './kubevirt-types.js';
import { claimNames, dataVolumeNames, type Observed } from './observed.js';
import { plan } from './plan.js';

/** The informers the VM controller reads. */
export interface VmInformers {
  vms: Informer<Vm>;
  vmis: Informer<Vmi>;
  dataVolumes: Informer;
  pvcs: Informer;
  clusterInstancetypes: Informer;
  instancetypes: Informer;
}

/** Reconciles the VM `namespace/name`. */
export async function reconcileVm(client: Client, inf: VmInformers, events: EventRecorder, clock: Clock, key: string): Promise<Result | void> {
  const vm = inf.vms.get(key);
  if (!vm) return;
  const ns = vm.metadata.namespace!;
  const dvNames = new Set([...dataVolumeNames(vm), ...(vm.spec.dataVolumeTemplates ?? []).map((t) => t.metadata?.name ?? '')].filter(Boolean));
  const o: Observed = {
    vm,
    vmi: ownedVmi(inf.vmis.get(key), vm),
    dataVolumes: new Map([...dvNames].map((n) => [n, inf.dataVolumes.get(`${ns}/${n}`)])),
    pvcs: new Map(claimNames(vm).map((n) => [n, inf.pvcs.get(`${ns}/${n}`)])),
    now: clock.now(),
    instancetype: instancetypeOf(inf, vm),
  };
  const p = plan(o);
  for (const a of p.actions) {
    if (a.kind === 'createDataVolume') {
      await client.create(REFS.dataVolumes, a.dataVolume).catch(ignoreExists);
    } else if (a.kind === 'createVmi') {
      await client.create(REFS.vmis, a.vmi).catch(ignoreExists);
      await events.record(vm, 'Normal', 'SuccessfulCreate', `Started the virtual machine by creating the new virtual machine instance ${vm.metadata.name}`);
    } else {
      await client.delete(REFS.vmis, ns, vm.metadata.name!, { preconditions: { uid: a.uid } }).catch(ignoreGone);
      await events.record(vm, 'Normal', 'SuccessfulDelete', `Stopped the virtual machine by deleting the virtual machine instance ${a.uid}`);
    }
  }
  if (JSON.stringify(p.status) !== JSON.stringify(vm.status ?? {})) {
    await client.updateStatus(REFS.vms, { ...vm, status: p.status } as KubeObject);
  }
  return p.requeueAfterMs !== undefined ? { requeueAfterMs: p.requeueAfterMs } : undefined;
}

/** The instance type a VM names: undefined when none, null when missing. */
function instancetypeOf(inf: VmInformers, vm: Vm): KubeObject | null | undefined {
  const it = vm.spec.instancetype;
  if (!it) return undefined;
  const found = it.kind === 'VirtualMachineInstancetype' ? inf.instancetypes.get(`${vm.metadata.namespace}/${it.name}`) : inf.clusterInstancetypes.get(it.name);
  return found ?? null;
}

/** A VMI of the VM's name counts only if the VM controls it (or it has no controller). */
function ownedVmi(vmi: Vmi | undefined, vm: Vm): Vmi | undefined {
  const owner = vmi?.metadata.ownerReferences?.find((r) => r.controller);
  return vmi && (!owner || owner.uid === vm.metadata.uid) ? vmi : undefined;
}

function ignoreExists(e: { code?: number }): void {
  if (e.code !== 409) throw e;
}

function ignoreGone(e: { code?: number }): void {
  if (e.code !== 404 && e.code !== 409) throw e;
}
