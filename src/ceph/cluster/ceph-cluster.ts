// The Ceph cluster model: OSDMap (up/in, weights, pg_upmap_items), CRUSH, pools and PGs, failure
// detection, down -> out, peering, recovery, backfill and the mgr balancer, on an explicit simulated clock.
import { CRUSH_ITEM_NONE } from '../crush/crush-map.js';
import { compileMap } from '../crush/compiled-map.js';
import { CrushMapper } from '../crush/mapper.js';
import { pgToPps } from '../crush/pg.js';
import { applyMapping, needsWork, newPlacementGroups, updateState, trimStrays, type PeeringContext, type PlacementGroup } from '../recovery/placement-group.js';
import { RecoveryScheduler, type ThrottleModel } from '../recovery/recovery-scheduler.js';
import { buildCrushMap, type RuleSpec } from './build-crush-map.js';
import { cephParams, type CephParams } from './ceph-defaults.js';
import type { ClusterLogEntry, MgrState, MonState, OsdState, PoolState } from './cluster-types.js';
import { defaultMinSize, type PoolDef, type PoolRequest } from './pool.js';
import type { HostSpec } from './topology.js';
import { osdUsage, poolPastFull } from './capacity.js';
import { throttleModel } from './throttle-model.js';
import { addHostRecords, failOsd, replaceOsd, restartOsd, runMonTimer, type MonTimer } from './osd-lifecycle.js';
import { deleteObject, writeObject } from './object-io.js';
import { setMgrUp, setMonUp } from './mon-mgr.js';
import { HealthLog } from '../recovery/health-log.js';
import { dropPoolUpmaps, upmappedRaw, type UpmapPairs } from './upmap.js';
import { balancerRound, newBalancerState } from './balancer.js';

/** How to build a cluster. */
export interface CephClusterOptions {
  fsid: string;
  hosts: HostSpec[];
  nowMs: number;
  params?: Partial<CephParams>;
  mons?: string[];
  mgrs?: string[];
}

/** Recovery completions within this window are processed together (ms). */
const RECOVERY_QUANTUM_MS = 50;

/** A mon timer and when it fires. */
export interface PendingEvent {
  atMs: number;
  timer: MonTimer;
}

/** The whole cluster; drive it with `step(dtMs)` and the event methods, read it with the getters. */
export class CephCluster {
  readonly fsid: string;
  readonly params: CephParams;
  nowMs: number;
  readonly osds = new Map<number, OsdState>();
  readonly hosts = new Map<string, HostSpec>();
  readonly mons: MonState[];
  readonly mgrs: MgrState[];
  readonly pools = new Map<number, PoolState>();
  readonly log: ClusterLogEntry[] = [];
  /** Bytes and objects recovered per second over the last step (for `ceph status` io). */
  recoveryRate = { bytesPerSec: 0, objectsPerSec: 0 };
  /** Client utilisation (0..1) of an OSD's drive, set by the I/O model; it lowers mClock's recovery share. */
  clientUtilization: (osd: number) => number = () => 0;
  epoch = 1;
  /** The OSDMap's pg_upmap_items by PG id (see ./upmap.ts). */
  readonly upmapItems = new Map<string, UpmapPairs>();
  /** The mgr balancer module's state (see ./balancer.ts). */
  balancer: ReturnType<typeof newBalancerState>;
  /** Called after each change made through the methods below (not by time passing): the host persists then. */
  onChange: () => void = () => undefined;
  // Internal state, public only so ../persist/cluster-state.ts can save and restore it.
  rules: RuleSpec[] = [];
  private mapper!: CrushMapper;
  events: PendingEvent[] = [];
  readonly scheduler = new RecoveryScheduler();
  recoverySamples: { atMs: number; bytes: number; objects: number }[] = [];
  lastHealthMs = -Infinity;
  healthStale = true;
  fullPools = new Set<number>();
  readonly bucketIds = new Map<string, number>();
  readonly health = new HealthLog();
  /** When the monitors last formed their quorum. */
  quorumSinceMs: number;
  private usageCache?: ReturnType<typeof osdUsage>;
  private readonly ctxCache = new Map<number, PeeringContext & { k: number }>();

  constructor(opts: CephClusterOptions) {
    this.fsid = opts.fsid;
    this.params = cephParams(opts.params);
    this.nowMs = opts.nowMs;
    this.mons = (opts.mons ?? ['a', 'b', 'c']).map((name, rank) => ({ name, rank, up: true }));
    this.quorumSinceMs = opts.nowMs;
    this.mgrs = (opts.mgrs ?? ['a']).map((name, i) => ({ name, up: true, activeSinceMs: i === 0 ? opts.nowMs : undefined }));
    this.balancer = newBalancerState(opts.nowMs);
    for (const h of opts.hosts) addHostRecords(this, h);
    this.rebuildCrush();
  }

