/**
 * Expanding a VM's instance type into its VMI spec, as KubeVirt's instancetype
 * apply step does: the guest's vCPUs become sockets (the default preferred topology),
 * the memory its guest size, plus dedicated CPUs and huge pages where the type says
 * so. A template that sets any of those fields conflicts, and KubeVirt refuses it
 * with `VM field(s) <paths> conflicts with selected instance type`.
 */
import type { KubeObject } from '../../api/types.js';
import type { VmiSpec } from './kubevirt-types.js';

/** Instance type spec fields used here. */
interface InstancetypeSpec {
  cpu: { guest: number; dedicatedCPUPlacement?: boolean; isolateEmulatorThread?: boolean; model?: string };
  memory: { guest: string; hugepages?: { pageSize: string } };
}

/** The template fields that conflict with an instance type. */
export function instancetypeConflicts(spec: VmiSpec): string[] {
  const p = 'spec.template.spec.domain';
  const d = spec.domain as VmiSpec['domain'] & { memory?: { guest?: string; hugepages?: unknown } };
  const out: string[] = [];
  for (const k of ['sockets', 'cores', 'threads'] as const) if (d.cpu?.[k] !== undefined) out.push(`${p}.cpu.${k}`);
  if (d.cpu?.dedicatedCpuPlacement !== undefined) out.push(`${p}.cpu.dedicatedCpuPlacement`);
  if (d.memory?.guest !== undefined) out.push(`${p}.memory.guest`);
  if (d.resources?.requests?.memory !== undefined) out.push(`${p}.resources.requests.memory`);
  if (d.resources?.requests?.cpu !== undefined) out.push(`${p}.resources.requests.cpu`);
  return out;
}

/** The conflict message KubeVirt prints. */
export function conflictMessage(paths: string[]): string {
  return `VM field(s) ${paths.join(', ')} conflicts with selected instance type`;
}

/** The VMI spec with the instance type applied. */
export function applyInstancetype(spec: VmiSpec, instancetype: KubeObject): VmiSpec {
  const it = instancetype.spec as InstancetypeSpec;
  const out = structuredClone(spec);
  out.domain.cpu = { ...(out.domain.cpu ?? {}), sockets: it.cpu.guest, cores: 1, threads: 1, ...(it.cpu.dedicatedCPUPlacement ? { dedicatedCpuPlacement: true } : {}), ...(it.cpu.model ? { model: it.cpu.model } : {}) };
  out.domain.memory = { ...(out.domain.memory ?? {}), guest: it.memory.guest, ...(it.memory.hugepages ? { hugepages: it.memory.hugepages } : {}) } as VmiSpec['domain']['memory'];
  return out;
}
