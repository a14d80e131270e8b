import { describe, it, expect, beforeAll } from 'vitest';
import { resolve } from 'node:path';
import { healthReport, storyCluster, type CephCluster, type PlacementGroup } from '../../ceph/model.js';
import { CRUSH_ITEM_NONE } from '../../ceph/crush/crush-map.js';
import { monSessionError } from '../../ceph/cluster/mon-session.js';
import type { ActiveFault } from '../../twin/faults/reachability.js';
import { loadClusterDefinition, type ClusterDefinition } from '../../twin/inventory/index.js';
import { syncFaults, type DaemonNodes, type HostReach } from './sync-faults.js';

const B14 = ['worker-1', 'worker-2', 'worker-3'];
/** Where the StorageCluster controller puts them: the first node of each ODF rack (workers 1, 2, 3). */
const asDeployed: DaemonNodes = { mons: new Map([['a', 'worker-1'], ['b', 'worker-2'], ['c', 'worker-3']]), mgrs: new Map([['a', 'worker-1']]) };
const inB15: DaemonNodes = { mons: new Map([['a', 'worker-4'], ['b', 'worker-5'], ['c', 'worker-6']]), mgrs: new Map([['a', 'worker-4']]) };
const codes = (c: CephCluster) => healthReport(c).checks.map((k) => k.code);
const osdsOf = (c: CephCluster, hosts: string[]) => [...c.osds.values()].filter((o) => hosts.includes(o.host));
const state = (pg: PlacementGroup) => [...pg.state].sort().join('+');

