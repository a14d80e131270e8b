/**
 * Named parameters of a twin node: what the kubelet and the OS report, with the
 * published defaults they come from. Change them here, not in the code that uses them.
 */

/** The node-level constants of an OpenShift 4.16 (Kubernetes 1.29) bare-metal node. */
export const NODE_PARAMS = {
  /** OpenShift's default kubelet systemReserved (machine-config-operator templates, kubelet.yaml). */
  systemReserved: { cpuMillis: 500, memoryBytes: 1024 ** 3, ephemeralBytes: 1024 ** 3 },
  /** kubelet's default hard eviction thresholds: memory.available<100Mi, nodefs.available<10%. */
  evictionHard: { memoryBytes: 100 * 1024 ** 2, nodefsFraction: 0.1 },
  /** OpenShift's default maxPods (kubelet.yaml in machine-config-operator templates). */
  maxPods: 250,
  /** KubeVirt's device plugins advertise 1k of each virtualization device (virt-handler device manager). */
  kubevirtDevices: { 'devices.kubevirt.io/kvm': '1k', 'devices.kubevirt.io/tun': '1k', 'devices.kubevirt.io/vhost-net': '1k' },
  /** What `oc get nodes` and `ssh core@worker-1` show in the story (chapter 2). */
  kubeletVersion: 'v1.29.1+6afe7c1',
  osImage: 'Red Hat Enterprise Linux CoreOS 418.94.202403051920-0',
  kernelVersion: '5.14.0-427.13.1.el9_4.x86_64',
  containerRuntimeVersion: 'cri-o://1.29.2-3.rhaos4.16.git9b8c3e1.el9',
  /** kubelet node lease: 40 s duration, renewed every 25 % of it (10 s). */
  leaseDurationSeconds: 40,
  leaseRenewSeconds: 10,
} as const;

/** The label kube uses for a node's rack is not standardized; ove uses this one, beside topology.kubernetes.io/zone. */
export const RACK_LABEL = 'topology.ove.dev/rack';
