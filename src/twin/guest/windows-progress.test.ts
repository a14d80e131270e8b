import { describe, it, expect } from 'vitest';
import type { Client } from '../../client/client.js';
import type { EventRecorder } from '../../client/event-recorder.js';
import type { Vmi } from '../../controllers/virtual-machine/kubevirt-types.js';
import { GUEST_BOOT } from './boot-model.js';
import { BOOT_STARTED, guestOf } from './guest.js';
import { INSTALL_GUEST_AGENT, WINDOWS_DISK, windowsDiskOf } from './windows-guest.js';
import { DHCP_LEASE, windowsStep } from './windows-progress.js';

const T0 = Date.UTC(2026, 2, 4, 9, 0, 0);
const at = (s: number) => T0 + s * 1000;
const installed = JSON.stringify({ computerName: 'WIN-ABCDEFGHIJK', usedBytes: 11.2e9, installedAt: at(-3600), oobeDoneAt: at(-3500), drivers: { viostor: at(-4000) } });
const win = (annotations: Record<string, string>, cd = 'virtio-win-iso'): Vmi => ({
  apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: { name: 'test-win-01', namespace: 'sandbox', uid: 'u1', annotations: { [BOOT_STARTED]: new Date(T0).toISOString(), [WINDOWS_DISK]: installed, ...annotations } },
  spec: {
    domain: { firmware: { bootloader: { efi: {} } }, features: { hyperv: {} }, devices: { disks: [{ name: 'rootdisk', disk: { bus: 'virtio' } }, { name: 'virtio-drivers', cdrom: { bus: 'sata' } }] } },
    volumes: [{ name: 'rootdisk', dataVolume: { name: 'test-win-01-root' } }, { name: 'virtio-drivers', persistentVolumeClaim: { claimName: cd } }],
  },
});

function fakes() {
  const recorded: { type: string; reason: string; message: string }[] = [];
  const patches: unknown[] = [];
  const events = { record: async (_o: unknown, type: string, reason: string, message: string) => void recorded.push({ type, reason, message }) } as unknown as EventRecorder;
  const client = { patch: async (...a: unknown[]) => void patches.push(a) } as unknown as Client;
  const rootPvc = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'test-win-01-root', namespace: 'sandbox' } };
  return { recorded, patches, deps: { client, events, rootPvc } };
}

describe('windowsStep() on an installed system', () => {
  it('NetKVM from Device Manager after logon: the driver joins the disk, then the DHCP lease comes', async () => {
    const f = fakes();
    const vmi = win({ 'twin.ove.dev/load-driver': 'NetKVM\\2k22\\amd64' });
    const next = structuredClone(vmi);
    const g = guestOf(vmi, () => undefined);
    expect(await windowsStep(f.deps, vmi, next, g, at(60), GUEST_BOOT)).toBe(63);
    expect(windowsDiskOf(next)!.drivers.NetKVM).toBe(at(60));
    expect(f.recorded.map((e) => e.reason)).toEqual(['DriverInstalled', 'LogonScreen']);
    expect(f.patches).toHaveLength(1); // the PVC remembers the driver
    const later = structuredClone(next);
    await windowsStep(f.deps, next, later, g, at(64), GUEST_BOOT);
    expect(later.metadata.annotations?.[DHCP_LEASE]).toBe('10.0.2.2/24');
    expect(f.recorded.at(-1)).toMatchObject({ reason: 'GuestNetworkUp', message: expect.stringContaining('gateway 10.0.2.1') });
  });

  it('without the virtio-win CD nothing can be installed: a Warning, and the disk is unchanged', async () => {
    const f = fakes();
    const vmi = win({ 'twin.ove.dev/load-driver': 'NetKVM\\2k22\\amd64', [INSTALL_GUEST_AGENT]: 'true' }, 'some-other-iso');
    const next = structuredClone(vmi);
    await windowsStep(f.deps, vmi, next, guestOf(vmi, () => undefined), at(60), GUEST_BOOT);
    expect(f.recorded[0]).toMatchObject({ type: 'Warning', reason: 'DriverNotFound', message: expect.stringContaining('NetKVM, qemu-ga') });
    expect(next.metadata.annotations?.[WINDOWS_DISK]).toBe(installed);
    expect(f.patches).toHaveLength(0);
  });

  it('before the logon screen the actions wait', async () => {
    const f = fakes();
    const vmi = win({ [INSTALL_GUEST_AGENT]: 'true' });
    const next = structuredClone(vmi);
    expect(await windowsStep(f.deps, vmi, next, guestOf(vmi, () => undefined), at(20), GUEST_BOOT)).toBe(54);
    expect(windowsDiskOf(next)!.guestAgentAt).toBeUndefined();
    expect(f.recorded.map((e) => e.reason)).toEqual(['Booting']);
  });
});