  /** The CRUSH map as built now (root -> racks -> hosts -> osds, one rule per pool). */
  get crushMap() {
    return this.mapper.map.source;
  }

  /** Adds a host and its OSDs (up and in at once, as a new OSD boots), then rebalances. */
  addHost(host: HostSpec): void {
    addHostRecords(this, host);
    for (const o of host.osds) this.logLine('mon.a', 'INF', `osd.${o.id} [v2:${host.name}] boot`);
    this.rebuildCrush();
    this.remapAll();
    this.onChange();
  }

  /** Creates a pool with its rule and PGs; pg_num comes from the request (the autoscaler sets it before). */
  createPool(req: PoolRequest): PoolDef {
    const id = Math.max(0, ...this.pools.keys()) + 1;
    const kind = req.kind;
    const size = kind === 'replicated' ? req.size ?? 3 : req.k! + req.m!;
    const ruleId = this.rules.length;
    this.rules.push({ name: req.name, kind, failureDomain: req.failureDomain ?? 'host', maxSize: size });
    const def: PoolDef = {
      id, name: req.name, kind, size, minSize: req.minSize ?? defaultMinSize(kind, size, req.k, req.m), k: req.k, m: req.m, ruleId,
      pgNum: req.pgNum ?? 32, application: req.application ?? 'rbd', targetSizeRatio: req.targetSizeRatio, bulk: req.bulk,
      pgNumMin: req.pgNumMin, pgNumMax: req.pgNumMax, autoscale: req.autoscale ?? 'on',
    };
    this.pools.set(id, { def, pgs: newPlacementGroups(id, def.pgNum, this.nowMs), createdMs: this.nowMs, clientIo: { readBps: 0, writeBps: 0, readOps: 0, writeOps: 0 } });
    this.rebuildCrush();
    this.remapPool(this.pools.get(id)!);
    this.logLine('mon.a', 'INF', `pool '${req.name}' created`);
    this.onChange();
    return def;
  }

  /**
   * `ceph osd pool set POOL pg_num N` (what the autoscaler does) on a pool that holds no objects yet.
   * Splitting or merging PGs that hold data is not modelled, so a pool with objects is refused.
   */
  setPgNum(poolId: number, pgNum: number): void {
    const pool = this.pool(poolId);
    if (pool.pgs.some((pg) => pg.objects > 0)) throw new RangeError(`Cannot change pg_num of pool '${pool.def.name}': splitting PGs that hold objects is not modelled`);
    pool.def.pgNum = pgNum;
    pool.pgs = newPlacementGroups(poolId, pgNum, this.nowMs);
    dropPoolUpmaps(this, poolId, pgNum);
    this.remapPool(pool);
    this.onChange();
  }

  /** How many buckets of a CRUSH type (`host`, `rack`) hold at least one in OSD: the most shards a rule can spread. */
  failureDomains(type: 'osd' | 'host' | 'rack'): number {
    const live = [...this.osds.values()].filter((o) => o.in);
    return new Set(live.map((o) => (type === 'osd' ? String(o.id) : type === 'host' ? o.host : o.rack))).size;
  }

  /** The OSD daemon dies (crash: peers report it at once) or hangs (silence: reported after the heartbeat grace). */
  failOsd(id: number, mode: 'crash' | 'hang' = 'crash'): void {
    failOsd(this, id, mode);
    this.onChange();
  }

  /** Every OSD of a host fails at once (power loss: silence, so the heartbeat grace applies). */
  failHost(host: string, mode: 'crash' | 'hang' = 'hang'): void {
    for (const o of this.osds.values()) if (o.host === host) failOsd(this, o.id, mode);
    this.onChange();
  }

  /** The daemon starts again: it boots, is marked up (and in, if it had been marked out automatically). */
  restartOsd(id: number): void {
    restartOsd(this, id);
    this.onChange();
  }

  /** The drive is replaced: the OSD's data is gone (ceph osd destroy + a new OSD with the same id). */
  replaceOsd(id: number): void {
    replaceOsd(this, id);
    this.onChange();
  }

  /** `ceph osd out` / `ceph osd in`. */
  setOsdIn(id: number, isIn: boolean): void {
    this.setIn(this.osd(id), isIn);
    this.remapAll();
    this.onChange();
  }

  /** Stops or starts a monitor. */
  setMonUp(name: string, up: boolean): void {
    setMonUp(this, name, up);
    this.onChange();
  }

  /** Stops or starts a manager; when the active one stops, the first standby takes over. */
  setMgrUp(name: string, up: boolean): void {
    setMgrUp(this, name, up);
    this.onChange();
  }

  /** Monitors in quorum (a majority of the monmap must be up, else none). */
  quorum(): MonState[] {
    const up = this.mons.filter((m) => m.up);
    return up.length * 2 > this.mons.length ? up : [];
  }

