/**
 * The Ceph engine as the server process hosts it: one `CephCluster` (created once the MONs run),
 * its RBD image store, and the OSDs the StorageCluster controller has brought in. The CephCommand
 * hook, the CSI provisioner and the fault wiring reach it through `cephHostFor(manager)`. With a
 * data dir the engine is durable (`EnginePersistence`): restored on start, saved after every change
 * made through the engine's methods, and periodically while time moves data.
 */
import { CephCluster, RbdImageStore, type HostSpec, type OsdSpec, topologyFromDefinition } from '../../ceph/model.js';
import type { OsdState, RbdImage } from '../../ceph/model.js';
import type { ClusterDefinition } from '../../twin/inventory/index.js';
import type { Clock } from '../../lib/clock.js';
import { EnginePersistence, type EngineSection } from './engine-persistence.js';

/** PG states in which data is moving or the PG is about to change. */
const MOVING = ['peering', 'activating', 'recovering', 'recovery_wait', 'backfilling', 'backfill_wait', 'creating'] as const;

/** An OSD the controller wants in the engine: its id, host, rack and drive. */
export interface OsdPlacement {
  id: number;
  host: string;
  rack: string;
  device: string;
}

/** Holds the engine and moves it with the twin's clock. */
export class CephHost {
  cluster?: CephCluster;
  rbd?: RbdImageStore;
  /** The RBD image a claim is bound to (set by the CSI registration), for `ove twin fio`. */
  claimImage?: (namespace: string, name: string) => RbdImage | undefined;

  private readonly disk?: EnginePersistence;
  private commitQueued = false;
  /** Changes (or data writes) not on disk yet. */
  private dirty = false;
  /** OSDMap epoch and cluster log length at the last save: when both are unchanged, only time moved. */
  private savedMark = '';
  private savedEpoch = 0;

  /** `dataDir` makes the engine durable under `<dataDir>/ceph/`; without it the engine lives in memory only. */
  constructor(readonly def: ClusterDefinition, readonly clock: Clock, dataDir?: string) {
    if (dataDir) this.disk = new EnginePersistence(dataDir);
  }

  /** Registers state kept with the engine (load it in `restore`, save it with every commit). */
  addSection(name: string, section: EngineSection): void {
    this.disk?.sections.set(name, section);
  }

  /** Loads the saved engine, if any (call once, after the sections are added); true when one was restored. */
  restore(): boolean {
    const e = this.disk?.load();
    if (!e) return false;
    this.adopt(e.cluster, e.rbd);
    return true;
  }

  /** Creates the engine (monitors a, b, c and mgr a) on first call; later calls return it (a restored one when its fsid matches). */
  ensure(fsid: string): CephCluster {
    if (this.cluster?.fsid !== fsid) {
      const c = new CephCluster({ fsid, hosts: [], nowMs: this.clock.now() });
      this.adopt(c, new RbdImageStore(c));
      this.changed();
    }
    return this.cluster!;
  }

  private adopt(cluster: CephCluster, rbd: RbdImageStore): void {
    this.cluster = cluster;
    this.rbd = rbd;
    cluster.onChange = () => this.changed();
    rbd.onChange = () => this.changed();
    rbd.onWrite = () => void (this.dirty = true);
    this.savedMark = this.mark();
    this.savedEpoch = cluster.epoch;
  }

  private mark(): string {
    return `${this.cluster?.epoch}/${this.cluster?.log.length}`;
  }

  /**
   * Moves the engine to the clock's now (a restored engine saved earlier catches up: timers fire,
   * recovery runs). A new OSDMap epoch (an OSD marked down or out by a mon timer) is saved at once,
   * as the mons commit a map before they publish it; other movement (data written, log lines,
   * recovery progress) periodically. When only time passed there is nothing to save: the engine is
   * deterministic, so a restore replays that time to the same state.
   */
  advance(): void {
    const c = this.cluster;
    c?.advanceTo(this.clock.now());
    if (!c || !this.disk) return;
    if (c.epoch !== this.savedEpoch) return this.commitQuietly();
    if (this.disk.due(this.clock.now()) && (this.dirty || this.mark() !== this.savedMark || this.recovering())) {
      this.disk.saveInBackground(c, this.rbd!, this.clock.now(), (e) => {
        this.dirty = true;
        this.reportSaveError(e);
      });
      this.dirty = false;
      this.savedMark = this.mark();
    }
  }

