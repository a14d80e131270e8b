/**
 * Applying a VirtualMachine{,Cluster}Preference to a VMI spec, as KubeVirt's preference
 * appliers do (kubevirt/kubevirt `pkg/instancetype/preference/apply/*.go`): every
 * `preferred*` value fills only what the VM left unset; CPU features are added unless the VM
 * names the same feature. Exceptions follow KubeVirt: `preferredAcpi` and
 * `preferredDisableHotplug` overwrite (the VMI fields are not pointers there).
 */
import type { VmiSpec } from './kubevirt-types.js';

type Obj = Record<string, any>;

/** The preference spec (instancetype.kubevirt.io/v1beta1 VirtualMachinePreferenceSpec). */
export type PreferenceSpec = Obj;

/** The CPU topology a preference asks for (KubeVirt defaults to sockets; the v1beta1 `prefer*` names are aliases). */
export function preferredTopology(pref?: PreferenceSpec): 'sockets' | 'cores' | 'threads' | 'spread' | 'any' {
  const t = String(pref?.cpu?.preferredCPUTopology ?? 'sockets');
  const plain = t.startsWith('prefer') ? t.slice(6).toLowerCase() : t;
  return (['sockets', 'cores', 'threads', 'spread', 'any'].includes(plain) ? plain : 'sockets') as ReturnType<typeof preferredTopology>;
}

/** Spread options: ratio (default 2, or the deprecated `preferSpreadSocketToCoreRatio`) and across (default SocketsCores). */
export function spreadOptions(pref?: PreferenceSpec): { ratio: number; across: string } {
  return { ratio: pref?.cpu?.spreadOptions?.ratio ?? (pref?.preferSpreadSocketToCoreRatio || 2), across: pref?.cpu?.spreadOptions?.across ?? 'SocketsCores' };
}

const fill = (target: Obj, key: string, value: unknown) => {
  if (value !== undefined && target[key] === undefined) target[key] = structuredClone(value);
};

function applyDevices(d: Obj, spec: Obj): void {
  const devs = (spec.domain.devices ??= {}) as Obj;
  fill(devs, 'useVirtioTransitional', d.preferredUseVirtioTransitional);
  fill(devs, 'blockMultiQueue', d.preferredBlockMultiQueue);
  fill(devs, 'networkInterfaceMultiQueue', d.preferredNetworkInterfaceMultiQueue);
  if (d.preferredDisableHotplug !== undefined) devs.disableHotplug = d.preferredDisableHotplug;
  if (d.preferredSoundModel && devs.sound && !devs.sound.model) devs.sound.model = d.preferredSoundModel;
  fill(devs, 'rng', d.preferredRng);
  fill(devs, 'tpm', d.preferredTPM);
  for (const k of ['GraphicsDevice', 'MemBalloon', 'PodInterface', 'SerialConsole', 'InputDevice']) fill(devs, `autoattach${k}`, d[`preferredAutoattach${k}`]);
  for (const disk of (devs.disks ?? []) as Obj[]) {
    // A disk with no target is a disk (DiskTarget) so the preferences can apply.
    if (!disk.disk && !disk.cdrom && !disk.lun) disk.disk = {};
    if (disk.disk) {
      fill(disk.disk, 'bus', d.preferredDiskBus || undefined);
      fill(disk, 'blockSize', d.preferredDiskBlockSize);
      fill(disk, 'cache', d.preferredDiskCache || undefined);
      fill(disk, 'io', d.preferredDiskIO || undefined);
      if (disk.disk.bus === 'virtio') fill(disk, 'dedicatedIOThread', d.preferredDiskDedicatedIoThread);
    } else if (disk.cdrom) fill(disk.cdrom, 'bus', d.preferredCdromBus || undefined);
    else fill(disk.lun, 'bus', d.preferredLunBus || undefined);
  }
  const podNetworks = new Set(((spec.networks ?? []) as Obj[]).filter((n) => n.pod).map((n) => n.name));
  for (const iface of (devs.interfaces ?? []) as Obj[]) {
    fill(iface, 'model', d.preferredInterfaceModel || undefined);
    const bound = ['bridge', 'masquerade', 'sriov', 'slirp', 'passt', 'macvtap', 'binding'].some((b) => iface[b] !== undefined);
    if (d.preferredInterfaceMasquerade && !bound && podNetworks.has(iface.name)) iface.masquerade = structuredClone(d.preferredInterfaceMasquerade);
  }
  for (const input of (devs.inputs ?? []) as Obj[]) {
    fill(input, 'bus', d.preferredInputBus || undefined);
    fill(input, 'type', d.preferredInputType || undefined);
  }
  if (d.preferredPanicDeviceModel) {
    if (!devs.panicDevices?.length) devs.panicDevices = [{ model: d.preferredPanicDeviceModel }];
    else for (const p of devs.panicDevices as Obj[]) fill(p, 'model', d.preferredPanicDeviceModel);
  }
}

