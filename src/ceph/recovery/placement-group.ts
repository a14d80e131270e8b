// One placement group's peering outcome: up set from CRUSH, acting set (with pg_temp while
// backfilling), the shards OSDs hold, and the state bits Ceph would report for it.
import { CRUSH_ITEM_NONE } from '../crush/crush-map.js';
import type { PgStateName } from './pg-state.js';

/** A copy (replicated, pos -1) or EC shard (pos 0..k+m-1) of the PG on an OSD. */
export interface Shard {
  osd: number;
  pos: number;
  /** Objects this copy lacks. */
  missing: number;
  /** True when the copy is being built from scratch (backfill), false when a log says what it lacks (recovery). */
  backfill: boolean;
}

/** A placement group. */
export interface PlacementGroup {
  poolId: number;
  ps: number;
  id: string;
  /** Up set (replicated: up OSDs in CRUSH order; EC: by position, NONE for holes). */
  up: number[];
  /** Acting set, same shape as up. */
  acting: number[];
  shards: Shard[];
  objects: number;
  bytes: number;
  state: Set<PgStateName>;
  /** Until this time the PG reports `peering` after a map change touched it. */
  peeringUntilMs: number;
  /** When the PG last had no degraded/undersized state (for dump_stuck). */
  lastCleanMs: number;
  /** Since when the PG is in its current (unclean) state. */
  stateSinceMs: number;
}

/** What peering needs to know about the pool and the OSDs. */
export interface PeeringContext {
  positional: boolean;
  size: number;
  minSize: number;
  /** Shards needed to read data: 1 (replicated) or k. */
  needed: number;
  isUp(osd: number): boolean;
  /** OSDs at or past the backfillfull ratio. */
  isBackfillFull(osd: number): boolean;
}

/** Counts a PG contributes to `ceph status`: object copies, degraded and misplaced copies. */
export interface PgCounts {
  copies: number;
  degraded: number;
  misplaced: number;
}

const NONE = CRUSH_ITEM_NONE;

/** Applies a new raw CRUSH result: computes up, adds empty shards for new members, and re-peers. */
export function applyMapping(pg: PlacementGroup, raw: ArrayLike<number>, ctx: PeeringContext, nowMs: number, peeringMs: number): void {
  const up: number[] = [];
  for (let i = 0; i < ctx.size; i++) {
    const o = raw[i] ?? NONE;
    if (ctx.positional) up.push(o !== NONE && ctx.isUp(o) ? o : NONE);
    else if (o !== NONE && ctx.isUp(o)) up.push(o);
  }
  up.forEach((osd, i) => {
    if (osd === NONE) return;
    const pos = ctx.positional ? i : -1;
    if (!pg.shards.some((s) => s.osd === osd && s.pos === pos)) pg.shards.push({ osd, pos, missing: pg.objects, backfill: pg.objects > 0 });
  });
  const changed = up.join() !== pg.up.join();
  pg.up = up;
  const beforeActing = pg.acting.join();
  pg.acting = chooseActing(pg, ctx);
  if (changed || beforeActing !== pg.acting.join()) pg.peeringUntilMs = Math.max(pg.peeringUntilMs, nowMs + peeringMs);
  updateState(pg, ctx, nowMs);
}

/** Shards on up OSDs that hold every object, or can catch up from the log while serving I/O. */
function usable(s: Shard, ctx: PeeringContext): boolean {
  return ctx.isUp(s.osd) && (s.missing === 0 || !s.backfill);
}

/** The acting set: up members that can serve, with complete old holders standing in (pg_temp) for backfill targets. */
export function chooseActing(pg: PlacementGroup, ctx: PeeringContext): number[] {
  const pos = (i: number) => (ctx.positional ? i : -1);
  if (ctx.positional) {
    return pg.up.map((osd, i) => {
      const own = pg.shards.find((s) => s.osd === osd && s.pos === i);
      if (osd !== NONE && own && usable(own, ctx)) return osd;
      const stand = pg.shards.find((s) => s.pos === i && s.missing === 0 && ctx.isUp(s.osd) && !pg.up.includes(s.osd));
      return stand ? stand.osd : NONE;
    });
  }
  const acting: number[] = [];
  for (const osd of pg.up) {
    const own = pg.shards.find((s) => s.osd === osd && s.pos === pos(0));
    if (own && usable(own, ctx)) acting.push(osd);
  }
  const anyBackfill = pg.up.length > acting.length;
  if (anyBackfill || acting.length < ctx.size) {
    for (const s of pg.shards) {
      if (acting.length >= ctx.size) break;
      if (!acting.includes(s.osd) && s.missing === 0 && ctx.isUp(s.osd)) acting.push(s.osd);
    }
  }
  return acting;
}

