/**
 * The Ceph engine as the server process hosts it: one `CephCluster` (created once the MONs run),
 * its RBD image store, and the OSDs the StorageCluster controller has brought in. The CephCommand
 * hook, the CSI provisioner and the fault wiring reach it through `cephHostFor(manager)`.
 */
import { CephCluster, RbdImageStore, type HostSpec, type OsdSpec, topologyFromDefinition } from '../../ceph/model.js';
import type { OsdState, RbdImage } from '../../ceph/model.js';
import type { ClusterDefinition } from '../../twin/inventory/index.js';
import type { Clock } from '../../lib/clock.js';

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

  constructor(readonly def: ClusterDefinition, readonly clock: Clock) {}

  /** Creates the engine (monitors a, b, c and mgr a) on first call; later calls return it. */
  ensure(fsid: string): CephCluster {
    if (!this.cluster) {
      this.cluster = new CephCluster({ fsid, hosts: [], nowMs: this.clock.now() });
      this.rbd = new RbdImageStore(this.cluster);
    }
    return this.cluster;
  }

  /** Moves the engine to the clock's now. */
  advance(): void {
    this.cluster?.advanceTo(this.clock.now());
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
