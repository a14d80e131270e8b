/**
 * What ODF's ocs-operator and Rook derive from a StorageCluster, as pure functions: the OSD claims
 * (`count` x `replica` per device set, one Rook StorageClassDeviceSet `<name>-<replica>` per
 * replica index, claims `<set>-<replica>-data-<index>`), the storage nodes, and their racks
 * (ocs-operator `determinePlacementRack`: with fewer than three zones, virtual racks rack0..rack2,
 * each new node in the emptiest one).
 */
import type { KubeObject } from '../../api/types.js';
import { matchesNodeSelector, type NodeSelector } from '../local-volume-set/node-selector.js';

/** The label ODF places storage on. */
export const STORAGE_LABEL = 'cluster.ocs.openshift.io/openshift-storage';
/** The rack label ocs-operator puts on storage nodes. */
export const RACK_LABEL = 'topology.rook.io/rack';
/** Label of OSD claims and pods: the Rook device set. */
export const DEVICE_SET_LABEL = 'ceph.rook.io/DeviceSet';
/** Label of OSD claims: the replica index (and so the rack) of the claim. */
export const REPLICA_LABEL = 'ove.dev/device-set-replica';
/** Label of OSD pods: the OSD id (Rook's `ceph-osd-id`). */
export const OSD_ID_LABEL = 'ceph-osd-id';

type Any = Record<string, any>;

/** One OSD claim a device set asks for. */
export interface DeviceClaim {
  name: string;
  deviceSet: string;
  replica: number;
  index: number;
  template: Any;
  placement?: NodeSelector;
}

/** The claims of every device set: `count` per replica index, `replica` (default 1) indexes. */
export function planDeviceClaims(sc: KubeObject): DeviceClaim[] {
  const out: DeviceClaim[] = [];
  for (const ds of ((sc.spec as Any)?.storageDeviceSets ?? []) as Any[]) {
    const replicas = Number(ds.replica ?? 1);
    for (let j = 0; j < replicas; j++) {
      for (let i = 0; i < Number(ds.count ?? 0); i++) {
        out.push({ name: `${ds.name}-${j}-data-${i}`, deviceSet: `${ds.name}-${j}`, replica: j, index: i, template: ds.dataPVCTemplate ?? {}, placement: ds.placement?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution });
      }
    }
  }
  return out;
}

/** Nodes ODF may use: labelled for storage and, when the set has one, matching its node affinity. */
export function storageNodes(nodes: KubeObject[], placement?: NodeSelector): string[] {
  return nodes
    .filter((n) => STORAGE_LABEL in (n.metadata.labels ?? {}) && matchesNodeSelector((n.metadata.labels ?? {}) as Record<string, string>, placement))
    .map((n) => n.metadata.name!)
    .sort(naturalCompare);
}

/** Compares names with embedded numbers in numeric order (worker-2 before worker-10). */
export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** Racks of the storage nodes: those already labelled keep theirs, new ones go to the emptiest of rack0..2 in order. */
export function assignRacks(nodes: string[], existing: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const count = [0, 0, 0];
  for (const n of nodes) {
    const r = existing.get(n);
    const m = r ? /^rack(\d+)$/.exec(r) : null;
    if (r && m && Number(m[1]) < 3) {
      out.set(n, r);
      count[Number(m[1])]!++;
    }
  }
  for (const n of nodes) {
    if (out.has(n)) continue;
    const i = count.indexOf(Math.min(...count));
    count[i]!++;
    out.set(n, `rack${i}`);
  }
  return out;
}

/** The rack a device set's replica index is pinned to (ODF spreads replica sets over the failure domains). */
export function rackOfReplica(replica: number, replicas: number): string | undefined {
  return replicas > 1 ? `rack${replica % 3}` : undefined;
}
