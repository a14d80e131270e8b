/**
 * What the PV controller (kube's `pkg/controller/volume/persistentvolume`) and the CSI
 * external-provisioner do next for one claim, as a pure function of the claim, its
 * StorageClass and its volume.
 */
import type { KubeObject } from '../../api/types.js';
import { quantityValue } from '../../lib/quantity.js';

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
/** The provisioner of StorageClasses whose volumes are created by hand or by the Local Storage Operator. */
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';
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
  | { kind: 'bind-existing'; pvName: string }
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
  /** All PVs, for binding claims to pre-created (static or local) volumes. */
  volumes?: KubeObject[];
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
  // Local volumes (no provisioner) are bound by the LocalVolumeSet binder (controllers/local-volume-set).
  if (storageClass?.provisioner === NO_PROVISIONER) return { kind: 'none' };
  const mode = (storageClass?.volumeBindingMode as string | undefined) ?? 'Immediate';
  const waiting = mode === 'WaitForFirstConsumer' && !pvc.metadata.annotations?.[SELECTED_NODE];
  // kube binds to an existing matching volume before provisioning a new one.
  const match = waiting ? undefined : findMatchingVolume(pvc, o.volumes ?? []);
  if (match) return { kind: 'bind-existing', pvName: match.metadata.name! };
  if (!spec.storageClassName) return { kind: 'no-class', message: 'no persistent volumes available for this claim and no storage class is set' };
  if (!storageClass) return { kind: 'no-class', message: `storageclass.storage.k8s.io "${spec.storageClassName}" not found` };
  if (waiting) return { kind: 'wait-for-consumer' };
  const provisioner = String(storageClass.provisioner ?? '');
  if (!o.drivers.includes(provisioner)) return { kind: 'external', provisioner };
  return { kind: 'provision', pvName: name, provisioner };
}

type Any = Record<string, any>;

function bytes(q: unknown): number {
  try {
    return Number(quantityValue(String(q ?? '0')));
  } catch {
    return 0;
  }
}

/** The node names a PV's node affinity allows (`kubernetes.io/hostname In [...]`), or undefined when it has none. */
function affinityHosts(pv: KubeObject): string[] | undefined {
  const terms = ((pv.spec as Any).nodeAffinity?.required?.nodeSelectorTerms ?? []) as Any[];
  const hosts = terms.flatMap((t) => ((t.matchExpressions ?? []) as Any[]).filter((e) => e.key === 'kubernetes.io/hostname' && e.operator === 'In').flatMap((e) => e.values ?? []));
  return hosts.length ? hosts : undefined;
}

/**
 * kube's `findMatchingVolume`: the smallest Available volume of the claim's class and
 * volume mode that offers its access modes and size, matches its selector's labels,
 * and, for a claim with a selected node, is reachable from that node.
 */
export function findMatchingVolume(pvc: KubeObject, volumes: KubeObject[]): KubeObject | undefined {
  const spec = (pvc.spec ?? {}) as Any;
  const want = bytes(spec.resources?.requests?.storage);
  const node = pvc.metadata.annotations?.[SELECTED_NODE];
  let best: KubeObject | undefined;
  for (const pv of volumes) {
    const ps = (pv.spec ?? {}) as Any;
    const ref = ps.claimRef as Any | undefined;
    if (pv.metadata.deletionTimestamp) continue;
    if (ref && !(ref.namespace === pvc.metadata.namespace && ref.name === pvc.metadata.name && (!ref.uid || ref.uid === pvc.metadata.uid))) continue;
    if (!ref && (pv.status as Any)?.phase && (pv.status as Any).phase !== 'Available') continue;
    if ((ps.storageClassName ?? '') !== (spec.storageClassName ?? '')) continue;
    if ((ps.volumeMode ?? 'Filesystem') !== (spec.volumeMode ?? 'Filesystem')) continue;
    if (!((spec.accessModes ?? []) as string[]).every((m) => (ps.accessModes ?? []).includes(m))) continue;
    const size = bytes(ps.capacity?.storage);
    if (size < want) continue;
    const labels = pv.metadata.labels ?? {};
    if (!Object.entries((spec.selector?.matchLabels ?? {}) as Record<string, string>).every(([k, v]) => labels[k] === v)) continue;
    const hosts = affinityHosts(pv);
    if (hosts && node && !hosts.includes(node)) continue;
    if (!best || size < bytes((best.spec as Any).capacity?.storage)) best = pv;
  }
  return best;
}

/** What happens to a volume whose claim is gone: `Released`, then the reclaim policy. */
export type VolumeAction = { kind: 'none' } | { kind: 'available' } | { kind: 'release' } | { kind: 'delete' };

/** Decides the next step for a PV given whether its claim (by uid) still exists. */
export function planVolume(pv: KubeObject, claim: KubeObject | undefined): VolumeAction {
  if (pv.metadata.deletionTimestamp) return { kind: 'none' };
  const ref = (pv.spec as { claimRef?: { uid?: string } }).claimRef;
  if (!ref) return (pv.status as { phase?: string } | undefined)?.phase === 'Available' ? { kind: 'none' } : { kind: 'available' };
  if (!ref.uid) return { kind: 'none' };
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