function applyFeatures(f: Obj, domain: Obj): void {
  const feats = (domain.features ??= {}) as Obj;
  if (f.preferredAcpi) feats.acpi = structuredClone(f.preferredAcpi);
  fill(feats, 'apic', f.preferredApic);
  fill(feats, 'kvm', f.preferredKvm);
  fill(feats, 'pvspinlock', f.preferredPvspinlock);
  fill(feats, 'smm', f.preferredSmm);
  if (f.preferredHyperv && feats.hypervPassthrough?.enabled !== true) {
    const hv = (feats.hyperv ??= {}) as Obj;
    for (const [k, v] of Object.entries(f.preferredHyperv as Obj)) fill(hv, k, v);
  }
}

function applyFirmware(fw: Obj, domain: Obj): void {
  const boot = ((domain.firmware ??= {}) as Obj).bootloader ??= {};
  if (fw.preferredUseBios && !boot.bios && !boot.efi) boot.bios = {};
  if (fw.preferredUseBiosSerial !== undefined && boot.bios) fill(boot.bios, 'useSerial', fw.preferredUseBiosSerial);
  if (!boot.efi && !boot.bios && fw.preferredEfi) {
    boot.efi = structuredClone(fw.preferredEfi);
    return;
  }
  if (fw.preferredUseEfi && !boot.efi && !boot.bios) boot.efi = {};
  if (fw.preferredUseSecureBoot !== undefined && boot.efi) fill(boot.efi, 'secureBoot', fw.preferredUseSecureBoot);
}

/** Returns the VMI spec with the preference applied (the input is not changed). */
export function applyPreference(spec: VmiSpec, pref: PreferenceSpec | undefined, annotations?: Record<string, string>): VmiSpec {
  const out = structuredClone(spec) as VmiSpec & Obj;
  if (!pref) return out;
  const domain = out.domain as Obj;
  if (pref.cpu?.preferredCPUFeatures?.length) {
    const cpu = (domain.cpu ??= {}) as Obj;
    const have = new Set(((cpu.features ?? []) as Obj[]).map((f) => f.name));
    cpu.features = [...(cpu.features ?? []), ...(pref.cpu.preferredCPUFeatures as Obj[]).filter((f) => !have.has(f.name)).map((f) => structuredClone(f))];
  }
  if (pref.devices) applyDevices(pref.devices, out);
  if (pref.features) applyFeatures(pref.features, domain);
  if (pref.firmware) applyFirmware(pref.firmware, domain);
  if (pref.machine?.preferredMachineType) fill((domain.machine ??= {}) as Obj, 'type', pref.machine.preferredMachineType);
  if (pref.clock) {
    const clock = (domain.clock ??= {}) as Obj;
    if (pref.clock.preferredClockOffset && !clock.utc && !clock.timezone) Object.assign(clock, structuredClone(pref.clock.preferredClockOffset));
    fill(clock, 'timer', pref.clock.preferredTimer);
  }
  fill(out, 'subdomain', pref.preferredSubdomain || undefined);
  fill(out, 'terminationGracePeriodSeconds', pref.preferredTerminationGracePeriodSeconds);
  if (annotations) for (const [k, v] of Object.entries((pref.annotations ?? {}) as Record<string, string>)) if (annotations[k] === undefined) annotations[k] = v;
  return out;
}
