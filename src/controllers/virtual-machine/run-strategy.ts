/**
 * The run strategy of a VM: `spec.runStrategy`, or the deprecated `spec.running`
 * mapped as KubeVirt's `VirtualMachine.RunStrategy()` does (true → Always,
 * false → Halted). Admission already rejects both set or neither set.
 */
import type { Vm } from './kubevirt-types.js';

/** The run strategies [KV-T]. */
export type RunStrategy = 'Always' | 'RerunOnFailure' | 'Once' | 'Manual' | 'Halted' | 'WaitAsReceiver';

/** The effective run strategy of a VM. */
export function runStrategyOf(vm: Vm): RunStrategy {
  if (vm.spec.runStrategy) return vm.spec.runStrategy as RunStrategy;
  return vm.spec.running ? 'Always' : 'Halted';
}

/** A merge patch of the VM spec that sets the strategy, in the field the VM already uses (virt-api's `getRunningPatch`). */
export function runStrategyPatch(vm: Vm, strategy: 'Always' | 'Halted'): Record<string, unknown> {
  if (vm.spec.running !== undefined && vm.spec.runStrategy === undefined) return { spec: { running: strategy === 'Always' } };
  return { spec: { runStrategy: strategy } };
}
