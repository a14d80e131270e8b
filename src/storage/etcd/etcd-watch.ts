/** startEtcdWatch: one contract watch on an etcd3 Watcher (start revision, prev_kv, error mapping). */
import type { Etcd3, Watcher } from 'etcd3';
import { CompactedError, type Watch, type WatchHandlers } from '../backend.js';
import { isCompactedWatchError, prefixEnd, type KeySpace } from './etcd-convert.js';

/** Watches `prefix` for revisions after `fromRevision`; `compacted` resolves the compacted revision for the error. */
export function startEtcdWatch(
  client: Etcd3,
  keys: KeySpace,
  prefix: string,
  fromRevision: number,
  handlers: WatchHandlers,
  compacted: () => Promise<number>,
): Watch {
  const start = keys.full(prefix);
  const watcher: Watcher = client
    .watch()
    .inRange({ start, end: prefixEnd(start) })
    .startRevision(String(fromRevision + 1))
    .withPreviousKV()
    .watcher();
  let open = true;
  let detached = false;
  watcher.on('data', (res) => {
    // Progress notifications (etcd3 sets progress_notify) carry no events.
    if (!open || !res.events.length) return;
    handlers.onEvents(res.events.map((ev) => keys.event(ev)));
  });
  watcher.on('error', (err) => {
    if (!open) return;
    open = false;
    // The client already dropped a cancelled watcher; awaiting cancel() then never resolves.
    detached = true;
    if (!isCompactedWatchError(err)) {
      handlers.onError(err);
      return;
    }
    compacted().then(
      (rev) => handlers.onError(new CompactedError(fromRevision, rev)),
      () => handlers.onError(new CompactedError(fromRevision, 0)),
    );
  });
  return {
    cancel() {
      open = false;
      if (!detached) {
        detached = true;
        watcher.cancel().catch(() => undefined);
      }
    },
  };
}
