import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startControlPlane, type ControlPlane } from '../../src/cmd/control-plane.js';
import type { KubeObject } from '../../src/api/types.js';

type Any = Record<string, any>;
const NS = { group: '', version: 'v1', plural: 'namespaces', namespaced: false };
const VMS = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachines', namespaced: true };
const VMIS = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachineinstances', namespaced: true };
const REVISIONS = { group: 'apps', version: 'v1', plural: 'controllerrevisions', namespaced: true };
const CLUSTER_PREFS = { group: 'instancetype.kubevirt.io', version: 'v1beta1', plural: 'virtualmachineclusterpreferences', namespaced: false };
const TYPES = { group: 'instancetype.kubevirt.io', version: 'v1beta1', plural: 'virtualmachineinstancetypes', namespaced: true };
const PVCS = { group: '', version: 'v1', plural: 'persistentvolumeclaims', namespaced: true };
const SUB = '/apis/subresources.kubevirt.io/v1/namespaces/apps';
const status = (o: KubeObject) => (o.status ?? {}) as Any;

async function eventually<T>(fn: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const vm = (name: string, extra: Any, domain: Any = {}, runStrategy = 'Always'): KubeObject => ({
  apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', metadata: { name, namespace: 'apps' },
  spec: {
    runStrategy, ...extra,
    template: { spec: { domain: { devices: { disks: [{ name: 'root' }, { name: 'data', disk: { bus: 'scsi' } }], interfaces: [{ name: 'default', masquerade: {} }] }, ...domain }, networks: [{ name: 'default', pod: {} }], volumes: [{ name: 'root', containerDisk: { image: 'quay.io/containerdisks/fedora:40' } }, { name: 'data', emptyDisk: { capacity: '1Gi' } }] } },
  },
});

describe('instance types and preferences: expansion into the VMI, ControllerRevisions, expand-spec', () => {
  let dir: string;
  let cp: ControlPlane;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ove-it-'));
    cp = await startControlPlane({ dataDir: dir, storage: 'memory', port: 0, insecure: true, log: () => undefined });
    await cp.client.create(NS, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'apps' } });
    await eventually(async () => (await cp.client.get(CLUSTER_PREFS, undefined, 'windows.2k22').catch(() => undefined)), 'common preferences');
  }, 60_000);
  afterAll(async () => {
    await cp?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ships the common cluster preferences', async () => {
    const names = (await cp.client.list(CLUSTER_PREFS)).items.map((p) => p.metadata.name);
    expect(names).toEqual(expect.arrayContaining(['rhel.8', 'rhel.9', 'centos.stream9', 'fedora', 'ubuntu', 'windows.10', 'windows.11', 'windows.2k22']));
    const rhel9 = await cp.client.get(CLUSTER_PREFS, undefined, 'rhel.9');
    expect(rhel9.spec).toMatchObject({ devices: { preferredDiskBus: 'virtio', preferredInterfaceModel: 'virtio', preferredDiskDedicatedIoThread: true }, firmware: { preferredUseEfi: true, preferredUseSecureBoot: true } });
  });

  it('u1.xlarge with windows.2k22: sockets, SATA and e1000e where the VM left them unset, EFI Secure Boot, SMM, TPM, Hyper-V, 3600 s grace', async () => {
    await cp.client.create(VMS, vm('win', { instancetype: { name: 'u1.xlarge' }, preference: { name: 'windows.2k22' } }));
    const vmi = await eventually<KubeObject>(() => cp.client.get(VMIS, 'apps', 'win'), 'VMI');
    const s = vmi.spec as Any;
    expect(s.domain.cpu).toMatchObject({ sockets: 4, cores: 1, threads: 1 });
    expect(s.domain.memory.guest).toBe('16Gi');
    expect(s.domain.devices.disks).toEqual([{ name: 'root', disk: { bus: 'sata' } }, { name: 'data', disk: { bus: 'scsi' } }]);
    expect(s.domain.devices.interfaces[0]).toMatchObject({ name: 'default', masquerade: {}, model: 'e1000e' });
    expect(s.domain.devices.tpm).toEqual({ persistent: true });
    expect(s.domain.firmware.bootloader.efi).toEqual({ secureBoot: true });
    expect(s.domain.features).toMatchObject({ smm: {}, acpi: {}, apic: {}, hyperv: { relaxed: {}, spinlocks: { spinlocks: 8191 }, synictimer: { direct: {} } } });
    expect(s.domain.clock).toMatchObject({ utc: {}, timer: { hpet: { present: false }, hyperv: {} } });
    expect(s.terminationGracePeriodSeconds).toBe(3600);
  });

  it('stores each as a ControllerRevision owned by the VM and keeps it when the instance type changes later', async () => {
    await cp.client.create(TYPES, { apiVersion: 'instancetype.kubevirt.io/v1beta1', kind: 'VirtualMachineInstancetype', metadata: { name: 'small', namespace: 'apps' }, spec: { cpu: { guest: 2 }, memory: { guest: '2Gi' } } });
    const created = await cp.client.create(VMS, vm('pinned', { instancetype: { name: 'small', kind: 'VirtualMachineInstancetype' }, preference: { name: 'rhel.9' } }));
    const it = await cp.client.get(TYPES, 'apps', 'small');
    const ref = await eventually(async () => status(await cp.client.get(VMS, 'apps', 'pinned')).instancetypeRef?.controllerRevisionRef ? status(await cp.client.get(VMS, 'apps', 'pinned')).instancetypeRef : undefined, 'instancetypeRef');
    expect(ref).toEqual({ name: 'small', kind: 'VirtualMachineInstancetype', controllerRevisionRef: { name: `pinned-small-${it.metadata.uid}-1` } });
    const cr = await cp.client.get(REVISIONS, 'apps', ref.controllerRevisionRef.name) as Any;
    expect(cr.metadata.ownerReferences).toMatchObject([{ kind: 'VirtualMachine', name: 'pinned', uid: created.metadata.uid, controller: true }]);
    expect(cr.data).toMatchObject({ apiVersion: 'instancetype.kubevirt.io/v1beta1', kind: 'VirtualMachineInstancetype', metadata: { name: 'small', uid: it.metadata.uid }, spec: { cpu: { guest: 2 } } });
    expect(status(await cp.client.get(VMS, 'apps', 'pinned')).preferenceRef.controllerRevisionRef.name).toMatch(/^pinned-rhel\.9-[0-9a-f-]{36}-1$/);
    const first = await eventually<KubeObject>(() => cp.client.get(VMIS, 'apps', 'pinned'), 'VMI');
    // rhel.9 with two vCPUs: sockets (the default topology), virtio where unset, a dedicated IOThread on virtio disks.
    expect((first.spec as Any).domain.cpu).toMatchObject({ sockets: 2, cores: 1, threads: 1 });
    expect((first.spec as Any).domain.devices.disks[0]).toEqual({ name: 'root', disk: { bus: 'virtio' }, dedicatedIOThread: true });
    await cp.client.patch(TYPES, 'apps', 'small', 'merge', { spec: { cpu: { guest: 8 } } });
    await cp.client.delete(VMIS, 'apps', 'pinned');
    const second = await eventually(async () => {
      const v = await cp.client.get(VMIS, 'apps', 'pinned');
      return v.metadata.uid !== first.metadata.uid ? v : undefined;
    }, 'new VMI');
    expect((second.spec as Any).domain.cpu.sockets).toBe(2);
    // Deleting the VM deletes its revisions (garbage collection by owner).
    await cp.client.delete(VMS, 'apps', 'pinned');
    await eventually(async () => ((await cp.client.list(REVISIONS, 'apps')).items.some((r) => r.metadata.name!.startsWith('pinned-')) ? undefined : true), 'revisions collected');
  });

  it('expand-spec answers the VM expanded and without matchers; expand-vm-spec expands a VM from the body; conflicts and unknown names are 400s', async () => {
    await cp.client.create(VMS, vm('halted', { instancetype: { name: 'u1.large' }, preference: { name: 'rhel.9' } }, {}, 'Halted'));
    const PREFS = { group: 'instancetype.kubevirt.io', version: 'v1beta1', plural: 'virtualmachinepreferences', namespaced: true };
    await cp.client.create(PREFS, { apiVersion: 'instancetype.kubevirt.io/v1beta1', kind: 'VirtualMachinePreference', metadata: { name: 'rhel-machine', namespace: 'apps' }, spec: { machine: { preferredMachineType: 'pc-q35-rhel9.4.0' }, cpu: { preferredCPUTopology: 'spread' } } });
    const machined = await cp.client.create(VMS, vm('machined', { instancetype: { name: 'u1.2xlarge' }, preference: { name: 'rhel-machine', kind: 'VirtualMachinePreference' } }, {}, 'Halted'));
    // The mutator takes the preference's machine type; without one the cluster default.
    expect((machined.spec as Any).template.spec.domain.machine).toEqual({ type: 'pc-q35-rhel9.4.0' });
    expect(((await cp.client.get(VMS, 'apps', 'halted')).spec as Any).template.spec.domain.machine).toEqual({ type: 'q35' });
    // spread: 8 vCPUs as 4 sockets × 2 cores (ratio 2, across sockets and cores).
    const spread = await cp.client.call<Any>('GET', `${SUB}/virtualmachines/machined/expand-spec`);
    expect(spread.spec.template.spec.domain.cpu).toMatchObject({ sockets: 4, cores: 2, threads: 1 });
    const x = await cp.client.call<Any>('GET', `${SUB}/virtualmachines/halted/expand-spec`);
    expect(x.spec.instancetype).toBeUndefined();
    expect(x.spec.preference).toBeUndefined();
    expect(x.spec.template.spec.domain).toMatchObject({ cpu: { sockets: 2, cores: 1, threads: 1 }, memory: { guest: '8Gi' }, features: { smm: {} }, firmware: { bootloader: { efi: { secureBoot: true } } }, devices: { rng: {} } });
    const body = vm('draft', { instancetype: { name: 'u1.medium' }, preference: { name: 'windows.10', kind: 'VirtualMachineClusterPreference' } });
    const y = await cp.client.call<Any>('PUT', `${SUB}/expand-vm-spec`, body);
    expect(y.metadata.namespace).toBe('apps');
    expect(y.spec.template.spec.domain).toMatchObject({ cpu: { sockets: 1, cores: 1, threads: 1 }, memory: { guest: '4Gi' }, devices: { disks: [{ name: 'root', disk: { bus: 'sata' } }, { name: 'data', disk: { bus: 'scsi' } }] } });
    const conflicting = vm('draft', { instancetype: { name: 'u1.medium' } }, { cpu: { cores: 2 } });
    await expect(cp.client.call('PUT', `${SUB}/expand-vm-spec`, conflicting)).rejects.toMatchObject({ code: 400, message: 'VM field(s) spec.template.spec.domain.cpu.cores conflicts with selected instance type' });
    await expect(cp.client.call('PUT', `${SUB}/expand-vm-spec`, vm('draft', { preference: { name: 'beos' } }))).rejects.toMatchObject({ code: 400, message: 'Failure to find preference: virtualmachineclusterpreferences.instancetype.kubevirt.io "beos" not found' });
    await expect(cp.client.call('PUT', '/apis/subresources.kubevirt.io/v1/namespaces/other/expand-vm-spec', body)).rejects.toMatchObject({ code: 400, message: 'VM namespace must be empty or other' });
  });

  it('the validating webhook refuses a template that conflicts with its instance type, and names that do not exist', async () => {
    await expect(cp.client.create(VMS, vm('clash', { instancetype: { name: 'u1.small' } }, { cpu: { sockets: 2 }, memory: { guest: '1Gi' } }))).rejects.toMatchObject({
      code: 422,
      message: 'admission webhook "virtualmachine-validator.kubevirt.io" denied the request: VM field(s) spec.template.spec.domain.cpu.sockets conflicts with selected instance type, VM field(s) spec.template.spec.domain.memory.guest conflicts with selected instance type',
      details: { causes: [{ reason: 'FieldValueInvalid', field: 'spec.template.spec.domain.cpu.sockets' }, { reason: 'FieldValueInvalid', field: 'spec.template.spec.domain.memory.guest' }] },
    });
    await expect(cp.client.create(VMS, vm('nope', { instancetype: { name: 'u9.huge', kind: 'VirtualMachineInstancetype' } }))).rejects.toMatchObject({
      code: 422, message: 'admission webhook "virtualmachine-validator.kubevirt.io" denied the request: Failure to find instancetype: virtualmachineinstancetypes.instancetype.kubevirt.io "u9.huge" not found',
    });
    await expect(cp.client.create(VMS, vm('empty', { preference: {} }))).rejects.toMatchObject({ code: 422, message: expect.stringContaining('Either Name or InferFromVolume should be provided within the preference matcher') });
    expect((await cp.client.list(VMS, 'apps')).items.map((v) => v.metadata.name)).not.toContain('clash');
  });

  it('inferFromVolume fills the matchers from the claim\'s default labels; Ignore clears them when the labels are missing', async () => {
    const claim = (name: string, labels: Record<string, string>) => cp.client.create(PVCS, { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'apps', labels }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
    await claim('golden', { 'instancetype.kubevirt.io/default-instancetype': 'u1.small', 'instancetype.kubevirt.io/default-preference': 'fedora' });
    await claim('plain', {});
    const onClaim = (name: string, claimName: string, matchers: Any): KubeObject => ({
      apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', metadata: { name, namespace: 'apps' },
      spec: { runStrategy: 'Halted', ...matchers, template: { spec: { domain: { devices: {} }, volumes: [{ name: 'rootdisk', persistentVolumeClaim: { claimName } }] } } },
    });
    const inferred = await cp.client.create(VMS, onClaim('inferred', 'golden', { instancetype: { inferFromVolume: 'rootdisk' }, preference: { inferFromVolume: 'rootdisk' } }));
    expect(inferred.spec).toMatchObject({ instancetype: { name: 'u1.small' }, preference: { name: 'fedora' } });
    expect((inferred.spec as Any).instancetype.inferFromVolume).toBeUndefined();
    const ignored = await cp.client.create(VMS, onClaim('ignored', 'plain', { preference: { inferFromVolume: 'rootdisk', inferFromVolumeFailurePolicy: 'Ignore' } }));
    expect((ignored.spec as Any).preference).toBeUndefined();
    await expect(cp.client.create(VMS, onClaim('rejected', 'plain', { preference: { inferFromVolume: 'rootdisk' } }))).rejects.toMatchObject({
      code: 400, message: 'admission webhook "virtualmachines-mutator.kubevirt.io" denied the request: unable to find required instancetype.kubevirt.io/default-preference label on the volume',
    });
  });
});
