/**
 * Defaults KubeVirt's VM mutating webhook applies (kubevirt/kubevirt `pkg/defaults`,
 * `SetVirtualMachineDefaults`): the template's architecture and machine type.
 */
import type { KubeObject } from '../types.js';
import { asObj } from './field-path.js';

/** The cluster's default architecture (virt-config: the control plane's own, amd64 here). */
export const DEFAULT_ARCHITECTURE = 'amd64';
/** Upstream default machine type for amd64 (virt-config `DefaultAMD64MachineType`). */
export const DEFAULT_AMD64_MACHINE_TYPE = 'q35';

/** Fills `spec.template.spec.architecture` and `domain.machine.type` when unset. */
export function defaultVirtualMachine(vm: KubeObject): void {
  const tspec = asObj(asObj(asObj(vm.spec)?.template)?.spec);
  const domain = asObj(tspec?.domain);
  // Like the mutator: with no template the validating step reports it, nothing to default.
  if (!tspec || !domain) return;
  if (typeof tspec.architecture !== 'string' || tspec.architecture === '') tspec.architecture = DEFAULT_ARCHITECTURE;
  const machine = asObj(domain.machine) ?? {};
  // With a preference the mutator takes its preferredMachineType first (ove: the KubeVirt VM admission plugin sets it).
  if (asObj(vm.spec)?.preference) return;
  if (typeof machine.type !== 'string' || machine.type === '') {
    machine.type = DEFAULT_AMD64_MACHINE_TYPE;
    domain.machine = machine;
  }
}
