import { beforeAll, describe, expect, it } from 'vitest';
import { loadClusterDefinition, type ClusterDefinition } from '../../twin/inventory/index.js';
import { crushWeightForSize } from './crush-weight.js';
import { odfRacks, topologyFromDefinition } from './topology.js';
import { autoscalePools, nearestPowerOfTwo } from './pg-autoscaler.js';
import { defaultMinSize } from './pool.js';
import { strHashRjenkins } from './str-hash.js';
import { objectHashToPs } from '../crush/pg.js';
import { storyCluster } from './story-fixture.js';
import { poolUsage, rawStorage, ruleAvail } from './capacity.js';

let def: ClusterDefinition;
beforeAll(async () => {
  def = await loadClusterDefinition('examples/ove-prod-01');
});

describe('cluster building blocks', () => {
  it('gives a 3.84 TB drive the CRUSH weight Ceph registers (3.4925 TiB -> 228884/65536)', () => {
    // 3.84e12 / 2^40 = 3.492459..., printed "%.4lf" = 3.4925, (int)(3.4925f * 65536f) = 228884
    expect(crushWeightForSize(3.84e12)).toBe(228884);
  });

  it('places nodes in ODF virtual racks round-robin and numbers OSDs host by host', () => {
    expect(odfRacks(5)).toEqual(['rack0', 'rack1', 'rack2', 'rack0', 'rack1']);
    const hosts = topologyFromDefinition(def);
    expect(hosts).toHaveLength(9);
    expect(hosts[4]).toMatchObject({ name: 'worker-5', rack: 'rack1', bondGbps: 50, linkGbps: 25 });
    expect(hosts[4]!.osds.map((o) => o.id)).toEqual([48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59]);
  });

  it('sets min_size as the mon does', () => {
    expect(defaultMinSize('replicated', 3)).toBe(2);
    expect(defaultMinSize('erasure', 6, 4, 2)).toBe(5);
  });

  it('hashes object names to the PGs osdmaptool 16.2.15 prints (pg_num 192)', () => {
    // osdmaptool --createsimple 12 --with-default-pool --pg-bits 4; --test-map-object NAME --pool 1
    const got = ['foo', 'rbd_data.10ab3c4d5e6f.0000000000000000', 'a', 'abcdefghijkl', 'rbd_header.1234'].map((n) => objectHashToPs(strHashRjenkins(n), 192).toString(16));
    expect(got).toEqual(['6', '59', '18', 'a5', '1f']);
  });

  it('autoscales the story pools: the block pool alone carries a target ratio, so it takes all 10800 PGs', () => {
    expect(nearestPowerOfTwo(3600)).toBe(4096);
    expect(nearestPowerOfTwo(1764)).toBe(2048);
    const pool = (id: number, name: string, size: number, extra = {}) => ({ pool: { id, name, kind: 'replicated' as const, size, minSize: 2, ruleId: 0, pgNum: 32, application: 'rbd', autoscale: 'on' as const, ...extra }, rawUsedBytes: 0 });
    const r = autoscalePools([pool(1, '.mgr', 3, { pgNum: 1, pgNumMin: 1, pgNumMax: 32 }), pool(2, 'block', 3, { targetSizeRatio: 0.49 }), pool(3, 'ec', 6)], 108, 414.72e12, { targetPgPerOsd: 100, threshold: 3, pgNumMin: 32 });
    // effective ratio 0.49/0.49 = 1 -> 10800 PGs / size 3 = 3600 -> 4096; the EC pool gets what is left (0) -> 32.
    expect(r.map((x) => x.pgNumFinal)).toEqual([1, 4096, 32]);
    expect(r.map((x) => x.wouldAdjust)).toEqual([false, true, false]);
  });
});

describe('capacity of the story cluster', () => {
  it('raw is 108 x 3.84 TB = 414.72e12 B (377 TiB), 1 GiB BlueStore base each', () => {
    const c = storyCluster(def);
    const raw = rawStorage(c);
    expect(raw.total.size).toBe(414_720_000_000_000);
    expect(raw.total.used).toBe(108 * 2 ** 30);
  });

  it('MAX AVAIL follows get_rule_avail by hand', () => {
    const c = storyCluster(def);
    // kb = 3.84e12/1024 = 3750000000; kb_avail = (3.84e12 - 2^30)/1024 = 3748951424
    // unusable = kb * (1 - (float)0.95) = 3750000000 * 0.050000011920928955
    const unusable = 3750000000 * (1 - Math.fround(0.95));
    const avail = (3748951424 - unusable) * 1024;
    const share = Math.fround(228884 / (108 * 228884)); // float 1/108
    const expected = Math.trunc(avail / share);
    expect(ruleAvail(c)).toBe(expected);
    const pools = poolUsage(c);
    expect(pools[1]!.maxAvail).toBe(Math.trunc(expected / 3));
    expect(pools[2]!.maxAvail).toBe(Math.trunc(expected / 1.5));
    expect(pools[1]!.maxAvail).toBeGreaterThan(131e12);
  });

  it('the fullest OSD bounds MAX AVAIL', () => {
    const c = storyCluster(def);
    const before = ruleAvail(c);
    let n = 0;
    for (let i = 0; n < 400; i++) if (c.writeObject(2, `rbd_data.aa.${i.toString(16).padStart(16, '0')}`, 4 << 20, true)) n++;
    const usage = c.usage();
    const fullest = Math.min(...[...usage.values()].map((u) => u.avail));
    const kbAvail = Math.floor(fullest / 1024);
    const expected = Math.trunc(((kbAvail - 3750000000 * (1 - Math.fround(0.95))) * 1024) / Math.fround(1 / 108));
    expect(ruleAvail(c)).toBe(expected);
    expect(ruleAvail(c)).toBeLessThan(before);
  });
});
