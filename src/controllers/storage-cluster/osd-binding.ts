/**
 * Which local volume each pending OSD claim gets, as the scheduler's volume binding does for the
 * OSD prepare pods: a storage node in the claim's rack (ODF pins replica set j to rack j), spread
 * over hosts (the prepare pods' topology spread), the smallest fitting volume there. Claims that
 * fit nowhere get the reason, with the sizes that explain it.
 */
import type { KubeObject } from '../../api/types.js';
import { findVolume, storageBytes, volumeFits, volumeNode } from '../local-volume-set/binder.js';
import { naturalCompare, rackOfReplica, REPLICA_LABEL } from './plan.js';

type Any = Record<string, any>;

/** A binding decision. */
export interface OsdBinding {
  pvc: KubeObject;
  pv: KubeObject;
  node: string;
}

/** The outcome: bindings, and claims left Pending with why. */
export interface BindingPlan {
  bind: OsdBinding[];
  pending: { pvc: KubeObject; reason: string }[];
}

/** Plans bindings for the unbound claims; `bound` counts OSD claims already on each node. */
export function planOsdBindings(unbound: KubeObject[], pvs: KubeObject[], racks: Map<string, string>, replicas: number, bound: Map<string, number>): BindingPlan {
  const taken = new Set<string>();
  const perNode = new Map(bound);
  const out: BindingPlan = { bind: [], pending: [] };
  const ordered = [...unbound].sort((a, b) => naturalCompare(a.metadata.name!, b.metadata.name!));
  for (const pvc of ordered) {
    const rack = rackOfReplica(Number(pvc.metadata.labels?.[REPLICA_LABEL] ?? 0), replicas);
    const nodes = [...racks].filter(([, r]) => !rack || r === rack).map(([n]) => n);
    const allowed = (pv: KubeObject) => !taken.has(pv.metadata.name!) && nodes.includes(volumeNode(pv) ?? '');
    const candidates = pvs.filter((pv) => allowed(pv) && volumeFits(pv, pvc));
    if (!candidates.length) {
      out.pending.push({ pvc, reason: whyPending(pvc, pvs.filter(allowed), nodes, rack) });
      continue;
    }
    // Spread: the node with the fewest OSD claims, then in name order.
    const node = [...new Set(candidates.map((pv) => volumeNode(pv)!))].sort((a, b) => (perNode.get(a) ?? 0) - (perNode.get(b) ?? 0) || naturalCompare(a, b))[0]!;
    const pv = findVolume(pvc, candidates.filter((v) => volumeNode(v) === node), () => true)!;
    taken.add(pv.metadata.name!);
    perNode.set(node, (perNode.get(node) ?? 0) + 1);
    out.bind.push({ pvc, pv, node });
  }
  return out;
}

function whyPending(pvc: KubeObject, free: KubeObject[], nodes: string[], rack: string | undefined): string {
  const spec = pvc.spec as Any;
  const want = String(spec.resources?.requests?.storage ?? '0');
  const where = rack ? `the storage nodes of ${rack} (${nodes.join(', ') || 'none labelled'})` : 'the storage nodes';
  const sameClass = free.filter((pv) => (pv.spec as Any).storageClassName === spec.storageClassName);
  if (!nodes.length) return `no node labelled cluster.ocs.openshift.io/openshift-storage in ${rack ?? 'the cluster'}`;
  if (!sameClass.length) return `no available ${spec.storageClassName} volume left on ${where}`;
  const largest = sameClass.reduce((m, pv) => Math.max(m, storageBytes((pv.spec as Any).capacity?.storage)), 0);
  const wantBytes = storageBytes(want);
  if (largest < wantBytes) {
    return `the claim asks for ${want} (${wantBytes} bytes) but the largest available ${spec.storageClassName} volume on ${where} has ${largest} bytes (${(largest / 2 ** 30).toFixed(2)} GiB; drives are sold in decimal units)`;
  }
  return `no available ${spec.storageClassName} volume on ${where} matches volumeMode ${spec.volumeMode ?? 'Filesystem'} and access modes ${(spec.accessModes ?? []).join(',')}`;
}
