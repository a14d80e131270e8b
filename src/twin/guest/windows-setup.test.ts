import { describe, it, expect } from 'vitest';
import type { Vmi } from '../../controllers/virtual-machine/kubevirt-types.js';
import { LOAD_DRIVER, setupDriveState } from './windows-setup.js';

const win = (annotations: Record<string, string> = {}, cd = 'virtio-win'): Vmi => ({
  apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: { name: 'test-win-01', annotations },
  spec: {
    domain: { devices: { disks: [{ name: 'rootdisk', disk: { bus: 'virtio' } }, { name: 'installcd', cdrom: { bus: 'sata' } }, { name: 'virtiocd', cdrom: { bus: 'sata' } }] } },
    volumes: [{ name: 'rootdisk', dataVolume: { name: 'test-win-01-root' } }, { name: 'installcd', persistentVolumeClaim: { claimName: 'win2k22-iso' } }, { name: 'virtiocd', persistentVolumeClaim: { claimName: cd } }],
  },
});

describe('setupDriveState()', () => {
  it('no drives until viostor is loaded from the virtio-win CD', () => {
    expect(setupDriveState(win()).state).toBe('NoDrivesFound');
    expect(setupDriveState(win()).message).toContain("We couldn't find any drives");
    expect(setupDriveState(win({ [LOAD_DRIVER]: 'viostor\\2k22\\amd64' })).state).toBe('DisksVisible');
  });

  it('cannot load a driver without the virtio-win CD-ROM', () => {
    expect(setupDriveState(win({ [LOAD_DRIVER]: 'viostor\\2k22\\amd64' }, 'other-iso')).state).toBe('DriverNotFound');
  });
});
