/**
 * The serial output of a Windows guest beyond Setup's first boot. Windows writes nothing
 * to COM1 unless EMS is enabled (it is not by default), so what the console shows is
 * OVMF's: at each in-guest restart of the install and on each boot of an installed
 * system, the DVD entry's "Press any key" prompt times out and the Windows Boot Manager
 * entry on the VirtIO disk starts.
 */
import type { ConsoleLine } from './console-log.js';
import type { Guest } from './guest.js';
import { WINDOWS_TIMING, type WindowsView } from './windows-guest.js';

const DVD = '"UEFI QEMU DVD-ROM QM00003 " from PciRoot(0x0)/Pci(0x1F,0x2)/Sata(0x2,0xFFFF,0x0)';
// The ESP Setup creates: partition 1, 100 MB from LBA 2048 (0x800, 0x32000 sectors).
const BOOTMGR = '"Windows Boot Manager" from HD(1,GPT,5E2B5C1A-3F0D-4C8E-9B9A-2D1F7C3E8A41,0x800,0x32000)/\\EFI\\Microsoft\\Boot\\bootmgfw.efi';

/** Lines of the restarts and the disk boot of this boot, given the guest's view. */
export function windowsConsoleLines(g: Guest, v: WindowsView, bootsFromDisk: boolean, scale: number): ConsoleLine[] {
  const lines: ConsoleLine[] = [];
  const add = (at: number, text: string) => lines.push({ at, text: `${text}\r\n` });
  const fromDisk = (at: number) => {
    add(at, `BdsDxe: loading Boot0004 ${BOOTMGR}`);
    add(at, `BdsDxe: starting Boot0004 ${BOOTMGR}`);
  };
  if (bootsFromDisk) fromDisk(g.timeline.firmwareDone + WINDOWS_TIMING.cdPromptSeconds * scale);
  for (const r of v.restarts) {
    const fw = r + g.timeline.firmwareDone;
    add(fw, `BdsDxe: loading Boot0001 ${DVD}`);
    add(fw, `BdsDxe: starting Boot0001 ${DVD}`);
    add(fw, 'Press any key to boot from CD or DVD......');
    fromDisk(fw + WINDOWS_TIMING.cdPromptSeconds * scale);
  }
  return lines;
}
