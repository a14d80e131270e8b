/**
 * Whether a client's I/O to an RBD image stalls: librbd blocks a request whose object
 * lands in an inactive PG (down, incomplete, undersized below min_size) and refuses
 * writes when the pool is full. The guest touches its allocated objects (and the header
 * object 0 when nothing is written yet), so one of them in such a PG stalls the disk.
 */
import type { CephCluster } from '../cluster/ceph-cluster.js';
import { pgOfObject } from '../cluster/object-io.js';
import { objectName, type RbdImage } from './rbd-image-store.js';

/** True when I/O to the image would block or fail. */
export function imageIoBlocked(c: CephCluster, img: RbdImage): boolean {
  const pool = img.dataPoolId ?? img.poolId;
  if (c.poolFull(pool)) return true;
  const objects = img.objects.size ? [...img.objects.keys()] : [0];
  return objects.some((n) => !pgOfObject(c, pool, objectName(img, n)).state.has('active'));
}
