// PG state bits and their printed form (ceph/ceph src/osd/osd_types.h PG_STATE_*, and
// osd_types.cc pg_state_string, which joins the set names with '+' in this order).

/** The names pg_state_string prints, in its order. */
export const PG_STATE_ORDER = [
  'stale', 'creating', 'active', 'activating', 'clean', 'recovery_wait', 'recovery_toofull', 'recovering',
  'forced_recovery', 'down', 'recovery_unfound', 'backfill_unfound', 'undersized', 'degraded', 'remapped',
  'premerge', 'scrubbing', 'deep', 'inconsistent', 'peering', 'repair', 'backfill_wait', 'backfilling',
  'forced_backfill', 'backfill_toofull', 'incomplete', 'peered', 'snaptrim', 'snaptrim_wait', 'snaptrim_error',
  'failed_repair', 'laggy', 'wait',
] as const;

/** A PG state name. */
export type PgStateName = (typeof PG_STATE_ORDER)[number];

/** A PG's state as a set of names. */
export type PgState = ReadonlySet<PgStateName>;

/** pg_state_string: the set names joined with '+' in Ceph's order; no bits prints `unknown`. */
export function pgStateString(state: PgState): string {
  const parts = PG_STATE_ORDER.filter((s) => state.has(s));
  return parts.length ? parts.join('+') : 'unknown';
}

/** A PG is active (serves I/O) when it has the `active` bit. */
export function isActive(state: PgState): boolean {
  return state.has('active');
}
