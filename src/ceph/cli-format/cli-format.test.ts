import { beforeAll, describe, expect, it } from 'vitest';
import { loadClusterDefinition, type ClusterDefinition } from '../../twin/inventory/index.js';
import { storyCluster } from '../cluster/story-fixture.js';
import { bytesU, cFixed, siU, weightF, ageStr } from './units.js';
import { textTable } from './text-table.js';
import { formatHealthDetail, formatStatus, statusJson } from './ceph-status.js';
import { formatDf, formatDumpStuck, formatPgStat, formatWatch } from './df-and-pgs.js';
import { formatOsdDf, formatOsdTree } from './osd-views.js';

let def: ClusterDefinition;
beforeAll(async () => {
  def = await loadClusterDefinition('examples/ove-prod-01');
});

describe('Ceph number formats', () => {
  it('prints bytes as byte_u_t does', () => {
    expect(bytesU(0)).toBe('0 B');
    expect(bytesU(2 ** 30)).toBe('1 GiB');
    expect(bytesU(108 * 2 ** 30)).toBe('108 GiB');
    expect(bytesU(3.84e12)).toBe('3.5 TiB');
    expect(bytesU(414.72e12)).toBe('377 TiB');
    expect(bytesU(5.3 * 2 ** 20)).toBe('5.3 MiB');
    expect(bytesU(1023 * 2 ** 30 + 1)).toBe('1023 GiB');
  });
  it('prints counts, weights and ages as Ceph does', () => {
    expect(siU(5004)).toBe('5.00k');
    expect(siU(15012)).toBe('15.01k');
    expect(siU(15000)).toBe('15k');
    expect(siU(999)).toBe('999');
    expect(weightF(228884 / 65536)).toBe('3.49249');
    expect(weightF(0)).toBe('0');
    expect(cFixed(2.5, 0)).toBe('2');
    expect(cFixed(0.125, 2)).toBe('0.12');
    expect(ageStr(5_000)).toBe('5s');
    expect(ageStr(15 * 60_000)).toBe('15m');
    expect(ageStr(3 * 3600_000)).toBe('3h');
  });
  it('lays out a TextTable like the IBM Storage Ceph 7 `ceph df` example', () => {
    const l = (heading: string) => ({ heading, align: 'left' as const });
    const r = (heading: string) => ({ heading, align: 'right' as const });
    const t = textTable([l('CLASS'), r('SIZE'), r('AVAIL'), r('USED'), r('RAW USED'), r('%RAW USED')], [
      ['hdd', '5 TiB', '2.9 TiB', '2.1 TiB', '2.1 TiB', '42.98'],
      ['TOTAL', '5 TiB', '2.9 TiB', '2.1 TiB', '2.1 TiB', '42.98'],
    ]);
    // https://www.ibm.com/docs/en/storage-ceph/9.9.1?topic=monitoring-understanding-storage-clusters-usage-stats
    expect(t).toBe([
      'CLASS   SIZE    AVAIL     USED  RAW USED  %RAW USED',
      'hdd    5 TiB  2.9 TiB  2.1 TiB   2.1 TiB      42.98',
      'TOTAL  5 TiB  2.9 TiB  2.1 TiB   2.1 TiB      42.98',
      '',
    ].join('\n'));
  });
});

