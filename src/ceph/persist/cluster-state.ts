// The cluster model as plain JSON: what the MONs' store holds (OSDMap with up/in/weights, CRUSH
// bucket ids and rules, pools, pending mon timers, the health the mon last reported, the cluster
// log's tail) and what the OSDs hold (each PG's objects, bytes and shards), plus the recovery
// reservations in flight, so a restored engine continues exactly where the saved one was.
import { CephCluster } from '../cluster/ceph-cluster.js';
import type { PendingEvent } from '../cluster/ceph-cluster.js';
import type { CephParams } from '../cluster/ceph-defaults.js';
import type { ClusterLogEntry, MgrState, MonState, OsdState, PoolState } from '../cluster/cluster-types.js';
import type { RuleSpec } from '../cluster/build-crush-map.js';
import type { PoolDef } from '../cluster/pool.js';
import type { HostSpec } from '../cluster/topology.js';
import type { PgStateName } from '../recovery/pg-state.js';
import type { PlacementGroup, Shard } from '../recovery/placement-group.js';
import type { Flow } from '../recovery/recovery-scheduler.js';
import { newBalancerState, type BalancerState } from '../cluster/balancer.js';
import type { UpmapPairs } from '../cluster/upmap.js';

/** Cluster log lines kept in the saved state (the newest; the mon trims its log too). */
export const SAVED_LOG_LINES = 1000;

/** A PG as saved: the state bits as a list. */
export type SavedPg = Omit<PlacementGroup, 'state'> & { state: PgStateName[] };

/** A recovery flow as saved: its PG and target shard by position. */
export interface SavedFlow {
  poolId: number;
  ps: number;
  kind: Flow['kind'];
  source: number;
  shard: number;
  shardObjectBytes: number;
  remainingBytes: number;
}

/** The cluster model as JSON. */
export interface ClusterState {
  fsid: string;
  params: CephParams;
  nowMs: number;
  epoch: number;
  quorumSinceMs: number;
  hosts: HostSpec[];
  osds: OsdState[];
  mons: MonState[];
  mgrs: MgrState[];
  rules: RuleSpec[];
  bucketIds: [string, number][];
  pools: { def: PoolDef; createdMs: number; clientIo: PoolState['clientIo']; pgs: SavedPg[] }[];
  events: PendingEvent[];
  flows: SavedFlow[];
  log: ClusterLogEntry[];
  health: ReturnType<CephCluster['health']['save']>;
  /** null when the mon never evaluated health (-Infinity). */
  lastHealthMs: number | null;
  healthStale: boolean;
  fullPools: number[];
  recoverySamples: CephCluster['recoverySamples'];
  recoveryRate: CephCluster['recoveryRate'];
  /** The OSDMap's pg_upmap_items (absent in version 1 documents: none). */
  upmapItems?: [string, UpmapPairs][];
  /** The balancer module (absent in version 1: a fresh one, on in upmap mode, waking at once). */
  balancer?: BalancerState;
}

/** Saves the cluster model; the result shares the engine's objects, so serialize it before the engine moves on. */
export function saveCluster(c: CephCluster): ClusterState {
  const flows = c.scheduler.active().map((f) => ({
    poolId: f.pg.poolId, ps: f.pg.ps, kind: f.kind, source: f.source, shard: f.pg.shards.indexOf(f.target), shardObjectBytes: f.shardObjectBytes, remainingBytes: f.remainingBytes,
  }));
  return {
    fsid: c.fsid, params: c.params, nowMs: c.nowMs, epoch: c.epoch, quorumSinceMs: c.quorumSinceMs,
    hosts: [...c.hosts.values()], osds: [...c.osds.values()], mons: c.mons, mgrs: c.mgrs, rules: c.rules, bucketIds: [...c.bucketIds],
    pools: [...c.pools.values()].map((p) => ({ def: p.def, createdMs: p.createdMs, clientIo: p.clientIo, pgs: p.pgs.map((pg) => ({ ...pg, state: [...pg.state] })) })),
    events: c.events, flows, log: c.log.slice(-SAVED_LOG_LINES), health: c.health.save(),
    lastHealthMs: Number.isFinite(c.lastHealthMs) ? c.lastHealthMs : null, healthStale: c.healthStale, fullPools: [...c.fullPools],
    recoverySamples: c.recoverySamples, recoveryRate: c.recoveryRate, upmapItems: [...c.upmapItems],
    // The optimize duration is wall-clock time: left out so the saved engine stays deterministic.
    balancer: { ...c.balancer, lastOptimizeDurationSec: null },
  };
}

/** Builds a cluster from a saved state, at the saved time; advance it to the clock's now afterwards. */
export function restoreCluster(input: ClusterState): CephCluster {
  const s = structuredClone(input);
  const c = new CephCluster({ fsid: s.fsid, hosts: [], nowMs: s.nowMs, params: s.params, mons: s.mons.map((m) => m.name), mgrs: s.mgrs.map((m) => m.name) });
  s.mons.forEach((m, i) => Object.assign(c.mons[i]!, m));
  s.mgrs.forEach((m, i) => Object.assign(c.mgrs[i]!, m));
  c.epoch = s.epoch;
  c.quorumSinceMs = s.quorumSinceMs;
  for (const h of s.hosts) c.hosts.set(h.name, h);
  for (const o of s.osds) c.osds.set(o.id, o);
  c.rules.push(...s.rules);
  for (const [name, id] of s.bucketIds) c.bucketIds.set(name, id);
  for (const p of s.pools) {
    const pgs: PlacementGroup[] = p.pgs.map((pg) => ({ ...pg, state: new Set(pg.state) }));
    c.pools.set(p.def.id, { def: p.def, createdMs: p.createdMs, clientIo: p.clientIo, pgs });
  }
  c.events = s.events;
  c.log.push(...s.log);
  c.health.restore(s.health);
  c.lastHealthMs = s.lastHealthMs ?? -Infinity;
  c.healthStale = s.healthStale;
  c.fullPools = new Set(s.fullPools);
  c.recoverySamples = s.recoverySamples;
  c.recoveryRate = s.recoveryRate;
  for (const [id, pairs] of s.upmapItems ?? []) c.upmapItems.set(id, pairs);
  c.balancer = s.balancer ?? newBalancerState(s.nowMs);
  c.rebuildCrush();
  c.scheduler.restore(s.flows.map((f) => {
    const pg = c.pool(f.poolId).pgs[f.ps];
    const target: Shard | undefined = pg?.shards[f.shard];
    if (!pg || !target) throw new RangeError(`Cannot restore recovery of pg ${f.poolId}.${f.ps.toString(16)}: shard ${f.shard} is not in the saved state`);
    return { pg, kind: f.kind, source: f.source, target, shardObjectBytes: f.shardObjectBytes, remainingBytes: f.remainingBytes };
  }));
  c.invalidate();
  return c;
}
