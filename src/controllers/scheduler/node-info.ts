/**
 * One node as the scheduler's cache holds it (`framework.NodeInfo`): the node's labels, taints,
 * cordon flag and allocatable, and the pods bound or assumed to it with their summed requests.
 */
import type { KubeObject } from '../../api/types.js';
import { hasPodAffinity, type HostPort, type PodInfo } from './pod-info.js';
import { emptyResource, resourceFromList, type Resource } from './resources.js';
import type { Taint } from './selectors.js';

/** A node and what is placed on it. */
export class NodeInfo {
  readonly name: string;
  /** The Node object; null while only pods name this node (kube keeps such "imaginary" entries too). */
  node: KubeObject | null = null;
  labels: Record<string, string> = {};
  taints: Taint[] = [];
  unschedulable = false;
  allocatable: Resource = emptyResource();
  /** Summed requests of the pods here. */
  requested: Resource = emptyResource();
  /** cpu and memory summed with the 100m / 200MB stand-ins, for scoring. */
  nonZeroCPU = 0;
  nonZeroMemory = 0;
  pods = new Map<string, PodInfo>();
  /** Pods with any pod (anti-)affinity, and those with required anti-affinity. */
  podsWithAffinity = 0;
  podsWithRequiredAntiAffinity = 0;
  usedPorts: HostPort[] = [];
  /** Bumped on every change (kube's NodeInfo.Generation). */
  generation = 0;

  constructor(name: string) {
    this.name = name;
  }

  /** Sets (or replaces) the Node object. */
  setNode(node: KubeObject): void {
    const spec = (node.spec ?? {}) as { taints?: Taint[]; unschedulable?: boolean };
    const status = (node.status ?? {}) as { allocatable?: Record<string, unknown> };
    this.node = node;
    this.labels = node.metadata.labels ?? {};
    this.taints = spec.taints ?? [];
    this.unschedulable = spec.unschedulable === true;
    this.allocatable = resourceFromList(status.allocatable);
    this.generation++;
  }

  /** Adds a pod's requests, ports and affinity counts. */
  addPod(p: PodInfo): void {
    this.#account(p, 1);
    this.pods.set(p.key, p);
    for (const hp of p.hostPorts) this.usedPorts.push(hp);
    this.generation++;
  }

  /** Removes a pod by key; returns whether it was here. */
  removePod(key: string): boolean {
    const p = this.pods.get(key);
    if (!p) return false;
    this.#account(p, -1);
    this.pods.delete(key);
    if (p.hostPorts.length > 0) this.usedPorts = this.usedPorts.filter((hp) => !p.hostPorts.includes(hp));
    this.generation++;
    return true;
  }

  #account(p: PodInfo, sign: 1 | -1): void {
    const r = this.requested;
    r.milliCPU += sign * p.requests.milliCPU;
    r.memory += sign * p.requests.memory;
    r.ephemeralStorage += sign * p.requests.ephemeralStorage;
    for (const [k, v] of p.requests.scalar) r.scalar.set(k, (r.scalar.get(k) ?? 0) + sign * v);
    this.nonZeroCPU += sign * p.nonZeroCPU;
    this.nonZeroMemory += sign * p.nonZeroMemory;
    if (hasPodAffinity(p)) this.podsWithAffinity += sign;
    if (p.requiredAntiAffinity.length > 0) this.podsWithRequiredAntiAffinity += sign;
  }
}
