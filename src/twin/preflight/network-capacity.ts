/**
 * Address capacity: node subnets of the pod network (clusterNetwork + hostPrefix) against the
 * node count, pod IPs per node against kubelet's maxPods, and the service and machine networks.
 */
import { parseCidr4, type ClusterDefinition } from '../inventory/index.js';
import type { Finding } from './finding.js';
import { n } from './arith.js';

/**
 * In each node subnet OVN-Kubernetes takes .1 (the cluster-router port) and .2 (the
 * management port ovn-k8s-mp0) (reference/networking.md §1); the network and broadcast
 * addresses are never handed out (k8s ipallocator, reference/networking.md §2).
 */
export const RESERVED_PER_NODE_SUBNET = { networkAndBroadcast: 2, gatewayAndManagementPort: 2 } as const;

/** OpenShift's kubelet `maxPods` default (machine-config-operator kubelet template). */
export const OPENSHIFT_MAX_PODS = 250;

/** Number of nodes the definition installs: the hosts, or the replicas if those are more. */
export function nodeCount(def: ClusterDefinition): number {
  const ic = def.installConfig;
  const replicas = (ic.controlPlane?.replicas ?? 0) + (ic.compute ?? []).reduce((s, p) => s + (p.replicas ?? 0), 0);
  return Math.max(ic.platform.baremetal.hosts.length, replicas);
}

/** Checks pod, service and machine network sizes. */
export function checkNetworkCapacity(def: ClusterDefinition): Finding[] {
  const out: Finding[] = [];
  const nodes = nodeCount(def);
  const net = def.installConfig.networking;
  let subnets = 0;
  net.clusterNetwork.forEach((c, i) => {
    const cidr = parseCidr4(c.cidr)!;
    const subject = `clusterNetwork[${i}] ${c.cidr} hostPrefix ${c.hostPrefix}`;
    if (c.hostPrefix <= cidr.prefix || c.hostPrefix > 32) {
      out.push({ id: 'network.pod-capacity', severity: 'error', subject, message: `hostPrefix /${c.hostPrefix} must be longer than the block's /${cidr.prefix} and at most /32`, arithmetic: `${c.hostPrefix} ≤ ${cidr.prefix}` });
      return;
    }
    const count = 2 ** (c.hostPrefix - cidr.prefix);
    subnets += count;
    const size = 2 ** (32 - c.hostPrefix);
    const hosts = Math.max(size - RESERVED_PER_NODE_SUBNET.networkAndBroadcast, 0);
    const pods = Math.max(hosts - RESERVED_PER_NODE_SUBNET.gatewayAndManagementPort, 0);
    const arithmetic = `2^(${c.hostPrefix} − ${cidr.prefix}) = ${n(count)} node subnets; each /${c.hostPrefix} = 2^(32 − ${c.hostPrefix}) = ${n(size)} addresses − 2 (network, broadcast) = ${n(hosts)} usable − 2 (OVN gateway .1, management port .2) = ${n(pods)} pod IPs per node`;
    out.push({ id: 'network.pod-capacity', severity: 'info', subject, message: `${n(count)} node subnets with ${n(pods)} pod IPs each`, arithmetic });
    if (pods < OPENSHIFT_MAX_PODS) {
      out.push({ id: 'network.pods-per-node', severity: 'warning', subject, message: `a node subnet holds fewer pod IPs than kubelet's maxPods (${OPENSHIFT_MAX_PODS}); nodes run out of IPs before they reach maxPods`, arithmetic: `${n(pods)} < ${OPENSHIFT_MAX_PODS}` });
    }
  });
  if (subnets > 0) {
    const ok = nodes <= subnets;
    out.push({
      id: 'network.node-subnets',
      severity: ok ? 'info' : 'error',
      subject: 'clusterNetwork',
      message: ok ? `${n(nodes)} nodes use ${n(nodes)} of ${n(subnets)} node subnets` : `${n(nodes)} nodes need more node subnets than the ${n(subnets)} the clusterNetwork provides; nodes beyond them get no pod network`,
      arithmetic: `${n(nodes)} nodes ${ok ? '≤' : '>'} ${n(subnets)} node subnets (${n((nodes / subnets) * 100, 1)} % used)`,
    });
  }
  net.serviceNetwork.forEach((s, i) => {
    const cidr = parseCidr4(s)!;
    const size = 2 ** (32 - cidr.prefix);
    // kube-apiserver needs at least 8 addresses; `kubernetes` takes index 1 (reference/networking.md §2).
    out.push({ id: 'network.service-capacity', severity: size < 8 ? 'error' : 'info', subject: `serviceNetwork[${i}] ${s}`, message: `${n(size)} ClusterIP addresses`, arithmetic: `2^(32 − ${cidr.prefix}) = ${n(size)}${size < 8 ? ' < 8, the minimum' : ''}` });
  });
  net.machineNetwork.forEach((m, i) => {
    const cidr = parseCidr4(m.cidr)!;
    const hosts = Math.max(2 ** (32 - cidr.prefix) - 2, 0);
    const vips = (def.installConfig.platform.baremetal.apiVIPs ?? []).length + (def.installConfig.platform.baremetal.ingressVIPs ?? []).length;
    const need = nodes + vips;
    out.push({ id: 'network.machine-capacity', severity: need > hosts ? 'error' : 'info', subject: `machineNetwork[${i}] ${m.cidr}`, message: `${n(hosts)} host addresses for ${n(nodes)} nodes and ${vips} VIPs`, arithmetic: `2^(32 − ${cidr.prefix}) − 2 = ${n(hosts)} ${need > hosts ? '<' : '≥'} ${n(nodes)} + ${vips} = ${n(need)}` });
  });
  return out;
}
