import { beforeAll, describe, expect, it } from 'vitest';
import { loadClusterDefinition, type ClusterDefinition } from '../../twin/inventory/index.js';
import { storyCluster } from '../cluster/story-fixture.js';
import { RbdImageStore } from '../rbd/rbd-image-store.js';
import { DEFAULT_IO_PARAMS, recordClientIo, solveIo } from './io-model.js';
import { formatStatus } from '../cli-format/ceph-status.js';
import { fioNum, formatFio, runFio, type FioJob } from './fio.js';
import { TokenBucket } from './token-bucket.js';

let def: ClusterDefinition;
beforeAll(async () => {
  def = await loadClusterDefinition('examples/ove-prod-01');
});

const GiB = 2 ** 30;

describe('librbd QoS token bucket', () => {
  it('refills limit x 50 ms per tick and caps at the burst', () => {
    const b = new TokenBucket(5000);
    expect(b.take(8000)).toBe(5000);
    b.refill(49);
    expect(b.take(1000)).toBe(0);
    b.refill(1);
    expect(b.take(1000)).toBe(250);
    b.refill(10_000);
    expect(b.take(1e9)).toBe(5000);
  });
});

describe('fio against the story cluster', () => {
  const job: FioJob = { rw: 'randwrite', bs: 4096, numjobs: 8, iodepth: 32, runtimeSec: 60 };

  it('gives 48.2k IOPS; with 256 I/Os in flight Little\'s law makes the mean 5.31 ms, not 425 us', () => {
    const c = storyCluster(def);
    const img = new RbdImageStore(c).create(2, 'csi-vol-fio', 100 * GiB);
    const r = runFio(job, img, c);
    expect(r.iops).toBeCloseTo(48200, 0);
    expect(r.lat.avg).toBeCloseTo((256 / 48200) * 1e6, 0);
    const out = formatFio(job, r).split('\n');
    expect(out[1]).toBe('  write: IOPS=48.2k, BW=188MiB/s (197MB/s)(11.0GiB/60000msec)');
  });

  it('reproduces the story\'s latency figures at an effective queue depth of 20.5', () => {
    const c = storyCluster(def);
    const img = new RbdImageStore(c).create(2, 'csi-vol-fio', 100 * GiB);
    // 48,200 IOPS x 425.3 us = 20.5 I/Os in flight
    const r = runFio({ ...job, numjobs: 1, iodepth: 20.5 }, img, c);
    expect(r.lat.avg).toBeCloseTo(425.3, 0);
    const p = new Map(r.percentiles);
    expect(p.get(50)).toBeGreaterThan(300);
    expect(p.get(50)).toBeLessThan(350); // story 326
    expect(p.get(99)).toBeGreaterThan(1400);
    expect(p.get(99)).toBeLessThan(2000); // story 1876
  });

  it('caps a noisy image with rbd_qos_iops_limit and the neighbour latency follows the OSD load', () => {
    const c = storyCluster(def);
    const store = new RbdImageStore(c);
    const noisy = store.create(2, 'csi-vol-noisy', 100 * GiB);
    const vm = store.create(2, 'csi-vol-vm', 100 * GiB);
    const loads = [
      { image: noisy, rw: 'randwrite' as const, blockSize: 4096, depth: 64 },
      { image: vm, rw: 'randwrite' as const, blockSize: 4096, depth: 1 },
    ];
    const slow = { ...DEFAULT_IO_PARAMS, osdMaxIops: 2000, clientMaxIops: 40000 };
    const alone = solveIo(c, [loads[1]!], slow).get(vm)!;
    const both = solveIo(c, loads, slow);
    expect(both.get(vm)!.latencyUs).toBeGreaterThan(alone.latencyUs * 2);
    store.get(2, 'csi-vol-noisy').config.set('rbd_qos_iops_limit', '5000');
    const capped = solveIo(c, loads, slow);
    expect(capped.get(noisy)!.iops).toBeCloseTo(5000, 0);
    expect(capped.get(vm)!.latencyUs).toBeLessThan(both.get(vm)!.latencyUs);
    recordClientIo(c, loads, capped, slow);
    const vmIops = capped.get(vm)!.iops;
    expect(formatStatus(c)).toContain(`    client:   0 B/s rd, ${(((5000 + vmIops) * 4096) / 2 ** 20).toFixed(0)} MiB/s wr, 0 op/s rd,`);
    expect(c.clientUtilization(c.pool(2).pgs[0]!.acting[0]!)).toBeGreaterThan(0);
  });

  it('blocks I/O to a pool with inactive PGs', () => {
    const c = storyCluster(def);
    const img = new RbdImageStore(c).create(3, 'csi-vol-bronze', 10 * GiB);
    for (const h of ['worker-1', 'worker-2', 'worker-3']) c.failHost(h, 'crash');
    c.step(3000);
    const r = runFio(job, img, c);
    expect(r.blocked).toBe(true);
    expect(r.iops).toBe(0);
  });

  it('prints numbers as fio num2str does', () => {
    expect(fioNum(48200)).toBe('48.2k');
    expect(fioNum(48200 * 4096, 1024, 'B/s')).toBe('188MiB/s');
    expect(fioNum(48200 * 4096, 1000, 'B/s')).toBe('197MB/s');
    expect(fioNum(999)).toBe('999');
  });
});
