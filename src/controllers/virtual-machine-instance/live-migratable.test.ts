import { describe, it, expect } from 'vitest';
import type { VmiSpec } from '../virtual-machine/kubevirt-types.js';
import { liveMigratable } from './live-migratable.js';

const base = (over: Partial<VmiSpec> = {}, ifaces = [{ name: 'default', masquerade: {} }]): VmiSpec => ({
  domain: { devices: { disks: [{ name: 'root', disk: { bus: 'virtio' } }], interfaces: ifaces } },
  networks: [{ name: 'default', pod: {} }],
  volumes: [{ name: 'root', dataVolume: { name: 'root-dv' } }],
  ...over,
});
const modes = (m: Record<string, string[]>) => (claim: string) => m[claim];

describe('liveMigratable()', () => {
  it('RWX disks and masquerade: migratable by LiveMigration', () => {
    expect(liveMigratable(base(), undefined, modes({ 'root-dv': ['ReadWriteMany'] }))).toEqual({ condition: { type: 'LiveMigratable', status: 'True' }, method: 'LiveMigration' });
  });

  it('a ReadWriteOnce PVC: DisksNotLiveMigratable with KubeVirt message', () => {
    const r = liveMigratable(base(), undefined, modes({ 'root-dv': ['ReadWriteOnce'] }));
    expect(r.condition).toMatchObject({ status: 'False', reason: 'DisksNotLiveMigratable', message: 'cannot migrate VMI: PVC root-dv is not shared, live migration requires that all PVCs must be shared (using ReadWriteMany access mode)' });
  });

  it('bridge on the pod network: InterfaceNotLiveMigratable unless the annotation allows it', () => {
    const s = base({}, [{ name: 'default', bridge: {} }] as never);
    expect(liveMigratable(s, undefined, modes({ 'root-dv': ['ReadWriteMany'] })).condition.reason).toBe('InterfaceNotLiveMigratable');
    expect(liveMigratable(s, { 'kubevirt.io/allow-pod-bridge-network-live-migration': '' }, modes({ 'root-dv': ['ReadWriteMany'] })).condition.status).toBe('True');
  });

  it('host devices: HostDeviceNotLiveMigratable', () => {
    const s = base();
    s.domain.devices!.hostDevices = [{ name: 'gpu', deviceName: 'nvidia.com/A100' }];
    expect(liveMigratable(s, undefined, modes({ 'root-dv': ['ReadWriteMany'] })).condition.reason).toBe('HostDeviceNotLiveMigratable');
  });

  it('containerDisk makes it a BlockMigration; read-only CD-ROM PVCs are ignored', () => {
    const s = base({ volumes: [{ name: 'root', containerDisk: { image: 'quay.io/containerdisks/fedora' } }, { name: 'iso', persistentVolumeClaim: { claimName: 'win-iso' } }] });
    s.domain.devices!.disks!.push({ name: 'iso', cdrom: { bus: 'sata' } });
    expect(liveMigratable(s, undefined, modes({ 'win-iso': ['ReadWriteOnce'] }))).toEqual({ condition: { type: 'LiveMigratable', status: 'True' }, method: 'BlockMigration' });
  });
});
