/**
 * Static binding of a claim to a pre-provisioned (local) PV, as kube's PV controller and the
 * scheduler's VolumeBinding plugin do for WaitForFirstConsumer classes: the smallest Available
 * volume that satisfies the claim (pkg/controller/volume/persistentvolume/index.go findByClaim)
 * on an allowed node, then `claimRef` on the PV and `volumeName` on the claim.
 */
import type { KubeObject } from '../../api/types.js';
import type { Client } from '../../client/client.js';
import { quantityValue } from '../../lib/quantity.js';
import { BIND_COMPLETED, BOUND_BY_CONTROLLER, SELECTED_NODE } from '../persistent-volume/claim-plan.js';
import { PVCS, PVS } from '../persistent-volume/resources.js';
import { HOSTNAME_LABEL } from './plan.js';

type Any = Record<string, any>;

/** Bytes of a PV's capacity or a claim's request. */
export function storageBytes(q: unknown): number {
  return Number(quantityValue(String(q ?? '0')));
}

/** True when an unbound PV can serve the claim (class, mode, access modes, size). */
export function volumeFits(pv: KubeObject, pvc: KubeObject): boolean {
  const ps = pv.spec as Any;
  const cs = pvc.spec as Any;
  if (ps.claimRef || pv.metadata.deletionTimestamp) return false;
  if ((ps.storageClassName ?? '') !== (cs.storageClassName ?? '')) return false;
  if ((ps.volumeMode ?? 'Filesystem') !== (cs.volumeMode ?? 'Filesystem')) return false;
  if (!((cs.accessModes ?? []) as string[]).every((m) => (ps.accessModes ?? []).includes(m))) return false;
  return storageBytes(ps.capacity?.storage) >= storageBytes(cs.resources?.requests?.storage);
}

/** The node a local PV is pinned to. */
export function volumeNode(pv: KubeObject): string | undefined {
  return pv.metadata.labels?.[HOSTNAME_LABEL] ?? (pv.spec as Any).nodeAffinity?.required?.nodeSelectorTerms?.[0]?.matchExpressions?.[0]?.values?.[0];
}

/** The smallest fitting PV (ties: by name), among those not already taken. */
export function findVolume(pvc: KubeObject, pvs: KubeObject[], allowed: (pv: KubeObject) => boolean): KubeObject | undefined {
  return pvs
    .filter((pv) => volumeFits(pv, pvc) && allowed(pv))
    .sort((a, b) => storageBytes((a.spec as Any).capacity?.storage) - storageBytes((b.spec as Any).capacity?.storage) || a.metadata.name!.localeCompare(b.metadata.name!))[0];
}

/** Binds: PV `claimRef` first (it reserves the volume), then the claim's `volumeName` and selected node. */
export async function bindClaim(client: Client, pvc: KubeObject, pv: KubeObject): Promise<void> {
  const claimRef = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid: pvc.metadata.uid };
  await client.update(PVS, { ...pv, spec: { ...(pv.spec as Any), claimRef } });
  const node = volumeNode(pv);
  await client.patch(PVCS, pvc.metadata.namespace, pvc.metadata.name!, 'merge', {
    metadata: { annotations: { [BIND_COMPLETED]: 'yes', [BOUND_BY_CONTROLLER]: 'yes', ...(node ? { [SELECTED_NODE]: node } : {}) } },
    spec: { volumeName: pv.metadata.name },
  });
}
