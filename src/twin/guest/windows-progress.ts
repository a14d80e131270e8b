/**
 * The twin virt-handler's side of a Windows guest: it acts on the operator's annotations
 * (start the install, set the Administrator password, load drivers, install qemu-ga), keeps
 * the screen in `twin.ove.dev/windows-setup` with an Event per change, writes the install's
 * bytes into the root volume (thin-provisioning accounting), and records the installed
 * system on the root PVC so the next boot of the disk starts Windows instead of Setup.
 */
import type { KubeObject } from '../../api/types.js';
import type { Client } from '../../client/client.js';
import type { EventRecorder } from '../../client/event-recorder.js';
import type { Vmi } from '../../controllers/virtual-machine/kubevirt-types.js';
import { parseQuantity } from '../../lib/quantity.js';
import type { VolumeProvisioner } from '../../controllers/persistent-volume/provisioner.js';
import type { BootParams } from './boot-model.js';
import type { Guest } from './guest.js';
import { INSTALLED_BYTES, randomComputerName } from './windows-install.js';
import { INSTALL_GUEST_AGENT, INSTALL_STARTED, loadedDrivers, SET_ADMIN_PASSWORD, WINDOWS_DISK, WINDOWS_INSTALL, windowsDiskOf, windowsView, type WindowsDisk } from './windows-guest.js';
import { hasVirtioCd, setupDriveState, WINDOWS_SETUP, windowsSetup } from './windows-setup.js';

/** VMI annotation written by the twin: the guest's DHCP lease on the masquerade network, once NetKVM is bound. */
export const DHCP_LEASE = 'twin.ove.dev/windows-dhcp-lease';

// KubeVirt's masquerade binding serves the guest 10.0.2.2/24 with gateway 10.0.2.1 from its
// DHCP server in the launcher (kubevirt.io user guide, "Interfaces and Networks", masquerade).
const LEASE = '10.0.2.2/24';
const GATEWAY = '10.0.2.1';

/** What the Windows step needs from the handler. */
export interface WindowsDeps {
  client: Client;
  events: EventRecorder;
  provisioner?: VolumeProvisioner;
  /** The root disk's claim, when the VMI has one. */
  rootPvc?: KubeObject;
}

const PVCS = { group: '', version: 'v1', plural: 'persistentvolumeclaims', namespaced: true };
const PVS = { group: '', version: 'v1', plural: 'persistentvolumes', namespaced: false };

/** Advances the Windows guest at `nowMs`, writing annotations on `next`; returns when (s after boot) it is next due. */
export async function windowsStep(d: WindowsDeps, vmi: Vmi, next: Vmi, g: Guest, nowMs: number, p: BootParams): Promise<number | undefined> {
  const el = (nowMs - (g.bootStartMs ?? nowMs)) / 1000;
  const ann = () => (next.metadata.annotations ??= {});
  const rec = (type: 'Normal' | 'Warning', reason: string, message: string) => d.events.record(vmi, type, reason, message);
  if (!ann()[INSTALL_STARTED] && !windowsDiskOf(next)) {
    if (g.timeline.windowsSetup === undefined || el < g.timeline.windowsSetup) return g.timeline.windowsSetup;
    const start = ann()[WINDOWS_INSTALL] === 'start';
    // "Next" with no drive listed leaves Setup on its drive list, saying why.
    if (start && setupDriveState(next).state !== 'DisksVisible') {
      if (ann()[WINDOWS_SETUP] !== 'NoDiskSelected') await rec('Warning', 'NoDiskSelected', 'Windows Setup: no drive to install on is listed; load the viostor driver first');
      ann()[WINDOWS_SETUP] = 'NoDiskSelected';
      return undefined;
    }
    await windowsSetup(d.client, d.events, vmi, next, g, el);
    if (!start) return undefined;
    ann()[INSTALL_STARTED] = new Date(nowMs).toISOString();
    await rec('Normal', 'InstallStarted', `Windows Setup: installing Windows Server 2022 Datacenter (Desktop Experience) on Drive 0 Unallocated Space (${gib(diskBytes(d.rootPvc))} GB)`);
  }
  let disk = windowsDiskOf(next);
  const before = JSON.stringify(disk);
  let v = windowsView(next, g, nowMs, p);
  if (v.writtenBytes !== undefined) await writeInstall(d, v.writtenBytes);
  if (v.screen === 'CustomizeSettings' && !disk) {
    const started = Date.parse(ann()[INSTALL_STARTED]);
    disk = { computerName: randomComputerName(d.rootPvc?.metadata.uid ?? vmi.metadata.uid!), usedBytes: INSTALLED_BYTES, installedAt: nowMs, drivers: Object.fromEntries(loadedDrivers(next).map((x) => [x, started])) };
    await rec('Normal', 'WindowsInstalled', `Windows is installed on the VirtIO disk (${(INSTALLED_BYTES / 1e9).toFixed(1)} GB used); computer name ${disk.computerName}; drivers ${Object.keys(disk.drivers).join(', ')}`);
  }
  if (disk && v.screen === 'CustomizeSettings' && ann()[SET_ADMIN_PASSWORD] === 'true' && disk.oobeDoneAt === undefined) disk.oobeDoneAt = nowMs;
  if (disk && v.osUp !== undefined && el >= v.osUp) await afterLogon(d, next, disk, nowMs, rec);
  if (JSON.stringify(disk) !== before) {
    ann()[WINDOWS_DISK] = JSON.stringify(disk);
    if (d.rootPvc) await d.client.patch(PVCS, d.rootPvc.metadata.namespace, d.rootPvc.metadata.name!, 'merge', { metadata: { annotations: { [WINDOWS_DISK]: ann()[WINDOWS_DISK] } } });
    v = windowsView(next, g, nowMs, p);
  }
  if (v.screen && ann()[WINDOWS_SETUP] !== v.screen) {
    ann()[WINDOWS_SETUP] = v.screen;
    await rec('Normal', v.screen === 'Restarting' ? 'GuestRestarting' : v.screen, v.text ?? v.screen);
  }
  if (v.nicUp !== undefined && el >= v.nicUp && !ann()[DHCP_LEASE]) {
    ann()[DHCP_LEASE] = LEASE;
    await rec('Normal', 'GuestNetworkUp', `NetKVM bound the VirtIO NIC "Ethernet": DHCP lease ${LEASE}, gateway ${GATEWAY}, from the masquerade DHCP server`);
  }
  return v.nextAt;
}

