/**
 * kubectl describe's Node describer (describe.go describeNode): roles, taints, lease,
 * the Conditions table, addresses, capacity and allocatable, system info, the
 * non-terminated pods with their share of the node, allocated resources, events.
 */
import { translateTimestampSince } from '../../api/meta/human-duration.js';
import type { KubeObject } from '../../api/types.js';
import { writeAnnotations, writeEvents, writeLabels, type CoreEvent } from './describe-format.js';
import { podRequestsAndLimits, quantityNumber, quantityString, totalRequestsAndLimits, type PodSpecShape } from './pod-resources.js';
import { parseQuantity } from '../../api/meta/quantity.js';
import { DESCRIBE_TABWRITER, TabWriter } from './tab-writer.js';
import { rfc1123z } from './time-format.js';

interface Taint {
  key: string;
  value?: string;
  effect: string;
}

interface NodeShape {
  spec?: { taints?: Taint[]; unschedulable?: boolean; podCIDR?: string; podCIDRs?: string[]; providerID?: string };
  status?: {
    conditions?: { type: string; status: string; lastHeartbeatTime?: string; lastTransitionTime?: string; reason?: string; message?: string }[];
    addresses?: { type: string; address: string }[];
    capacity?: Record<string, string>;
    allocatable?: Record<string, string>;
    nodeInfo?: Record<string, string>;
  };
}

/** The node's Lease, or the error kubectl prints in its place. */
export type LeaseLookup = { lease: KubeObject & { spec?: { holderIdentity?: string; acquireTime?: string; renewTime?: string } } } | { error: string };

const ROLE_PREFIX = 'node-role.kubernetes.io/';
// Standard container resources; anything else (but pods and hugepages) is an extended resource (resourcehelper).
const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

/** Roles from `node-role.kubernetes.io/<role>` and `kubernetes.io/role` labels, sorted. */
export function nodeRoles(labels: Record<string, string> | undefined): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX) && k.length > ROLE_PREFIX.length) roles.add(k.slice(ROLE_PREFIX.length));
    else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}

function writeTaints(w: TabWriter, taints: Taint[] | undefined): void {
  w.write('Taints:\t');
  if (!taints?.length) return w.write('<none>\n');
  const sorted = [...taints].sort((a, b) => (`${a.effect},${a.key}` < `${b.effect},${b.key}` ? -1 : 1));
  sorted.forEach((t, i) => w.write(`${i ? '\t' : ''}${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`));
}

function writeResourceList(w: TabWriter, list: Record<string, string>): void {
  for (const k of Object.keys(list).sort()) w.write(`  ${k}:\t${list[k]}\n`);
}

const pct = (part: number, whole: number) => (whole ? Math.trunc((part / whole) * 100) : 0);