  /** Records a client write of one RADOS object; false (nothing recorded) when its PG is inactive or the pool full. */
  writeObject(poolId: number, name: string, delta: number, created: boolean): boolean {
    return writeObject(this, poolId, name, delta, created);
  }

  /** Removes a RADOS object's bytes (e.g. an image deleted); `removed` drops it from the count. */
  deleteObject(poolId: number, name: string, bytes: number, removed: boolean): void {
    deleteObject(this, poolId, name, bytes, removed);
  }

  /**
   * True when an OSD the pool's PGs use was past the full ratio at the last stats update (end of
   * the last step); the OSDMap's pool FULL flag, as OSDs report their statfs periodically.
   */
  poolFull(poolId: number): boolean {
    return this.fullPools.has(poolId);
  }

  /** Advances the simulated clock by `dtMs`: timers fire, PGs finish peering, data recovers. */
  step(dtMs: number): void {
    const end = this.nowMs + dtMs;
    for (let guard = 0; this.nowMs < end && guard < 1_000_000; guard++) {
      this.invalidate();
      const work = this.pendingWork();
      this.grant(work);
      this.refreshStates(work);
      const rates = this.scheduler.rates(this.throttle());
      let next = end;
      const tc = this.scheduler.nextCompletion(rates);
      // Completions within one quantum are handled together: reservations are re-granted at that pace.
      if (tc !== Infinity) next = Math.min(next, this.nowMs + Math.max(tc * 1000, RECOVERY_QUANTUM_MS));
      for (const e of this.events) next = Math.min(next, e.atMs);
      next = Math.min(next, Math.max(this.nowMs + 1, this.balancer.nextRunMs));
      for (const pg of work) if (pg.peeringUntilMs > this.nowMs) next = Math.min(next, pg.peeringUntilMs);
      // The mon re-evaluates health about once a second; do not jump past a pending re-evaluation.
      if (work.length || this.healthStale) next = Math.min(next, Math.max(this.nowMs + 1, this.lastHealthMs + 1000));
      const r = this.scheduler.advance((next - this.nowMs) / 1000, rates);
      this.nowMs = next;
      if (r.bytes > 0) this.recoverySamples.push({ atMs: this.nowMs, bytes: r.bytes, objects: r.objects });
      const fired = this.fireDue() || balancerRound(this);
      this.invalidate();
      for (const pg of work) trimStrays(pg, this.ctx(this.pools.get(pg.poolId)!));
      const after = this.pendingWork();
      this.grant(after);
      this.refreshStates(new Set([...work, ...after]));
      this.healthStale ||= fired || work.length > 0;
      if (this.healthStale && (fired || this.nowMs - this.lastHealthMs >= 1000 || this.nowMs >= end)) {
        this.health.observe(this);
        this.lastHealthMs = this.nowMs;
        this.healthStale = work.length > 0 || after.length > 0;
      }
    }
    // The mgr reports rates over its stats period (mgr_stats_period 5 s).
    const from = this.nowMs - 5000;
    this.recoverySamples = this.recoverySamples.filter((x) => x.atMs > from);
    const sum = this.recoverySamples.reduce((a, x) => ({ bytes: a.bytes + x.bytes, objects: a.objects + x.objects }), { bytes: 0, objects: 0 });
    this.recoveryRate = { bytesPerSec: sum.bytes / 5, objectsPerSec: sum.objects / 5 };
    this.fullPools = new Set([...this.pools.keys()].filter((id) => poolPastFull(this, id)));
  }

  private pendingWork(): PlacementGroup[] {
    return [...this.pools.values()].flatMap((p) => p.pgs.filter((pg) => needsWork(pg, p.def.size, this.nowMs)));
  }

  private grant(pgs: PlacementGroup[]): void {
    for (const f of this.scheduler.reserve(pgs, this.throttle())) {
      if (f.kind === 'backfill') this.logLine(`osd.${f.source}`, 'INF', `${f.pg.id} starting backfill to osd.${f.target.osd} from osd.${f.source}`);
    }
  }

  /** Advances to an absolute time. */
  advanceTo(nowMs: number): void {
    if (nowMs > this.nowMs) this.step(nowMs - this.nowMs);
  }

  /** The peering view of a pool (used by formatters and health). */
  ctx(pool: PoolState): PeeringContext & { k: number } {
    const cached = this.ctxCache.get(pool.def.id);
    if (cached) return cached;
    const d = pool.def;
    const ctx = {
      positional: d.kind === 'erasure', size: d.size, minSize: d.minSize, needed: d.kind === 'erasure' ? d.k! : 1, k: d.k ?? 1,
      isUp: (o: number) => this.osds.get(o)?.up === true,
      isBackfillFull: (o: number) => {
        const u = this.usage().get(o);
        return !!u && u.total > 0 && u.used / u.total >= this.params.backfillfullRatio;
      },
    };
    this.ctxCache.set(d.id, ctx);
    return ctx;
  }

