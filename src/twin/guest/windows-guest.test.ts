import { describe, it, expect } from 'vitest';
import type { Vmi } from '../../controllers/virtual-machine/kubevirt-types.js';
import { honoursAcpi } from './acpi-shutdown.js';
import { GUEST_BOOT } from './boot-model.js';
import { BOOT_STARTED, guestConsole, guestOf } from './guest.js';
import { INSTALL_STARTED, loadedDrivers, WINDOWS_DISK, windowsView, type WindowsDisk } from './windows-guest.js';
import { windowsAgentInfo } from './windows-agent.js';

const T0 = Date.UTC(2026, 2, 4, 9, 0, 0);
const at = (s: number) => T0 + s * 1000;
const win = (annotations: Record<string, string> = {}): Vmi => ({
  apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: { name: 'test-win-01', namespace: 'sandbox', uid: 'u1', annotations: { [BOOT_STARTED]: new Date(T0).toISOString(), ...annotations } },
  spec: {
    domain: { firmware: { bootloader: { efi: { secureBoot: false } } }, features: { hyperv: {} }, devices: { disks: [{ name: 'rootdisk', disk: { bus: 'virtio' } }, { name: 'install-iso', cdrom: { bus: 'sata' } }, { name: 'virtio-drivers', cdrom: { bus: 'sata' } }] } },
    volumes: [{ name: 'rootdisk', dataVolume: { name: 'test-win-01-root' } }, { name: 'install-iso', persistentVolumeClaim: { claimName: 'windows-2022-iso' } }, { name: 'virtio-drivers', persistentVolumeClaim: { claimName: 'virtio-win-iso' } }],
  },
});
const disk = (d: Partial<WindowsDisk>): string => JSON.stringify({ computerName: 'WIN-ABCDEFGHIJK', usedBytes: 11.2e9, installedAt: at(960), drivers: { viostor: at(100), NetKVM: at(100), Balloon: at(100) }, ...d });

describe('windowsView()', () => {
  it('in Setup (no install started) shows nothing of its own and ignores the power button', () => {
    const v = win();
    const view = windowsView(v, guestOf(v, () => undefined), at(120));
    expect(view.screen).toBeUndefined();
    expect(honoursAcpi(v, guestOf(v, () => undefined), 120)).toBe(false);
  });

  it('walks the install screens from the start, with the restarts on the serial console', () => {
    const v = win({ [INSTALL_STARTED]: new Date(at(100)).toISOString() });
    const g = guestOf(v, () => undefined);
    expect(windowsView(v, g, at(110))).toMatchObject({ screen: 'CopyingFiles', nextAt: 145, acpi: false });
    expect(windowsView(v, g, at(740)).screen).toBe('Restarting');
    expect(windowsView(v, g, at(990))).toMatchObject({ screen: 'CustomizeSettings', writtenBytes: 11.2e9, acpi: true });
    const text = guestConsole(v, g).filter((l) => l.at <= 990).map((l) => l.text).join('');
    expect(text.match(/Windows Boot Manager/g)).toHaveLength(4); // loading + starting, per restart
    expect(text.match(/Press any key to boot from CD or DVD/g)).toHaveLength(3);
  });

  it('after the password: finalizing, the logon screen, then the DHCP lease (NetKVM) and qemu-ga', () => {
    const v = win({ [INSTALL_STARTED]: new Date(at(100)).toISOString(), [WINDOWS_DISK]: disk({ installedAt: at(990), oobeDoneAt: at(1000), guestAgentAt: at(1100) }) });
    const g = guestOf(v, () => undefined);
    expect(windowsView(v, g, at(1005)).screen).toBe('FinalizingSettings');
    const up = windowsView(v, g, at(1020));
    expect(up).toMatchObject({ screen: 'LogonScreen', osUp: 1015, nicUp: 1018, agentAt: 1102 });
    expect(windowsAgentInfo(v, g, at(1101), () => 100 * 2 ** 30, GUEST_BOOT)).toBeUndefined();
    const info = windowsAgentInfo(v, g, at(1103), () => 100 * 2 ** 30, GUEST_BOOT)!;
    expect(info.hostname).toBe('WIN-ABCDEFGHIJK');
    expect(info.os).toMatchObject({ id: 'mswindows', prettyName: 'Windows Server 2022 Datacenter', kernelVersion: '10.0', kernelRelease: '20348' });
    expect(info.filesystems).toEqual([expect.objectContaining({ mountPoint: 'C:\\', fileSystemType: 'NTFS', usedBytes: 11.2e9 })]);
    expect(info.filesystems[0].totalBytes / 2 ** 30).toBeCloseTo(99.4, 1);
  });

  it('without NetKVM there is no lease; an installed disk boots Windows (not Setup) on the next boot', () => {
    const v = win({ [WINDOWS_DISK]: disk({ installedAt: at(-3600), oobeDoneAt: at(-3500), drivers: { viostor: at(-4000) } }) });
    const g = guestOf(v, () => undefined);
    expect(windowsView(v, g, at(20))).toMatchObject({ screen: 'Booting', acpi: false });
    const up = windowsView(v, g, at(60));
    expect(up).toMatchObject({ screen: 'LogonScreen', acpi: true, osUp: 54 });
    expect(up.nicUp).toBeUndefined();
    expect(guestConsole(v, g).map((l) => l.text).join('')).toContain('"Windows Boot Manager"');
    expect(honoursAcpi(v, g, 60)).toBe(true);
  });

  it('reads driver names from the load-driver paths', () => {
    expect(loadedDrivers(win({ 'twin.ove.dev/load-driver': 'viostor\\2k22\\amd64, NetKVM\\2k22\\amd64,Balloon\\2k22\\amd64' }))).toEqual(['viostor', 'NetKVM', 'Balloon']);
  });
});
