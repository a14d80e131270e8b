/**
 * What a Windows guest is doing at a moment, from its VMI alone (pure): Setup's drive list,
 * the install's screens, a system installed on the disk booting to the logon screen, and
 * when the VirtIO NIC's DHCP lease and the guest agent come up. The operator's actions
 * are VMI annotations (documented in docs/virtual-machines.md); the installed system's
 * facts travel with the disk (`twin.ove.dev/windows-disk` on the PVC, copied onto the VMI).
 */
import type { Vmi } from '../../controllers/virtual-machine/kubevirt-types.js';
import { GUEST_BOOT, type BootParams } from './boot-model.js';
import type { Guest } from './guest.js';
import { CUSTOMIZE, FINALIZE_SECONDS, installProgress, installSeconds, restartOffsets } from './windows-install.js';

/** Operator: start the install on the listed disk (Setup's "Next" with Drive 0 selected); value `start`. */
export const WINDOWS_INSTALL = 'twin.ove.dev/windows-install';
/** Operator: the Administrator password typed at "Customize settings"; value `true` (the password itself is not stored). */
export const SET_ADMIN_PASSWORD = 'twin.ove.dev/set-administrator-password';
/** Operator: qemu-ga installed from the virtio-win CD (`guest-agent\qemu-ga-x86_64.msi`); value `true`. */
export const INSTALL_GUEST_AGENT = 'twin.ove.dev/install-guest-agent';
/** Twin: when the install started (RFC 3339). */
export const INSTALL_STARTED = 'twin.ove.dev/windows-install-started';
/** Twin (VMI and root PVC): the Windows installed on the disk, as JSON (see WindowsDisk). */
export const WINDOWS_DISK = 'twin.ove.dev/windows-disk';

/** The Windows installed on a disk; times are epoch milliseconds. */
export interface WindowsDisk {
  computerName: string;
  /** Bytes Windows occupies on C:. */
  usedBytes: number;
  installedAt: number;
  /** Drivers in the driver store, by name (viostor, NetKVM, Balloon), with when they were added. */
  drivers: Record<string, number>;
  /** "Customize settings" done (Administrator password set). */
  oobeDoneAt?: number;
  guestAgentAt?: number;
}

/** Windows' timing parameters (seconds; chosen). */
export const WINDOWS_TIMING = {
  /** "Press any key to boot from CD or DVD" waits ~5 s before the next boot entry. */
  cdPromptSeconds: 5,
  /** DHCP DORA on the masquerade network after the NIC's driver binds. */
  dhcpSeconds: 3,
};

/** The screen and timeline of a Windows guest's current boot (seconds after boot start). */
export interface WindowsView {
  /** The screen, or undefined while Setup shows its drive list (windows-setup.ts). */
  screen?: string;
  text?: string;
  /** When the next screen change is due. */
  nextAt?: number;
  /** Bytes the install has written by now (undefined outside an install). */
  writtenBytes?: number;
  /** When the installed OS reaches the logon screen this boot. */
  osUp?: number;
  /** When the NIC has its DHCP lease (NetKVM bound). */
  nicUp?: number;
  /** When qemu-ga connects. */
  agentAt?: number;
  /** When the guest restarts itself (the install's reboots, past and due; the VMI stays Running). */
  restarts: number[];
  /** Whether the power button is acted on now. */
  acpi: boolean;
}

/** The disk's Windows, from the VMI annotation. */
export function windowsDiskOf(vmi: Vmi): WindowsDisk | undefined {
  const raw = vmi.metadata.annotations?.[WINDOWS_DISK];
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as WindowsDisk;
  } catch {
    return undefined;
  }
}

/** The drivers the operator loaded (`twin.ove.dev/load-driver`), by name: `NetKVM\2k22\amd64` → NetKVM. */
export function loadedDrivers(vmi: Vmi): string[] {
  const v = vmi.metadata.annotations?.['twin.ove.dev/load-driver'] ?? '';
  return v.split(',').map((s) => s.trim().split(/[\\/]/)[0]).filter(Boolean);
}

/** The Windows guest's state at `nowMs`. */
export function windowsView(vmi: Vmi, g: Guest, nowMs: number, p: BootParams = GUEST_BOOT): WindowsView {
  const boot = g.bootStartMs ?? nowMs;
  const el = (nowMs - boot) / 1000;
  const rel = (ms: number) => (ms - boot) / 1000;
  const disk = windowsDiskOf(vmi);
  const started = vmi.metadata.annotations?.[INSTALL_STARTED];
  let v: WindowsView = { restarts: [], acpi: false };
  if (disk && disk.installedAt < boot) {
    const up = g.timeline.firmwareDone + (WINDOWS_TIMING.cdPromptSeconds + p.windowsBootSeconds) * p.scale;
    if (el < up) v = { screen: 'Booting', text: 'Windows Boot Manager: starting Windows', nextAt: up, restarts: [], acpi: false };
    else if (disk.oobeDoneAt === undefined) v = { screen: CUSTOMIZE.screen, text: CUSTOMIZE.text, restarts: [], acpi: true };
    else v = { screen: 'LogonScreen', text: 'Press Ctrl+Alt+Delete to unlock', osUp: up, restarts: [], acpi: true };
  } else if (started) {
    const s0 = rel(Date.parse(started));
    // From the milliseconds, so a wake-up at a screen's end sees the next screen (no float drift).
    const pr = installProgress((nowMs - Date.parse(started)) / 1000, p.scale);
    v = { screen: pr.step.screen, text: pr.step.text, nextAt: pr.endsAt !== undefined ? s0 + pr.endsAt : undefined, writtenBytes: pr.bytes, restarts: restartOffsets(p.scale).map((r) => s0 + r), acpi: false };
    const oobe = disk?.oobeDoneAt !== undefined ? rel(disk.oobeDoneAt) : undefined;
    if (pr.step === CUSTOMIZE) v.acpi = true;
    if (pr.step === CUSTOMIZE && oobe !== undefined) {
      const up = Math.max(oobe, s0 + installSeconds(p.scale)) + FINALIZE_SECONDS * p.scale;
      v = el < up ? { ...v, screen: 'FinalizingSettings', text: 'Finalizing your settings', nextAt: up } : { ...v, screen: 'LogonScreen', text: 'Press Ctrl+Alt+Delete to unlock', nextAt: undefined, osUp: up };
    }
  } else {
    // Setup's own screens (WinPE) ignore the power button; see acpi-shutdown.ts.
    return v;
  }
  if (v.osUp !== undefined && disk) {
    const netKvm = disk.drivers.NetKVM;
    if (netKvm !== undefined) v.nicUp = Math.max(v.osUp, rel(netKvm)) + WINDOWS_TIMING.dhcpSeconds * p.scale;
    if (disk.guestAgentAt !== undefined) v.agentAt = Math.max(v.osUp, rel(disk.guestAgentAt)) + p.agentConnectSeconds * p.scale;
    const pending = [v.nicUp, v.agentAt].filter((x): x is number => x !== undefined && x > el);
    if (pending.length) v.nextAt = Math.min(...pending, v.nextAt ?? Infinity);
  }
  return v;
}
