/**
 * The twin's implementation of the API server's GuestModel: console streams, guest
 * agent reports and soft reboots computed from the modelled guest of each VMI.
 * Console logins are remembered per VMI so `userlist` reports who is logged in.
 */
import type { KubeObject } from '../../api/types.js';
import type { ConsoleStream, GuestAgentInfo, GuestModel, SecretLookup } from '../../apiserver/hooks/kubevirt-guest-model.js';
import type { Vmi } from '../../controllers/virtual-machine/kubevirt-types.js';
import { GUEST_BOOT, type BootParams } from './boot-model.js';
import { BOOT_STARTED, FIRST_BOOT, guestConsole, guestOf } from './guest.js';
import { LoginSession } from './login-session.js';
import { windowsAgentInfo } from './windows-agent.js';

/** qemu-guest-agent's version in RHEL 9.4 (qemu-kvm 8.2). */
export const GUEST_AGENT_VERSION = '8.2.0';

/** The twin's guest model. */
export function twinGuestModel(params: BootParams = GUEST_BOOT): GuestModel {
  const logins = new Map<string, Map<string, number>>();
  return {
    console(obj: KubeObject, secrets: SecretLookup, nowMs: number): ConsoleStream {
      const vmi = obj as Vmi;
      const g = guestOf(vmi, secrets, params);
      const elapsed = (nowMs - (g.bootStartMs ?? nowMs)) / 1000;
      const lines = guestConsole(vmi, g, params);
      const session = new LoginSession({ os: g.os, hostname: g.hostname, users: g.cloudInit?.users ?? [] });
      const uid = vmi.metadata.uid!;
      return {
        backlog: lines.filter((l) => l.at <= elapsed).map((l) => l.text).join(''),
        upcoming: lines.filter((l) => l.at > elapsed).map((l) => ({ inMs: (l.at - elapsed) * 1000, text: l.text })),
        readsInputInMs: g.timeline.loginPrompt === undefined ? Number.POSITIVE_INFINITY : Math.max(0, (g.timeline.loginPrompt - elapsed) * 1000),
        input(data: string, atMs: number): string {
          const out = session.input(data);
          if (out.endsWith(session.prompt())) {
            const user = session.prompt().slice(1).split('@')[0];
            if (!logins.has(uid)) logins.set(uid, new Map());
            if (!logins.get(uid)!.has(user)) logins.get(uid)!.set(user, Math.floor(atMs / 1000));
          }
          return out;
        },
      };
    },
    agentInfo(obj, secrets, nowMs, claimBytes): GuestAgentInfo | undefined {
      const vmi = obj as Vmi;
      const g = guestOf(vmi, secrets, params);
      if (g.os.family === 'windows') return windowsAgentInfo(vmi, g, nowMs, claimBytes, params);
      const elapsed = (nowMs - (g.bootStartMs ?? nowMs)) / 1000;
      if (g.timeline.agentConnected === undefined || elapsed < g.timeline.agentConnected) return undefined;
      const disks = (vmi.spec.volumes ?? []).flatMap((v) => {
        const c = v.dataVolume?.name ?? v.persistentVolumeClaim?.claimName;
        return c ? [{ name: v.name, bytes: claimBytes(c) ?? 0 }] : [];
      });
      const root = disks[0];
      const efiBytes = 200 * 2 ** 20;
      const bootBytes = 2 ** 30;
      const rootTotal = Math.max(0, (root?.bytes ?? 10 * 2 ** 30) - efiBytes - bootBytes);
      return {
        guestAgentVersion: GUEST_AGENT_VERSION,
        hostname: g.hostname,
        os: { name: g.os.name, kernelRelease: g.os.kernelRelease, version: g.os.version, prettyName: g.os.prettyName, versionId: g.os.versionId, kernelVersion: g.os.kernelVersion, machine: g.os.machine, id: g.os.id },
        timezone: 'UTC, 0',
        users: [...(logins.get(vmi.metadata.uid!) ?? new Map()).entries()].map(([userName, loginTime]) => ({ userName, loginTime })),
        // The RHEL KVM guest image layout: EFI system partition, /boot, and / (xfs) grown to the disk by cloud-init.
        filesystems: root
          ? [
              { diskName: 'vda4', mountPoint: '/', fileSystemType: 'xfs', usedBytes: 1_950_000_000, totalBytes: rootTotal, disk: [{ busType: 'virtio', serial: root.name }] },
              { diskName: 'vda3', mountPoint: '/boot', fileSystemType: 'xfs', usedBytes: 190_000_000, totalBytes: bootBytes, disk: [{ busType: 'virtio', serial: root.name }] },
              { diskName: 'vda2', mountPoint: '/boot/efi', fileSystemType: 'vfat', usedBytes: 7_000_000, totalBytes: efiBytes, disk: [{ busType: 'virtio', serial: root.name }] },
            ]
          : [],
      };
    },
    rebootAnnotations(nowMs: number): Record<string, string> {
      return { [BOOT_STARTED]: new Date(nowMs).toISOString(), [FIRST_BOOT]: 'false' };
    },
  };
}
