import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../api/types.js';
import type { VmiSpec } from './kubevirt-types.js';
import { commonInstancetypes } from './common-instancetypes.js';
import { commonPreferences } from './common-preferences.js';
import { expandVmiSpec, failureText } from './expand.js';
import { guestTopology } from './instancetype.js';
import { applyPreference } from './preference.js';
import { revisionFor } from './revision.js';

type Any = Record<string, any>;
const types = new Map(commonInstancetypes().map((t) => [t.metadata.name!, t]));
const prefs = new Map(commonPreferences().map((p) => [p.metadata.name!, p]));
const spec = (): VmiSpec => ({
  domain: { devices: { disks: [{ name: 'root' }, { name: 'cd', cdrom: {} }, { name: 'data', disk: { bus: 'scsi' } }], interfaces: [{ name: 'default' }, { name: 'vlan', bridge: {} }] } },
  networks: [{ name: 'default', pod: {} }, { name: 'vlan', multus: { networkName: 'v100' } }],
} as unknown as VmiSpec);

describe('preferences (pkg/instancetype/preference/apply)', () => {
  it('fill only what the VM leaves unset, and never change their input', () => {
    const input = spec();
    const before = structuredClone(input);
    const pref = { devices: { preferredDiskBus: 'virtio', preferredCdromBus: 'sata', preferredInterfaceModel: 'virtio', preferredInterfaceMasquerade: {}, preferredDiskDedicatedIoThread: true, preferredRng: {} }, preferredTerminationGracePeriodSeconds: 60 };
    const out = applyPreference(input, pref) as Any;
    expect(input).toEqual(before);
    expect(out.domain.devices.disks).toEqual([{ name: 'root', disk: { bus: 'virtio' }, dedicatedIOThread: true }, { name: 'cd', cdrom: { bus: 'sata' } }, { name: 'data', disk: { bus: 'scsi' } }]);
    // Masquerade only for an interface without a binding on the pod network.
    expect(out.domain.devices.interfaces).toEqual([{ name: 'default', model: 'virtio', masquerade: {} }, { name: 'vlan', bridge: {}, model: 'virtio' }]);
    expect(out.domain.devices.rng).toEqual({});
    expect(out.terminationGracePeriodSeconds).toBe(60);
    expect((applyPreference({ ...spec(), terminationGracePeriodSeconds: 0 } as VmiSpec, pref) as Any).terminationGracePeriodSeconds).toBe(0);
  });

  it('firmware: preferredUseEfi + Secure Boot unless the VM chose BIOS; CPU features are added unless named', () => {
    const secure = { firmware: { preferredUseEfi: true, preferredUseSecureBoot: true }, cpu: { preferredCPUFeatures: [{ name: 'vmx', policy: 'require' }, { name: 'pdpe1gb' }] } };
    const out = applyPreference(spec(), secure) as Any;
    expect(out.domain.firmware.bootloader).toEqual({ efi: { secureBoot: true } });
    const bios = { ...spec(), domain: { ...spec().domain, firmware: { bootloader: { bios: {} } }, cpu: { features: [{ name: 'vmx', policy: 'disable' }] } } } as VmiSpec;
    const kept = applyPreference(bios, secure) as Any;
    expect(kept.domain.firmware.bootloader).toEqual({ bios: {} });
    expect(kept.domain.cpu.features).toEqual([{ name: 'vmx', policy: 'disable' }, { name: 'pdpe1gb' }]);
  });
});

