/**
 * Windows Server 2022 Setup after the drive list, as a pure timeline: once the operator
 * starts the install on the VirtIO disk, Setup copies and expands the image, installs
 * features and updates, restarts, gets devices ready (specialize), restarts, runs OOBE and
 * stops at "Customize settings" (the Administrator password). Each screen has a named
 * duration and a bytes-on-disk target, so the disk's used bytes grow as files are written.
 *
 * Durations are chosen so the whole install takes ~15 min, the story's figure (chapter 5:
 * "Installation took about 15 minutes"); the split between screens is chosen, not measured.
 * The installed size (~11.2 GB with the page file) is chosen within the 10-12 GB a fresh
 * Server 2022 Desktop Experience install occupies; Microsoft's stated minimum is 32 GB of
 * disk ("Hardware requirements for Windows Server", learn.microsoft.com).
 */

/** A screen of Setup's install, in order. */
export type InstallScreen =
  | 'CopyingFiles' | 'GettingFilesReady' | 'InstallingFeatures' | 'InstallingUpdates' | 'FinishingUp'
  | 'Restarting' | 'GettingDevicesReady' | 'GettingReady' | 'CustomizeSettings';

/** One step of the install: its screen, how long it lasts (s) and the bytes on disk at its end. */
export interface InstallStep {
  screen: InstallScreen;
  seconds: number;
  bytesAtEnd: number;
  /** What the VNC console shows. */
  text: string;
}

const GB = 1e9;

/** The install's steps (chosen durations; sum 890 s before "Customize settings", ~15 min with the password and finalizing). */
export const WINDOWS_INSTALL_STEPS: readonly InstallStep[] = [
  { screen: 'CopyingFiles', seconds: 45, bytesAtEnd: 0.6 * GB, text: 'Installing Windows: Copying Windows files' },
  { screen: 'GettingFilesReady', seconds: 420, bytesAtEnd: 8.4 * GB, text: 'Installing Windows: Getting files ready for installation' },
  { screen: 'InstallingFeatures', seconds: 90, bytesAtEnd: 9.2 * GB, text: 'Installing Windows: Installing features' },
  { screen: 'InstallingUpdates', seconds: 45, bytesAtEnd: 9.4 * GB, text: 'Installing Windows: Installing updates' },
  { screen: 'FinishingUp', seconds: 30, bytesAtEnd: 9.5 * GB, text: 'Installing Windows: Finishing up' },
  { screen: 'Restarting', seconds: 25, bytesAtEnd: 9.5 * GB, text: 'Windows needs to restart to continue' },
  // Specialize: drivers (including those loaded in Setup), the page file sized from RAM.
  { screen: 'GettingDevicesReady', seconds: 150, bytesAtEnd: 10.9 * GB, text: 'Getting devices ready' },
  { screen: 'Restarting', seconds: 25, bytesAtEnd: 10.9 * GB, text: 'Restarting' },
  { screen: 'GettingReady', seconds: 60, bytesAtEnd: 11.2 * GB, text: 'Getting ready' },
];

/** Seconds of "Finalizing your settings" after the Administrator password is set (chosen). */
export const FINALIZE_SECONDS = 15;

/** Where the install is `seconds` after the operator started it (`scale` multiplies every duration). */
export function installProgress(seconds: number, scale = 1): { step: InstallStep; index: number; startedAt: number; endsAt?: number; bytes: number } {
  let t = 0;
  let prevBytes = 0;
  for (const [index, step] of WINDOWS_INSTALL_STEPS.entries()) {
    const d = step.seconds * scale;
    if (seconds < t + d) {
      const f = d > 0 ? (seconds - t) / d : 1;
      return { step, index, startedAt: t, endsAt: t + d, bytes: Math.round(prevBytes + (step.bytesAtEnd - prevBytes) * f) };
    }
    t += d;
    prevBytes = step.bytesAtEnd;
  }
  return { step: CUSTOMIZE, index: WINDOWS_INSTALL_STEPS.length, startedAt: t, bytes: prevBytes };
}

/** The final screen, which waits for the operator. */
export const CUSTOMIZE: InstallStep = { screen: 'CustomizeSettings', seconds: Infinity, bytesAtEnd: WINDOWS_INSTALL_STEPS[WINDOWS_INSTALL_STEPS.length - 1].bytesAtEnd, text: 'Customize settings: Type a password for the built-in administrator account' };

/** Bytes on C: when the install is done. */
export const INSTALLED_BYTES = CUSTOMIZE.bytesAtEnd;

/** Seconds after the install's start at which Setup restarts the machine. */
export function restartOffsets(scale = 1): number[] {
  const out: number[] = [];
  let t = 0;
  for (const step of WINDOWS_INSTALL_STEPS) {
    if (step.screen === 'Restarting') out.push(t);
    t += step.seconds * scale;
  }
  return out;
}

/** Seconds from the start of the install to "Customize settings". */
export function installSeconds(scale = 1): number {
  return WINDOWS_INSTALL_STEPS.reduce((s, x) => s + x.seconds * scale, 0);
}

/** `n` characters of `alphabet` drawn from a seed (FNV-1a), for names that must be random-looking yet stable. */
export function seededChars(seed: string, n: number, alphabet: string): string {
  let h = 2166136261;
  let out = '';
  for (let i = 0; i < n; i++) {
    for (const c of `${seed}/${i}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
    out += alphabet[h % alphabet.length];
  }
  return out;
}

/**
 * The computer name Setup picks without an answer file: `WIN-` and 11 random characters
 * from A-Z and 0-9 (Microsoft's unattend reference, ComputerName: "If ... not specified,
 * a random computer name is generated"); seeded by the disk so it is stable.
 */
export function randomComputerName(seed: string): string {
  return `WIN-${seededChars(seed, 11, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`;
}

/**
 * The GPT layout Setup creates on an empty UEFI disk (Microsoft's default UEFI/GPT layout:
 * EFI system partition 100 MB, MSR 16 MB, Windows, then a recovery partition); the recovery
 * size is chosen. Returns C:'s size in bytes.
 */
export function systemVolumeBytes(diskBytes: number): number {
  const MiB = 2 ** 20;
  return Math.max(0, diskBytes - 1 * MiB - 100 * MiB - 16 * MiB - 530 * MiB);
}
