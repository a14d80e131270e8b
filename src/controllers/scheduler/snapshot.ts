/**
 * The scheduler's cache and snapshot in one (`pkg/scheduler/backend/cache`): NodeInfos built from
 * Nodes and the pods bound to them, kept incrementally from informer events so a scheduling
 * cycle never reads the API. Pods the scheduler has chosen a node for but not yet bound are
 * "assumed" here, so a batch of pods does not overcommit a node before the binds land.
 */
import type { KubeObject } from '../../api/types.js';
import { SPREAD_SELECTOR_KINDS, workloadSelector, type WorkloadSelector } from './default-spread.js';
import { NodeInfo } from './node-info.js';
import { hasPodAffinity, isTerminal, podInfo, type PodInfo } from './pod-info.js';

const ZONE_LABELS = ['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone'];
const REGION_LABELS = ['topology.kubernetes.io/region', 'failure-domain.beta.kubernetes.io/region'];

/** `utilnode.GetZoneKey`: region and zone joined, '' when the node has neither. */
export function zoneKey(labels: Record<string, string>): string {
  const zone = ZONE_LABELS.map((k) => labels[k]).find((v) => v !== undefined) ?? '';
  const region = REGION_LABELS.map((k) => labels[k]).find((v) => v !== undefined) ?? '';
  return region === '' && zone === '' ? '' : `${region}:\x00:${zone}`;
}

