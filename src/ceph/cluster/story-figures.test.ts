// The story's chapter 3 and 8 figures, as the model gives them (see docs/ceph.md for the comparison).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadClusterDefinition, type ClusterDefinition } from '../../twin/inventory/index.js';
import { CephCluster } from './ceph-cluster.js';
import { topologyFromDefinition } from './topology.js';
import { storyCluster } from './story-fixture.js';
import { autoscaleStatus } from './autoscale.js';
import { poolUsage } from './capacity.js';
import { healthReport, objectTotals } from '../recovery/health.js';
import { remappedPgs } from '../cli-format/ceph-status.js';
import { OPTIMIZE_NOTHING } from './balancer.js';

let def: ClusterDefinition;
beforeAll(async () => {
  def = await loadClusterDefinition('examples/ove-prod-01');
});

const TiB = 2 ** 40;

describe('chapter 3', () => {
  it('labelling workers 7-9 adds osd.72-107 and moves about a third of the copies', () => {
    const hosts = topologyFromDefinition(def);
    const c = new CephCluster({ fsid: 'f', hosts: hosts.slice(0, 6), nowMs: 0 });
    c.createPool({ name: 'ocs-storagecluster-cephblockpool', kind: 'replicated', pgNum: 256, failureDomain: 'rack' });
    c.step(2000);
    let n = 0;
    for (let i = 0; n < 3000; i++) if (c.writeObject(1, `rbd_data.1.${i.toString(16).padStart(16, '0')}`, 4 << 20, true)) n++;
    for (const h of hosts.slice(6)) c.addHost(h);
    expect(hosts.slice(6).flatMap((h) => h.osds.map((o) => o.id))).toEqual(Array.from({ length: 36 }, (_, i) => 72 + i));
    const t = objectTotals(c);
    expect(t.degraded).toBe(0);
    expect(t.misplaced / t.copies).toBeGreaterThan(0.28);
    expect(t.misplaced / t.copies).toBeLessThan(0.39);
    c.step(1500);
    expect(c.log.some((e) => / starting backfill to osd\.(7[2-9]|[89]\d|10[0-7]) from osd\.\d+$/.test(e.message))).toBe(true);
    c.step(15 * 60_000);
    expect(healthReport(c).status).toBe('HEALTH_OK');
    expect(remappedPgs(c)).toBe(0);
  });

  it('the autoscaler gives 4129 PGs (ODF target_size_ratio .49 on the block pool), not the story\'s 384', () => {
    const c = storyCluster(def);
    expect(autoscaleStatus(c).map((r) => r.pgNumFinal)).toEqual([1, 4096, 32]);
  });

  it('usable capacity: 377.19 TiB raw / 3 = 125.7 TiB, MAX AVAIL 119.4 TiB after the full ratio', () => {
    const c = storyCluster(def);
    expect(414.72e12 / TiB).toBeCloseTo(377.19, 2);
    const block = poolUsage(c).find((p) => p.name === 'ocs-storagecluster-cephblockpool')!;
    expect(block.maxAvail / TiB).toBeCloseTo(119.4, 1);
    const ec = poolUsage(c).find((p) => p.name === 'ceph-ec-data-pool')!;
    expect(ec.maxAvail / TiB).toBeCloseTo(238.8, 1);
  });
});

describe('the upmap balancer and capacity', () => {
  it('with 20 TiB stored, evening the PGs (84-145 -> 109-118 per OSD) lifts the block pool\'s MAX AVAIL from 93.9 to 97.0 TiB', () => {
    const c = storyCluster(def, [1, 4096, 32]);
    let n = 0;
    for (let i = 0; n < 20480; i++) if (c.writeObject(2, `rbd_data.5e3b2c8a1f7d.${i.toString(16).padStart(16, '0')}`, 1 << 30, true)) n++;
    c.step(1000);
    const maxAvail = () => poolUsage(c).find((p) => p.name === 'ocs-storagecluster-cephblockpool')!.maxAvail / TiB;
    expect(maxAvail()).toBeCloseTo(93.9, 1);
    for (let m = 0; m < 60 && c.balancer.optimizeResult !== OPTIMIZE_NOTHING; m++) c.step(60_000);
    expect(c.balancer.optimizeResult).toBe(OPTIMIZE_NOTHING);
    expect(maxAvail()).toBeCloseTo(97.0, 1);
    expect(healthReport(c).status).toBe('HEALTH_OK');
  });
});

describe('chapter 8: osd.47 fails with the story\'s 5,004 objects', () => {
  it('is 107 up / 108 in with nothing remapped, about 1/108 of the copies degraded, and clean within seconds of the out', () => {
    const c = storyCluster(def, [1, 4096, 32]);
    let n = 0;
    for (let i = 0; n < 5004; i++) if (c.writeObject(2, `rbd_data.5e3b2c8a1f7d.${i.toString(16).padStart(16, '0')}`, 4 << 20, true)) n++;
    const t0 = c.nowMs;
    c.failOsd(47);
    c.step(5000);
    const osds = [...c.osds.values()];
    expect([osds.filter((o) => o.up).length, osds.filter((o) => o.in).length, remappedPgs(c)]).toEqual([107, 108, 0]);
    const t = objectTotals(c);
    expect(t.copies).toBe(15012);
    expect(t.degraded / t.copies).toBeGreaterThan(0.006);
    expect(t.degraded / t.copies).toBeLessThan(0.012);
    c.step(600_000 - 5000 + 1100);
    expect(c.osd(47).in).toBe(false);
    let cleanAt = 0;
    for (let i = 0; i < 100 && !cleanAt; i++) {
      c.step(100);
      if (healthReport(c).status === 'HEALTH_OK') cleanAt = c.nowMs;
    }
    // down at +1.1 s, out at +601.1 s, then peering (1 s) and a few MiB per PG at 1200 MiB/s
    expect(cleanAt - t0).toBeGreaterThan(601_100);
    expect(cleanAt - t0).toBeLessThan(605_000);
  });
});
