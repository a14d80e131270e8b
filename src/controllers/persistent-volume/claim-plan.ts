/**
 * What the PV controller (kube's `pkg/controller/volume/persistentvolume`) and the CSI
 * external-provisioner do next for one claim, as a pure function of the claim, its
 * StorageClass and its volume.
 */
import type { KubeObject } from '../../api/types.js';

/** The annotation the scheduler puts on a WaitForFirstConsumer claim once its pod has a node. */
export const SELECTED_NODE = 'volume.kubernetes.io/selected-node';
/** Set on a claim by the PV controller when binding completes. */
export const BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
/** Set when the controller (not the user) bound the claim. */
export const BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
/** The provisioner a claim waits for (new and beta keys, both written by kube). */
export const STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
/** The beta key of the same. */
export const STORAGE_PROVISIONER_BETA = 'volume.beta.kubernetes.io/storage-provisioner';
/** On a PV: the driver that provisioned it. */
export const PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';

/** The next step for a claim. */
export type ClaimAction =
  | { kind: 'none' }
  | { kind: 'no-class'; message: string }
  | { kind: 'external'; provisioner: string }
  | { kind: 'wait-for-consumer' }
  | { kind: 'provision'; pvName: string; provisioner: string }
  | { kind: 'bind'; pvName: string }
  | { kind: 'sync-bound'; pvName: string }
  | { kind: 'lost'; pvName: string };

/** The inputs of `planClaim`. */
export interface ClaimObserved {
  pvc: KubeObject;
  storageClass?: KubeObject;
  /** The PV named by `spec.volumeName`, or `pvc-<uid>` when unbound. */
  pv?: KubeObject;
  /** CSI drivers this controller provisions for. */
  drivers: string[];
}

/** PV name of a dynamically provisioned claim (external-provisioner: `<prefix>-<claim uid>`, prefix `pvc`). */
export function pvNameFor(pvc: KubeObject): string {
  return `pvc-${pvc.metadata.uid}`;
}

function claimRefUid(pv: KubeObject | undefined): string | undefined {
  return ((pv?.spec as { claimRef?: { uid?: string } } | undefined)?.claimRef)?.uid;
}

/** Decides the next step for a claim. */
export function planClaim(o: ClaimObserved): ClaimAction {
  const { pvc, storageClass, pv } = o;
  if (pvc.metadata.deletionTimestamp) return { kind: 'none' };
  const spec = (pvc.spec ?? {}) as { volumeName?: string; storageClassName?: string };
  const phase = (pvc.status as { phase?: string } | undefined)?.phase;
  if (spec.volumeName) {
    if (!pv) return phase === 'Bound' || phase === 'Lost' ? { kind: 'lost', pvName: spec.volumeName } : { kind: 'none' };
    const ref = claimRefUid(pv);
    if (ref && ref !== pvc.metadata.uid) return phase === 'Bound' ? { kind: 'lost', pvName: spec.volumeName } : { kind: 'none' };
    return { kind: 'sync-bound', pvName: spec.volumeName };
  }
  const name = pvNameFor(pvc);
  if (pv && claimRefUid(pv) === pvc.metadata.uid) return { kind: 'bind', pvName: name };
  if (!spec.storageClassName) return { kind: 'no-class', message: 'no persistent volumes available for this claim and no storage class is set' };
  if (!storageClass) return { kind: 'no-class', message: `storageclass.storage.k8s.io "${spec.storageClassName}" not found` };
  const provisioner = String(storageClass.provisioner ?? '');
  if (!o.drivers.includes(provisioner)) return { kind: 'external', provisioner };
  const mode = (storageClass.volumeBindingMode as string | undefined) ?? 'Immediate';
  if (mode === 'WaitForFirstConsumer' && !pvc.metadata.annotations?.[SELECTED_NODE]) return { kind: 'wait-for-consumer' };
  return { kind: 'provision', pvName: name, provisioner };
}

/** What happens to a volume whose claim is gone: `Released`, then the reclaim policy. */
export type VolumeAction = { kind: 'none' } | { kind: 'release' } | { kind: 'delete' };

/** Decides the next step for a PV given whether its claim (by uid) still exists. */
export function planVolume(pv: KubeObject, claim: KubeObject | undefined): VolumeAction {
  if (pv.metadata.deletionTimestamp) return { kind: 'none' };
  const ref = (pv.spec as { claimRef?: { uid?: string } }).claimRef;
  if (!ref?.uid) return { kind: 'none' };
  if (claim && claim.metadata.uid === ref.uid) return { kind: 'none' };
  const policy = (pv.spec as { persistentVolumeReclaimPolicy?: string }).persistentVolumeReclaimPolicy ?? 'Delete';
  if (policy === 'Delete') return { kind: 'delete' };
  return (pv.status as { phase?: string } | undefined)?.phase === 'Released' ? { kind: 'none' } : { kind: 'release' };
}

/** A byte count as a Kubernetes quantity, in the largest binary unit that divides it. */
export function bytesQuantity(bytes: number): string {
  const units: [string, number][] = [['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]];
  for (const [u, n] of units) if (bytes >= n && bytes % n === 0) return `${bytes / n}${u}`;
  return String(bytes);
}
