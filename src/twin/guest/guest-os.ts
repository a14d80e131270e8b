/**
 * Which operating system a VMI's guest runs, from what a real cluster records about
 * it: the OpenShift template labels (`os.template.kubevirt.io/<id>`), the
 * `vm.kubevirt.io/os` annotation, an `os` label, the root disk's image name, and
 * Hyper-V enlightenments (Windows). The catalog holds what each OS reports.
 */
import type { Vmi } from '../../controllers/virtual-machine/kubevirt-types.js';

/** What the guest agent reports (`guestOSInfo`) plus the console banner facts. */
export interface GuestOs {
  family: 'linux' | 'windows';
  id: string;
  name: string;
  prettyName: string;
  version: string;
  versionId: string;
  kernelRelease: string;
  kernelVersion: string;
  machine: string;
}

/** Known guests (Windows Server 2022: Datacenter, build 20348). RHEL 9.4 (Plow) ships kernel 5.14.0-427.el9 (Red Hat's RHEL release dates and kernel versions table). */
export const GUEST_CATALOG: Record<string, GuestOs> = {
  'rhel9.4': { family: 'linux', id: 'rhel', name: 'Red Hat Enterprise Linux', prettyName: 'Red Hat Enterprise Linux 9.4 (Plow)', version: '9.4 (Plow)', versionId: '9.4', kernelRelease: '5.14.0-427.el9.x86_64', kernelVersion: '#1 SMP PREEMPT_DYNAMIC Fri Feb 23 04:43:07 EST 2024', machine: 'x86_64' },
  'rhel8.10': { family: 'linux', id: 'rhel', name: 'Red Hat Enterprise Linux', prettyName: 'Red Hat Enterprise Linux 8.10 (Ootpa)', version: '8.10 (Ootpa)', versionId: '8.10', kernelRelease: '4.18.0-553.el8_10.x86_64', kernelVersion: '#1 SMP Fri Apr 19 11:02:39 EDT 2024', machine: 'x86_64' },
  'fedora40': { family: 'linux', id: 'fedora', name: 'Fedora Linux', prettyName: 'Fedora Linux 40 (Cloud Edition)', version: '40 (Cloud Edition)', versionId: '40', kernelRelease: '6.8.5-301.fc40.x86_64', kernelVersion: '#1 SMP PREEMPT_DYNAMIC Thu Apr 11 20:00:10 UTC 2024', machine: 'x86_64' },
  'windows2k22': { family: 'windows', id: 'mswindows', name: 'Microsoft Windows', prettyName: 'Windows Server 2022 Datacenter', version: '2022', versionId: '2022', kernelRelease: '20348', kernelVersion: '10.0', machine: 'x86_64' },
  'windows11': { family: 'windows', id: 'mswindows', name: 'Microsoft Windows', prettyName: 'Windows 11 Enterprise', version: '11', versionId: '11', kernelRelease: '22631', kernelVersion: '10.0', machine: 'x86_64' },
};

/** Guess the catalog key from free text (a label value, an image URL). */
function keyFromText(text: string): string | undefined {
  const t = text.toLowerCase();
  if (/win(dows)?[-_ ]?(server[-_ ]?)?(2k22|2022)/.test(t)) return 'windows2k22';
  if (/win(dows)?[-_ ]?11/.test(t)) return 'windows11';
  if (/rhel[-_ ]?8/.test(t)) return 'rhel8.10';
  if (/rhel[-_ ]?9/.test(t) || /red ?hat/.test(t)) return 'rhel9.4';
  if (/fedora/.test(t)) return 'fedora40';
  if (/win/.test(t)) return 'windows2k22';
  return undefined;
}

/** The guest OS of a VMI; `hints` are extra texts such as the root disk's image URL. */
export function guestOsOf(vmi: Vmi, hints: string[] = []): GuestOs {
  const labels = vmi.metadata.labels ?? {};
  const annotations = vmi.metadata.annotations ?? {};
  const texts = [
    ...Object.keys(labels).filter((k) => k.startsWith('os.template.kubevirt.io/')).map((k) => k.slice('os.template.kubevirt.io/'.length)),
    annotations['vm.kubevirt.io/os'] ?? '',
    labels['kubevirt.io/os'] ?? '',
    labels.os ?? '',
    ...hints,
  ];
  for (const t of texts) {
    const k = t && keyFromText(t);
    if (k) return GUEST_CATALOG[k];
  }
  // Hyper-V enlightenments are what Windows templates set; Linux images are the common case otherwise.
  return vmi.spec.domain.features?.hyperv ? GUEST_CATALOG.windows2k22 : GUEST_CATALOG['rhel9.4'];
}