/** A pod's key in the snapshot: namespace/name, as informers key it (`objectKeyOf`). */
export function podKey(pod: KubeObject): string {
  return `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
}

/** Nodes and their pods, as one scheduling cycle sees them. */
export class NodeSnapshot {
  #infos = new Map<string, NodeInfo>();
  #podNode = new Map<string, string>();
  #assumed = new Set<string>();
  /** Pods preemption nominated a node for, by node then pod key (kube's nominator). */
  #nominated = new Map<string, Map<string, PodInfo>>();
  #nominatedNode = new Map<string, string>();
  /** Zone key -> node names in arrival order (kube's nodeTree). */
  #zones = new Map<string, string[]>();
  #list: NodeInfo[] | null = null;
  /** Selectors of Services, RCs, ReplicaSets and StatefulSets, by kind/namespace/name (default spreading). */
  readonly workloads = new Map<string, WorkloadSelector>();
  /** Labels of namespaces, for affinity terms with a namespaceSelector. */
  readonly namespaceLabels = new Map<string, Record<string, string>>();
  /** Placed pods with any pod (anti-)affinity, and with required anti-affinity (kube's HavePodsWith*List, as counts). */
  podsWithAffinity = 0;
  podsWithRequiredAntiAffinity = 0;
  /** Where the next cycle starts filtering (`sched.nextStartNodeIndex`): rotates so nodes share the load. */
  nextStartNodeIndex = 0;

  /** Builds a snapshot from Nodes and Pods (pods without `spec.nodeName` are ignored). */
  static from(nodes: KubeObject[], pods: KubeObject[] = []): NodeSnapshot {
    const s = new NodeSnapshot();
    for (const n of nodes) s.setNode(n);
    for (const p of pods) s.addPod(p);
    return s;
  }

  /** Adds or updates a Node. */
  setNode(node: KubeObject): void {
    const name = node.metadata.name ?? '';
    let info = this.#infos.get(name);
    if (!info) this.#infos.set(name, (info = new NodeInfo(name)));
    const oldZone = info.node ? zoneKey(info.labels) : null;
    info.setNode(node);
    const newZone = zoneKey(info.labels);
    if (oldZone !== newZone) {
      if (oldZone !== null) this.#leaveZone(oldZone, name);
      const members = this.#zones.get(newZone) ?? [];
      members.push(name);
      this.#zones.set(newZone, members);
      this.#list = null;
    }
  }

  /** Removes a Node; its pods stay accounted until they are removed too. */
  removeNode(name: string): void {
    const info = this.#infos.get(name);
    if (!info || !info.node) return;
    this.#leaveZone(zoneKey(info.labels), name);
    info.node = null;
    if (info.pods.size === 0) this.#infos.delete(name);
    this.#list = null;
  }

  #leaveZone(zone: string, name: string): void {
    const members = this.#zones.get(zone) ?? [];
    const i = members.indexOf(name);
    if (i >= 0) members.splice(i, 1);
    if (members.length === 0) this.#zones.delete(zone);
  }

  /** Adds (or replaces) a pod bound to a node; pods not bound or already finished are ignored. */
  addPod(pod: KubeObject): void {
    const key = podKey(pod);
    this.#removeKey(key);
    this.#assumed.delete(key);
    const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
    if (!nodeName || isTerminal(pod)) return;
    this.clearNomination(key);
    this.#place(podInfo(pod), nodeName);
  }

  /** Applies a pod update (informer UPDATE): same as addPod, which replaces or drops it. */
  updatePod(pod: KubeObject): void {
    this.addPod(pod);
  }

  /** Removes a pod (informer DELETE, or a failed bind). */
  removePod(pod: KubeObject | string): void {
    const key = typeof pod === 'string' ? pod : podKey(pod);
    this.#removeKey(key);
    this.#assumed.delete(key);
    this.clearNomination(key);
  }

  /** Places a pod on a node before its binding is written (`cache.AssumePod`). */
  assume(pod: KubeObject | PodInfo, nodeName: string): void {
    const p = 'pod' in pod && 'requests' in pod ? (pod as PodInfo) : podInfo(pod as KubeObject);
    this.#removeKey(p.key);
    this.clearNomination(p.key);
    this.#place({ ...p, nodeName }, nodeName);
    this.#assumed.add(p.key);
  }

  /** Records a pending pod's nominated node (`status.nominatedNodeName`, set after preemption): other cycles leave room for it. */
  nominate(pod: KubeObject | PodInfo, nodeName: string): void {
    const p = 'pod' in pod && 'requests' in pod ? (pod as PodInfo) : podInfo(pod as KubeObject);
    this.clearNomination(p.key);
    let m = this.#nominated.get(nodeName);
    if (!m) this.#nominated.set(nodeName, (m = new Map()));
    m.set(p.key, { ...p, nodeName });
    this.#nominatedNode.set(p.key, nodeName);
  }

  /** Drops a pod's nomination (it was bound, deleted, or nominated elsewhere). */
  clearNomination(key: string): void {
    const nodeName = this.#nominatedNode.get(key);
    if (nodeName === undefined) return;
    this.#nominatedNode.delete(key);
    const m = this.#nominated.get(nodeName);
    m?.delete(key);
    if (m?.size === 0) this.#nominated.delete(nodeName);
  }

  /** Pods nominated to a node. */
  nominatedOn(nodeName: string): PodInfo[] {
    const m = this.#nominated.get(nodeName);
    return m ? [...m.values()] : [];
  }

  /** Whether any pod is nominated anywhere (a fast check for the filter loop). */
  get hasNominations(): boolean {
    return this.#nominated.size > 0;
  }

  /** Places pods on a node for the duration of `fn` (what-if filtering with nominated pods). */
  withPods<T>(pods: PodInfo[], nodeName: string, fn: () => T): T {
    for (const p of pods) this.#place(p, nodeName);
    try {
      return fn();
    } finally {
      for (const p of pods) this.#removeKey(p.key);
    }
  }

  /** Takes a placed pod out (preemption's what-if); give it back with `reattach`. */
  detach(key: string): { info: PodInfo; nodeName: string; assumed: boolean } | undefined {
    const nodeName = this.#podNode.get(key);
    const info = nodeName === undefined ? undefined : this.#infos.get(nodeName)?.pods.get(key);
    if (nodeName === undefined || !info) return undefined;
    const assumed = this.#assumed.has(key);
    this.removePod(key);
    return { info, nodeName, assumed };
  }

  /** Puts back a pod taken out with `detach`. */
  reattach(d: { info: PodInfo; nodeName: string; assumed: boolean }): void {
    this.#place(d.info, d.nodeName);
    if (d.assumed) this.#assumed.add(d.info.key);
  }

  /** Whether a pod is assumed and not yet confirmed by an informer event. */
  isAssumed(key: string): boolean {
    return this.#assumed.has(key);
  }

  #place(p: PodInfo, nodeName: string): void {
    let info = this.#infos.get(nodeName);
    if (!info) this.#infos.set(nodeName, (info = new NodeInfo(nodeName)));
    info.addPod(p);
    this.#podNode.set(p.key, nodeName);
    this.#count(p, 1);
  }

  #removeKey(key: string): void {
    const nodeName = this.#podNode.get(key);
    if (nodeName === undefined) return;
    this.#podNode.delete(key);
    const info = this.#infos.get(nodeName);
    const p = info?.pods.get(key);
    if (!info || !p) return;
    info.removePod(key);
    this.#count(p, -1);
    if (!info.node && info.pods.size === 0) this.#infos.delete(nodeName);
  }

  #count(p: PodInfo, sign: 1 | -1): void {
    if (hasPodAffinity(p)) this.podsWithAffinity += sign;
    if (p.requiredAntiAffinity.length > 0) this.podsWithRequiredAntiAffinity += sign;
  }

  /** Records (or drops, when it selects nothing) a Service/RC/ReplicaSet/StatefulSet's selector; other kinds are ignored. */
  setWorkload(obj: KubeObject): void {
    if (!SPREAD_SELECTOR_KINDS.has(obj.kind)) return;
    const key = `${obj.kind}/${obj.metadata.namespace ?? 'default'}/${obj.metadata.name}`;
    const w = workloadSelector(obj);
    if (w) this.workloads.set(key, w);
    else this.workloads.delete(key);
  }

  /** Forgets a workload's selector. */
  removeWorkload(obj: KubeObject): void {
    this.workloads.delete(`${obj.kind}/${obj.metadata.namespace ?? 'default'}/${obj.metadata.name}`);
  }

  /** Records a Namespace's labels (for namespaceSelector in affinity terms). */
  setNamespace(ns: KubeObject): void {
    this.namespaceLabels.set(ns.metadata.name ?? '', ns.metadata.labels ?? {});
  }

  /** The NodeInfo of a node that exists. */
  get(name: string): NodeInfo | undefined {
    const info = this.#infos.get(name);
    return info?.node ? info : undefined;
  }

  /** The node a pod is placed on, if any. */
  nodeOf(key: string): string | undefined {
    return this.#podNode.get(key);
  }

  /** All existing nodes, interleaved across zones as kube's nodeTree lists them. */
  list(): NodeInfo[] {
    if (this.#list) return this.#list;
    const zones = [...this.#zones.values()];
    const out: NodeInfo[] = [];
    const longest = Math.max(0, ...zones.map((z) => z.length));
    for (let i = 0; i < longest; i++) {
      for (const z of zones) if (i < z.length) out.push(this.#infos.get(z[i])!);
    }
    this.#list = out;
    return out;
  }

  /** Number of existing nodes. */
  get size(): number {
    return this.list().length;
  }
}
