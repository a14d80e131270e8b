/**
 * What the VM controller observes about one VM: its VMI, the DataVolumes and PVCs
 * its volumes name, and the time. The pure plan and printable status read only this.
 */
import type { KubeObject } from '../../api/types.js';
import type { Vm, Vmi } from './kubevirt-types.js';

/** The observed world of one VM. */
export interface Observed {
  vm: Vm;
  vmi?: Vmi;
  /** DataVolumes by name (every `dataVolume` volume and template); undefined when missing. */
  dataVolumes: Map<string, KubeObject | undefined>;
  /** PVCs by claim name (every `persistentVolumeClaim` and `dataVolume` volume); undefined when missing. */
  pvcs: Map<string, KubeObject | undefined>;
  now: number;
  /** The VM's instance type (its ControllerRevision's copy once stored): absent when it names none, null when the named one does not exist. */
  instancetype?: KubeObject | null;
  /** The VM's preference, likewise. */
  preference?: KubeObject | null;
  /** The ControllerRevisions holding them. */
  revisions?: { instancetype?: string; preference?: string };
}

/** The names of the DataVolumes a VM's volumes use. */
export function dataVolumeNames(vm: Vm): string[] {
  return (vm.spec.template.spec.volumes ?? []).flatMap((v) => (v.dataVolume ? [v.dataVolume.name] : []));
}

/** The claim names a VM's volumes use (a DataVolume's PVC has the DataVolume's name). */
export function claimNames(vm: Vm): string[] {
  return (vm.spec.template.spec.volumes ?? []).flatMap((v) => (v.dataVolume ? [v.dataVolume.name] : v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : []));
}

/** A DataVolume's `status.phase` (CDI owns it; this controller only reads it). */
export function dvPhase(dv: KubeObject | undefined): string {
  return (dv?.status as { phase?: string } | undefined)?.phase ?? '';
}

/** Phases in which a DataVolume is usable by a VMI: done, or waiting for its first consumer (CDI `types.go`). */
export const DV_READY_PHASES = new Set(['Succeeded', 'WaitForFirstConsumer', 'PendingPopulation']);