  /** Per-OSD usage, cached until data or the map changes. */
  usage(): ReturnType<typeof osdUsage> {
    return (this.usageCache ??= osdUsage(this));
  }

  /** Forgets cached OSD usage (after writes). */
  invalidateUsage(): void {
    this.usageCache = undefined;
  }

  /** Forgets cached usage and peering views (after map changes). */
  invalidate(): void {
    this.usageCache = undefined;
    this.ctxCache.clear();
  }

  /** Every PG of every pool. */
  allPgs(): PlacementGroup[] {
    return [...this.pools.values()].flatMap((p) => p.pgs);
  }

  /** Whether a PG holds a recovery or backfill reservation now. */
  busy(pg: PlacementGroup): { recovering: boolean; backfilling: boolean } {
    return { recovering: this.scheduler.busy(pg, 'recovery'), backfilling: this.scheduler.busy(pg, 'backfill') };
  }

  /** The OSD with that id, or a RangeError. */
  osd(id: number): OsdState {
    const o = this.osds.get(id);
    if (!o) throw new RangeError(`Cannot find osd.${id}: it does not exist`);
    return o;
  }

  /** The pool with that id, or a RangeError. */
  pool(id: number): PoolState {
    const p = this.pools.get(id);
    if (!p) throw new RangeError(`Cannot find pool ${id}: it does not exist`);
    return p;
  }

  /** Appends a cluster log line at the current time. */
  logLine(who: string, level: ClusterLogEntry['level'], message: string): void {
    this.log.push({ timeMs: this.nowMs, who, level, message });
  }

  /** Rebuilds the CRUSH map from the hosts, rules and weights (bucket ids stay as they were). */
  rebuildCrush(): void {
    const weights = new Map([...this.osds.values()].map((o) => [o.id, o.crushWeight]));
    this.mapper = new CrushMapper(compileMap(buildCrushMap([...this.hosts.values()], this.rules, weights, this.bucketIds)));
  }

  /** The OSDMap's osd_weight vector CRUSH takes (reweight, 0 for out). */
  weightVector(): Uint32Array {
    const max = Math.max(0, ...this.osds.keys()) + 1;
    const w = new Uint32Array(max);
    for (const o of this.osds.values()) w[o.id] = o.in ? o.reweight : 0;
    return w;
  }

  /** Recomputes every PG's mapping after an OSDMap change (a new epoch). */
  remapAll(): void {
    this.epoch++;
    this.invalidate();
    for (const p of this.pools.values()) this.remapPool(p);
  }

  /** A PG's raw CRUSH result (before upmaps), padded with NONE to the pool's size. */
  crushRaw(pool: PoolDef, ps: number, w = this.weightVector()): number[] {
    const row = new Int32Array(pool.size);
    const n = this.mapper.doRule(pool.ruleId, pgToPps({ poolId: pool.id, pgpNum: pool.pgNum }, ps), pool.size, w, row);
    const raw = Array.from(row.subarray(0, n));
    while (raw.length < pool.size) raw.push(CRUSH_ITEM_NONE);
    return raw;
  }

  private remapPool(pool: PoolState): void {
    const w = this.weightVector();
    const ctx = this.ctx(pool);
    for (const pg of pool.pgs) {
      applyMapping(pg, upmappedRaw(this, pool.def, pg, this.crushRaw(pool.def, pg.ps, w)), ctx, this.nowMs, this.params.peeringMs);
      if (pg.state.has('creating') && pg.acting.length) pg.state.delete('creating');
    }
  }

  private refreshStates(pgs: Iterable<PlacementGroup>): void {
    for (const pg of pgs) updateState(pg, this.ctx(this.pools.get(pg.poolId)!), this.nowMs, this.busy(pg));
  }

  /** Sets in/out and the reweight that goes with it (no remap; callers remap). */
  setIn(osd: OsdState, isIn: boolean): void {
    osd.in = isIn;
    osd.reweight = isIn ? 0x10000 : 0;
    osd.inSinceMs = this.nowMs;
  }

  /** Runs `run` when the simulated clock reaches `atMs`. */
  schedule(atMs: number, timer: MonTimer): void {
    this.events.push({ atMs, timer });
  }

  private fireDue(): boolean {
    const due = this.events.filter((e) => e.atMs <= this.nowMs).sort((a, b) => a.atMs - b.atMs);
    this.events = this.events.filter((e) => e.atMs > this.nowMs);
    for (const e of due) runMonTimer(this, e.timer);
    return due.length > 0;
  }

  private throttle(): ThrottleModel {
    return throttleModel(this);
  }
}
