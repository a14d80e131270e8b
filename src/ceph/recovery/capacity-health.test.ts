import { describe, expect, it } from 'vitest';
import { CephCluster } from '../cluster/ceph-cluster.js';
import type { HostSpec } from '../cluster/topology.js';
import { healthReport } from './health.js';
import { formatStatus } from '../cli-format/ceph-status.js';

const GiB = 2 ** 30;

function small(): CephCluster {
  const hosts: HostSpec[] = ['a', 'b', 'c'].map((h, i) => ({
    name: `node-${h}`, rack: `rack${i}`, bondGbps: 50, linkGbps: 25,
    osds: [{ id: i, host: `node-${h}`, device: 'vdb', sizeBytes: 10 * GiB, deviceClass: 'ssd' }],
  }));
  const c = new CephCluster({ fsid: 'f', hosts, nowMs: 0 });
  c.createPool({ name: 'rbd', kind: 'replicated', pgNum: 8, failureDomain: 'host' });
  c.step(2000);
  return c;
}

describe('full ratios and daemons in health', () => {
  it('warns at nearfull, errs at full, and then refuses writes', () => {
    const c = small();
    const seen: string[] = [];
    let refused = false;
    for (let i = 0; i < 4000 && !refused; i++) {
      refused = !c.writeObject(1, `obj.${i}`, 4 << 20, true);
      if (i % 16 === 15) {
        c.step(1000);
        for (const k of healthReport(c).checks) if (!seen.includes(k.code)) seen.push(k.code);
      }
    }
    expect(refused).toBe(true);
    // 10 GiB OSDs with 1 GiB BlueStore base: nearfull at 8.5 GiB, backfillfull at 9, full at 9.5
    expect(seen).toEqual(['OSD_NEARFULL', 'POOL_NEARFULL', 'OSD_BACKFILLFULL', 'OSD_FULL', 'POOL_FULL']);
    const h = healthReport(c);
    expect(h.status).toBe('HEALTH_ERR');
    expect(h.checks.find((k) => k.code === 'OSD_FULL')!.summary).toBe('3 full osd(s)');
  });

  it('reports a monitor out of quorum', () => {
    const c = small();
    c.step(60_000);
    c.setMonUp('c', false);
    c.step(5000);
    const h = healthReport(c);
    expect(h.checks[0]).toMatchObject({ code: 'MON_DOWN', summary: '1/3 mons down, quorum a,b' });
    expect(formatStatus(c)).toContain('    mon: 3 daemons, quorum a,b (age 5s), out of quorum: c\n');
  });
});

describe('without a monitor quorum', () => {
  it('an OSD failure is not committed until the quorum returns', () => {
    const c = small();
    c.setMonUp('b', false);
    c.setMonUp('c', false);
    c.failOsd(1);
    c.step(10_000);
    expect(c.osd(1).up).toBe(true);
    c.setMonUp('b', true);
    c.step(1000);
    expect(c.osd(1).up).toBe(false);
  });
});

describe('managers', () => {
  it('a standby takes over when the active mgr stops; none left raises MGR_DOWN', () => {
    const hosts: HostSpec[] = [{ name: 'n', rack: 'r', bondGbps: 50, linkGbps: 25, osds: [{ id: 0, host: 'n', device: 'vdb', sizeBytes: GiB, deviceClass: 'ssd' }] }];
    const c = new CephCluster({ fsid: 'f', hosts, nowMs: 0, mgrs: ['a', 'b'] });
    c.step(120_000);
    expect(formatStatus(c)).toContain('    mgr: a(active, since 2m), standbys: b\n');
    c.setMgrUp('a', false);
    c.step(5000);
    expect(formatStatus(c)).toContain('    mgr: b(active, since 5s)\n');
    c.setMgrUp('b', false);
    expect(healthReport(c).checks.map((k) => k.code)).toContain('MGR_DOWN');
  });
});
