// The storage hosts and their OSD drives, taken from the twin's inventory the way ODF lays them out.
import type { ClusterDefinition, Server } from '../../twin/inventory/index.js';

/** Device classes Ceph assigns (BlueStore reports hdd or ssd from the rotational flag; nvme can be set). */
export type DeviceClass = 'hdd' | 'ssd' | 'nvme';

/** One OSD-to-be: a drive of a host. */
export interface OsdSpec {
  id: number;
  host: string;
  device: string;
  sizeBytes: number;
  deviceClass: DeviceClass;
}

/** A storage host with its CRUSH rack and the storage network it reaches peers over. */
export interface HostSpec {
  name: string;
  rack: string;
  /** Aggregate speed of the storage bond (bond1), Gbit/s. */
  bondGbps: number;
  /** Speed of one member link (a single TCP flow hashes onto one), Gbit/s. */
  linkGbps: number;
  osds: OsdSpec[];
}

/** Options for `topologyFromDefinition`. */
export interface TopologyOptions {
  /** Nodes labelled for storage (cluster.ocs.openshift.io/openshift-storage); default all with OSD drives. */
  hosts?: string[];
  /**
   * `odf` (default): ocs-operator's determinePlacementRack, which, with fewer than three racks,
   * defines virtual racks rack0..rack2 and puts each node in the emptiest (alphabetical tie-break).
   * `inventory`: the inventory's physical racks.
   */
  racks?: 'odf' | 'inventory';
  /** Class for NVMe/SSD drives: `ssd` is what BlueStore detects for non-rotational devices. */
  flashClass?: DeviceClass;
  /** First OSD id (ids are then given host by host, drive by drive). */
  firstOsdId?: number;
}

/** Builds storage hosts from a cluster definition's servers and their `purpose: osd` drives. */
export function topologyFromDefinition(def: ClusterDefinition, opts: TopologyOptions = {}): HostSpec[] {
  const wanted = opts.hosts ? new Set(opts.hosts) : undefined;
  const servers = def.hardware.servers.filter((s) => s.drives.some((d) => d.purpose === 'osd') && (!wanted || wanted.has(s.name)));
  const racks = opts.racks === 'inventory' ? servers.map((s) => s.rack) : odfRacks(servers.length);
  let next = opts.firstOsdId ?? 0;
  return servers.map((s, i) => ({
    name: s.name,
    rack: racks[i]!,
    ...storageBond(s),
    osds: s.drives.filter((d) => d.purpose === 'osd').map((d) => ({
      id: next++,
      host: s.name,
      device: d.name,
      sizeBytes: d.sizeBytes,
      deviceClass: d.type === 'hdd' ? 'hdd' : (opts.flashClass ?? 'ssd'),
    })),
  }));
}

/** ocs-operator determinePlacementRack for nodes without racks: the emptiest of rack0..2, in order. */
export function odfRacks(nodeCount: number): string[] {
  const count = [0, 0, 0];
  const out: string[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const r = count.indexOf(Math.min(...count));
    count[r]!++;
    out.push(`rack${r}`);
  }
  return out;
}

function storageBond(s: Server): { bondGbps: number; linkGbps: number } {
  const bond = s.bonds.find((b) => b.purpose === 'storage') ?? s.bonds[0];
  const ports = new Map(s.nics.flatMap((n) => n.ports.map((p) => [p.name, p.speedGbps] as const)));
  if (!bond) {
    const speed = Math.max(0, ...ports.values());
    return { bondGbps: speed, linkGbps: speed };
  }
  const speeds = bond.members.map((m) => ports.get(m) ?? 0);
  const aggregate = bond.mode === 'active-backup' ? Math.max(...speeds) : speeds.reduce((a, b) => a + b, 0);
  return { bondGbps: aggregate, linkGbps: Math.max(...speeds) };
}
