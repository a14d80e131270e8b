import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { KubeObject } from '../../api/types.js';
import { eventually, startHarness, type Harness } from './e2e-harness.js';
import { DATA_VOLUMES, PVCS, VM_CLONES, VM_RESTORES, VM_SNAPSHOTS, VMIS, VMS, VOLUME_SNAPSHOTS } from '../../controllers/persistent-volume/resources.js';

type Any = Record<string, any>;
const NS = 'sandbox';
const status = (o: KubeObject) => (o.status ?? {}) as Any;

const domain = { cpu: { cores: 1 }, memory: { guest: '1Gi' }, devices: { disks: [{ name: 'rootdisk', disk: { bus: 'virtio' } }, { name: 'cloudinitdisk', disk: { bus: 'virtio' } }], interfaces: [{ name: 'default', masquerade: {}, macAddress: '02:00:00:00:00:01' }] } };
const vm = (name: string, userData: string): KubeObject => ({
  apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', metadata: { name, namespace: NS, labels: { app: 'test', os: 'rhel9' } },
  spec: {
    runStrategy: 'Always',
    dataVolumeTemplates: [{ metadata: { name: `${name}-root` }, spec: { source: { blank: {} }, storage: { resources: { requests: { storage: '20Gi' } }, storageClassName: 'ceph-rbd-gold', accessModes: ['ReadWriteMany'] } } }],
    template: { metadata: { labels: { 'kubevirt.io/vm': name } }, spec: { domain, networks: [{ name: 'default', pod: {} }], volumes: [{ name: 'rootdisk', dataVolume: { name: `${name}-root` } }, { name: 'cloudinitdisk', cloudInitNoCloud: { userData } }] } },
  },
});
const condition = (o: KubeObject, type: string) => ((status(o).conditions ?? []) as Any[]).find((c) => c.type === type);

