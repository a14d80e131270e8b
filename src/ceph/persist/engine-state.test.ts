import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadClusterDefinition, type ClusterDefinition } from '../../twin/inventory/index.js';
import { storyCluster } from '../cluster/story-fixture.js';
import type { CephCluster } from '../cluster/ceph-cluster.js';
import { RbdImageStore } from '../rbd/rbd-image-store.js';
import { rbdConfigImageSet, formatRbdInfo } from '../cli-format/rbd-format.js';
import { formatStatus } from '../cli-format/ceph-status.js';
import { healthReport } from '../recovery/health.js';
import { pgStateString } from '../recovery/pg-state.js';
import { decodeObjects, encodeObjects } from './rbd-state.js';
import { restoreEngine, saveEngine } from './engine-state.js';
import { readFileIfExists, writeFileDurable } from './state-file.js';

let def: ClusterDefinition;
beforeAll(async () => {
  def = await loadClusterDefinition('examples/ove-prod-01');
});

const MiB = 2 ** 20;
const GiB = 2 ** 30;

/** The story cluster with an image written, snapshotted, cloned and QoS-limited. */
function engine(): { c: CephCluster; store: RbdImageStore } {
  const c = storyCluster(def);
  const store = new RbdImageStore(c);
  const img = store.create(2, 'csi-vol-1', 50 * GiB, { features: ['layering', 'exclusive-lock', 'object-map', 'fast-diff'] });
  store.write(img, 0, 2 * GiB);
  store.snapCreate(img, 'csi-snap-1');
  store.write(img, 0, 6 * MiB);
  const child = store.clone(img, 'csi-snap-1', 2, 'csi-vol-2');
  store.write(child, 10 * MiB, 1 * MiB);
  rbdConfigImageSet(img, 'rbd_qos_iops_limit', '3000');
  store.create(2, 'csi-vol-ec', 10 * GiB, { dataPoolId: 3 });
  store.write(store.get(2, 'csi-vol-ec'), 0, 400 * MiB);
  c.step(2000);
  return { c, store };
}

const text = (c: CephCluster, s: RbdImageStore) => JSON.stringify(saveEngine(c, s));
const states = (c: CephCluster) => c.allPgs().map((pg) => `${pg.id} ${pgStateString(pg.state)} ${pg.up} ${pg.acting} ${pg.objects} ${pg.bytes}`);

