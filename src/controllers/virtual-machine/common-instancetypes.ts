/**
 * The common instance types KubeVirt ships (kubevirt/common-instancetypes, README
 * "Resources" table): the u1 (universal, 1:4 from medium), cx1 (compute exclusive:
 * dedicated CPUs, isolated emulator thread, 2Mi huge pages, 1:2) and m1 (memory,
 * 2Mi huge pages, 1:8) series, as VirtualMachineClusterInstancetypes.
 */
import type { KubeObject } from '../../api/types.js';

/** name → [vCPUs, memory] per series. */
export const COMMON_SIZES: Record<'u1' | 'cx1' | 'm1', [string, number, string][]> = {
  u1: [['nano', 1, '512Mi'], ['micro', 1, '1Gi'], ['small', 1, '2Gi'], ['medium', 1, '4Gi'], ['2xmedium', 2, '4Gi'], ['large', 2, '8Gi'], ['xlarge', 4, '16Gi'], ['2xlarge', 8, '32Gi'], ['4xlarge', 16, '64Gi'], ['8xlarge', 32, '128Gi']],
  cx1: [['medium', 1, '2Gi'], ['large', 2, '4Gi'], ['xlarge', 4, '8Gi'], ['2xlarge', 8, '16Gi'], ['4xlarge', 16, '32Gi'], ['8xlarge', 32, '64Gi']],
  m1: [['large', 2, '16Gi'], ['xlarge', 4, '32Gi'], ['2xlarge', 8, '64Gi'], ['4xlarge', 16, '128Gi'], ['8xlarge', 32, '256Gi']],
};

/** The series' display names (`instancetype.kubevirt.io/class` labels). */
const CLASS = { u1: 'general.purpose', cx1: 'compute.exclusive', m1: 'memory' };

/** Every common instance type as a VirtualMachineClusterInstancetype. */
export function commonInstancetypes(): KubeObject[] {
  return (Object.keys(COMMON_SIZES) as (keyof typeof COMMON_SIZES)[]).flatMap((series) =>
    COMMON_SIZES[series].map(([size, cpus, mem]) => {
      const spec: Record<string, unknown> = { cpu: { guest: cpus }, memory: { guest: mem } };
      if (series === 'cx1') Object.assign(spec, { cpu: { guest: cpus, dedicatedCPUPlacement: true, isolateEmulatorThread: true }, ioThreadsPolicy: 'auto', memory: { guest: mem, hugepages: { pageSize: '2Mi' } } });
      if (series === 'm1') spec.memory = { guest: mem, hugepages: { pageSize: '2Mi' } };
      return {
        apiVersion: 'instancetype.kubevirt.io/v1beta1',
        kind: 'VirtualMachineClusterInstancetype',
        metadata: {
          name: `${series}.${size}`,
          labels: { 'instancetype.kubevirt.io/vendor': 'kubevirt.io', 'instancetype.kubevirt.io/common-instancetypes-version': 'v1.4.0', 'instancetype.kubevirt.io/class': CLASS[series], 'instancetype.kubevirt.io/cpu': String(cpus), 'instancetype.kubevirt.io/memory': mem },
          annotations: { 'instancetype.kubevirt.io/description': `The ${series} ${size} size` },
        },
        spec,
      };
    }),
  );
}