describe('instance types with preferences (pkg/instancetype/apply)', () => {
  it('lays the vCPUs out as the preference says: sockets by default, cores, threads, spread', () => {
    expect(guestTopology(1, { cpu: { preferredCPUTopology: 'cores' } })).toEqual({ sockets: 1, cores: 1, threads: 1 });
    expect(guestTopology(8)).toEqual({ sockets: 8, cores: 1, threads: 1 });
    expect(guestTopology(8, { cpu: { preferredCPUTopology: 'preferCores' } })).toEqual({ sockets: 1, cores: 8, threads: 1 });
    expect(guestTopology(8, { cpu: { preferredCPUTopology: 'threads' } })).toEqual({ sockets: 1, cores: 1, threads: 8 });
    expect(guestTopology(8, { cpu: { preferredCPUTopology: 'spread' } })).toEqual({ sockets: 4, cores: 2, threads: 1 });
    expect(guestTopology(16, { cpu: { preferredCPUTopology: 'spread', spreadOptions: { across: 'SocketsCoresThreads', ratio: 4 } } })).toEqual({ sockets: 2, cores: 4, threads: 2 });
    expect(guestTopology(8, { cpu: { preferredCPUTopology: 'spread', spreadOptions: { across: 'CoresThreads' } } })).toEqual({ sockets: 1, cores: 4, threads: 2 });
  });

  it('expands cx1 with rhel.9: dedicated CPUs, isolated emulator thread, huge pages, EFI Secure Boot with SMM', () => {
    const e = expandVmiSpec(spec(), { instancetype: { name: 'cx1.xlarge' }, preference: { name: 'rhel.9' } }, types.get('cx1.xlarge'), prefs.get('rhel.9'));
    expect('spec' in e).toBe(true);
    const d = (e as { spec: Any }).spec.domain;
    expect(d.cpu).toEqual({ sockets: 4, cores: 1, threads: 1, dedicatedCpuPlacement: true, isolateEmulatorThread: true });
    expect(d.memory).toEqual({ guest: '8Gi', hugepages: { pageSize: '2Mi' } });
    expect(d.ioThreadsPolicy).toBe('auto');
    expect(d.features).toEqual({ smm: {} });
    expect(d.firmware.bootloader.efi).toEqual({ secureBoot: true });
  });

  it('refuses conflicts path by path, unknown names, and unmet preference requirements', () => {
    const clash = { ...spec(), domain: { ...spec().domain, cpu: { threads: 2 }, resources: { requests: { memory: '1Gi' } } } } as VmiSpec;
    const e = expandVmiSpec(clash, { instancetype: { name: 'u1.small' } }, types.get('u1.small'), undefined);
    expect('failures' in e && e.failures).toEqual([
      { field: 'spec.template.spec.domain.cpu.threads', message: 'VM field(s) spec.template.spec.domain.cpu.threads conflicts with selected instance type' },
      { field: 'spec.template.spec.domain.resources.requests.memory', message: 'VM field(s) spec.template.spec.domain.resources.requests.memory conflicts with selected instance type' },
    ]);
    expect(failureText(e)).toBe('VM field(s) spec.template.spec.domain.cpu.threads, spec.template.spec.domain.resources.requests.memory conflicts with selected instance type');
    expect(failureText(expandVmiSpec(spec(), { preference: { name: 'x', kind: 'virtualmachinepreference' } }, undefined, null))).toBe('Failure to find preference: virtualmachinepreferences.instancetype.kubevirt.io "x" not found');
    const needy = { spec: { requirements: { cpu: { guest: 2 }, memory: { guest: '2Gi' } } } } as unknown as KubeObject;
    expect(failureText(expandVmiSpec(spec(), { instancetype: { name: 'u1.medium' }, preference: { name: 'p' } }, types.get('u1.medium'), needy))).toBe('failure checking preference requirements: insufficient CPU resources of 1 vCPU provided by instance type, preference requires 2 vCPU');
    expect(failureText(expandVmiSpec(spec(), { instancetype: { name: 'u1.2xmedium' }, preference: { name: 'p' } }, types.get('u1.2xmedium'), { spec: { requirements: { memory: { guest: '8Gi' } } } } as unknown as KubeObject))).toBe('failure checking preference requirements: insufficient Memory resources of 4Gi provided by instance type, preference requires 8Gi');
  });
});

describe('memory overcommit', () => {
  it('requests the guest memory less the percentage, as the pod\'s memory request', () => {
    const it = { spec: { cpu: { guest: 2 }, memory: { guest: '8Gi', overcommitPercent: 25 } } } as unknown as KubeObject;
    const e = expandVmiSpec(spec(), { instancetype: { name: 'oc' } }, it, undefined) as { spec: Any };
    expect(e.spec.domain.memory.guest).toBe('8Gi');
    expect(e.spec.domain.resources.requests.memory).toBe('6Gi');
  });
});

describe('ControllerRevisions (pkg/instancetype/revision)', () => {
  it('are named <vm>-<object>-<uid>-<generation>, owned by the VM, with the whole object as data', () => {
    const vm = { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', metadata: { name: 'web', namespace: 'apps', uid: 'vm-uid' }, spec: { template: { spec: { domain: {} } } } } as never;
    const it = { ...types.get('u1.small')!, metadata: { ...types.get('u1.small')!.metadata, uid: 'it-uid', generation: 3, resourceVersion: '42' } };
    const cr = revisionFor(vm, it) as Any;
    expect(cr.metadata.name).toBe('web-u1.small-it-uid-3');
    expect(cr.metadata.ownerReferences).toEqual([{ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', name: 'web', uid: 'vm-uid', controller: true, blockOwnerDeletion: true }]);
    expect(cr.data).toMatchObject({ kind: 'VirtualMachineClusterInstancetype', metadata: { name: 'u1.small', uid: 'it-uid', generation: 3 }, spec: { cpu: { guest: 1 }, memory: { guest: '2Gi' } } });
    expect(cr.revision).toBe(0);
  });
});
