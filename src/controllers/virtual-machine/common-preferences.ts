/**
 * The common cluster preferences KubeVirt ships beside the instance types
 * (kubevirt/common-instancetypes `preferences/`), composed as its kustomizations compose them:
 * the Linux base (`diskbus-virtio-blk`, `interfacemodel-virtio-net`, `rng`), RHEL 9 adding
 * `disk-dedicatediothread` and `secureboot` (SMM, EFI, Secure Boot), CentOS Stream 9 adding
 * the dedicated IOThread; the Windows base (`hyperv` clock and enlightenments,
 * `cpu-topology-sockets`, `diskbus-sata`, `interfacemodel-e1000e`, `tablet-usb`, the long
 * grace period) with Windows 11 and Server 2022 adding `tpm` (persistent) and `secureboot`.
 * The per-OS `requirements` (minimum vCPUs and memory) are not shipped here.
 */
import type { KubeObject } from '../../api/types.js';

const linux = { devices: { preferredDiskBus: 'virtio', preferredInterfaceModel: 'virtio', preferredRng: {} } };
const dedicatedIoThread = { preferredDiskDedicatedIoThread: true };
const secureboot = { features: { preferredSmm: {} }, firmware: { preferredUseEfi: true, preferredUseSecureBoot: true } };
const windows = {
  clock: { preferredClockOffset: { utc: {} }, preferredTimer: { hpet: { present: false }, pit: { tickPolicy: 'delay' }, rtc: { tickPolicy: 'catchup' }, hyperv: {} } },
  cpu: { preferredCPUTopology: 'preferSockets' },
  devices: { preferredDiskBus: 'sata', preferredInterfaceModel: 'e1000e', preferredInputBus: 'usb', preferredInputType: 'tablet' },
  features: {
    preferredAcpi: {}, preferredApic: {},
    preferredHyperv: { relaxed: {}, vapic: {}, vpindex: {}, spinlocks: { spinlocks: 8191 }, synic: {}, synictimer: { direct: {} }, tlbflush: {}, frequencies: {}, reenlightenment: {}, ipi: {}, runtime: {}, reset: {} },
  },
  // The Windows templates give the guest an hour to shut down.
  preferredTerminationGracePeriodSeconds: 3600,
};
const windowsSecure = { ...windows, devices: { ...windows.devices, preferredTPM: { persistent: true } }, features: { ...windows.features, ...secureboot.features }, firmware: secureboot.firmware };

/** name → [os type, display name, spec]. */
const PREFERENCES: Record<string, ['linux' | 'windows', string, Record<string, unknown>]> = {
  'rhel.8': ['linux', 'Red Hat Enterprise Linux 8', linux],
  'rhel.9': ['linux', 'Red Hat Enterprise Linux 9', { ...linux, devices: { ...linux.devices, ...dedicatedIoThread }, ...secureboot }],
  'centos.stream9': ['linux', 'CentOS Stream 9', { ...linux, devices: { ...linux.devices, ...dedicatedIoThread } }],
  fedora: ['linux', 'Fedora', linux],
  ubuntu: ['linux', 'Ubuntu', linux],
  'windows.10': ['windows', 'Microsoft Windows 10', windows],
  'windows.11': ['windows', 'Microsoft Windows 11', windowsSecure],
  'windows.2k22': ['windows', 'Microsoft Windows Server 2022', windowsSecure],
};

/** Every common preference as a VirtualMachineClusterPreference. */
export function commonPreferences(): KubeObject[] {
  return Object.entries(PREFERENCES).map(([name, [os, display, spec]]) => ({
    apiVersion: 'instancetype.kubevirt.io/v1beta1',
    kind: 'VirtualMachineClusterPreference',
    metadata: {
      name,
      labels: { 'instancetype.kubevirt.io/vendor': 'kubevirt.io', 'instancetype.kubevirt.io/common-instancetypes-version': 'v1.4.0', 'instancetype.kubevirt.io/os-type': os },
      annotations: { 'openshift.io/display-name': display, 'iconClass': `icon-${name.split('.')[0]}` },
    },
    spec: structuredClone(spec),
  }));
}
