/**
 * The modelled guest of a VMI, derived from the VMI alone (plus a Secret reader for
 * `userDataSecretRef`): its OS, cloud-init result, boot timeline and serial output.
 * The twin's virt-handler records when the current boot started and whether it is
 * the instance's first boot as VMI annotations, so the console and the status agree.
 */
import type { KubeObject } from '../../api/types.js';
import type { Vmi } from '../../controllers/virtual-machine/kubevirt-types.js';
import { bootTimeline, GUEST_BOOT, type BootParams, type BootTimeline } from './boot-model.js';
import { applyCloudInit, type CloudInitResult } from './cloud-init.js';
import { consoleLines, type ConsoleLine } from './console-log.js';
import { guestOsOf, type GuestOs } from './guest-os.js';
import { windowsConsoleLines } from './windows-console.js';
import { windowsDiskOf, windowsView } from './windows-guest.js';

/** VMI annotation: when the current boot started (RFC 3339 with milliseconds). */
export const BOOT_STARTED = 'twin.ove.dev/guest-boot-started';
/** VMI annotation: "true" on the instance's first boot (cloud-init per-instance modules run). */
export const FIRST_BOOT = 'twin.ove.dev/guest-first-boot';
/** VMI annotation: extra OS hints (the root disk's image), set by the twin's virt-handler. */
export const OS_HINT = 'twin.ove.dev/guest-os-hint';

/** Reads a Secret `namespace/name`. */
export type SecretReader = (namespace: string, name: string) => KubeObject | undefined;

/** A VMI's guest. */
export interface Guest {
  os: GuestOs;
  efi: boolean;
  cloudInit?: CloudInitResult;
  hostname: string;
  firstBoot: boolean;
  bootStartMs?: number;
  timeline: BootTimeline;
}

/** The guest of a VMI. */
export function guestOf(vmi: Vmi, secrets: SecretReader, params: BootParams = GUEST_BOOT): Guest {
  const os = guestOsOf(vmi, [vmi.metadata.annotations?.[OS_HINT] ?? '']);
  const efi = vmi.spec.domain.firmware?.bootloader?.efi !== undefined;
  const localHostname = vmi.spec.hostname ?? vmi.metadata.name!;
  const seed = cloudInitSeed(vmi, secrets);
  const cloudInit = seed && os.family === 'linux' ? applyCloudInit(localHostname, seed.userData, seed.networkData) : undefined;
  const firstBoot = vmi.metadata.annotations?.[FIRST_BOOT] !== 'false';
  const started = vmi.metadata.annotations?.[BOOT_STARTED];
  return {
    os, efi, cloudInit, firstBoot,
    hostname: cloudInit?.fqdn ?? cloudInit?.hostname ?? localHostname,
    bootStartMs: started ? Date.parse(started) : undefined,
    timeline: bootTimeline(os, efi, cloudInit, firstBoot, params),
  };
}

/** The serial output of the guest's current boot (Windows: with its restarts and disk boots). */
export function guestConsole(vmi: Vmi, g: Guest, params: BootParams = GUEST_BOOT): ConsoleLine[] {
  if (g.bootStartMs === undefined) return [];
  const lines = consoleLines(vmi.spec, g.os, g.timeline, g.cloudInit, g.firstBoot, g.bootStartMs);
  if (g.os.family !== 'windows') return lines;
  const fromDisk = (windowsDiskOf(vmi)?.installedAt ?? Infinity) < g.bootStartMs;
  const more = windowsConsoleLines(g, windowsView(vmi, g, g.bootStartMs, params), fromDisk, params.scale);
  return [...lines, ...more].sort((a, b) => a.at - b.at);
}

/** The NoCloud (or ConfigDrive) seed of a VMI, with Secret references resolved (keys `userdata`/`userData`, `networkdata`/`networkData`). */
export function cloudInitSeed(vmi: Vmi, secrets: SecretReader): { userData?: string; networkData?: string } | undefined {
  const v = (vmi.spec.volumes ?? []).find((x) => x.cloudInitNoCloud || x.cloudInitConfigDrive);
  const ci = (v?.cloudInitNoCloud ?? v?.cloudInitConfigDrive) as { userData?: string; userDataBase64?: string; networkData?: string; networkDataBase64?: string; userDataSecretRef?: { name: string }; secretRef?: { name: string }; networkDataSecretRef?: { name: string } } | undefined;
  if (!ci) return undefined;
  const fromSecret = (name: string | undefined, keys: string[]) => {
    if (!name) return undefined;
    const data = (secrets(vmi.metadata.namespace!, name)?.data ?? {}) as Record<string, string>;
    const k = keys.find((x) => data[x] !== undefined);
    return k ? Buffer.from(data[k], 'base64').toString('utf8') : undefined;
  };
  const b64 = (s: string | undefined) => (s ? Buffer.from(s, 'base64').toString('utf8') : undefined);
  return {
    userData: ci.userData ?? b64(ci.userDataBase64) ?? fromSecret((ci.userDataSecretRef ?? ci.secretRef)?.name, ['userdata', 'userData']),
    networkData: ci.networkData ?? b64(ci.networkDataBase64) ?? fromSecret(ci.networkDataSecretRef?.name, ['networkdata', 'networkData']),
  };
}
