/**
 * The compute container's resources of a virt-launcher pod, computed as KubeVirt's
 * virt-controller renders them (kubevirt/kubevirt `pkg/virt-controller/services/
 * renderresources.go`, `GetMemoryOverhead`, and the KVM hypervisor's constants):
 * memory = guest memory + overhead; cpu = vCPUs / cpuAllocationRatio unless the VMI
 * asks for dedicated CPUs (then whole cores, requests = limits, Guaranteed QoS).
 */
import { quantityMilliValue, quantityValue } from '../../lib/quantity.js';
import type { VmiSpec } from '../virtual-machine/kubevirt-types.js';

const Mi = 1024 * 1024;

/** KubeVirt's memory overhead terms (bytes), from `GetMemoryOverhead` and its constants. */
export const MEMORY_OVERHEAD = {
  /** `ps` RSS of virt-launcher-monitor (VirtLauncherMonitorOverhead, 25Mi). */
  virtLauncherMonitor: 25 * Mi,
  /** virt-launcher (VirtLauncherOverhead, 100Mi). */
  virtLauncher: 100 * Mi,
  /** virtlogd (VirtlogdOverhead, 25Mi). */
  virtlogd: 25 * Mi,
  /** virtqemud (VirtqemudOverhead, 40Mi). */
  virtqemud: 40 * Mi,
  /** qemu minus guest RAM and page tables (QemuOverhead, 30Mi). */
  qemu: 30 * Mi,
  /** CPU tables per vCPU (8Mi). */
  perVcpu: 8 * Mi,
  /** The static IOThread (8Mi). */
  ioThread: 8 * Mi,
  /** Video RAM while a graphics device is auto-attached, the default (32Mi). */
  videoRam: 32 * Mi,
  /** VFIO devices (host devices, GPUs) lock memory (1Gi). */
  vfio: 1024 * Mi,
  /** Page tables: one byte per 512 bytes of guest memory. */
  pagetableDivisor: 512,
};

/** KubeVirt's default `cpuAllocationRatio` (virt-config `DefaultCPUAllocationRatio`, HCO `vmiCPUAllocationRatio` 10). */
export const CPU_ALLOCATION_RATIO = 10;

/** The number of vCPUs: cores × sockets × threads, or the CPU request rounded up, or 1. */
export function vcpusOf(spec: VmiSpec): number {
  const cpu = spec.domain.cpu;
  if (cpu && (cpu.cores || cpu.sockets || cpu.threads)) return (cpu.cores ?? 1) * (cpu.sockets ?? 1) * (cpu.threads ?? 1);
  const req = spec.domain.resources?.requests?.cpu ?? spec.domain.resources?.limits?.cpu;
  return req ? Math.max(1, Math.ceil(Number(quantityMilliValue(req)) / 1000)) : 1;
}

/** The guest's memory in bytes: `domain.memory.guest`, else the memory request. */
export function guestMemoryBytes(spec: VmiSpec): number {
  const q = spec.domain.memory?.guest ?? spec.domain.resources?.requests?.memory ?? spec.domain.resources?.limits?.memory;
  return q ? Number(quantityValue(q)) : 0;
}

/** The memory overhead of a VMI's launcher, in bytes (`GetMemoryOverhead`, amd64, no extra ratio). */
export function memoryOverheadBytes(spec: VmiSpec): number {
  const o = MEMORY_OVERHEAD;
  // Page tables: the guest size scaled to kilo (rounded up), then divided by 512, as the Go code does.
  const pagetables = Math.floor((Math.ceil(guestMemoryBytes(spec) / 1000) * 1000) / o.pagetableDivisor);
  let total = pagetables + o.virtLauncherMonitor + o.virtLauncher + o.virtlogd + o.virtqemud + o.qemu;
  total += o.perVcpu * vcpusOf(spec) + o.ioThread;
  if (spec.domain.devices?.autoattachGraphicsDevice !== false) total += o.videoRam;
  if ((spec.domain.devices?.hostDevices?.length ?? 0) > 0 || (spec.domain.devices?.gpus?.length ?? 0) > 0) total += o.vfio;
  return total;
}

/** The compute container's requests and limits, and the pod's QoS class. */
export function launcherResources(spec: VmiSpec): { requests: Record<string, string>; limits: Record<string, string>; qosClass: 'Guaranteed' | 'Burstable' } {
  const vcpus = vcpusOf(spec);
  const requested = spec.domain.resources?.requests?.memory;
  const guest = requested ? Number(quantityValue(requested)) : guestMemoryBytes(spec);
  // With huge pages the guest's RAM is requested as hugepages-<size>; plain memory covers only the overhead.
  const pageSize = spec.domain.memory?.hugepages?.pageSize;
  const memory = (pageSize ? 0 : guest) + memoryOverheadBytes(spec);
  const kvm: Record<string, string> = { 'devices.kubevirt.io/kvm': '1', 'devices.kubevirt.io/tun': '1', 'devices.kubevirt.io/vhost-net': '1', ...(pageSize ? { [`hugepages-${pageSize}`]: bytes(guest) } : {}) };
  if (spec.domain.cpu?.dedicatedCpuPlacement) {
    const r = { cpu: String(vcpus), memory: bytes(memory) };
    return { requests: { ...r, ...kvm }, limits: { ...r, ...kvm }, qosClass: 'Guaranteed' };
  }
  const cpu = spec.domain.resources?.requests?.cpu ?? `${Math.ceil((vcpus * 1000) / CPU_ALLOCATION_RATIO)}m`;
  return { requests: { cpu, memory: bytes(memory), ...kvm }, limits: { ...kvm }, qosClass: 'Burstable' };
}

/** A byte count as a quantity: `Mi` when whole, else plain bytes (as resource.Quantity canonicalizes BinarySI). */
export function bytes(n: number): string {
  if (n % Mi === 0) return n % (1024 * Mi) === 0 ? `${n / (1024 * Mi)}Gi` : `${n / Mi}Mi`;
  if (n % 1024 === 0) return `${n / 1024}Ki`;
  return String(n);
}