function writePods(w: TabWriter, node: NodeShape, pods: KubeObject[], nowMs: number): void {
  const alloc = Object.keys(node.status?.allocatable ?? {}).length ? node.status!.allocatable! : (node.status?.capacity ?? {});
  const allocNum = (k: string) => quantityNumber(parseQuantity(alloc[k] ?? '0'));
  w.write(`Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write('  Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write('  ---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  for (const p of pods) {
    const { requests, limits } = podRequestsAndLimits((p as { spec?: PodSpecShape }).spec ?? {});
    const cell = (m: typeof requests, k: string) => `${quantityString(m.get(k))} (${pct(quantityNumber(m.get(k)), allocNum(k))}%)`;
    w.write(`  ${p.metadata.namespace}\t${p.metadata.name}\t\t${cell(requests, 'cpu')}\t${cell(limits, 'cpu')}\t${cell(requests, 'memory')}\t${cell(limits, 'memory')}\t${translateTimestampSince(p.metadata.creationTimestamp, nowMs)}\n`);
  }
  w.write('Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write('  Resource\tRequests\tLimits\n');
  w.write('  --------\t--------\t------\n');
  const { requests, limits } = totalRequestsAndLimits(pods.map((p) => (p as { spec?: PodSpecShape }).spec ?? {}));
  for (const k of ['cpu', 'memory', 'ephemeral-storage']) {
    w.write(`  ${k}\t${quantityString(requests.get(k))} (${pct(quantityNumber(requests.get(k)), allocNum(k))}%)\t${quantityString(limits.get(k))} (${pct(quantityNumber(limits.get(k)), allocNum(k))}%)\n`);
  }
  const names = Object.keys(alloc);
  for (const k of names.filter((n) => n.startsWith('hugepages-')).sort()) {
    w.write(`  ${k}\t${quantityString(requests.get(k))} (${pct(quantityNumber(requests.get(k)), allocNum(k))}%)\t${quantityString(limits.get(k))} (${pct(quantityNumber(limits.get(k)), allocNum(k))}%)\n`);
  }
  for (const k of names.filter((n) => !n.startsWith('hugepages-') && !STANDARD.has(n) && n !== 'pods').sort()) {
    w.write(`  ${k}\t${quantityString(requests.get(k))}\t${quantityString(limits.get(k))}\n`);
  }
}

/** The whole description of a Node. */
export function describeNode(obj: KubeObject, pods: KubeObject[] | undefined, lease: LeaseLookup, events: CoreEvent[] | undefined, nowMs: number): string {
  const node = obj as KubeObject & NodeShape;
  let text = '';
  const w = new TabWriter((t) => (text += t), DESCRIBE_TABWRITER);
  w.write(`Name:\t${obj.metadata.name}\n`);
  const roles = nodeRoles(obj.metadata.labels);
  w.write(`Roles:\t${roles.length ? roles.join(',') : '<none>'}\n`);
  writeLabels(w, 'Labels', obj.metadata.labels);
  writeAnnotations(w, 'Annotations', obj.metadata.annotations);
  w.write(`CreationTimestamp:\t${rfc1123z(obj.metadata.creationTimestamp)}\n`);
  writeTaints(w, node.spec?.taints);
  w.write(`Unschedulable:\t${node.spec?.unschedulable ?? false}\n`);
  if ('error' in lease) w.write(`Lease:\tFailed to get lease: ${lease.error}\n`);
  else {
    const s = lease.lease.spec ?? {};
    w.write('Lease:\n');
    w.write(`  HolderIdentity:\t${s.holderIdentity ?? '<unset>'}\n`);
    w.write(`  AcquireTime:\t${s.acquireTime ? rfc1123z(s.acquireTime) : '<unset>'}\n`);
    w.write(`  RenewTime:\t${s.renewTime ? rfc1123z(s.renewTime) : '<unset>'}\n`);
  }
  const conds = node.status?.conditions ?? [];
  if (conds.length) {
    w.write('Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write('  ----\t------\t-----------------\t------------------\t------\t-------\n');
    // kubectl's format puts a space before each tab here (`%v \t%v \t...`).
    for (const c of conds) w.write(`  ${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
  }
  w.write('Addresses:\n');
  for (const a of node.status?.addresses ?? []) w.write(`  ${a.type}:\t${a.address}\n`);
  if (Object.keys(node.status?.capacity ?? {}).length) {
    w.write('Capacity:\n');
    writeResourceList(w, node.status!.capacity!);
  }
  if (Object.keys(node.status?.allocatable ?? {}).length) {
    w.write('Allocatable:\n');
    writeResourceList(w, node.status!.allocatable!);
  }
  const info = node.status?.nodeInfo ?? {};
  w.write('System Info:\n');
  for (const [label, key] of [
    ['Machine ID', 'machineID'],
    ['System UUID', 'systemUUID'],
    ['Boot ID', 'bootID'],
    ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'],
    ['Operating System', 'operatingSystem'],
    ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'],
    ['Kubelet Version', 'kubeletVersion'],
    ['Kube-Proxy Version', 'kubeProxyVersion'],
  ]) {
    w.write(`  ${label}:\t${info[key] ?? ''}\n`);
  }
  if (node.spec?.podCIDR) w.write(`PodCIDR:\t${node.spec.podCIDR}\n`);
  if (node.spec?.podCIDRs?.length) w.write(`PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
  if (node.spec?.providerID) w.write(`ProviderID:\t${node.spec.providerID}\n`);
  if (pods) writePods(w, node, pods, nowMs);
  else w.write('Pods:\tnot authorized\n');
  writeEvents(w, events, nowMs);
  w.flush();
  return text;
}