describe('engine state: save and restore', () => {
  it('run-length encodes object maps (a fully written image is one run)', () => {
    const m = new Map([[0, 4 * MiB], [1, 4 * MiB], [2, 4 * MiB], [5, MiB], [3, 4 * MiB]]);
    expect(encodeObjects(m)).toEqual([[0, 4, 4 * MiB], [5, 1, MiB]]);
    expect(decodeObjects(encodeObjects(m))).toEqual(m);
  });

  it('gives an equal engine: OSDs, pools, PG states, images, snapshots, clones and QoS', () => {
    const { c, store } = engine();
    c.setOsdIn(12, false);
    c.step(1000);
    const saved = text(c, store);
    const r = restoreEngine(saved);
    expect(text(r.cluster, r.rbd)).toBe(saved);
    expect(states(r.cluster)).toEqual(states(c));
    expect([...r.cluster.osds.values()]).toEqual([...c.osds.values()]);
    expect(r.cluster.osd(12)).toMatchObject({ in: false, reweight: 0 });
    const img = r.rbd.get(2, 'csi-vol-1');
    expect(img.config.get('rbd_qos_iops_limit')).toBe('3000');
    expect(img.snaps.map((s) => s.name)).toEqual(['csi-snap-1']);
    expect(r.rbd.usedBytes(img)).toBe(store.usedBytes(store.get(2, 'csi-vol-1')));
    expect(r.rbd.get(2, 'csi-vol-2').parent).toMatchObject({ image: 'csi-vol-1', snap: 'csi-snap-1' });
    expect(r.rbd.list(2)).toEqual(['csi-vol-1', 'csi-vol-2', 'csi-vol-ec']);
    expect(formatRbdInfo(r.cluster, img, r.rbd)).toBe(formatRbdInfo(c, store.get(2, 'csi-vol-1'), store));
    expect(formatStatus(r.cluster)).toBe(formatStatus(c));
    // New ids do not collide with saved ones.
    expect(r.rbd.create(2, 'csi-vol-3', GiB).id).toBe(store.create(2, 'csi-vol-3', GiB).id);
  });

  it('after a failure mid-recovery, the restored engine continues exactly as the original would', () => {
    const { c, store } = engine();
    c.failOsd(47);
    c.step(3000);
    expect(c.osd(47).up).toBe(false);
    c.step(597_000);
    for (let i = 0; i < 1000 && !c.scheduler.active().length; i++) c.step(10);
    expect(c.osd(47).in).toBe(false);
    expect(c.allPgs().some((pg) => pg.state.has('backfilling') || pg.state.has('recovering'))).toBe(true);
    expect(c.scheduler.active().length).toBeGreaterThan(0);
    const r = restoreEngine(text(c, store));
    expect(r.cluster.scheduler.active().length).toBe(c.scheduler.active().length);
    for (const x of [c, r.cluster]) x.step(7000);
    expect(text(r.cluster, r.rbd)).toBe(text(c, store));
    for (const x of [c, r.cluster]) x.step(3_600_000);
    expect(healthReport(r.cluster).status).toBe('HEALTH_OK');
    expect(text(r.cluster, r.rbd)).toBe(text(c, store));
  });

  it('keeps pending mon timers: an OSD down at save time is marked out once the clock passes mon_osd_down_out_interval', () => {
    const { c, store } = engine();
    c.failHost('worker-3', 'hang');
    const saved = text(c, store);
    const r = restoreEngine(saved);
    expect(r.cluster.events.map((e) => e.timer.kind)).toEqual(c.events.map((e) => e.timer.kind));
    // Restored much later: the failure, the down->out and the recovery all happen on the way.
    r.cluster.advanceTo(r.cluster.nowMs + 2 * 3600_000);
    const ids = [...r.cluster.osds.values()].filter((o) => o.host === 'worker-3').map((o) => o.id);
    expect(ids.every((id) => !r.cluster.osd(id).up && !r.cluster.osd(id).in)).toBe(true);
    expect(r.cluster.log.some((e) => e.message === `Marking osd.${ids[0]} out (has been down for 600 seconds)`)).toBe(true);
    // Down and out OSDs no longer count as OSD_DOWN; the data is whole again on the others.
    expect(healthReport(r.cluster).status).toBe('HEALTH_OK');
    expect(r.cluster.allPgs().every((pg) => pg.state.has('active') && pg.state.has('clean'))).toBe(true);
  });

  it('refuses a document it cannot read with the reason', () => {
    expect(() => restoreEngine('{', 'x.json')).toThrow(/Cannot read x.json: not JSON/);
    expect(() => restoreEngine('{"format":"other"}', 'x.json')).toThrow('Cannot read x.json: format is "other", expected "ove.dev/ceph-engine"');
    expect(() => restoreEngine('{"format":"ove.dev/ceph-engine","version":9}', 'x.json')).toThrow('version 9 is not supported');
  });
});

describe('durable state file', () => {
  it('replaces the file whole and leaves no temp file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ove-ceph-state-'));
    try {
      const p = join(dir, 'ceph', 'engine.json');
      expect(readFileIfExists(p)).toBeUndefined();
      writeFileDurable(p, 'one');
      writeFileSync(join(dir, 'ceph', '.engine.json.tmp'), 'half-written by a crash');
      writeFileDurable(p, 'two');
      expect(readFileIfExists(p)).toBe('two');
      expect(readdirSync(join(dir, 'ceph'))).toEqual(['engine.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
