import { describe, it, expect } from 'vitest';
import type { Vmi } from '../../controllers/virtual-machine/kubevirt-types.js';
import { acpiOutcome, honoursAcpi } from './acpi-shutdown.js';
import { guestOf } from './guest.js';

const vmi = (over: Partial<Vmi['spec']> = {}, features?: Record<string, unknown>): Vmi => ({
  apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: { name: 'g', namespace: 'ns', labels: { os: 'rhel9' } },
  spec: { domain: { memory: { guest: '1Gi' }, firmware: { bootloader: { efi: {} } }, ...(features ? { features } : {}) }, ...over } as Vmi['spec'],
});

describe('the ACPI power button at stop', () => {
  it('a booted Linux guest powers off in its 4 s; in firmware or GRUB it is ignored until the grace period (30 s by default) ends', () => {
    const v = vmi();
    const g = guestOf(v, () => undefined);
    expect(honoursAcpi(v, g, 1)).toBe(false);
    expect(acpiOutcome(v, g, 60)).toEqual({ seconds: 4, graceful: true });
    expect(acpiOutcome(v, g, 1)).toEqual({ seconds: 30, graceful: false });
  });

  it('ACPI disabled in the domain: killed at the grace period; a grace period shorter than the shutdown kills it too', () => {
    const off = vmi({ terminationGracePeriodSeconds: 180 }, { acpi: { enabled: false } });
    expect(acpiOutcome(off, guestOf(off, () => undefined), 60)).toEqual({ seconds: 180, graceful: false });
    const hasty = vmi({ terminationGracePeriodSeconds: 2 });
    expect(acpiOutcome(hasty, guestOf(hasty, () => undefined), 60)).toEqual({ seconds: 2, graceful: false });
    const zero = vmi({ terminationGracePeriodSeconds: 0 });
    expect(acpiOutcome(zero, guestOf(zero, () => undefined), 60)).toEqual({ seconds: 0, graceful: false });
  });
});
