/** What the twin's CDI worker processes (importer, upload server) write back: the container's successful exit, and data written into the claim's volume. */
import type { KubeObject } from '../../api/types.js';
import type { Client } from '../../client/client.js';
import { rfc3339 } from '../../lib/clock.js';
import type { VolumeProvisioner } from '../../controllers/persistent-volume/provisioner.js';

type Any = Record<string, any>;

const PODS = { group: '', version: 'v1', plural: 'pods', namespaced: true };
const PVCS = { group: '', version: 'v1', plural: 'persistentvolumeclaims', namespaced: true };
const PVS = { group: '', version: 'v1', plural: 'persistentvolumes', namespaced: false };

/** Writes the pod's only container as exited 0 with `message` (as the kubelet reports it); the pod is Succeeded. */
export async function exitSucceeded(client: Client, pod: KubeObject, nowMs: number, message: string): Promise<void> {
  const at = rfc3339(nowMs);
  const cs = ((pod.status as Any)?.containerStatuses ?? [])[0] as Any;
  const terminated = { exitCode: 0, reason: 'Completed', message, startedAt: cs?.state?.running?.startedAt, finishedAt: at, containerID: cs?.containerID };
  const conds = ((pod.status as Any).conditions ?? []).map((c: Any) => (c.type === 'Ready' || c.type === 'ContainersReady' ? { ...c, status: 'False', lastTransitionTime: at } : c));
  const status = { ...(pod.status as Any), phase: 'Succeeded', conditions: conds, containerStatuses: [{ ...cs, ready: false, started: false, state: { terminated } }] };
  await client.updateStatus(PODS, { ...pod, status });
}

/** The claim a CDI worker pod writes into. */
export function claimOf(pod: KubeObject): string | undefined {
  return (((pod.spec as Any).volumes ?? []) as Any[]).find((v) => v.persistentVolumeClaim)?.persistentVolumeClaim?.claimName;
}

/** Records `bytes` written into the volume bound to the claim `namespace/claim` (thin-provisioning accounting). */
export async function recordClaimWrite(client: Client, provisioner: VolumeProvisioner | undefined, namespace: string | undefined, claim: string, bytes: number): Promise<void> {
  if (!provisioner || bytes <= 0) return;
  const pvc = await client.get(PVCS, namespace, claim);
  const pv = await client.get(PVS, undefined, (pvc.spec as Any).volumeName);
  provisioner.write((pv.spec as Any).csi?.volumeHandle ?? '', bytes);
}
