/**
 * ODF on the twin: a StorageCluster is reconciled as ocs-operator and Rook do it. It gets its
 * CephCluster and default CephBlockPool, rack labels on the storage nodes, `count` x `replica`
 * OSD claims bound to local volumes, three MONs and a MGR, and one OSD pod per bound claim; the
 * engine (`CephHost`) takes the OSDs in as their pods run, creates the pools, and runs on the
 * twin's clock (a tick every 5 s, every second while PGs are not clean).
 */
import type { KubeObject } from '../../api/types.js';
import type { ResourceRef } from '../../client/client.js';
import { EventRecorder } from '../../client/event-recorder.js';
import { objectKeyOf } from '../../client/informer.js';
import type { Clock, Timer } from '../../lib/clock.js';
import type { Manager } from '../../runtime/manager.js';
import { bindClaim, volumeNode } from '../local-volume-set/binder.js';
import { DEVICE_NAME } from '../local-volume-set/plan.js';
import { isCode, PODS, PVCS, PVS } from '../persistent-volume/resources.js';
import type { CephHost, OsdPlacement } from './ceph-host.js';
import { cephClusterFor, daemonPod, defaultBlockPool, deviceClaimPvc, podRunning } from './children.js';
import { planOsdBindings } from './osd-binding.js';
import { assignRacks, DEVICE_SET_LABEL, naturalCompare, OSD_ID_LABEL, planDeviceClaims, RACK_LABEL, storageNodes } from './plan.js';
import { syncPools, type PoolOutcome } from './pools.js';
import { writeStatuses, type Observed } from './status.js';
import { CEPH_BLOCK_POOLS, CEPH_CLUSTERS, NODES, STORAGE_CLUSTERS } from './resources.js';

/** The PVC annotation holding the OSD id given to the claim. */
export const OSD_ID_ANNOTATION = 'ove.dev/osd-id';

const TICK_MS = 5_000;
const BUSY_TICK_MS = 1_000;

type Any = Record<string, any>;


