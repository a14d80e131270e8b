import { describe, it, expect, beforeEach, beforeAll } from 'vitest';
import { resolve } from 'node:path';
import { healthReport, storyCluster } from '../../ceph/model.js';
import type { Clock } from '../../lib/clock.js';
import { loadClusterDefinition, type ClusterDefinition } from '../../twin/inventory/index.js';
import { CephHost } from './ceph-host.js';
import { applyFault } from './faults.js';

describe('twin faults on the engine', () => {
  let def: ClusterDefinition;
  let host: CephHost;
  let now = 0;
  const clock: Clock = { now: () => now, setTimer: () => ({}) as never, clearTimer: () => undefined, sleep: async () => undefined };
  beforeAll(async () => {
    def = await loadClusterDefinition(resolve(import.meta.dirname, '../../../examples/ove-prod-01'));
  });
  beforeEach(() => {
    host = new CephHost(def, clock);
    host.cluster = storyCluster(def);
    now = host.cluster.nowMs;
  });

  it('a Disk fault crashes the OSD on that drive; its repair replaces it', () => {
    expect(host.osdOnDrive('worker-4', 'nvme11n1')).toBe(47);
    expect(applyFault(host, { kind: 'Disk', name: 'worker-4/nvme11n1' }, false)).toEqual([47]);
    now += 2000;
    host.advance();
    expect(host.cluster!.osd(47).up).toBe(false);
    expect(healthReport(host.cluster!).checks.map((c) => c.code)).toContain('OSD_DOWN');
    applyFault(host, { kind: 'Disk', name: 'worker-4/nvme11n1' }, true);
    expect(host.cluster!.osd(47)).toMatchObject({ up: true, in: true, daemon: 'running' });
    expect(applyFault(host, { kind: 'Disk', name: 'worker-4/nvme0n1x' }, false)).toEqual([]);
  });

  it('a Node fault silences its 12 OSDs (down after the heartbeat grace) and its monitor', () => {
    const ids = applyFault(host, { kind: 'Node', name: 'worker-1' }, false, new Map([['a', 'worker-1'], ['b', 'worker-2']]));
    expect(ids).toHaveLength(12);
    expect(host.cluster!.mons.find((m) => m.name === 'a')!.up).toBe(false);
    now += 10_000;
    host.advance();
    expect(host.cluster!.osd(ids[0]!).up).toBe(true);
    now += 15_000;
    host.advance();
    expect(ids.every((id) => !host.cluster!.osd(id).up)).toBe(true);
    expect(healthReport(host.cluster!).checks.map((c) => c.code)).toEqual(expect.arrayContaining(['MON_DOWN', 'OSD_DOWN', 'OSD_HOST_DOWN']));
    applyFault(host, { kind: 'Node', name: 'worker-1' }, true, new Map([['a', 'worker-1']]));
    expect(ids.every((id) => host.cluster!.osd(id).up)).toBe(true);
    expect(host.cluster!.quorum()).toHaveLength(3);
  });
});
