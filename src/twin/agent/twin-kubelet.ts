/**
 * The node agents of the twin: one kubelet per simulated server, sharing one pod
 * informer and one work queue. Each registers its Node, renews its Lease in
 * kube-node-lease every 10 s, runs the pods bound to it through the pod model
 * (ContainerCreating, Running, Succeeded), assigns pod IPs from the node's /23, and
 * finishes graceful deletions. A node that is powered off or cut from the network
 * does none of this, and the node lifecycle controller notices.
 */
import type { KubeObject } from '../../api/types.js';
import type { Client } from '../../client/client.js';
import { EventRecorder } from '../../client/event-recorder.js';
import { objectKeyOf } from '../../client/informer.js';
import type { Clock, Timer } from '../../lib/clock.js';
import { rfc3339 } from '../../lib/clock.js';
import type { Manager } from '../../runtime/manager.js';
import type { Server } from '../inventory/cluster-definition.js';
import { healthyConditions, nodeObject } from '../nodes/node-object.js';
import { NODE_PARAMS } from '../nodes/node-params.js';
import { podIpAt } from '../nodes/pod-cidr.js';
import { podRunSeconds, podStartSeconds, podStopSeconds } from './pod-model.js';
import { creatingStatus, runningStatus, terminatedStatus } from './pod-status.js';

const NODES = { group: '', version: 'v1', plural: 'nodes', namespaced: false };
const PODS = { group: '', version: 'v1', plural: 'pods', namespaced: true };
const LEASES = { group: 'coordination.k8s.io', version: 'v1', plural: 'leases', namespaced: true };

interface NodeState {
  server: Server;
  podCIDR: string;
  registered: boolean;
  up: boolean;
  ipsInUse: Map<string, string>;
  images: Set<string>;
  heartbeat?: Timer;
  readySince: string;
}

/** Runs the kubelets of every registered twin node in this process. */
export class TwinKubelets {
  private readonly nodes = new Map<string, NodeState>();
  private readonly timers = new Map<string, Timer>();
  private readonly events: EventRecorder;
  private readonly pods;
  private readonly nodeInformer;
  private readonly enqueue: (key: string) => void;
  private pending = 0;

  constructor(private readonly client: Client, private readonly clock: Clock, mgr: Manager, private readonly zone: string) {
    this.events = new EventRecorder(client, clock, 'kubelet');
    this.pods = mgr.informer(PODS);
    this.nodeInformer = mgr.informer(NODES);
    const ctl = mgr.controller('twin-kubelet', (key) => this.reconcilePod(key), 4);
    this.enqueue = (k) => ctl.enqueue(k);
    this.pods.on({
      add: (p) => this.onPod(p),
      update: (_, p) => this.onPod(p),
      delete: (p) => this.release(p),
    });
  }

  /** True while timers of this agent are about to write (fast-forward waits for them). */
  busy(): boolean {
    return this.pending > 0;
  }

  /** Registers a server's Node and starts its kubelet (idempotent). */
  async register(server: Server, podCIDR: string): Promise<void> {
    this.pending++;
    try {
      await this.registerNode(server, podCIDR);
    } finally {
      this.pending--;
    }
  }

  private async registerNode(server: Server, podCIDR: string): Promise<void> {
    let st = this.nodes.get(server.name);
    if (!st) {
      st = { server, podCIDR, registered: false, up: true, ipsInUse: new Map(), images: new Set(), readySince: rfc3339(this.clock.now()) };
      this.nodes.set(server.name, st);
    }
    const now = rfc3339(this.clock.now());
    const node = nodeObject(server, this.zone, podCIDR);
    (node.status as Record<string, unknown>).conditions = healthyConditions(now, now);
    const existing = await this.client.get(NODES, undefined, server.name).catch(() => undefined);
    if (!existing) {
      const created = await this.client.create(NODES, node);
      await this.client.updateStatus(NODES, { ...created, status: node.status });
    }
    st.registered = true;
    await this.renewLease(st);
    this.scheduleHeartbeat(st);
  }

  /** Powers a node's kubelet on or off (faults). Coming back, it posts Ready again at once. */
  setUp(name: string, up: boolean): void {
    const st = this.nodes.get(name);
    if (!st || st.up === up) return;
    st.up = up;
    if (up) {
      st.readySince = rfc3339(this.clock.now());
      void this.track(this.postReady(st));
      for (const p of this.pods.list()) if ((p.spec as { nodeName?: string }).nodeName === name) this.enqueue(objectKeyOf(p));
    }
  }

  /** Whether a node's kubelet is running. */
  isUp(name: string): boolean {
    return this.nodes.get(name)?.up ?? false;
  }

  /** Stops all heartbeats and pod timers. */
  stop(): void {
    for (const st of this.nodes.values()) if (st.heartbeat) this.clock.clearTimer(st.heartbeat);
    for (const t of this.timers.values()) this.clock.clearTimer(t);
  }

