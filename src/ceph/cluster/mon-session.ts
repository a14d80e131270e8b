// Whether a client (the `ceph` and `rbd` tools) can open a session with the monitors. Without a
// quorum no monitor answers authentication: the tool hunts through the monmap until
// client_mount_timeout (300 s, ceph/ceph src/common/options/global.yaml.in) and librados
// raises TimedOut, which the tool prints and exits 1 on (ceph.in's connect error path).
import type { CephCluster } from './ceph-cluster.js';

/** client_mount_timeout, seconds. */
export const CLIENT_MOUNT_TIMEOUT_SEC = 300;

/** What the tool prints when it cannot reach a quorum (stderr), or undefined when it can. */
export function monSessionError(c: CephCluster): string | undefined {
  if (c.quorum().length) return undefined;
  // The client's log prefix: timestamp, thread id, debug level.
  const at = new Date(c.nowMs + CLIENT_MOUNT_TIMEOUT_SEC * 1000).toISOString().replace('Z', '+0000');
  const thread = `7f${c.fsid.replace(/[^0-9a-f]/g, '').slice(0, 10).padEnd(10, '0')}`;
  return `${at} ${thread}  0 monclient(hunting): authenticate timed out after ${CLIENT_MOUNT_TIMEOUT_SEC}\n[errno 110] RADOS timed out (error connecting to the cluster)\n`;
}