describe('twin faults on the Ceph engine', () => {
  let def: ClusterDefinition;
  beforeAll(async () => {
    def = await loadClusterDefinition(resolve(import.meta.dirname, '../../../examples/ove-prod-01'));
  });
  const fresh = () => storyCluster(def);
  const sync = (c: CephCluster, faults: ActiveFault[], d = asDeployed, last = new Map<string, HostReach>()) => syncFaults(c, def, faults, d, last);

  it('pdu-b14-a fails, pdu-b14-b trips under the shed load and rack B-14 goes dark: the three MONs there lose quorum and the OSDMap freezes', () => {
    const c = fresh();
    const out = sync(c, [{ kind: 'PDU', name: 'pdu-b14-a' }]);
    expect([...out.hosts].filter(([n]) => n.startsWith('worker')).sort()).toEqual(B14.map((n) => [n, 'dark']));
    expect(out.failed).toHaveLength(36);
    expect(c.quorum()).toEqual([]);
    expect(c.mgrs.every((m) => !m.up)).toBe(true);
    // No quorum, no new OSDMap: the silent OSDs are never marked down, the PG map stays as it was.
    c.step(120_000);
    expect(osdsOf(c, B14).every((o) => o.up && o.daemon === 'hung')).toBe(true);
    expect(monSessionError(c)).toMatch(/monclient\(hunting\): authenticate timed out after 300\n\[errno 110\] RADOS timed out \(error connecting to the cluster\)\n$/);
    // Power back: the MONs re-form the quorum, the daemons start again before anyone marked them down.
    const back = sync(c, []);
    expect(back.restarted).toHaveLength(36);
    expect(c.quorum().map((m) => m.name)).toEqual(['a', 'b', 'c']);
    c.step(30_000);
    expect(monSessionError(c)).toBeUndefined();
    expect(healthReport(c).status).toBe('HEALTH_OK');
  });

  it('rack B-14 dark with the MONs in B-15 gives the PG states of a rack loss; out after 600 s, backfill, and back after the repair', () => {
    const c = fresh();
    const lostOf = (pg: PlacementGroup) => pg.acting.filter((o) => o !== CRUSH_ITEM_NONE && B14.includes(c.osd(o).host)).length;
    const block = [...c.pools.values()].find((p) => p.def.name === 'ocs-storagecluster-cephblockpool')!;
    const ec = [...c.pools.values()].find((p) => p.def.name === 'ceph-ec-data-pool')!;
    for (let i = 0; i < 200; i++) c.writeObject(ec.def.id, `rbd_data.ec.${i.toString(16).padStart(16, '0')}`, 4 << 20, true);
    // Replicated size 3 over ODF's virtual racks (workers 1/4/7, 2/5/8, 3/6/9): B-14 holds one host of each.
    const lostBlock = new Map(block.pgs.map((pg) => [pg.id, lostOf(pg)]));
    const lostEc = new Map(ec.pgs.map((pg) => [pg.id, lostOf(pg)]));
    expect(Math.max(...lostBlock.values())).toBeGreaterThanOrEqual(2);
    sync(c, [{ kind: 'PDU', name: 'pdu-b14-a' }], inB15);
    c.step(19_000);
    expect(osdsOf(c, B14).every((o) => o.up)).toBe(true);
    c.step(3_000);
    expect(osdsOf(c, B14).every((o) => !o.up && o.in)).toBe(true);
    const h = healthReport(c);
    expect(h.checks.find((k) => k.code === 'OSD_DOWN')!.summary).toBe('36 osds down');
    expect(h.checks.find((k) => k.code === 'OSD_HOST_DOWN')!.summary).toBe('3 hosts (36 osds) down');
    // min_size 2 of 3: two copies lost is inactive; one lost stays active, undersized.
    for (const pg of block.pgs) {
      const lost = lostBlock.get(pg.id)!;
      expect(state(pg)).toBe(lost >= 2 ? 'degraded+peered+undersized' : lost === 1 ? 'active+degraded+undersized' : 'active+clean');
    }
    // EC 4+2, min_size k+1 = 5: two shards lost is inactive; three leave fewer than k, so a PG with data is down.
    for (const pg of ec.pgs) {
      const lost = lostEc.get(pg.id)!;
      const want = lost >= 3 && pg.objects > 0 ? 'down' : lost >= 2 ? 'degraded+peered+undersized' : lost === 1 ? 'active+degraded+undersized' : 'active+clean';
      expect(state(pg)).toBe(want);
    }
    expect([...lostEc.values()].filter((n) => n >= 2).length).toBeGreaterThan(ec.pgs.length / 2);
    // 600 s later the mon marks them out, but only while 75 % stay in (mon_osd_min_in_ratio): 27 go
    // out, 9 stay down and in. CRUSH gives the copies of the 27 new homes on the six hosts left.
    c.step(600_000);
    expect(osdsOf(c, B14).filter((o) => !o.in)).toHaveLength(27);
    const moving = () => c.allPgs().some((pg) => ['peering', 'backfilling', 'backfill_wait', 'recovering', 'recovery_wait'].some((x) => pg.state.has(x as never)));
    for (let i = 0; i < 60 && moving(); i++) c.step(60_000);
    expect(block.pgs.every((pg) => pg.state.has('active'))).toBe(true);
    // EC PGs left with three shards of six cannot rebuild their data: they stay down until the hosts return.
    const down = ec.pgs.filter((pg) => pg.state.has('down')).map((pg) => pg.id);
    expect(down.length).toBeGreaterThan(0);
    expect(down).toEqual(ec.pgs.filter((pg) => lostEc.get(pg.id)! >= 3 && pg.objects > 0).map((pg) => pg.id));
    expect(healthReport(c).checks.find((k) => k.code === 'OSD_DOWN')!.summary).toBe('9 osds down');
    // Repair: power returns, the daemons boot, come back in, and data moves back.
    const back = sync(c, [], inB15);
    expect(back.restarted).toHaveLength(36);
    expect(osdsOf(c, B14).every((o) => o.up && o.in)).toBe(true);
    for (let i = 0; i < 120 && healthReport(c).status !== 'HEALTH_OK'; i++) c.step(60_000);
    expect(healthReport(c).status).toBe('HEALTH_OK');
  });

  it('leaf-6 lost: workers 7-9 keep power but are cut off; peers mark their OSDs down after 20 s; back, they were "wrongly marked down" and boot', () => {
    const c = fresh();
    const cut = ['worker-7', 'worker-8', 'worker-9'];
    const last = new Map<string, HostReach>();
    const out = sync(c, [{ kind: 'Switch', name: 'leaf-6' }], asDeployed, last);
    expect([...out.hosts].sort()).toEqual(cut.map((n) => [n, 'cut-off']));
    expect(c.quorum()).toHaveLength(3);
    c.step(22_000);
    expect(osdsOf(c, cut).every((o) => !o.up)).toBe(true);
    expect(healthReport(c).checks.find((k) => k.code === 'OSD_HOST_DOWN')!.summary).toBe('3 hosts (36 osds) down');
    expect(c.log.some((l) => l.message.startsWith('osd.72 failed (root=default,rack=rack0,host=worker-7) (2 reporters from different host after 20.000 >= grace 20.000)'))).toBe(true);
    const back = sync(c, [], asDeployed, last);
    expect(back.restarted).toHaveLength(36);
    expect(c.log.filter((l) => l.level === 'WRN' && / down, but it is still running$/.test(l.message))).toHaveLength(36);
    expect(osdsOf(c, cut).every((o) => o.up)).toBe(true);
    c.step(30_000);
    expect(healthReport(c).status).toBe('HEALTH_OK');
  });

  it('one leg of the bond changes nothing; losing both legs\' links cuts the host off, and its MON out of quorum', () => {
    const c = fresh();
    const oneLeg = sync(c, [{ kind: 'Link', name: 'worker-2:ens1f0' }]);
    expect(oneLeg.hosts.size).toBe(0);
    expect(oneLeg.failed).toEqual([]);
    const both = sync(c, [{ kind: 'Link', name: 'worker-2:ens1f0' }, { kind: 'Link', name: 'leaf-3:Ethernet1/4' }]);
    expect([...both.hosts]).toEqual([['worker-2', 'cut-off']]);
    expect(both.failed).toHaveLength(12);
    expect(c.mons.find((m) => m.name === 'b')!.up).toBe(false);
    expect(c.quorum().map((m) => m.name)).toEqual(['a', 'c']);
    c.step(21_000);
    expect(codes(c)).toEqual(expect.arrayContaining(['MON_DOWN', 'OSD_DOWN', 'OSD_HOST_DOWN']));
    // The storage bond (bond1) is not Ceph's network without Multus: losing it changes nothing.
    const c2 = fresh();
    expect(sync(c2, [{ kind: 'Link', name: 'worker-2:ens2f0' }, { kind: 'Link', name: 'worker-2:ens2f1' }]).failed).toEqual([]);
  });

  it('a Disk fault crashes its OSD at once and its repair replaces it; a dead drive on a host that comes back stays down', () => {
    const c = fresh();
    const id = [...c.osds.values()].find((o) => o.host === 'worker-4' && o.device === 'nvme11n1')!.id;
    expect(sync(c, [{ kind: 'Disk', name: 'worker-4/nvme11n1' }]).failed).toEqual([id]);
    c.step(2000);
    expect(c.osd(id).up).toBe(false);
    expect(sync(c, []).replaced).toEqual([id]);
    expect(c.osd(id)).toMatchObject({ up: true, in: true, daemon: 'running' });
    // The drive dies while its host is off; power returns, the drive does not.
    const last = new Map<string, HostReach>();
    sync(c, [{ kind: 'Node', name: 'worker-4' }, { kind: 'Disk', name: 'worker-4/nvme11n1' }], asDeployed, last);
    c.step(25_000);
    const back = sync(c, [{ kind: 'Disk', name: 'worker-4/nvme11n1' }], asDeployed, last);
    expect(back.restarted).toHaveLength(11);
    expect(c.osd(id)).toMatchObject({ up: false, daemon: 'crashed' });
    expect(sync(c, [], asDeployed, last).replaced).toEqual([id]);
  });
});
