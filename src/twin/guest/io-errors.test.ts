import { describe, it, expect } from 'vitest';
import { vmiClaims } from './io-errors.js';

describe('vmiClaims()', () => {
  it('lists PVC and DataVolume claims, not cloud-init or container disks', () => {
    const vmi = {
      apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: { name: 'v' },
      spec: { volumes: [{ name: 'root', dataVolume: { name: 'test-linux-01-root' } }, { name: 'data', persistentVolumeClaim: { claimName: 'db' } }, { name: 'ci', cloudInitNoCloud: {} }, { name: 'cd', containerDisk: { image: 'x' } }] },
    };
    expect(vmiClaims(vmi)).toEqual(['test-linux-01-root', 'db']);
  });
});