  /** Resolves once a periodic save started by `advance` is on disk. */
  async saved(): Promise<void> {
    await this.disk?.settled();
  }

  /** Saves the engine now (durable when this returns); a no-op without a data dir. Throws when the disk write fails. */
  commit(): void {
    if (!this.disk || !this.cluster || !this.rbd) return;
    this.disk.save(this.cluster, this.rbd, this.clock.now());
    this.dirty = false;
    this.savedMark = this.mark();
    this.savedEpoch = this.cluster.epoch;
  }

  /** Saves the engine if something changed since the last save (e.g. before a command answers). */
  flush(): void {
    if (this.dirty) this.commit();
  }

  /** Something changed: save once the current synchronous operation is done (before any I/O callback runs). */
  changed(): void {
    this.dirty = true;
    if (!this.disk || this.commitQueued) return;
    this.commitQueued = true;
    queueMicrotask(() => {
      this.commitQueued = false;
      this.commitQuietly();
    });
  }

  private commitQuietly(): void {
    try {
      this.commit();
    } catch (e) {
      this.reportSaveError(e);
    }
  }

  private reportSaveError(e: unknown): void {
    process.stderr.write(`ceph engine: cannot save ${this.disk!.path}: ${e instanceof Error ? e.message : String(e)}\n`);
  }

  /** True while PGs peer, recover or backfill (the controller then ticks every second to follow it). */
  recovering(): boolean {
    const c = this.cluster;
    if (!c) return false;
    return c.allPgs().some((pg) => MOVING.some((s) => pg.state.has(s)));
  }

  /** Forgets the engine (the StorageCluster was deleted: ODF's uninstall destroys the cluster). */
  reset(): void {
    this.cluster = undefined;
    this.rbd = undefined;
    this.disk?.remove();
  }

  /** Brings OSDs into the engine (as their pods start), host by host; existing OSDs keep their state. */
  addOsds(wanted: OsdPlacement[]): number[] {
    const c = this.cluster;
    if (!c) return [];
    const added: number[] = [];
    const byHost = new Map<string, OsdPlacement[]>();
    for (const w of wanted) if (!c.osds.has(w.id)) byHost.set(w.host, [...(byHost.get(w.host) ?? []), w]);
    for (const [host, news] of byHost) {
      const base = topologyFromDefinition(this.def, { hosts: [host] })[0];
      if (!base) continue;
      const drive = (d: string): OsdSpec | undefined => base.osds.find((o) => o.device === d);
      const old = c.hosts.get(host)?.osds ?? [];
      const fresh = news.flatMap((n) => {
        const d = drive(n.device);
        return d ? [{ ...d, id: n.id }] : [];
      });
      const spec: HostSpec = { ...base, rack: news[0]!.rack, osds: [...old, ...fresh].sort((a, b) => a.id - b.id) };
      // addHost re-registers every OSD of the host as newly booted: keep the ones already there as they are.
      const keep = new Map<number, OsdState>(old.map((o) => [o.id, c.osds.get(o.id)!]));
      c.addHost(spec);
      for (const [id, st] of keep) c.osds.set(id, st);
      if (keep.size) c.remapAll();
      added.push(...fresh.map((o) => o.id));
    }
    if (added.length) this.changed();
    return added;
  }

  /** The OSD on a drive (`worker-5`, `nvme3n1`), if the engine has one there. */
  osdOnDrive(host: string, device: string): number | undefined {
    for (const o of this.cluster?.osds.values() ?? []) if (o.host === host && o.device === device) return o.id;
    return undefined;
  }
}

const hosts = new WeakMap<object, CephHost>();

/** Attaches the engine host to an owner (the controller manager of one control plane). */
export function setCephHost(owner: object, host: CephHost): void {
  hosts.set(owner, host);
}

/** The engine host attached to an owner, if the storage controllers run there. */
export function cephHostFor(owner: object): CephHost | undefined {
  return hosts.get(owner);
}
