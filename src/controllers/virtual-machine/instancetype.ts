/**
 * Expanding a VM's instance type into its VMI spec, as KubeVirt's instancetype appliers do
 * (kubevirt/kubevirt `pkg/instancetype/apply/{cpu,memory,vmi}.go`): the guest's vCPUs laid
 * out in the preference's topology (sockets by default; spread uses the ratio, 2 unless set),
 * the memory its guest size, plus model, dedicated CPUs, isolated emulator thread, NUMA,
 * huge pages, memory overcommit (a lower memory request), IOThreads policy, node selector and scheduler where the type sets them. A
 * template that sets any of those fields conflicts: KubeVirt refuses each path with
 * `VM field(s) <path> conflicts with selected instance type` (`pkg/instancetype/conflict`).
 */
import type { KubeObject } from '../../api/types.js';
import { quantityValue } from '../../api/kubevirt/parse-quantity.js';
import { bytes } from '../virtual-machine-instance/launcher-resources.js';
import type { VmiSpec } from './kubevirt-types.js';
import { preferredTopology, spreadOptions, type PreferenceSpec } from './preference.js';

type Obj = Record<string, any>;

const P = 'spec.template.spec';

/** The template paths that conflict with an instance type (`it` the instance type's spec). */
export function instancetypeConflicts(spec: VmiSpec, it: Obj = { cpu: {}, memory: {} }): string[] {
  const d = spec.domain as Obj;
  const cpu = (d.cpu ?? {}) as Obj;
  const mem = (d.memory ?? {}) as Obj;
  const res = (d.resources ?? {}) as Obj;
  const out: string[] = [];
  const add = (cond: unknown, path: string) => cond && out.push(`${P}.${path}`);
  add(res.requests?.cpu !== undefined, 'domain.resources.requests.cpu');
  add(res.limits?.cpu !== undefined, 'domain.resources.limits.cpu');
  for (const k of ['sockets', 'cores', 'threads']) add(cpu[k], `domain.cpu.${k}`);
  add(cpu.model && it.cpu?.model !== undefined, 'domain.cpu.model');
  add(cpu.dedicatedCpuPlacement && it.cpu?.dedicatedCPUPlacement !== undefined, 'domain.cpu.dedicatedCPUPlacement');
  add(cpu.isolateEmulatorThread && it.cpu?.isolateEmulatorThread !== undefined, 'domain.cpu.isolateEmulatorThread');
  add(cpu.numa && it.cpu?.numa, 'domain.cpu.numa');
  add(cpu.realtime && it.cpu?.realtime, 'domain.cpu.realtime');
  add(mem.guest !== undefined, 'domain.memory.guest');
  add(mem.hugepages && it.memory?.hugepages, 'domain.memory.hugepages');
  add(mem.maxGuest && it.memory?.maxGuest, 'domain.memory.maxGuest');
  add(res.requests?.memory !== undefined, 'domain.resources.requests.memory');
  add(res.limits?.memory !== undefined, 'domain.resources.limits.memory');
  add(d.ioThreadsPolicy && it.ioThreadsPolicy, 'domain.ioThreadsPolicy');
  add(spec.nodeSelector && it.nodeSelector, 'nodeSelector');
  add((spec as Obj).schedulerName && it.schedulerName, 'schedulerName');
  return out;
}

/** KubeVirt's message for one conflicting path. */
export function conflictMessage(paths: string[]): string {
  return `VM field(s) ${paths.join(', ')} conflicts with selected instance type`;
}

/** `vCPUs` laid out as the preference asks (`applyGuestCPUTopology`). */
export function guestTopology(vcpus: number, pref?: PreferenceSpec): { sockets: number; cores: number; threads: number } {
  const t = { sockets: 1, cores: 1, threads: 1 };
  if (vcpus === 1) return t;
  const topology = preferredTopology(pref);
  if (topology === 'cores') t.cores = vcpus;
  else if (topology === 'threads') t.threads = vcpus;
  else if (topology === 'spread') {
    const { ratio, across } = spreadOptions(pref);
    if (across === 'CoresThreads') Object.assign(t, { threads: ratio, cores: Math.floor(vcpus / ratio) });
    else if (across === 'SocketsCoresThreads') Object.assign(t, { threads: 2, cores: ratio, sockets: Math.floor(vcpus / 2 / ratio) });
    else Object.assign(t, { cores: ratio, sockets: Math.floor(vcpus / ratio) });
  } else t.sockets = vcpus;
  return t;
}

/** The VMI spec with the instance type applied (no conflict check; the input is not changed). */
export function applyInstancetype(spec: VmiSpec, instancetype: KubeObject, pref?: PreferenceSpec): VmiSpec {
  const it = instancetype.spec as Obj;
  const out = structuredClone(spec) as VmiSpec & Obj;
  const d = out.domain as Obj;
  const cpu = (d.cpu ??= {}) as Obj;
  if (it.cpu.model !== undefined) cpu.model = it.cpu.model;
  if (it.cpu.dedicatedCPUPlacement !== undefined) cpu.dedicatedCpuPlacement = it.cpu.dedicatedCPUPlacement;
  if (it.cpu.isolateEmulatorThread !== undefined) cpu.isolateEmulatorThread = it.cpu.isolateEmulatorThread;
  if (it.cpu.numa) cpu.numa = structuredClone(it.cpu.numa);
  if (it.cpu.realtime) cpu.realtime = structuredClone(it.cpu.realtime);
  if (it.cpu.maxSockets !== undefined) cpu.maxSockets = it.cpu.maxSockets;
  Object.assign(cpu, guestTopology(it.cpu.guest, pref));
  const mem = (d.memory ??= {}) as Obj;
  mem.guest = it.memory.guest;
  if (it.memory.hugepages) mem.hugepages = structuredClone(it.memory.hugepages);
  if (it.memory.maxGuest !== undefined) mem.maxGuest = it.memory.maxGuest;
  // Memory overcommit: the pod requests less than the guest sees, by the percentage (computed in float32, as Go does).
  const pct = it.memory.overcommitPercent ?? 0;
  if (pct > 0) {
    const requested = Math.trunc(Math.fround(Math.fround(quantityValue(it.memory.guest) ?? 0) * Math.fround(1 - Math.fround(pct / 100))));
    d.resources = { ...(d.resources ?? {}), requests: { ...(d.resources?.requests ?? {}), memory: bytes(requested) } };
  }
  if (it.ioThreadsPolicy) d.ioThreadsPolicy = it.ioThreadsPolicy;
  if (it.gpus?.length) (d.devices ??= {}).gpus = [...(d.devices.gpus ?? []), ...structuredClone(it.gpus)];
  if (it.hostDevices?.length) (d.devices ??= {}).hostDevices = [...(d.devices.hostDevices ?? []), ...structuredClone(it.hostDevices)];
  if (it.launchSecurity) d.launchSecurity = structuredClone(it.launchSecurity);
  if (it.nodeSelector) out.nodeSelector = { ...it.nodeSelector };
  if (it.schedulerName) out.schedulerName = it.schedulerName;
  return out;
}
