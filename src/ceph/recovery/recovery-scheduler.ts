// Recovery and backfill as the OSDs throttle them: a PG's primary takes a local reservation and
// every target a remote one (osd_max_backfills each, AsyncReserver in src/osd/OSD.h), degraded and
// undersized PGs first (OSD_RECOVERY_PRIORITY_BASE 180 > OSD_BACKFILL_DEGRADED_PRIORITY_BASE 140 >
// OSD_BACKFILL_PRIORITY_BASE 100, src/osd/osd_types.h); granted copies then stream at the rate the
// drives' mClock recovery share and the hosts' storage bonds allow.
import { CRUSH_ITEM_NONE } from '../crush/crush-map.js';
import type { PeeringContext, PlacementGroup, Shard } from './placement-group.js';

/** A data copy in flight: from the PG's primary to one target shard. */
export interface Flow {
  pg: PlacementGroup;
  kind: 'recovery' | 'backfill';
  source: number;
  target: Shard;
  shardObjectBytes: number;
  remainingBytes: number;
}

/** The figures the scheduler needs about OSDs and hosts. */
export interface ThrottleModel {
  maxBackfills: number;
  /** Bytes/s an OSD can give to recovery right now. */
  osdRecoveryBandwidth(osd: number): number;
  hostOf(osd: number): string;
  /** Bytes/s of a host's storage bond, and of one member link. */
  hostBond(host: string): { aggregate: number; link: number };
  ctxOf(pg: PlacementGroup): PeeringContext & { k: number };
}

/** Holds granted reservations and moves data through them. */
export class RecoveryScheduler {
  private flows: Flow[] = [];

  /** Flows currently granted. */
  active(): readonly Flow[] {
    return this.flows;
  }

  /** Puts back flows saved with the engine state (their PGs and target shards already restored). */
  restore(flows: Flow[]): void {
    this.flows = [...flows];
    this.index();
  }

  private byPg = new Map<PlacementGroup, Set<Flow['kind']>>();

  /** True when the PG holds a reservation of that kind. */
  busy(pg: PlacementGroup, kind: 'recovery' | 'backfill'): boolean {
    return this.byPg.get(pg)?.has(kind) ?? false;
  }

  private index(): void {
    this.byPg = new Map();
    for (const f of this.flows) {
      const s = this.byPg.get(f.pg) ?? new Set<Flow['kind']>();
      s.add(f.kind);
      this.byPg.set(f.pg, s);
    }
  }

  /** Drops flows whose PG, source or target no longer qualifies (map change), then grants new ones (returned). */
  reserve(pgs: Iterable<PlacementGroup>, m: ThrottleModel): Flow[] {
    const fresh: Flow[] = [];
    this.flows = this.flows.filter((f) => {
      const ctx = m.ctxOf(f.pg);
      return f.target.missing > 0 && ctx.isUp(f.source) && ctx.isUp(f.target.osd) && f.pg.shards.includes(f.target) && primaryOf(f.pg) === f.source;
    });
    const local = new Map<number, number>();
    const remote = new Map<number, number>();
    const bump = (map: Map<number, number>, osd: number) => map.set(osd, (map.get(osd) ?? 0) + 1);
    const granted = new Set<PlacementGroup>();
    for (const f of this.flows) {
      if (!granted.has(f.pg)) bump(local, f.source);
      granted.add(f.pg);
      bump(remote, f.target.osd);
    }
    const candidates: { pg: PlacementGroup; prio: number; kind: Flow['kind']; targets: Shard[] }[] = [];
    for (const pg of pgs) {
      if (granted.has(pg) || !(pg.state.has('active') || pg.state.has('peered'))) continue;
      const ctx = m.ctxOf(pg);
      const rec = pg.shards.filter((s) => !s.backfill && s.missing > 0 && ctx.isUp(s.osd) && pg.acting.includes(s.osd));
      const bf = pg.shards.filter((s) => s.backfill && s.missing > 0 && ctx.isUp(s.osd) && pg.up.includes(s.osd) && !ctx.isBackfillFull(s.osd));
      const inactive = !pg.state.has('active') ? 100 : 0;
      const undersized = Math.max(0, ctx.size - pg.acting.filter((o) => o !== CRUSH_ITEM_NONE).length) * 10;
      if (rec.length) candidates.push({ pg, prio: 180 + inactive + undersized, kind: 'recovery', targets: rec });
      else if (bf.length) candidates.push({ pg, prio: (pg.state.has('degraded') ? 140 : 100) + inactive + undersized, kind: 'backfill', targets: bf });
    }
    candidates.sort((a, b) => b.prio - a.prio || a.pg.poolId - b.pg.poolId || a.pg.ps - b.pg.ps);
    for (const c of candidates) {
      const primary = primaryOf(c.pg);
      if (primary === CRUSH_ITEM_NONE) continue;
      if ((local.get(primary) ?? 0) >= m.maxBackfills) continue;
      if (c.targets.some((t) => t.osd !== primary && (remote.get(t.osd) ?? 0) >= m.maxBackfills)) continue;
      bump(local, primary);
      const ctx = m.ctxOf(c.pg);
      const perObject = Math.max(4096, c.pg.objects ? c.pg.bytes / c.pg.objects / (ctx.positional ? ctx.k : 1) : 0);
      for (const t of c.targets) {
        if (t.osd !== primary) bump(remote, t.osd);
        const flow: Flow = { pg: c.pg, kind: c.kind, source: primary, target: t, shardObjectBytes: perObject, remainingBytes: t.missing * perObject };
        this.flows.push(flow);
        fresh.push(flow);
      }
    }
    this.index();
    return fresh;
  }