describe('VM snapshots, restore and clone on the twin (fast-forward), with the VM controllers and guest model', () => {
  let h: Harness;
  let snapshot: KubeObject;
  beforeAll(async () => {
    h = await startHarness(NS);
    await h.cp.client.create(VMS, vm('snap-vm', '#cloud-config\nhostname: snap-vm\npackages:\n  - qemu-guest-agent\nruncmd:\n  - systemctl enable --now qemu-guest-agent\n'));
    await h.cp.client.create(VMS, vm('plain-vm', '#cloud-config\nhostname: plain-vm\n'));
    await eventually(async () => condition(await h.cp.client.get(VMIS, NS, 'snap-vm'), 'AgentConnected')?.status === 'True' || undefined, 'guest agent connected', 2000);
    await eventually(async () => status(await h.cp.client.get(VMIS, NS, 'plain-vm')).phase === 'Running' || undefined, 'plain VM running', 2000);
  }, 120_000);
  afterAll(async () => h?.stop());

  it('a snapshot of a running VM with a guest agent Succeeds, readyToUse, Online and GuestAgent', async () => {
    await h.cp.client.create(VM_SNAPSHOTS, { apiVersion: 'snapshot.kubevirt.io/v1beta1', kind: 'VirtualMachineSnapshot', metadata: { name: 'snap-1', namespace: NS }, spec: { source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: 'snap-vm' } } });
    snapshot = await eventually(async () => {
      const s = await h.cp.client.get(VM_SNAPSHOTS, NS, 'snap-1');
      return status(s).phase === 'Succeeded' ? s : undefined;
    }, 'snapshot Succeeded');
    expect(status(snapshot)).toMatchObject({ readyToUse: true, indications: ['Online', 'GuestAgent'], snapshotVolumes: { includedVolumes: ['rootdisk'], excludedVolumes: ['cloudinitdisk'] } });
    expect(status(snapshot).creationTime).toMatch(/^\d{4}-\d\d-\d\dT/);
    const vs = await h.cp.client.get(VOLUME_SNAPSHOTS, NS, `vmsnapshot-${snapshot.metadata.uid}-volume-rootdisk`);
    expect(status(vs)).toMatchObject({ readyToUse: true, restoreSize: '20Gi' });
  });

  it('a snapshot of a running VM without a guest agent says NoGuestAgent', async () => {
    await h.cp.client.create(VM_SNAPSHOTS, { apiVersion: 'snapshot.kubevirt.io/v1beta1', kind: 'VirtualMachineSnapshot', metadata: { name: 'snap-2', namespace: NS }, spec: { source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: 'plain-vm' } } });
    const s = await eventually(async () => {
      const x = await h.cp.client.get(VM_SNAPSHOTS, NS, 'snap-2');
      return status(x).phase === 'Succeeded' ? x : undefined;
    }, 'snapshot 2');
    expect(status(s).indications).toEqual(['Online', 'NoGuestAgent']);
  });

  it('a restore with StopTarget stops the VM, restores new claims from the snapshots, and replaces the DataVolume', async () => {
    await h.cp.client.create(VM_RESTORES, { apiVersion: 'snapshot.kubevirt.io/v1beta1', kind: 'VirtualMachineRestore', metadata: { name: 'restore-1', namespace: NS }, spec: { target: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: 'snap-vm' }, virtualMachineSnapshotName: 'snap-1', targetReadinessPolicy: 'StopTarget' } });
    const r = await eventually(async () => {
      const x = await h.cp.client.get(VM_RESTORES, NS, 'restore-1');
      return status(x).complete ? x : undefined;
    }, 'restore complete', 2000);
    const claim = `restore-${r.metadata.uid}-rootdisk`;
    expect(status(r).restores).toEqual([{ volumeName: 'rootdisk', persistentVolumeClaim: claim, volumeSnapshotName: `vmsnapshot-${snapshot.metadata.uid}-volume-rootdisk`, dataVolumeName: claim }]);
    expect(status(r).deletedDataVolumes).toEqual(['snap-vm-root']);
    const pvc = await h.cp.client.get(PVCS, NS, claim);
    expect(status(pvc).phase).toBe('Bound');
    expect((pvc.spec as Any).dataSource).toMatchObject({ kind: 'VolumeSnapshot' });
    const target = await h.cp.client.get(VMS, NS, 'snap-vm');
    expect((target.spec as Any).runStrategy).toBe('Halted');
    expect((target.spec as Any).template.spec.volumes[0].dataVolume.name).toBe(claim);
    expect((target.spec as Any).dataVolumeTemplates[0].metadata.name).toBe(claim);
    // The VM controller recreates the DataVolume; CDI finds its claim pre-populated.
    await eventually(async () => status(await h.cp.client.get(DATA_VOLUMES, NS, claim)).phase === 'Succeeded' || undefined, 'restored DataVolume Succeeded');
  });

  it('a VirtualMachineClone creates a new VM on cloned claims, with the MAC address removed', async () => {
    await h.cp.client.create(VM_CLONES, { apiVersion: 'clone.kubevirt.io/v1beta1', kind: 'VirtualMachineClone', metadata: { name: 'clone-1', namespace: NS }, spec: { source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: 'snap-vm' }, target: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: 'snap-vm-copy' } } });
    const c = await eventually(async () => {
      const x = await h.cp.client.get(VM_CLONES, NS, 'clone-1');
      return status(x).phase === 'Succeeded' ? x : undefined;
    }, 'clone Succeeded');
    expect(status(c).targetName).toBe('snap-vm-copy');
    const vm = await h.cp.client.get(VMS, NS, 'snap-vm-copy');
    const spec = vm.spec as Any;
    expect(spec.template.spec.domain.devices.interfaces[0].macAddress).toBeUndefined();
    const claim = spec.template.spec.volumes[0].dataVolume.name as string;
    expect(claim).toMatch(/^restore-[0-9a-f-]+-rootdisk$/);
    const pvc = await h.cp.client.get(PVCS, NS, claim);
    expect(status(pvc).phase).toBe('Bound');
    expect(pvc.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'VirtualMachine', name: 'snap-vm-copy' });
    await eventually(async () => (await h.cp.client.get(VM_SNAPSHOTS, NS, status(c).snapshotName).then(() => undefined, () => true)), 'temporary snapshot removed');
  });
});
