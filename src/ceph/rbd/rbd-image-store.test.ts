import { beforeAll, describe, expect, it } from 'vitest';
import { loadClusterDefinition, type ClusterDefinition } from '../../twin/inventory/index.js';
import { storyCluster } from '../cluster/story-fixture.js';
import { poolUsage } from '../cluster/capacity.js';
import { RbdImageStore, objectName } from './rbd-image-store.js';
import { formatConfigImageList, formatRbdInfo, formatRbdLs, formatSnapLs, rbdConfigImageSet, rbdInfoJson } from '../cli-format/rbd-format.js';

let def: ClusterDefinition;
beforeAll(async () => {
  def = await loadClusterDefinition('examples/ove-prod-01');
});

const MiB = 2 ** 20;
const GiB = 2 ** 30;

describe('RBD images', () => {
  it('are thin: only written 4 MiB objects exist, and they fill the pool', () => {
    const c = storyCluster(def);
    const store = new RbdImageStore(c);
    const img = store.create(2, 'csi-vol-abcd1234', 50 * GiB, { features: ['layering', 'exclusive-lock', 'object-map', 'fast-diff'] });
    expect(store.usedBytes(img)).toBe(0);
    expect(store.write(img, 6 * MiB, 4 * MiB)).toBe(true);
    // bytes 6..10 MiB touch object 1 (4..8 MiB, up to offset 4 MiB) and object 2 (8..10 MiB, 2 MiB)
    expect([...img.objects]).toEqual([[1, 4 * MiB], [2, 2 * MiB]]);
    const pool = poolUsage(c).find((p) => p.id === 2)!;
    expect(pool).toMatchObject({ stored: 6 * MiB, objects: 2, used: 18 * MiB });
    expect(objectName(img, 2)).toBe(`rbd_data.${img.id}.0000000000000002`);
  });

  it('keeps snapshot data when the head is overwritten, clones copy-on-write and flatten copies', () => {
    const c = storyCluster(def);
    const store = new RbdImageStore(c);
    const img = store.create(2, 'test-linux-01-root', 50 * GiB);
    store.write(img, 0, 8 * MiB);
    store.snapCreate(img, 'snap-pre-update');
    store.write(img, 0, 4 * MiB);
    const stored = () => poolUsage(c).find((p) => p.id === 2)!.stored;
    // object 0 was shared with the snapshot: its clone keeps the old 4 MiB
    expect(stored()).toBe(12 * MiB);
    const child = store.clone(img, 'snap-pre-update', 2, 'test-linux-02-root');
    expect(store.usedBytes(child)).toBe(0);
    store.write(child, 4 * MiB, 1 * MiB);
    expect(store.flatten(child)).toBe(true);
    expect(child.parent).toBeUndefined();
    expect([...child.objects].sort((a, b) => a[0] - b[0])).toEqual([[0, 4 * MiB], [1, 5 * MiB - 4 * MiB + 3 * MiB]]);
    expect(() => store.remove(img)).toThrow('image has snapshots');
  });

  it('prints rbd ls, info, snap ls and config like rbd', () => {
    const c = storyCluster(def);
    const store = new RbdImageStore(c);
    const img = store.create(2, 'csi-vol-abcd1234', 50 * GiB, { features: ['layering', 'exclusive-lock', 'object-map', 'fast-diff'] });
    store.create(2, 'csi-vol-0001', GiB);
    expect(formatRbdLs(store, 2)).toBe('csi-vol-0001\ncsi-vol-abcd1234\n');
    expect(formatRbdInfo(c, img, store)).toBe([
      "rbd image 'csi-vol-abcd1234':",
      '\tsize 50 GiB in 12800 objects',
      '\torder 22 (4 MiB objects)',
      '\tsnapshot_count: 0',
      `\tid: ${img.id}`,
      `\tblock_name_prefix: rbd_data.${img.id}`,
      '\tformat: 2',
      '\tfeatures: layering, exclusive-lock, object-map, fast-diff',
      '\top_features: ',
      '\tflags: ',
      '\tcreate_timestamp: Wed Mar 18 14:00:02 2026',
      '\taccess_timestamp: Wed Mar 18 14:00:02 2026',
      '\tmodify_timestamp: Wed Mar 18 14:00:02 2026',
      '',
    ].join('\n'));
    expect(rbdInfoJson(c, img)).toMatchObject({ name: 'csi-vol-abcd1234', size: 50 * GiB, objects: 12800, order: 22, object_size: 4 * MiB, format: 2 });
    store.snapCreate(img, 'snap1');
    expect(formatSnapLs(img)).toBe('SNAPID  NAME   SIZE    PROTECTED  TIMESTAMP               \n     4  snap1  50 GiB             Wed Mar 18 14:00:02 2026\n');
    rbdConfigImageSet(img, 'rbd_qos_iops_limit', '5000');
    expect(formatConfigImageList(img).split('\n')).toContain('rbd_qos_iops_limit                5000   image ');
    expect(() => rbdConfigImageSet(img, 'rbd_qos_iops_limit', 'lots')).toThrow('invalid config value');
  });
});