  /** Bytes/s of every flow under the drive and network limits (shared equally). */
  rates(m: ThrottleModel): number[] {
    const osdLoad = new Map<number, number>();
    const txLoad = new Map<string, number>();
    const rxLoad = new Map<string, number>();
    const inc = <K>(map: Map<K, number>, k: K) => map.set(k, (map.get(k) ?? 0) + 1);
    for (const f of this.flows) {
      inc(osdLoad, f.source);
      inc(osdLoad, f.target.osd);
      const sh = m.hostOf(f.source);
      const th = m.hostOf(f.target.osd);
      if (sh !== th) { inc(txLoad, sh); inc(rxLoad, th); }
    }
    return this.flows.map((f) => {
      let r = Math.min(m.osdRecoveryBandwidth(f.source) / osdLoad.get(f.source)!, m.osdRecoveryBandwidth(f.target.osd) / osdLoad.get(f.target.osd)!);
      const sh = m.hostOf(f.source);
      const th = m.hostOf(f.target.osd);
      if (sh !== th) {
        const sb = m.hostBond(sh);
        const tb = m.hostBond(th);
        r = Math.min(r, sb.link, tb.link, sb.aggregate / txLoad.get(sh)!, tb.aggregate / rxLoad.get(th)!);
      }
      return r;
    });
  }

  /** Seconds until the first flow completes at the given rates (Infinity when none runs). */
  nextCompletion(rates: number[]): number {
    let t = Infinity;
    this.flows.forEach((f, i) => { if (rates[i]! > 0) t = Math.min(t, f.remainingBytes / rates[i]!); });
    return t;
  }

  /** Moves `dtSec` worth of data; returns bytes and objects moved. Finished flows are dropped. */
  advance(dtSec: number, rates: number[]): { bytes: number; objects: number } {
    let bytes = 0;
    let objects = 0;
    this.flows.forEach((f, i) => {
      const moved = Math.min(f.remainingBytes, rates[i]! * dtSec);
      f.remainingBytes -= moved;
      if (f.remainingBytes <= 1e-6 * f.shardObjectBytes) f.remainingBytes = 0;
      bytes += moved;
      const missing = Math.ceil(f.remainingBytes / f.shardObjectBytes - 1e-9);
      objects += f.target.missing - missing;
      f.target.missing = missing;
      if (missing === 0) f.target.backfill = false;
    });
    this.flows = this.flows.filter((f) => f.remainingBytes > 0);
    this.index();
    return { bytes, objects };
  }
}

/** The PG's primary: the first member of its acting set. */
export function primaryOf(pg: PlacementGroup): number {
  return pg.acting.find((o) => o !== CRUSH_ITEM_NONE) ?? CRUSH_ITEM_NONE;
}
