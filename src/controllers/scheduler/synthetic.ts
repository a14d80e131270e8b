/**
 * Builders of plain Node and Pod objects for tests and benchmarks: the story's ove-prod-01
 * (ctrl-1..3 tainted `node-role.kubernetes.io/master:NoSchedule`, worker-1..9) and virt-launcher
 * pods requesting `devices.kubevirt.io/kvm: 1`.
 */
import type { KubeObject } from '../../api/types.js';
import type { Taint, Toleration } from './selectors.js';

/** What a synthetic node has. */
export interface NodeSpec {
  name: string;
  cpu?: string;
  memory?: string;
  pods?: string;
  kvm?: string;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
}

/** A Node with status.allocatable and the hostname label. */
export function makeNode(s: NodeSpec): KubeObject {
  const allocatable: Record<string, string> = { cpu: s.cpu ?? '4', memory: s.memory ?? '16Gi', pods: s.pods ?? '110', 'ephemeral-storage': '100Gi' };
  if (s.kvm) allocatable['devices.kubevirt.io/kvm'] = s.kvm;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: s.name, labels: { 'kubernetes.io/hostname': s.name, 'kubernetes.io/os': 'linux', ...s.labels } },
    spec: { ...(s.taints ? { taints: s.taints } : {}), ...(s.unschedulable ? { unschedulable: true } : {}) },
    status: { capacity: allocatable, allocatable },
  };
}

/** What a synthetic pod has. */
export interface PodSpec {
  name: string;
  namespace?: string;
  cpu?: string;
  memory?: string;
  kvm?: string;
  nodeName?: string;
  labels?: Record<string, string>;
  priority?: number;
  tolerations?: Toleration[];
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
}

/** A single-container pod with the given requests (no requests when none are given). */
export function makePod(s: PodSpec): KubeObject {
  const requests: Record<string, string> = {};
  if (s.cpu) requests.cpu = s.cpu;
  if (s.memory) requests.memory = s.memory;
  if (s.kvm) requests['devices.kubevirt.io/kvm'] = s.kvm;
  const namespace = s.namespace ?? 'default';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: s.name, namespace, uid: `uid-${namespace}-${s.name}`, labels: s.labels ?? {} },
    spec: {
      containers: [{ name: 'main', image: 'registry.example/app:1', resources: Object.keys(requests).length ? { requests } : {} }],
      ...(s.nodeName ? { nodeName: s.nodeName } : {}),
      ...(s.priority !== undefined ? { priority: s.priority } : {}),
      ...(s.tolerations ? { tolerations: s.tolerations } : {}),
      ...s.spec,
    },
    status: { phase: s.nodeName ? 'Running' : 'Pending', ...s.status },
  };
}

/** The taint OpenShift puts on control-plane nodes. */
export const MASTER_TAINT: Taint = { key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' };

/** ove-prod-01's 12 nodes: 3 tainted control-plane nodes and 9 workers (96 cores, 1 TiB, kvm 1k), in racks B-14/B-15. */
export function storyNodes(): KubeObject[] {
  const ctrl = [1, 2, 3].map((i) =>
    makeNode({
      name: `ctrl-${i}`,
      cpu: '31500m',
      memory: '250Gi',
      pods: '250',
      labels: { 'node-role.kubernetes.io/master': '', 'node-role.kubernetes.io/control-plane': '', 'topology.kubernetes.io/zone': 'B-14' },
      taints: [MASTER_TAINT],
    }),
  );
  const workers = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) =>
    makeNode({
      name: `worker-${i}`,
      cpu: '191500m',
      memory: '1006Gi',
      pods: '250',
      kvm: '1k',
      labels: { 'node-role.kubernetes.io/worker': '', 'topology.kubernetes.io/zone': i <= 3 ? 'B-14' : 'B-15' },
    }),
  );
  return [...ctrl, ...workers];
}

/** A virt-launcher pod as KubeVirt creates it for a VM: compute container plus kvm device. */
export function launcherPod(vm: string, opts: { cpu?: string; memory?: string; namespace?: string; nodeName?: string } = {}): KubeObject {
  return makePod({
    name: `virt-launcher-${vm}-abcde`,
    namespace: opts.namespace ?? 'sandbox',
    cpu: opts.cpu ?? '400m',
    memory: opts.memory ?? '8486Mi',
    kvm: '1',
    nodeName: opts.nodeName,
    labels: { 'kubevirt.io': 'virt-launcher', 'vm.kubevirt.io/name': vm },
  });
}
