/**
 * The sqlite file layout: kine's append-only log table plus a `current` index of each live
 * key's latest row and a `meta` table for the compacted revision.
 *
 * `log` follows kine's schema (k3s-io/kine `pkg/drivers/sqlite/sqlite.go`): `id` is the global
 * revision, deletes are rows with `deleted = 1`, `prev_revision` links a key's rows, and
 * UNIQUE(name, prev_revision) makes two writes from the same previous row impossible.
 * kine's `lease` column is left out (no leases here). kine lists with a `MAX(id) ... GROUP BY
 * name` join over the log (`pkg/drivers/generic/generic.go`), which slows down as history grows
 * (canonical/microk8s#3227); `current` is maintained in the write transaction instead, so a
 * latest LIST is an index range scan over live keys only.
 */
import Database from 'better-sqlite3';

const DDL = `
CREATE TABLE IF NOT EXISTS log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  created INTEGER NOT NULL,
  deleted INTEGER NOT NULL,
  create_revision INTEGER NOT NULL,
  prev_revision INTEGER NOT NULL,
  value BLOB NOT NULL,
  old_value BLOB
);
CREATE INDEX IF NOT EXISTS log_name_id ON log (name, id);
CREATE UNIQUE INDEX IF NOT EXISTS log_name_prev_revision ON log (name, prev_revision);
CREATE TABLE IF NOT EXISTS current (
  name TEXT PRIMARY KEY,
  id INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
`;

/** Opens (creating if needed) a storage file: WAL, fsync on every commit, one owning process. */
export function openDatabase(path: string, cacheMiB = 64): Database.Database {
  // The owner never releases its lock, so waiting for it is pointless: fail fast.
  const db = new Database(path, { timeout: 200 });
  try {
    // Exclusive locking before the first WAL access: no shared-memory index, and a second
    // process cannot write behind our back (watches are fed in-process after commit).
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    // NORMAL: SQLite does not sync the WAL at commit (sqlite.org/pragma.html#pragma_synchronous);
    // SqliteBackend fdatasyncs the WAL itself after every batch, off the event loop, and
    // acknowledges nothing before that, so an acknowledged write survives power loss as with
    // FULL. (kine runs NORMAL without the extra sync, which may lose the last commits.)
    db.pragma('synchronous = NORMAL');
    // The default 2 MiB page cache cannot hold 5,000 objects of 2 KiB, so every LIST re-read
    // its pages from the OS; 64 MiB keeps a typical cluster's live rows cached.
    db.pragma(`cache_size = -${cacheMiB * 1024}`);
    db.exec(DDL);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}
