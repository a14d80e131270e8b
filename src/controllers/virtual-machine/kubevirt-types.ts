/**
 * The slices of KubeVirt's and CDI's objects the VM and VMI controllers read, typed
 * loosely after kubevirt/kubevirt `staging/src/kubevirt.io/api/core/v1/types.go`
 * (the API schema is the authority; these are views).
 */
import type { KubeObject } from '../../api/types.js';

/** A status condition as KubeVirt writes them. */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string | null;
  lastProbeTime?: string | null;
}

/** A VMI volume (only the sources the controllers look at). */
export interface Volume {
  name: string;
  dataVolume?: { name: string };
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean };
  cloudInitNoCloud?: { userData?: string; userDataBase64?: string; networkData?: string; userDataSecretRef?: { name: string }; networkDataSecretRef?: { name: string } };
  cloudInitConfigDrive?: { userData?: string; userDataSecretRef?: { name: string } };
  containerDisk?: { image: string };
  emptyDisk?: unknown;
  hostDisk?: { shared?: boolean };
  [k: string]: unknown;
}

/** VirtualMachineInstanceSpec, the parts read here. */
export interface VmiSpec {
  domain: {
    cpu?: { cores?: number; sockets?: number; threads?: number; dedicatedCpuPlacement?: boolean; model?: string };
    memory?: { guest?: string; hugepages?: { pageSize: string } };
    machine?: { type?: string };
    resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
    firmware?: { bootloader?: { efi?: { secureBoot?: boolean; persistent?: boolean }; bios?: unknown } };
    features?: { smm?: unknown; hyperv?: Record<string, unknown> };
    devices?: {
      disks?: { name: string; disk?: { bus?: string }; cdrom?: { bus?: string }; lun?: { bus?: string; reservation?: boolean } }[];
      interfaces?: { name: string; masquerade?: unknown; bridge?: unknown; passt?: unknown; sriov?: unknown; macAddress?: string; model?: string }[];
      hostDevices?: unknown[];
      gpus?: unknown[];
      tpm?: { enabled?: boolean; persistent?: boolean };
      autoattachGraphicsDevice?: boolean;
      autoattachSerialConsole?: boolean;
    };
  };
  volumes?: Volume[];
  networks?: { name: string; pod?: unknown; multus?: { networkName: string } }[];
  nodeSelector?: Record<string, string>;
  affinity?: unknown;
  tolerations?: unknown[];
  hostname?: string;
  subdomain?: string;
  terminationGracePeriodSeconds?: number;
  evictionStrategy?: string;
  startStrategy?: string;
  priorityClassName?: string;
  schedulerName?: string;
}

/** A VirtualMachineInstance. */
export interface Vmi extends KubeObject {
  spec: VmiSpec;
  status?: {
    phase?: string;
    nodeName?: string;
    reason?: string;
    conditions?: Condition[];
    phaseTransitionTimestamps?: { phase: string; phaseTransitionTimestamp: string }[];
    interfaces?: Record<string, unknown>[];
    guestOSInfo?: Record<string, string>;
    migrationState?: { completed?: boolean; failed?: boolean; startTimestamp?: string };
    activePods?: Record<string, string>;
    [k: string]: unknown;
  };
}

/** A state change request in VM status (virt-api writes them, the VM controller consumes them). */
export interface StateChangeRequest {
  action: 'Start' | 'Stop';
  uid?: string;
  data?: Record<string, string>;
}

/** VirtualMachineStatus, the parts written here. */
export interface VmStatus {
  printableStatus?: string;
  ready?: boolean;
  created?: boolean;
  conditions?: Condition[];
  stateChangeRequests?: StateChangeRequest[];
  startFailure?: { retries?: number; consecutiveFailCount?: number; lastFailedVMIUID?: string; retryAfterTimestamp?: string };
  observedGeneration?: number;
  desiredGeneration?: number;
  runStrategy?: string;
  instancetypeRef?: Record<string, unknown>;
  [k: string]: unknown;
}

/** A VirtualMachine. */
export interface Vm extends KubeObject {
  spec: {
    running?: boolean;
    runStrategy?: string;
    instancetype?: { name: string; kind?: string; revisionName?: string; inferFromVolume?: string; inferFromVolumeFailurePolicy?: string };
    preference?: { name: string; kind?: string; revisionName?: string; inferFromVolume?: string; inferFromVolumeFailurePolicy?: string };
    template: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec: VmiSpec };
    dataVolumeTemplates?: { apiVersion?: string; kind?: string; metadata?: { name?: string; labels?: Record<string, string>; annotations?: Record<string, string> }; spec: Record<string, unknown> }[];
  };
  status?: VmStatus;
}

/** Resource references used with the client. */
export const REFS = {
  vms: { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachines', namespaced: true },
  vmis: { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachineinstances', namespaced: true },
  vmims: { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachineinstancemigrations', namespaced: true },
  dataVolumes: { group: 'cdi.kubevirt.io', version: 'v1beta1', plural: 'datavolumes', namespaced: true },
  pvcs: { group: '', version: 'v1', plural: 'persistentvolumeclaims', namespaced: true },
  pods: { group: '', version: 'v1', plural: 'pods', namespaced: true },
  secrets: { group: '', version: 'v1', plural: 'secrets', namespaced: true },
  clusterInstancetypes: { group: 'instancetype.kubevirt.io', version: 'v1beta1', plural: 'virtualmachineclusterinstancetypes', namespaced: false },
  instancetypes: { group: 'instancetype.kubevirt.io', version: 'v1beta1', plural: 'virtualmachineinstancetypes', namespaced: true },
  clusterPreferences: { group: 'instancetype.kubevirt.io', version: 'v1beta1', plural: 'virtualmachineclusterpreferences', namespaced: false },
  preferences: { group: 'instancetype.kubevirt.io', version: 'v1beta1', plural: 'virtualmachinepreferences', namespaced: true },
  controllerRevisions: { group: 'apps', version: 'v1', plural: 'controllerrevisions', namespaced: true },
} as const;

/** The VMI phases [KV-T]: "", Pending, Scheduling, Scheduled, Running, Succeeded, Failed, WaitingForSync, Unknown. */
export type VmiPhase = '' | 'Pending' | 'Scheduling' | 'Scheduled' | 'Running' | 'Succeeded' | 'Failed' | 'WaitingForSync' | 'Unknown';

/** Whether a VMI phase is final (`IsFinal`: Succeeded or Failed). */
export function isFinal(vmi: Vmi | undefined): boolean {
  const p = vmi?.status?.phase;
  return p === 'Succeeded' || p === 'Failed';
}

/** A condition of an object by type. */
export function conditionOf(conds: Condition[] | undefined, type: string): Condition | undefined {
  return conds?.find((c) => c.type === type);
}
