/**
 * Windows Setup on a VirtIO disk: the installer has no VirtIO storage driver, so
 * "Where do you want to install Windows?" lists no drives until the operator loads
 * `viostor` from the virtio-win CD-ROM (Load driver → D:\viostor\2k22\amd64). The
 * twin keeps that screen's state in the VMI annotation `twin.ove.dev/windows-setup`
 * (NoDrivesFound, DisksVisible) with an Event at each change; the operator's "Load
 * driver" click is the annotation `twin.ove.dev/load-driver` (e.g. `viostor\2k22\amd64`).
 */
import type { Client } from '../../client/client.js';
import type { EventRecorder } from '../../client/event-recorder.js';
import type { Vmi } from '../../controllers/virtual-machine/kubevirt-types.js';
import type { Guest } from './guest.js';

/** VMI annotation written by the twin: the screen Setup (and later Windows) shows on the VNC console. */
export const WINDOWS_SETUP = 'twin.ove.dev/windows-setup';
/** VMI annotation set by the operator: drivers loaded from the virtio-win CD (comma-separated paths). */
export const LOAD_DRIVER = 'twin.ove.dev/load-driver';

/** The drive list Setup shows, from the disks and the drivers loaded. */
export function setupDriveState(vmi: Vmi): { state: 'NoDrivesFound' | 'DisksVisible' | 'DriverNotFound'; message: string } {
  const disks = vmi.spec.domain.devices?.disks ?? [];
  const virtio = disks.filter((d) => !d.cdrom && (d.disk?.bus ?? 'virtio') === 'virtio').map((d) => d.name);
  const other = disks.filter((d) => !d.cdrom && d.disk?.bus && d.disk.bus !== 'virtio').map((d) => d.name);
  const loaded = (vmi.metadata.annotations?.[LOAD_DRIVER] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const wantsViostor = loaded.some((d) => d.toLowerCase().startsWith('viostor'));
  const virtioCd = hasVirtioCd(vmi);
  if (virtio.length === 0) return { state: 'DisksVisible', message: `Setup lists ${other.join(', ')} (no VirtIO disks)` };
  if (wantsViostor && !virtioCd) return { state: 'DriverNotFound', message: `Load driver: no CD-ROM with the virtio-win drivers is attached, so ${loaded.join(', ')} cannot be loaded` };
  if (wantsViostor) return { state: 'DisksVisible', message: `Loaded ${loaded.join(', ')} from the virtio-win CD-ROM; Setup now lists the VirtIO disk(s) ${virtio.join(', ')}` };
  return { state: 'NoDrivesFound', message: `Windows Setup: "We couldn't find any drives. To get a storage driver, click Load driver." The VirtIO disk(s) ${virtio.join(', ')} need the viostor driver from the virtio-win CD-ROM (set the VMI annotation ${LOAD_DRIVER}=viostor\\2k22\\amd64)` };
}

/** Advances Setup's screen once it is up, recording the state on `next` and an Event on change. */
export async function windowsSetup(_client: Client, events: EventRecorder, vmi: Vmi, next: Vmi, g: Guest, elapsed: number): Promise<void> {
  if (g.timeline.windowsSetup === undefined || elapsed < g.timeline.windowsSetup) return;
  const s = setupDriveState(vmi);
  if (vmi.metadata.annotations?.[WINDOWS_SETUP] === s.state) return;
  next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [WINDOWS_SETUP]: s.state };
  await events.record(vmi, s.state === 'DisksVisible' ? 'Normal' : 'Warning', s.state === 'DisksVisible' ? 'DriverLoaded' : s.state, s.message);
}

/** Whether a CD-ROM with the virtio-win drivers (a volume whose claim or image names virtio) is attached. */
export function hasVirtioCd(vmi: Vmi): boolean {
  return (vmi.spec.domain.devices?.disks ?? []).some((d) => d.cdrom && /virtio/i.test(volumeSource(vmi, d.name)));
}

function volumeSource(vmi: Vmi, name: string): string {
  const v = (vmi.spec.volumes ?? []).find((x) => x.name === name);
  return `${v?.persistentVolumeClaim?.claimName ?? ''} ${v?.dataVolume?.name ?? ''} ${v?.containerDisk?.image ?? ''}`;
}
