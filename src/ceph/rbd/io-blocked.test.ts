import { describe, it, expect } from 'vitest';
import { resolve } from 'node:path';
import { loadClusterDefinition } from '../../twin/inventory/index.js';
import { storyCluster } from '../cluster/story-fixture.js';
import { RbdImageStore } from './rbd-image-store.js';
import { imageIoBlocked } from './io-blocked.js';

const def = await loadClusterDefinition(resolve(import.meta.dirname, '../../../examples/ove-prod-01'));
const MiB = 2 ** 20;

describe('imageIoBlocked()', () => {
  it('is false on a healthy cluster and after losing one failure domain (min_size 2 still met)', () => {
    const c = storyCluster(def);
    const rbd = new RbdImageStore(c);
    const img = rbd.create(1, 'csi-vol-a', 1024 * MiB);
    for (let i = 0; i < 64; i++) expect(rbd.write(img, i * 4 * MiB, 4 * MiB)).toBe(true);
    expect(imageIoBlocked(c, img)).toBe(false);
    // ODF's virtual racks: workers 1/4/7, 2/5/8, 3/6/9. One rack down leaves 2 of 3 copies.
    for (const h of ['worker-1', 'worker-4', 'worker-7']) c.failHost(h, 'crash');
    c.step(30_000);
    expect(imageIoBlocked(c, img)).toBe(false);
  });

  it('is true once PGs the image uses fall below min_size, and writes are refused', () => {
    const c = storyCluster(def);
    const rbd = new RbdImageStore(c);
    const img = rbd.create(1, 'csi-vol-b', 1024 * MiB);
    for (let i = 0; i < 64; i++) rbd.write(img, i * 4 * MiB, 4 * MiB);
    for (const h of ['worker-1', 'worker-4', 'worker-7', 'worker-2', 'worker-5', 'worker-8']) c.failHost(h, 'crash');
    c.step(30_000);
    expect(imageIoBlocked(c, img)).toBe(true);
    expect(rbd.write(img, 0, 4 * MiB)).toBe(false);
  });
});