/** Device Manager and msiexec on the installed system: drivers and qemu-ga from the virtio-win CD (D:). */
async function afterLogon(d: WindowsDeps, next: Vmi, disk: WindowsDisk, nowMs: number, rec: (t: 'Normal' | 'Warning', r: string, m: string) => Promise<void>): Promise<void> {
  const wanted = loadedDrivers(next).filter((x) => disk.drivers[x] === undefined);
  const wantsAgent = next.metadata.annotations?.[INSTALL_GUEST_AGENT] === 'true' && disk.guestAgentAt === undefined;
  if (!wanted.length && !wantsAgent) return;
  if (!hasVirtioCd(next)) {
    const msg = `No CD-ROM with the virtio-win drivers is attached: cannot install ${[...wanted, ...(wantsAgent ? ['qemu-ga'] : [])].join(', ')}`;
    await rec('Warning', 'DriverNotFound', msg);
    return;
  }
  for (const x of wanted) {
    disk.drivers[x] = nowMs;
    await rec('Normal', 'DriverInstalled', `Device Manager: installed ${x} from D:\\${x}\\2k22\\amd64`);
  }
  if (wantsAgent) {
    disk.guestAgentAt = nowMs;
    await rec('Normal', 'GuestAgentInstalled', 'Installed QEMU guest agent from D:\\guest-agent\\qemu-ga-x86_64.msi; service QEMU-GA started');
  }
}

/** Grows the root volume's used bytes to what the install has written (rewrites of allocated blocks add nothing). */
async function writeInstall(d: WindowsDeps, target: number): Promise<void> {
  const claim = d.rootPvc;
  if (!d.provisioner || !claim) return;
  const volumeName = (claim.spec as { volumeName?: string }).volumeName;
  const pv = volumeName ? await d.client.get(PVS, undefined, volumeName).catch(() => undefined) : undefined;
  const handle = (pv?.spec as { csi?: { volumeHandle?: string } } | undefined)?.csi?.volumeHandle;
  const used = handle ? d.provisioner.volume(handle)?.usedBytes : undefined;
  if (handle && used !== undefined && target > used) d.provisioner.write(handle, target - used);
}

/** The claim's capacity in bytes (what the guest sees as the disk). */
export function diskBytes(pvc: KubeObject | undefined): number {
  const s = (pvc?.status as { capacity?: { storage?: string } } | undefined)?.capacity?.storage;
  return s ? parseQuantity(s).value : 0;
}

/** Setup's drive list shows sizes in GB of 2^30 bytes (100Gi → 100.0). */
function gib(bytes: number): string {
  return (bytes / 2 ** 30).toFixed(1);
}