describe('the story cluster through the ceph CLI formats', () => {
  it('prints ceph status for the healthy 108-OSD cluster', () => {
    const c = storyCluster(def);
    c.step(15 * 60_000);
    expect(formatStatus(c)).toBe([
      '  cluster:',
      '    id:     a1b2c3d4-e5f6-7890-abcd-ef1234567890',
      '    health: HEALTH_OK',
      ' ',
      '  services:',
      '    mon: 3 daemons, quorum a,b,c (age 15m)',
      '    mgr: a(active, since 15m)',
      '    osd: 108 osds: 108 up (since 15m), 108 in (since 15m)',
      ' ',
      '  data:',
      '    pools:   3 pools, 257 pgs',
      '    objects: 0 objects, 0 B',
      '    usage:   108 GiB used, 377 TiB / 377 TiB avail',
      '    pgs:     257 active+clean',
      ' ',
      '',
    ].join('\n'));
    expect(statusJson(c)).toMatchObject({ health: { status: 'HEALTH_OK' }, osdmap: { num_osds: 108, num_up_osds: 108, num_in_osds: 108 }, pgmap: { num_pgs: 257, bytes_total: 414_720_000_000_000 } });
  });

  it('prints the failure through health detail, pg stat, dump_stuck and -w', () => {
    const c = storyCluster(def);
    for (let i = 0; i < 300; i++) c.writeObject(2, `rbd_data.abc.${i.toString(16).padStart(16, '0')}`, 4 << 20, true);
    const t0 = c.nowMs;
    c.failOsd(47);
    c.step(3000);
    const detail = formatHealthDetail(c).split('\n');
    expect(detail[0]).toMatch(/^HEALTH_WARN 1 osds down; Degraded data redundancy: \d+\/900 objects degraded \(\d+\.\d{3}%\), \d+ pgs degraded, \d+ pgs undersized$/);
    expect(detail[1]).toBe('[WRN] OSD_DOWN: 1 osds down');
    expect(detail[2]).toBe('    osd.47 (root=default,rack=rack0,host=worker-4) is down');
    expect(detail.some((l) => /^ {4}pg 2\.[0-9a-f]+ is active\+undersized\+degraded, acting \[\d+,\d+\]$/.test(l))).toBe(true);
    expect(formatPgStat(c)).toMatch(/^257 pgs: 247 active\+clean, 10 active\+undersized\+degraded; 1.2 GiB data, \S+ GiB used, 377 TiB \/ 377 TiB avail; \d+\/900 objects degraded/);
    expect(formatDumpStuck(c)).toBe('ok\n');
    c.step(60_000);
    expect(formatDumpStuck(c).split('\n')[0]).toBe('PG_STAT  STATE                       UP                      UP_PRIMARY  ACTING                  ACTING_PRIMARY');
    const watch = formatWatch(c, t0).split('\n');
    expect(watch[0]).toBe('2026-03-18T14:00:03.100000+0000 mon.a [INF] osd.47 failed (root=default,rack=rack0,host=worker-4) (connection refused reported by osd.46)');
    expect(watch[1]).toBe('2026-03-18T14:00:03.100000+0000 mon.a [WRN] Health check failed: 1 osds down (OSD_DOWN)');
  });

  it('prints osd tree, osd df and df with the right capacity', () => {
    const c = storyCluster(def);
    const tree = formatOsdTree(c).split('\n');
    expect(tree[0]).toBe('ID   CLASS  WEIGHT     TYPE NAME              STATUS  REWEIGHT  PRI-AFF');
    expect(tree[1]).toBe(' -1         377.18921  root default                                    ');
    expect(tree[2]).toBe(' -2         125.72974      rack rack0                                  ');
    expect(tree[4]).toBe('  0    ssd    3.49249              osd.0          up   1.00000  1.00000');
    const df = formatOsdDf(c).split('\n');
    expect(df[0]).toBe('ID   CLASS  WEIGHT   REWEIGHT  SIZE     RAW USE  DATA  OMAP  META     AVAIL    %USE  VAR   PGS  STATUS');
    expect(df[1]).toMatch(/^ {2}0 {4}ssd  3\.49249   1\.00000  3\.5 TiB    1 GiB   0 B   0 B    1 GiB  3\.5 TiB  0\.03  1\.00 +\d+      up$/);
    expect(df.at(-2)).toBe('MIN/MAX VAR: 1.00/1.00  STDDEV: 0');
    const d = formatDf(c).split('\n');
    expect(d.slice(0, 4)).toEqual([
      '--- RAW STORAGE ---',
      'CLASS     SIZE    AVAIL     USED  RAW USED  %RAW USED',
      'ssd    377 TiB  377 TiB  108 GiB   108 GiB       0.03',
      'TOTAL  377 TiB  377 TiB  108 GiB   108 GiB       0.03',
    ]);
    expect(d[4]).toBe(' ');
    expect(d[8]).toBe('ocs-storagecluster-cephblockpool   2  128     0 B        0   0 B      0    119 TiB');
    expect(d[9]).toBe('ceph-ec-data-pool                  3  128     0 B        0   0 B      0    239 TiB');
  });
});

describe('-f json views', () => {
  it('dump osd tree, osd df, health and pg stat with Ceph field names', async () => {
    const { osdTreeJson, osdDfJson, healthJson, pgStatJson } = await import('./json-views.js');
    const c = storyCluster(def);
    const tree = osdTreeJson(c) as { nodes: Record<string, unknown>[] };
    expect(tree.nodes[0]).toMatchObject({ id: -1, name: 'default', type: 'root', type_id: 11 });
    expect(tree.nodes.find((n) => n.id === 47)).toMatchObject({ name: 'osd.47', type: 'osd', device_class: 'ssd', status: 'up', reweight: 1 });
    const df = osdDfJson(c) as { nodes: Record<string, number>[]; summary: Record<string, number> };
    expect(df.nodes[0]).toMatchObject({ id: 0, kb: 3_750_000_000, kb_used: 1_048_576, kb_avail: 3_748_951_424 });
    expect(df.summary.total_kb).toBe(405_000_000_000);
    c.failOsd(47);
    c.step(3000);
    expect(Object.keys((healthJson(c) as { checks: object }).checks)).toEqual(['OSD_DOWN', 'PG_DEGRADED']);
    expect(pgStatJson(c)).toMatchObject({ num_pgs: 257, raw_bytes: 414_720_000_000_000 });
  });

  it('logs the mgr pgmap summary at DBG when PG states change', () => {
    const c = storyCluster(def);
    const t0 = c.nowMs;
    c.failOsd(47);
    c.step(3000);
    const lines = formatWatch(c, t0, 'DBG').split('\n').filter((l) => l.includes('mgr.a [DBG] pgmap v'));
    expect(lines.at(-1)).toMatch(/ mgr\.a \[DBG\] pgmap v\d+: 257 pgs: 247 active\+clean, 10 active\+undersized\+degraded; 0 B data, 108 GiB used, 377 TiB \/ 377 TiB avail$/);
  });
});
