import { beforeAll, describe, expect, it } from 'vitest';
import { loadClusterDefinition, type ClusterDefinition } from '../../twin/inventory/index.js';
import { storyCluster } from '../cluster/story-fixture.js';
import { healthReport, objectTotals } from './health.js';
import { pgStateString } from './pg-state.js';

let def: ClusterDefinition;
beforeAll(async () => {
  def = await loadClusterDefinition('examples/ove-prod-01');
});

const states = (c: ReturnType<typeof storyCluster>) => {
  const m: Record<string, number> = {};
  for (const pg of c.allPgs()) m[pgStateString(pg.state)] = (m[pgStateString(pg.state)] ?? 0) + 1;
  return m;
};

describe('pg_state_string', () => {
  it('joins in Ceph order', () => {
    expect(pgStateString(new Set(['degraded', 'active', 'undersized', 'remapped', 'backfilling']))).toBe('active+undersized+degraded+remapped+backfilling');
    expect(pgStateString(new Set())).toBe('unknown');
  });
});

describe('an OSD failure on the story cluster', () => {
  it('goes down after 1.1 s, out after 600 s, backfills and returns to HEALTH_OK', () => {
    const c = storyCluster(def);
    let n = 0;
    for (let i = 0; n < 5004; i++) if (c.writeObject(2, `rbd_data.5e3b2c8a1f7d.${i.toString(16).padStart(16, '0')}`, 4 << 20, true)) n++;
    expect(objectTotals(c).copies).toBe(15012);
    expect(healthReport(c).status).toBe('HEALTH_OK');
    c.failOsd(47);
    c.step(1000);
    expect(c.osd(47).up).toBe(true);
    c.step(2200);
    expect(c.osd(47).up).toBe(false);
    expect(c.osd(47).in).toBe(true);
    const h = healthReport(c);
    expect(h.status).toBe('HEALTH_WARN');
    expect(h.checks.map((k) => k.code)).toEqual(['OSD_DOWN', 'PG_DEGRADED']);
    expect(h.checks[0]!.summary).toBe('1 osds down');
    const affected = c.allPgs().filter((pg) => pg.state.has('undersized'));
    const t = objectTotals(c);
    // every copy osd.47 held is degraded: its PGs' objects, one copy each
    const held = c.allPgs().filter((pg) => pg.shards.some((s) => s.osd === 47)).reduce((s, pg) => s + pg.objects, 0);
    expect(t.degraded).toBe(held);
    expect(affected.length).toBeGreaterThan(5);
    expect(h.checks[1]!.summary).toBe(`Degraded data redundancy: ${held}/15012 objects degraded (${((held / 15012) * 100).toFixed(3)}%), ${affected.length} pgs degraded, ${affected.length} pgs undersized`);
    expect(Object.keys(states(c))).toContain('active+undersized+degraded');
    c.step(600_000);
    expect(c.osd(47).in).toBe(false);
    c.step(5_000);
    expect(states(c)).toEqual({ 'active+clean': 257 });
    expect(healthReport(c).status).toBe('HEALTH_OK');
    expect(c.log.some((e) => e.message === 'Marking osd.47 out (has been down for 600 seconds)')).toBe(true);
  });

  it('losing three hosts makes EC 4+2 PGs inactive and blocks their writes', () => {
    const c = storyCluster(def);
    for (const h of ['worker-1', 'worker-2', 'worker-3']) c.failHost(h, 'crash');
    c.step(3000);
    const ec = c.pool(3).pgs;
    expect(ec.some((pg) => !pg.state.has('active'))).toBe(true);
    expect(ec.filter((pg) => !pg.state.has('active')).every((pg) => pg.state.has('peered') || pg.state.has('down'))).toBe(true);
    const h = healthReport(c);
    expect(h.checks.find((k) => k.code === 'PG_AVAILABILITY')!.summary).toMatch(/^Reduced data availability: \d+ pgs inactive/);
    expect(h.checks.find((k) => k.code === 'OSD_HOST_DOWN')!.summary).toBe('3 hosts (36 osds) down');
    const blocked = ec.find((pg) => !pg.state.has('active'))!;
    let wrote = 0;
    for (let i = 0; i < 2000; i++) {
      const name = `rbd_data.ec.${i.toString(16).padStart(16, '0')}`;
      if (c.writeObject(3, name, 4 << 20, true)) wrote++;
    }
    expect(wrote).toBeLessThan(2000);
    expect(blocked.objects).toBe(0);
  });

  it('a hung OSD is marked down only after osd_heartbeat_grace (20 s)', () => {
    const c = storyCluster(def);
    c.failOsd(5, 'hang');
    c.step(19_900);
    expect(c.osd(5).up).toBe(true);
    c.step(200);
    expect(c.osd(5).up).toBe(false);
    expect(c.log.some((e) => e.message === 'osd.5 failed (root=default,rack=rack0,host=worker-1) (2 reporters from different host after 20.000 >= grace 20.000)')).toBe(true);
  });

  it('an OSD that comes back before the out interval recovers the writes it missed from the log', () => {
    const c = storyCluster(def);
    c.failOsd(47);
    c.step(3000);
    let wrote = 0;
    for (let i = 0; i < 500; i++) if (c.writeObject(2, `rbd_data.log.${i.toString(16).padStart(16, '0')}`, 4 << 20, true)) wrote++;
    expect(wrote).toBe(500);
    const behind = c.allPgs().filter((pg) => pg.shards.some((s) => s.osd === 47 && s.missing > 0));
    expect(behind.length).toBeGreaterThan(0);
    c.restartOsd(47);
    c.step(1000);
    expect(behind.some((pg) => pg.state.has('recovering') || pg.state.has('recovery_wait'))).toBe(true);
    c.step(5000);
    expect(behind.every((pg) => pgStateString(pg.state) === 'active+clean')).toBe(true);
  });
});

describe('an EC 4+2 pool on ODF\'s three virtual racks', () => {
  it('cannot place six chunks, so its PGs stay undersized+degraded+peered', () => {
    const c = storyCluster(def);
    expect(c.failureDomains('rack')).toBe(3);
    const ec = c.createPool({ name: 'ec-on-racks', kind: 'erasure', k: 4, m: 2, pgNum: 8, failureDomain: 'rack' });
    c.step(2000);
    const states = new Set(c.pool(ec.id).pgs.map((pg) => pgStateString(pg.state)));
    expect([...states]).toEqual(['undersized+degraded+peered']);
    expect(c.pool(ec.id).pgs[0]!.up.filter((o) => o !== 0x7fffffff)).toHaveLength(3);
  });
});
