/**
 * How long a guest takes from domain start to each milestone, from named parameters
 * per OS family: firmware (OVMF is slower than SeaBIOS), boot loader, kernel and
 * initramfs, systemd to the getty, and on an instance's first boot cloud-init's stages
 * (package metadata download and one install per package), after which an installed
 * qemu-guest-agent connects. Windows Setup loads from the ISO before its first screen.
 * `scale` multiplies everything (0 in benchmarks that measure only the control plane).
 */
import type { CloudInitResult } from './cloud-init.js';
import type { GuestOs } from './guest-os.js';

/** Boot model parameters (seconds). */
export interface BootParams {
  /** OVMF (UEFI) POST to the boot entry; SeaBIOS is quicker. */
  efiSeconds: number;
  biosSeconds: number;
  /** GRUB menu timeout of cloud images (RHEL KVM guest image: 1 s) plus loading the kernel. */
  bootloaderSeconds: number;
  /** Kernel and initramfs to switching root. */
  kernelSeconds: number;
  /** systemd units up to getty on a 4-vCPU guest. */
  systemdSeconds: number;
  /** cloud-init init-local + init (network, SSH host keys, users) on first boot, before the getty. */
  cloudInitSeconds: number;
  /** dnf repository metadata download before the first package install. */
  packageMetadataSeconds: number;
  /** Download and install of one package. */
  perPackageSeconds: number;
  /** qemu-ga start to its first report to virt-handler. */
  agentConnectSeconds: number;
  /** Windows: boot manager and loading Setup from the install ISO to its first screen. */
  windowsSetupLoadSeconds: number;
  /** Windows: an installed system's boot to the logon screen. */
  windowsBootSeconds: number;
  /** Guest OS shutdown on an ACPI power button (Linux / Windows). */
  linuxShutdownSeconds: number;
  windowsShutdownSeconds: number;
  /** Multiplies every duration. */
  scale: number;
}

/** Defaults: a RHEL 9 cloud image reaches its login prompt in ~30 s on first boot and ~20 s after; Windows Setup appears after ~1 min. */
export const GUEST_BOOT: BootParams = {
  efiSeconds: 4,
  biosSeconds: 1.5,
  bootloaderSeconds: 1.5,
  kernelSeconds: 3,
  systemdSeconds: 11,
  cloudInitSeconds: 8,
  packageMetadataSeconds: 15,
  perPackageSeconds: 5,
  agentConnectSeconds: 2,
  windowsSetupLoadSeconds: 55,
  windowsBootSeconds: 45,
  linuxShutdownSeconds: 4,
  windowsShutdownSeconds: 12,
  scale: 1,
};

/** The milestones of one boot (seconds after domain start); undefined when never reached. */
export interface BootTimeline {
  firmwareDone: number;
  kernelStart: number;
  loginPrompt?: number;
  cloudInitDone?: number;
  agentConnected?: number;
  windowsSetup?: number;
}

/** The milestones of a boot. `firstBoot` runs cloud-init's per-instance modules (packages). */
export function bootTimeline(os: GuestOs, efi: boolean, ci: CloudInitResult | undefined, firstBoot: boolean, p: BootParams = GUEST_BOOT): BootTimeline {
  const s = (x: number) => x * p.scale;
  const firmwareDone = s(efi ? p.efiSeconds : p.biosSeconds);
  const kernelStart = firmwareDone + s(p.bootloaderSeconds);
  if (os.family === 'windows') return { firmwareDone, kernelStart, windowsSetup: firmwareDone + s(p.windowsSetupLoadSeconds) };
  const ciInit = ci && firstBoot ? s(p.cloudInitSeconds) : 0;
  const loginPrompt = kernelStart + s(p.kernelSeconds + p.systemdSeconds) + ciInit;
  const pkgs = firstBoot && ci ? ci.packages.length : 0;
  const cloudInitDone = ci ? loginPrompt + (pkgs ? s(p.packageMetadataSeconds + pkgs * p.perPackageSeconds) : 0) + s(0.5) : undefined;
  const hasAgent = !!ci?.packages.includes('qemu-guest-agent');
  return { firmwareDone, kernelStart, loginPrompt, cloudInitDone, agentConnected: hasAgent ? (cloudInitDone ?? loginPrompt) + s(p.agentConnectSeconds) : undefined };
}

/** Seconds the guest takes to power off after an ACPI shutdown request. */
export function shutdownSeconds(os: GuestOs, p: BootParams = GUEST_BOOT): number {
  return (os.family === 'windows' ? p.windowsShutdownSeconds : p.linuxShutdownSeconds) * p.scale;
}
