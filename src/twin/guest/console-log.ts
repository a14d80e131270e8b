/**
 * The guest's serial console output for one boot, derived from the guest OS, the
 * firmware, the VMI's size and cloud-init: firmware lines, the kernel's first
 * messages, systemd, cloud-init on first boot, the getty's /etc/issue banner and the
 * login prompt. Each line carries the second (after domain start) it appears at.
 */
import type { VmiSpec } from '../../controllers/virtual-machine/kubevirt-types.js';
import { guestMemoryBytes } from '../../controllers/virtual-machine-instance/launcher-resources.js';
import type { BootTimeline } from './boot-model.js';
import type { CloudInitResult } from './cloud-init.js';
import type { GuestOs } from './guest-os.js';

/** One line of serial output. */
export interface ConsoleLine {
  at: number;
  text: string;
}

/** The short host name getty and bash print (`\h`: up to the first dot). */
export function shortHostname(h: string): string {
  return h.split('.')[0];
}

/** The getty banner (RHEL's /etc/issue: `\S`, `Kernel \r on an \m`) and login prompt. */
export function loginBanner(os: GuestOs, hostname: string): string {
  return `\r\n${os.prettyName}\r\nKernel ${os.kernelRelease} on an ${os.machine}\r\n\r\n${shortHostname(hostname)} login: `;
}

/** The serial output of a boot, in order. */
export function consoleLines(spec: VmiSpec, os: GuestOs, t: BootTimeline, ci: CloudInitResult | undefined, firstBoot: boolean, bootStartMs: number): ConsoleLine[] {
  const lines: ConsoleLine[] = [];
  const add = (at: number, text: string) => lines.push({ at, text: `${text}\r\n` });
  const efi = spec.domain.firmware?.bootloader?.efi !== undefined;
  if (efi) {
    const dev = os.family === 'windows' ? '"UEFI QEMU DVD-ROM QM00003 " from PciRoot(0x0)/Pci(0x1F,0x2)/Sata(0x2,0xFFFF,0x0)' : '"UEFI Misc Device" from PciRoot(0x0)/Pci(0x2,0x3)/Pci(0x0,0x0)';
    add(t.firmwareDone, `BdsDxe: loading Boot0001 ${dev}`);
    add(t.firmwareDone, `BdsDxe: starting Boot0001 ${dev}`);
  } else {
    add(0, 'SeaBIOS (version 1.16.3-2.el9)');
    add(t.firmwareDone, 'Booting from Hard Disk...');
  }
  if (os.family === 'windows') {
    add(t.firmwareDone, 'Press any key to boot from CD or DVD......');
    return lines;
  }
  const k = t.kernelStart;
  const stamp = (s: number) => `[${s.toFixed(6).padStart(12, ' ')}]`;
  const memK = Math.floor(guestMemoryBytes(spec) / 1024);
  add(k, `${stamp(0)} Linux version ${os.kernelRelease} (mockbuild@x86-64-01.build.eng.rdu2.redhat.com) (gcc (GCC) 11.4.1 20231218 (Red Hat 11.4.1-3), GNU ld version 2.35.2-43.el9) ${os.kernelVersion}`);
  add(k, `${stamp(0)} Command line: BOOT_IMAGE=(hd0,gpt3)/vmlinuz-${os.kernelRelease} root=UUID=fb535add-9799-4a27-b8bc-e8259f39a767 console=tty0 console=ttyS0,115200n8 no_timer_check net.ifnames=0 crashkernel=1G-4G:192M,4G-64G:256M,64G-:512M`);
  add(k + 0.1, `${stamp(0.1)} Memory: ${memK - 280_000}K/${memK}K available`);
  add(k + 1, `${stamp(1.2)} Run /init as init process`);
  add(k + 2.5, `${stamp(2.6)} systemd[1]: Switching root.`);
  const up = t.loginPrompt!;
  add(k + 4, '[  OK  ] Reached target Local File Systems.');
  add(k + 6, '[  OK  ] Started Network Manager.');
  if (ci && firstBoot) {
    add(up - 6, `[  OK  ] Started Initial cloud-init job (metadata service crawler).`);
    add(up - 5, `cloud-init[812]: Cloud-init v. 23.4-7.el9_4 running 'init' at ${dateOf(bootStartMs + (up - 5) * 1000)}. Up ${(up - 5).toFixed(2)} seconds.`);
    for (const u of ci.users.filter((x) => x.sshAuthorizedKeys.length)) {
      add(up - 4, `ci-info: ++++++Authorized keys from /home/${u.name}/.ssh/authorized_keys for user ${u.name}+++++++`);
      for (const key of u.sshAuthorizedKeys) add(up - 4, `ci-info: | ${key.split(' ')[0]} | ${key.split(' ').slice(2).join(' ') || '-'} |`);
    }
    for (const e of ci.errors) add(up - 4, `cloud-init[812]: ${e}`);
  }
  add(up - 1, '[  OK  ] Reached target Multi-User System.');
  const host = ci?.hostname ?? 'localhost';
  lines.push({ at: up, text: loginBanner(os, host) });
  if (ci && t.cloudInitDone !== undefined) {
    const done = t.cloudInitDone;
    add(done, `\r\ncloud-init[1190]: Cloud-init v. 23.4-7.el9_4 finished at ${dateOf(bootStartMs + done * 1000)}. Datasource DataSourceNoCloud [seed=/dev/vdb][dsmode=net].  Up ${done.toFixed(2)} seconds`);
  }
  return lines.sort((a, b) => a.at - b.at);
}

function dateOf(ms: number): string {
  const d = new Date(ms);
  return d.toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) (.*) GMT$/, '$1, $2 $3 $4 $5 +0000');
}
