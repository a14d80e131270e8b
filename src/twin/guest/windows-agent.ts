/**
 * What qemu-ga on an installed Windows reports through KubeVirt's `guestosinfo`,
 * `filesystemlist` and `userlist`: the computer name Setup gave it, Windows' OS facts
 * (guest-get-osinfo: id `mswindows`, kernel-version the NT major.minor `10.0`, kernel-release
 * the build `20348`, as autotest/tp-qemu's qemu_guest_agent check_guest_info compares them),
 * and C: (NTFS) sized from the root claim with what the install wrote on it. qemu-ga is
 * installed from the virtio-win CD (`guest-agent\qemu-ga-x86_64.msi`, OpenShift
 * Virtualization docs, "Installing the QEMU guest agent on a Windows virtual machine").
 */
import type { GuestAgentInfo } from '../../apiserver/hooks/kubevirt-guest-model.js';
import type { Vmi } from '../../controllers/virtual-machine/kubevirt-types.js';
import type { BootParams } from './boot-model.js';
import type { Guest } from './guest.js';
import { windowsDiskOf, windowsView } from './windows-guest.js';
import { seededChars, systemVolumeBytes } from './windows-install.js';

/**
 * qemu-ga's version on Windows: virtio-win's builds are numbered 10x.y.z (tp-qemu's
 * qemu_guest_agent tests check `>= 102` for Windows); the value is chosen.
 */
export const WINDOWS_GUEST_AGENT_VERSION = '107.0.1';

/** The agent's report, or undefined while qemu-ga is not connected. */
export function windowsAgentInfo(vmi: Vmi, g: Guest, nowMs: number, claimBytes: (claim: string) => number | undefined, p: BootParams): GuestAgentInfo | undefined {
  const v = windowsView(vmi, g, nowMs, p);
  const disk = windowsDiskOf(vmi);
  const elapsed = (nowMs - (g.bootStartMs ?? nowMs)) / 1000;
  if (!disk || v.agentAt === undefined || elapsed < v.agentAt) return undefined;
  const root = (vmi.spec.volumes ?? []).find((x) => x.dataVolume || x.persistentVolumeClaim);
  const claim = root?.dataVolume?.name ?? root?.persistentVolumeClaim?.claimName;
  const total = systemVolumeBytes((claim && claimBytes(claim)) || 0);
  const o = g.os;
  return {
    guestAgentVersion: WINDOWS_GUEST_AGENT_VERSION,
    hostname: disk.computerName,
    os: { name: o.name, kernelRelease: o.kernelRelease, version: o.version, prettyName: o.prettyName, versionId: o.versionId, kernelVersion: o.kernelVersion, machine: o.machine, id: o.id },
    // Windows' time zone after Setup without an answer file is the one picked in its first screen; the twin keeps UTC.
    timezone: 'Coordinated Universal Time, 0',
    users: [],
    // qemu-ga names a Windows volume by its GUID path; the GUID is derived from the disk (chosen).
    filesystems: [{ diskName: `\\\\?\\Volume{${volumeGuid(disk.computerName)}}\\`, mountPoint: 'C:\\', fileSystemType: 'NTFS', usedBytes: Math.min(disk.usedBytes, total), totalBytes: total }],
  };
}

function volumeGuid(seed: string): string {
  const s = seededChars(`${seed}/volume`, 32, '0123456789abcdef');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}