/** Registers the StorageCluster controller; returns a stop function for its clock loop. */
export function registerStorageClusterController(mgr: Manager, clock: Clock, host: CephHost): () => void {
  const client = mgr.client;
  const scs = mgr.informer(STORAGE_CLUSTERS);
  const ccs = mgr.informer(CEPH_CLUSTERS);
  const cbps = mgr.informer(CEPH_BLOCK_POOLS);
  const nodes = mgr.informer(NODES);
  const pvcs = mgr.informer(PVCS);
  const pvs = mgr.informer(PVS);
  const pods = mgr.informer(PODS);
  const events = new EventRecorder(client, clock, 'ocs-operator');
  const rookEvents = new EventRecorder(client, clock, 'rook-ceph-operator');
  const told = new Map<string, string>();
  // What this process already did, so a reconcile on informers not yet caught up does not redo it.
  const boundBy = new Map<string, string>();
  const osdIdOf = new Map<string, number>();
  const ctl = mgr.controller('storage-cluster', reconcile, 1);
  const all = () => scs.list().forEach((s) => ctl.enqueue(objectKeyOf(s)));
  scs.on({ add: (o) => ctl.enqueue(objectKeyOf(o)), update: (_, o) => ctl.enqueue(objectKeyOf(o)), delete: () => scs.list().length === 0 && host.reset() });
  for (const inf of [nodes, pvcs, pvs, pods, cbps]) inf.on({ add: all, update: all, delete: all });

  let timer: Timer | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    host.advance();
    all();
    timer = clock.setTimer(host.recovering() ? BUSY_TICK_MS : TICK_MS, tick);
  };
  timer = clock.setTimer(TICK_MS, tick);

  /** Records an event once per distinct message for a key (the status carries the rest). */
  async function tell(rec: EventRecorder, obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): Promise<void> {
    const key = `${obj.metadata.uid}/${reason}`;
    if (told.get(key) === message) return;
    told.set(key, message);
    await rec.record(obj, type, reason, message);
  }

  async function ensure(ref: ResourceRef, obj: KubeObject, existing: KubeObject | undefined): Promise<KubeObject | undefined> {
    if (existing) return existing;
    try {
      return await client.create(ref, obj);
    } catch (e) {
      if (isCode(e, 409)) return undefined;
      throw e;
    }
  }

  async function reconcile(key: string): Promise<void> {
    const sc = scs.get(key);
    if (!sc || sc.metadata.deletionTimestamp) return;
    const ns = sc.metadata.namespace!;
    const spec = (sc.spec ?? {}) as Any;
    const failureDomain: 'rack' | 'host' = spec.flexibleScaling ? 'host' : 'rack';
    const ccWanted = cephClusterFor(sc);
    const cc = await ensure(CEPH_CLUSTERS, ccWanted, ccs.get(`${ns}/${ccWanted.metadata.name}`));
    const poolWanted = defaultBlockPool(sc, failureDomain);
    await ensure(CEPH_BLOCK_POOLS, poolWanted, cbps.get(`${ns}/${poolWanted.metadata.name}`));
    if (!cc) return;

    // Storage nodes and their racks (ocs-operator labels them topology.rook.io/rack).
    const snodes = storageNodes(nodes.list());
    const labelled = new Map(snodes.map((n) => [n, nodes.get(n)?.metadata.labels?.[RACK_LABEL] ?? ''] as const).filter(([, r]) => r));
    const racks = failureDomain === 'rack' ? assignRacks(snodes, labelled) : new Map(snodes.map((n) => [n, n]));
    if (failureDomain === 'rack') {
      for (const [n, r] of racks) if (labelled.get(n) !== r) await client.patch(NODES, undefined, n, 'merge', { metadata: { labels: { [RACK_LABEL]: r } } });
    }

    // OSD claims, bound to local volumes as the prepare pods' scheduling would.
    const claims = planDeviceClaims(sc);
    for (const c of claims) await ensure(PVCS, deviceClaimPvc(sc, c), pvcs.get(`${ns}/${c.name}`));
    const claimObjs = claims.map((c) => pvcs.get(`${ns}/${c.name}`)).filter((p): p is KubeObject => !!p);
    const boundPerNode = new Map<string, number>();
    for (const p of claimObjs) {
      const pv = pvs.get((p.spec as Any).volumeName ?? '');
      const n = pv && volumeNode(pv);
      if (n) boundPerNode.set(n, (boundPerNode.get(n) ?? 0) + 1);
    }
    const replicas = Math.max(1, ...((spec.storageDeviceSets ?? []) as Any[]).map((d) => Number(d.replica ?? 1)));
    const unbound = claimObjs.filter((p) => !(p.spec as Any).volumeName && !boundBy.has(p.metadata.uid!));
    const taken = new Set(boundBy.values());
    const plan = planOsdBindings(unbound, pvs.list().filter((pv) => !taken.has(pv.metadata.name!)), failureDomain === 'rack' ? racks : new Map(snodes.map((n) => [n, 'any'])), failureDomain === 'rack' ? replicas : 1, boundPerNode);
    for (const b of plan.bind) {
      await bindClaim(client, b.pvc, b.pv);
      boundBy.set(b.pvc.metadata.uid!, b.pv.metadata.name!);
    }
    for (const p of plan.pending) await tell(events, p.pvc, 'Warning', 'FailedBinding', `waiting for a local volume: ${p.reason}`);

    // MONs a, b, c (one per rack) and MGR a, once three storage nodes exist (allowMultiplePerNode: false).
    const monNodes = pickMonNodes(racks, snodes);
    const daemons = monNodes.length === 3 ? [...['a', 'b', 'c'].map((id, i) => daemonPod(cc, 'rook-ceph-mon', id, monNodes[i]!)), daemonPod(cc, 'rook-ceph-mgr', 'a', monNodes[0]!)] : [];
    for (const d of daemons) await ensure(PODS, d, pods.get(`${ns}/${d.metadata.name}`));
    const monsRunning = daemons.filter((d) => d.metadata.labels!.app === 'rook-ceph-mon' && podRunning(pods.get(`${ns}/${d.metadata.name}`))).length;

    // OSD ids, host by host, for claims bound now; then one OSD pod per claim.
    const osds = await osdPods(cc, claimObjs, plan.bind.map((b) => ({ pvc: b.pvc, pv: b.pv })), racks);
    let inEngine = 0;
    let pools = new Map<string, PoolOutcome>();
    if (monsRunning === 3) {
      const engine = host.ensure(cc.metadata.uid!);
      host.advance();
      const running = osds.filter((o) => podRunning(pods.get(`${ns}/${o.pod.metadata.name}`))).map((o) => o.placement);
      for (const id of host.addOsds(running)) await tell(rookEvents, cc, 'Normal', 'OSDCreated', `osd.${id} created on ${engine.osds.get(id)!.host} (${engine.osds.get(id)!.device})`);
      inEngine = osds.filter((o) => engine.osds.has(o.placement.id)).length;
      const settled = inEngine === osds.length && plan.bind.length === 0;
      pools = syncPools(engine, cbps.list().filter((p) => p.metadata.namespace === ns), settled, failureDomain);
    }
    for (const [k, o] of pools) {
      const cbp = cbps.get(k);
      if (cbp && o.phase === 'Failure') await tell(rookEvents, cbp, 'Warning', 'ReconcileFailed', o.message);
    }
    const observed: Observed = { claims: claims.length, bound: claimObjs.length - plan.pending.length, pending: plan.pending, storageNodes: snodes, racks, monsRunning, osdsInEngine: inEngine, pools, failureDomain };
    await writeStatuses({ client, clock, sc, cc, cbps, host, observed, tell: (o, t, r, m) => tell(events, o, t, r, m) });
  }

  /** Assigns OSD ids to newly bound claims (ordered by node, then drive) and ensures their pods. */
  async function osdPods(cc: KubeObject, claimObjs: KubeObject[], justBound: { pvc: KubeObject; pv: KubeObject }[], racks: Map<string, string>): Promise<{ pod: KubeObject; placement: OsdPlacement }[]> {
    const ns = cc.metadata.namespace!;
    const pvOf = new Map(justBound.map((b) => [b.pvc.metadata.name!, b.pv]));
    const bound = claimObjs.flatMap((p) => {
      const pv = pvOf.get(p.metadata.name!) ?? pvs.get((p.spec as Any).volumeName ?? boundBy.get(p.metadata.uid!) ?? '');
      return pv ? [{ pvc: p, pv, node: volumeNode(pv)!, device: pv.metadata.annotations?.[DEVICE_NAME] ?? '' }] : [];
    });
    const known = (p: KubeObject) => osdIdOf.get(p.metadata.uid!) ?? (p.metadata.annotations?.[OSD_ID_ANNOTATION] !== undefined ? Number(p.metadata.annotations[OSD_ID_ANNOTATION]) : undefined);
    let next = Math.max(-1, ...bound.map((b) => known(b.pvc) ?? -1), ...osdIdOf.values()) + 1;
    const fresh = bound.filter((b) => known(b.pvc) === undefined).sort((a, b) => naturalCompare(a.node, b.node) || naturalCompare(a.device, b.device));
    const ids = new Map(bound.map((b) => [b.pvc.metadata.name!, known(b.pvc) ?? -1]));
    for (const b of fresh) {
      ids.set(b.pvc.metadata.name!, next);
      osdIdOf.set(b.pvc.metadata.uid!, next);
      await client.patch(PVCS, ns, b.pvc.metadata.name!, 'merge', { metadata: { annotations: { [OSD_ID_ANNOTATION]: String(next) } } });
      next++;
    }
    const out: { pod: KubeObject; placement: OsdPlacement }[] = [];
    for (const b of bound) {
      const id = ids.get(b.pvc.metadata.name!)!;
      const pod = daemonPod(cc, 'rook-ceph-osd', String(id), b.node, { claim: b.pvc.metadata.name!, labels: { [DEVICE_SET_LABEL]: b.pvc.metadata.labels?.[DEVICE_SET_LABEL] ?? '', [OSD_ID_LABEL]: String(id) } });
      await ensure(PODS, pod, pods.get(`${ns}/${pod.metadata.name}`));
      out.push({ pod, placement: { id, host: b.node, rack: racks.get(b.node) ?? 'rack0', device: b.device } });
    }
    return out;
  }

  return () => {
    stopped = true;
    if (timer) clock.clearTimer(timer);
  };
}

/** Three MON nodes: the first node of each rack, then further nodes in order, on distinct hosts. */
export function pickMonNodes(racks: Map<string, string>, snodes: string[]): string[] {
  const firsts = [...new Set(racks.values())].sort(naturalCompare).map((r) => snodes.find((n) => racks.get(n) === r)!).filter(Boolean);
  const rest = snodes.filter((n) => !firsts.includes(n));
  const out = [...firsts, ...rest].slice(0, 3);
  return out.length === 3 ? out : [];
}