/** Degraded copies (missing anywhere) and misplaced copies (held, but not where CRUSH wants them). */
export function pgCounts(pg: PlacementGroup, ctx: PeeringContext): PgCounts {
  const copies = pg.objects * ctx.size;
  let healthy = 0;
  pg.up.forEach((osd, i) => {
    if (osd === NONE) return;
    const s = pg.shards.find((x) => x.osd === osd && x.pos === (ctx.positional ? i : -1));
    if (s && ctx.isUp(osd)) healthy += pg.objects - s.missing;
  });
  const shortfall = copies - healthy;
  let extra = 0;
  pg.acting.forEach((osd, i) => {
    if (osd === NONE) return;
    const inUp = ctx.positional ? pg.up[i] === osd : pg.up.includes(osd);
    if (!inUp) extra += pg.objects;
  });
  const misplaced = Math.min(shortfall, extra);
  return { copies, degraded: shortfall - misplaced, misplaced };
}

/** Recomputes the state bits from the sets, the shards and the clock. */
export function updateState(pg: PlacementGroup, ctx: PeeringContext, nowMs: number, busy: { recovering?: boolean; backfilling?: boolean } = {}): void {
  const s = new Set<PgStateName>();
  const members = pg.acting.filter((o) => o !== NONE).length;
  const holders = pg.shards.filter((x) => x.missing === 0);
  const dataUp = ctx.positional ? new Set(holders.filter((x) => ctx.isUp(x.osd)).map((x) => x.pos)).size : holders.filter((x) => ctx.isUp(x.osd)).length;
  const { degraded } = pgCounts(pg, ctx);
  if (pg.up.every((o) => o === NONE) && pg.shards.length === 0) {
    // no OSD ever took the PG: Ceph reports it `unknown` (no bits) until one does
  } else if (nowMs < pg.peeringUntilMs) {
    s.add('peering');
  } else if (pg.objects > 0 && dataUp < ctx.needed) {
    s.add(holders.length > 0 ? 'down' : 'incomplete');
  } else if (members < ctx.minSize) {
    s.add('undersized').add('degraded').add('peered');
  } else {
    s.add('active');
    if (members < ctx.size) s.add('undersized');
    if (degraded > 0 || members < ctx.size) s.add('degraded');
    if (pg.acting.join() !== pg.up.join()) s.add('remapped');
    const recovery = pg.shards.some((x) => !x.backfill && x.missing > 0 && pg.acting.includes(x.osd));
    const backfill = pg.shards.filter((x) => x.backfill && x.missing > 0 && pg.up.includes(x.osd));
    if (recovery) s.add(busy.recovering ? 'recovering' : 'recovery_wait');
    if (backfill.length) {
      if (busy.backfilling) s.add('backfilling');
      else s.add(backfill.some((x) => ctx.isBackfillFull(x.osd)) ? 'backfill_toofull' : 'backfill_wait');
    }
    if (!s.has('undersized') && !s.has('degraded') && !s.has('remapped') && !recovery && !backfill.length) s.add('clean');
  }
  const before = [...pg.state].sort().join();
  if (before !== [...s].sort().join()) pg.stateSinceMs = nowMs;
  if (s.has('clean')) pg.lastCleanMs = nowMs;
  pg.state = s;
}

/** After backfill: drops copies on OSDs that are no longer in the up set (their space is freed). */
export function trimStrays(pg: PlacementGroup, ctx: PeeringContext): void {
  const complete = pg.up.every((osd, i) => osd !== NONE && pg.shards.some((x) => x.osd === osd && x.pos === (ctx.positional ? i : -1) && x.missing === 0));
  if (!complete || pg.up.length < ctx.size) return;
  pg.shards = pg.shards.filter((x) => (ctx.positional ? pg.up[x.pos] === x.osd : pg.up.includes(x.osd)));
  pg.acting = [...pg.up];
}

/** New PGs of a pool, not yet mapped (`creating`). */
export function newPlacementGroups(poolId: number, pgNum: number, nowMs: number): PlacementGroup[] {
  const pgs: PlacementGroup[] = [];
  for (let ps = 0; ps < pgNum; ps++) {
    pgs.push({ poolId, ps, id: `${poolId}.${ps.toString(16)}`, up: [], acting: [], shards: [], objects: 0, bytes: 0, state: new Set(['creating']), peeringUntilMs: 0, lastCleanMs: nowMs, stateSinceMs: nowMs });
  }
  return pgs;
}

/** True when a PG has something to do: peering, copies missing objects, or stray copies to drop. */
export function needsWork(pg: PlacementGroup, size: number, nowMs: number): boolean {
  return pg.state.has('peering') || pg.peeringUntilMs > nowMs || pg.shards.length > size || pg.shards.some((x) => x.missing > 0);
}
