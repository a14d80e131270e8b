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
import { resolveMatcher, type SpecStore } from './resolve-specs.js';

/** The informers the VM controller reads. */
export interface VmInformers {
  vms: Informer<Vm>;
  vmis: Informer<Vmi>;
  dataVolumes: Informer;
  pvcs: Informer;
  clusterInstancetypes: Informer;
  instancetypes: Informer;
  clusterPreferences: Informer;
  preferences: Informer;
  controllerRevisions: Informer;
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
  };
  const store = specStore(client, inf);
  for (const what of ['instancetype', 'preference'] as const) {
    if (!vm.spec[what]) continue;
    const r = await resolveMatcher(store, vm, what, { store: !vm.metadata.deletionTimestamp });
    o[what] = r.obj;
    if (r.revision) (o.revisions ??= {})[what] = r.revision;
  }
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

/** Lookups through the informers; a ControllerRevision not yet in its informer is read from the server. */
function specStore(client: Client, inf: VmInformers): SpecStore {
  const informers = new Map<string, Informer>([
    [REFS.clusterInstancetypes.plural, inf.clusterInstancetypes], [REFS.instancetypes.plural, inf.instancetypes],
    [REFS.clusterPreferences.plural, inf.clusterPreferences], [REFS.preferences.plural, inf.preferences], [REFS.controllerRevisions.plural, inf.controllerRevisions],
  ]);
  return {
    async get(ref, ns, name) {
      const cached = informers.get(ref.plural)?.get(ns ? `${ns}/${name}` : name);
      if (cached || ref !== REFS.controllerRevisions) return cached;
      return client.get(ref, ns, name).catch((e: { code?: number }) => (e.code === 404 ? undefined : Promise.reject(e)));
    },
    async create(ref, obj) {
      await client.create(ref, obj).catch(ignoreExists);
    },
  };
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
