import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatStatus, healthReport, rbdConfigImageSet } from '../../ceph/model.js';
import type { Clock } from '../../lib/clock.js';
import { loadClusterDefinition, type ClusterDefinition } from '../../twin/inventory/index.js';
import { CephHost, type OsdPlacement } from './ceph-host.js';
import { PERIODIC_SAVE_MS, PERIODIC_SAVE_WALL_MS } from './engine-persistence.js';

const GiB = 2 ** 30;
const tick = () => new Promise<void>((r) => setImmediate(r));

describe('CephHost with a data dir', () => {
  let def: ClusterDefinition;
  let dir: string;
  let now = Date.UTC(2026, 2, 20, 9, 0, 0);
  const clock: Clock = { now: () => now, setTimer: () => ({}) as never, clearTimer: () => undefined, sleep: async () => undefined };
  const file = () => join(dir, 'ceph', 'engine.json');
  // Nine storage hosts, three OSDs each (the first three drives), in three racks.
  const placements = (): OsdPlacement[] => Array.from({ length: 27 }, (_, i) => ({ id: i, host: `worker-${Math.floor(i / 3) + 1}`, rack: `rack${Math.floor(i / 3) % 3}`, device: `nvme${i % 3}n1` }));

  beforeAll(async () => {
    def = await loadClusterDefinition(resolve(import.meta.dirname, '../../../examples/ove-prod-01'));
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ove-ceph-host-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A host with an engine, OSDs, a pool and an image with QoS, as a StorageCluster and a gold claim leave it. */
  async function populated(): Promise<CephHost> {
    const host = new CephHost(def, clock, dir);
    expect(host.restore()).toBe(false);
    const c = host.ensure('fsid-1');
    host.addOsds(placements());
    c.createPool({ name: 'ocs-storagecluster-cephblockpool', kind: 'replicated', pgNum: 32, failureDomain: 'rack' });
    now += 5000;
    host.advance();
    const img = host.rbd!.create(1, 'csi-vol-1', 50 * GiB);
    host.rbd!.write(img, 0, GiB);
    rbdConfigImageSet(img, 'rbd_qos_iops_limit', '3000');
    host.commit();
    return host;
  }

  it('saves every change made through the engine before the next I/O callback, and restores it', async () => {
    const host = await populated();
    const saved = readFileSync(file(), 'utf8');
    expect(JSON.parse(saved).cluster.osds).toHaveLength(27);
    host.cluster!.setOsdIn(5, false);
    await tick();
    expect(JSON.parse(readFileSync(file(), 'utf8')).cluster.osds.find((o: { id: number }) => o.id === 5)).toMatchObject({ in: false, reweight: 0 });

    const again = new CephHost(def, clock, dir);
    expect(again.restore()).toBe(true);
    // The StorageCluster controller adopts it: same fsid, the OSDs already there are kept as they are.
    const c = again.ensure('fsid-1');
    expect(again.addOsds(placements())).toEqual([]);
    expect(c.osd(5)).toMatchObject({ in: false });
    const img = again.rbd!.get(1, 'csi-vol-1');
    expect(again.rbd!.usedBytes(img)).toBe(GiB);
    expect(img.config.get('rbd_qos_iops_limit')).toBe('3000');
    expect(formatStatus(c)).toBe(formatStatus(host.cluster!));
  });

  it('a restore at a later clock time catches up: a failed OSD goes down, then out, and the data recovers', async () => {
    const host = await populated();
    host.cluster!.failOsd(4);
    await tick();
    now += 3600_000;
    const again = new CephHost(def, clock, dir);
    again.restore();
    again.advance();
    const c = again.cluster!;
    expect(c.osd(4)).toMatchObject({ up: false, in: false });
    expect(c.log.some((e) => e.message === 'Marking osd.4 out (has been down for 600 seconds)')).toBe(true);
    expect(healthReport(c).status).toBe('HEALTH_OK');
    // The catch-up is saved by the periodic save.
    const t = JSON.parse(readFileSync(file(), 'utf8')).cluster.nowMs as number;
    expect(t).toBe(now);
  });

  it('data writes are saved periodically, every few seconds of twin time', async () => {
    const host = await populated();
    const img = host.rbd!.get(1, 'csi-vol-1');
    host.rbd!.write(img, GiB, GiB);
    const used = () => JSON.parse(readFileSync(file(), 'utf8')).rbd.images[0].objects.reduce((s: number, r: number[]) => s + r[1]! * r[2]!, 0);
    expect(used()).toBe(GiB);
    now += PERIODIC_SAVE_MS - 1;
    host.advance();
    expect(used()).toBe(GiB);
    now += 1;
    host.advance();
    // Not yet: the wall-time floor between periodic saves (for fast-forward) has not passed.
    expect(used()).toBe(GiB);
    const wall = Date.now();
    const spy = vi.spyOn(Date, 'now').mockReturnValue(wall + PERIODIC_SAVE_WALL_MS);
    try {
      host.advance();
    } finally {
      spy.mockRestore();
    }
    // Periodic saves write off the event loop.
    await host.saved();
    expect(used()).toBe(2 * GiB);
  });

  it('a different fsid (a new StorageCluster) replaces the saved engine; reset removes the file', async () => {
    await populated();
    const again = new CephHost(def, clock, dir);
    again.restore();
    const c = again.ensure('fsid-2');
    expect(c.osds.size).toBe(0);
    await tick();
    expect(JSON.parse(readFileSync(file(), 'utf8')).cluster.fsid).toBe('fsid-2');
    again.reset();
    expect(existsSync(file())).toBe(false);
  });

  it('a damaged file stops the start with the reason instead of an empty engine', () => {
    const host = new CephHost(def, clock, dir);
    host.ensure('fsid-1');
    host.commit();
    writeFileSync(file(), '{"format":"ove.dev/ceph-engine","version":1');
    expect(() => new CephHost(def, clock, dir).restore()).toThrow(/Cannot read .*engine.json: not JSON/);
  });
});
