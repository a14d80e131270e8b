/**
 * A twin server as a Kubernetes Node, as the kubelet registers it: capacity from the
 * hardware, allocatable after system reservations and eviction thresholds, role
 * labels and control-plane taints as OpenShift sets them, topology labels, addresses
 * and node info. Pure.
 */
import type { KubeObject } from '../../api/types.js';
import type { Server } from '../inventory/cluster-definition.js';
import { NODE_PARAMS, RACK_LABEL } from './node-params.js';

/** Kubernetes quantity of bytes in Ki, as the kubelet reports memory and storage. */
function ki(bytes: number): string {
  return `${Math.floor(bytes / 1024)}Ki`;
}

/** The root filesystem's drive: the one marked boot, else the first. */
function rootDrive(s: Server): { sizeBytes: number } | undefined {
  return s.drives.find((d) => d.purpose === 'boot') ?? s.drives[0];
}

/** Builds the Node object of a server (`zone` from the site). */
export function nodeObject(s: Server, zone: string, podCIDR?: string): KubeObject {
  const p = NODE_PARAMS;
  const cores = s.cpu.sockets * s.cpu.coresPerSocket * s.cpu.threadsPerCore;
  const memBytes = s.memoryGiB * 1024 ** 3;
  const diskBytes = rootDrive(s)?.sizeBytes ?? 0;
  const worker = s.role === 'worker';
  const capacity: Record<string, string> = {
    cpu: String(cores),
    'ephemeral-storage': ki(diskBytes),
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: ki(memBytes),
    pods: String(p.maxPods),
  };
  const allocatable: Record<string, string> = {
    cpu: `${cores * 1000 - p.systemReserved.cpuMillis}m`,
    'ephemeral-storage': String(Math.floor(diskBytes - p.systemReserved.ephemeralBytes - diskBytes * p.evictionHard.nodefsFraction)),
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: ki(memBytes - p.systemReserved.memoryBytes - p.evictionHard.memoryBytes),
    pods: String(p.maxPods),
  };
  if (worker) Object.assign(capacity, p.kubevirtDevices) && Object.assign(allocatable, p.kubevirtDevices);
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': s.name,
    'kubernetes.io/os': 'linux',
    'node.openshift.io/os_id': 'rhcos',
    'topology.kubernetes.io/zone': zone,
    [RACK_LABEL]: s.rack,
  };
  if (worker) {
    labels['node-role.kubernetes.io/worker'] = '';
    labels['kubevirt.io/schedulable'] = 'true';
  } else {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node-role.kubernetes.io/master'] = '';
  }
  const spec: Record<string, unknown> = {};
  if (podCIDR) {
    spec.podCIDR = podCIDR;
    spec.podCIDRs = [podCIDR];
  }
  // OpenShift taints control-plane nodes with the master role taint (NoSchedule).
  if (!worker) spec.taints = [{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }];
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: s.name, labels, annotations: { 'machineconfiguration.openshift.io/state': 'Done', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' } },
    spec,
    status: {
      capacity,
      allocatable,
      addresses: [
        { type: 'InternalIP', address: s.address },
        { type: 'Hostname', address: s.name },
      ],
      nodeInfo: {
        architecture: 'amd64',
        bootID: '',
        containerRuntimeVersion: p.containerRuntimeVersion,
        kernelVersion: p.kernelVersion,
        kubeProxyVersion: p.kubeletVersion,
        kubeletVersion: p.kubeletVersion,
        machineID: '',
        operatingSystem: 'linux',
        osImage: p.osImage,
        systemUUID: '',
      },
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    },
  };
}

/** The conditions the kubelet reports for a healthy node. */
export function healthyConditions(nowIso: string, since: string): Record<string, unknown>[] {
  const c = (type: string, status: string, reason: string, message: string) => ({ type, status, lastHeartbeatTime: nowIso, lastTransitionTime: since, reason, message });
  return [
    c('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    c('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    c('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    c('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
  ];
}
