// `rbd ls`, `rbd info`, `rbd snap ls` and `rbd config image list` (ceph/ceph src/tools/rbd/action/*.cc).
import type { CephCluster } from '../cluster/ceph-cluster.js';
import type { RbdImage, RbdImageStore } from '../rbd/rbd-image-store.js';
import { textTable } from './text-table.js';
import { bytesU } from './units.js';

/** ctime(3)-style stamp in UTC as rbd prints timestamps: `Wed Mar 18 14:47:12 2026`. */
export function ctimeUtc(ms: number): string {
  const d = new Date(ms);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const t = d.toISOString().slice(11, 19);
  return `${day} ${mon} ${String(d.getUTCDate()).padStart(2, ' ')} ${t} ${d.getUTCFullYear()}`;
}

/** `rbd ls POOL`. */
export function formatRbdLs(store: RbdImageStore, poolId: number): string {
  return store.list(poolId).map((n) => `${n}\n`).join('');
}

/** `rbd info POOL/IMAGE`. */
export function formatRbdInfo(c: CephCluster, img: RbdImage, store: RbdImageStore): string {
  const objSize = 2 ** img.order;
  const objects = Math.ceil(img.sizeBytes / objSize);
  const op: string[] = [];
  if (img.parent) op.push('clone-child');
  if (store.children(img).length) op.push('clone-parent');
  const lines = [
    `rbd image '${img.name}':`,
    `\tsize ${bytesU(img.sizeBytes)} in ${objects} objects`,
    `\torder ${img.order} (${bytesU(objSize)} objects)`,
    `\tsnapshot_count: ${img.snaps.length}`,
    `\tid: ${img.id}`,
  ];
  if (img.dataPoolId !== undefined) lines.push(`\tdata_pool: ${c.pool(img.dataPoolId).def.name}`);
  lines.push(
    `\tblock_name_prefix: rbd_data.${img.dataPoolId !== undefined ? `${img.poolId}.` : ''}${img.id}`,
    '\tformat: 2',
    `\tfeatures: ${img.features.join(', ')}`,
    `\top_features: ${op.join(', ')}`,
    '\tflags: ',
    `\tcreate_timestamp: ${ctimeUtc(img.createdMs)}`,
    `\taccess_timestamp: ${ctimeUtc(img.modifiedMs)}`,
    `\tmodify_timestamp: ${ctimeUtc(img.modifiedMs)}`,
  );
  if (img.parent) lines.push(`\tparent: ${c.pool(img.parent.poolId).def.name}/${img.parent.image}@${img.parent.snap}`, `\toverlap: ${bytesU(img.parent.overlap)}`);
  return `${lines.join('\n')}\n`;
}

/** `rbd info -f json` with librbd's field names. */
export function rbdInfoJson(c: CephCluster, img: RbdImage): Record<string, unknown> {
  return {
    name: img.name, id: img.id, size: img.sizeBytes, objects: Math.ceil(img.sizeBytes / 2 ** img.order), order: img.order, object_size: 2 ** img.order,
    snapshot_count: img.snaps.length, block_name_prefix: `rbd_data.${img.id}`, format: 2, features: img.features, op_features: img.parent ? ['clone-child'] : [], flags: [],
    create_timestamp: ctimeUtc(img.createdMs), access_timestamp: ctimeUtc(img.modifiedMs), modify_timestamp: ctimeUtc(img.modifiedMs),
    ...(img.dataPoolId !== undefined ? { data_pool: c.pool(img.dataPoolId).def.name } : {}),
    ...(img.parent ? { parent: { pool: c.pool(img.parent.poolId).def.name, pool_namespace: '', image: img.parent.image, snapshot: img.parent.snap, overlap: img.parent.overlap } } : {}),
  };
}

/** `rbd snap ls POOL/IMAGE`. */
export function formatSnapLs(img: RbdImage): string {
  if (!img.snaps.length) return '';
  const rows = img.snaps.map((s) => [String(s.id), s.name, bytesU(s.sizeBytes), s.protected ? 'yes' : '', ctimeUtc(s.createdMs)]);
  return textTable([
    { heading: 'SNAPID', align: 'right' }, { heading: 'NAME', align: 'left' }, { heading: 'SIZE', align: 'right', headAlign: 'left' },
    { heading: 'PROTECTED', align: 'left' }, { heading: 'TIMESTAMP', align: 'right', headAlign: 'left' },
  ], rows);
}

/** The QoS options of librbd (src/common/options/rbd.yaml.in) with their defaults. */
export const RBD_QOS_DEFAULTS: Record<string, string> = {
  rbd_qos_bps_burst: '0', rbd_qos_bps_burst_seconds: '1', rbd_qos_bps_limit: '0', rbd_qos_exclude_ops: '0',
  rbd_qos_iops_burst: '0', rbd_qos_iops_burst_seconds: '1', rbd_qos_iops_limit: '0',
  rbd_qos_read_bps_burst: '0', rbd_qos_read_bps_burst_seconds: '1', rbd_qos_read_bps_limit: '0',
  rbd_qos_read_iops_burst: '0', rbd_qos_read_iops_burst_seconds: '1', rbd_qos_read_iops_limit: '0',
  rbd_qos_schedule_tick_min: '50', rbd_qos_write_bps_burst: '0', rbd_qos_write_bps_burst_seconds: '1', rbd_qos_write_bps_limit: '0',
  rbd_qos_write_iops_burst: '0', rbd_qos_write_iops_burst_seconds: '1', rbd_qos_write_iops_limit: '0',
};

/** `rbd config image set POOL/IMAGE KEY VALUE`: only known rbd_qos_* keys with non-negative integers. */
export function rbdConfigImageSet(img: RbdImage, key: string, value: string): void {
  if (!(key in RBD_QOS_DEFAULTS)) throw new RangeError(`rbd: invalid config key: ${key}`);
  if (!/^\d+$/.test(value)) throw new RangeError(`rbd: invalid config value for ${key}: ${value}`);
  img.config.set(key, value);
}

/** `rbd config image list POOL/IMAGE` (the QoS options; SOURCE image where overridden). */
export function formatConfigImageList(img: RbdImage): string {
  const rows = Object.keys(RBD_QOS_DEFAULTS).map((k) => [k, img.config.get(k) ?? RBD_QOS_DEFAULTS[k]!, img.config.has(k) ? 'image' : 'config']);
  return textTable([{ heading: 'NAME', align: 'left' }, { heading: 'VALUE', align: 'left' }, { heading: 'SOURCE', align: 'left' }], rows);
}