  private scheduleHeartbeat(st: NodeState): void {
    if (st.heartbeat) this.clock.clearTimer(st.heartbeat);
    st.heartbeat = this.clock.setTimer(NODE_PARAMS.leaseRenewSeconds * 1000, () => {
      if (st.up) {
        void this.track(this.renewLease(st));
        // Like the kubelet's status loop: a live kubelet whose Node does not say Ready (a restart
        // after an outage, a controller's Unknown) posts its conditions again.
        const node = this.nodeInformer.get(st.server.name);
        const ready = ((node?.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []).find((c) => c.type === 'Ready');
        if (node && ready?.status !== 'True') void this.track(this.postReady(st));
      }
      this.scheduleHeartbeat(st);
    });
  }

  private async renewLease(st: NodeState): Promise<void> {
    const name = st.server.name;
    const now = microTime(this.clock.now());
    const lease = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name, namespace: 'kube-node-lease' }, spec: { holderIdentity: name, leaseDurationSeconds: NODE_PARAMS.leaseDurationSeconds, renewTime: now } };
    try {
      await this.client.patch(LEASES, 'kube-node-lease', name, 'merge', { spec: { holderIdentity: name, renewTime: now } });
    } catch (e) {
      if ((e as { code?: number }).code !== 404) throw e;
      await this.client.create(LEASES, lease as KubeObject).catch(() => undefined);
    }
  }

  private async postReady(st: NodeState): Promise<void> {
    const now = rfc3339(this.clock.now());
    await this.renewLease(st);
    const node = await this.client.get(NODES, undefined, st.server.name);
    await this.client.updateStatus(NODES, { ...node, status: { ...(node.status as object), conditions: healthyConditions(now, now) } });
    await this.events.record(node, 'Normal', 'NodeReady', `Node ${st.server.name} status is now: NodeReady`);
  }

  private onPod(p: KubeObject): void {
    const node = (p.spec as { nodeName?: string }).nodeName;
    if (node && this.nodes.has(node)) this.enqueue(objectKeyOf(p));
  }

  private release(p: KubeObject): void {
    const st = this.nodes.get((p.spec as { nodeName?: string }).nodeName ?? '');
    const key = objectKeyOf(p);
    for (const [ip, k] of st?.ipsInUse ?? []) if (k === key) st!.ipsInUse.delete(ip);
    const t = this.timers.get(key);
    if (t) this.clock.clearTimer(t);
    this.timers.delete(key);
  }

  private async reconcilePod(key: string): Promise<void> {
    const pod = this.pods.get(key);
    if (!pod) return;
    const st = this.nodes.get((pod.spec as { nodeName?: string }).nodeName ?? '');
    if (!st || !st.registered || !st.up) return;
    const phase = (pod.status as { phase?: string } | undefined)?.phase;
    const hostIP = st.server.address ?? '';
    if (pod.metadata.deletionTimestamp) {
      if (phase === 'Succeeded' || phase === 'Failed') return this.forceDelete(pod);
      return this.after(key, podStopSeconds(pod), () => this.stopPod(pod));
    }
    if (phase === 'Succeeded' || phase === 'Failed') return;
    const running = phase === 'Running';
    if (!running && !this.timers.has(key)) {
      const { seconds, pulled } = podStartSeconds(pod, st.images);
      await this.client.updateStatus(PODS, { ...pod, status: creatingStatus(pod, hostIP, rfc3339(this.clock.now())) }).catch(ignore);
      for (const img of pulled) await this.events.record(pod, 'Normal', 'Pulling', `Pulling image "${img}"`);
      this.after(key, seconds, async () => {
        const cur = this.pods.get(key);
        if (!cur || cur.metadata.deletionTimestamp || !st.up) return;
        for (const img of pulled) st.images.add(img);
        const ip = this.allocateIp(st, key);
        if (!ip) {
          await this.events.record(cur, 'Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: no IP addresses available in range set ${st.podCIDR}`);
          return;
        }
        await this.client.updateStatus(PODS, { ...cur, status: runningStatus(cur, hostIP, ip, rfc3339(this.clock.now())) });
        await this.events.record(cur, 'Normal', 'Started', `Started container ${((cur.spec as { containers?: { name: string }[] }).containers ?? [])[0]?.name ?? ''}`);
        const run = podRunSeconds(cur);
        if (run !== undefined) this.after(key, run, () => this.finishPod(key, 0));
      });
    }
  }

  private async finishPod(key: string, exitCode: number): Promise<void> {
    const cur = this.pods.get(key);
    if (!cur) return;
    await this.client.updateStatus(PODS, { ...cur, status: terminatedStatus(cur, exitCode, rfc3339(this.clock.now())) }).catch(ignore);
  }

  private async stopPod(pod: KubeObject): Promise<void> {
    const cur = this.pods.get(objectKeyOf(pod));
    if (!cur) return;
    await this.events.record(cur, 'Normal', 'Killing', `Stopping container ${((cur.spec as { containers?: { name: string }[] }).containers ?? [])[0]?.name ?? ''}`);
    await this.forceDelete(cur);
  }

  private async forceDelete(pod: KubeObject): Promise<void> {
    await this.client.delete(PODS, pod.metadata.namespace, pod.metadata.name!, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } }).catch(ignore);
  }

  private allocateIp(st: NodeState, key: string): string | undefined {
    for (const [ip, k] of st.ipsInUse) if (k === key) return ip;
    for (let i = 0; ; i++) {
      const ip = podIpAt(st.podCIDR, i);
      if (!ip) return undefined;
      if (!st.ipsInUse.has(ip)) {
        st.ipsInUse.set(ip, key);
        return ip;
      }
    }
  }

  private after(key: string, seconds: number, fn: () => Promise<void> | void): void {
    const old = this.timers.get(key);
    if (old) this.clock.clearTimer(old);
    this.timers.set(
      key,
      this.clock.setTimer(seconds * 1000, () => {
        this.timers.delete(key);
        void this.track(Promise.resolve().then(fn));
      }),
    );
  }

  private async track(p: Promise<unknown>): Promise<void> {
    this.pending++;
    try {
      await p;
    } catch {
      // A failed write is retried by the next heartbeat or pod event.
    } finally {
      this.pending--;
    }
  }
}

/** metav1.MicroTime: RFC 3339 with microseconds, as Lease renewTime is written. */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

function ignore(e: { code?: number }): void {
  if (e.code !== 404 && e.code !== 409) throw e;
}
