/**
 * KubeVirt's VirtualMachineSnapshot decisions, pure: which volumes are snapshotted,
 * the indications (Online; GuestAgent when the VMI reports `AgentConnected`, else
 * NoGuestAgent) and the snapshot's phase from its volume snapshots
 * (kubevirt/kubevirt `pkg/storage/snapshot/snapshot.go`).
 */
import type { KubeObject } from '../../api/types.js';

type Any = Record<string, any>;

/** A VM volume backed by a claim. */
export interface ClaimVolume {
  volumeName: string;
  claimName: string;
  dataVolume: boolean;
}

/** The claim-backed volumes of a VM spec (dataVolume and persistentVolumeClaim volumes); others are excluded. */
export function claimVolumes(vm: KubeObject): { included: ClaimVolume[]; excluded: string[] } {
  const vols = ((vm.spec as Any)?.template?.spec?.volumes ?? []) as Any[];
  const included: ClaimVolume[] = [];
  const excluded: string[] = [];
  for (const v of vols) {
    if (v.dataVolume?.name) included.push({ volumeName: v.name, claimName: v.dataVolume.name, dataVolume: true });
    else if (v.persistentVolumeClaim?.claimName) included.push({ volumeName: v.name, claimName: v.persistentVolumeClaim.claimName, dataVolume: false });
    else excluded.push(v.name);
  }
  return { included, excluded };
}

/** The indications of a snapshot taken now: Online when a VMI runs, and whether the guest agent froze the filesystems. */
export function indications(vmi: KubeObject | undefined): { indications: string[]; sourceIndications: { indication: string; message: string }[] } {
  const running = vmi && !vmi.metadata.deletionTimestamp && ['Running', 'Scheduled'].includes((vmi.status as Any)?.phase);
  if (!running) return { indications: [], sourceIndications: [] };
  const agent = ((vmi!.status as Any)?.conditions ?? []).some((c: Any) => c.type === 'AgentConnected' && c.status === 'True');
  const online = { indication: 'Online', message: 'Snapshot was taken while the VM was running; the guest memory is not included.' };
  const second = agent
    ? { indication: 'GuestAgent', message: 'The guest agent froze the guest filesystems for the snapshot and thawed them afterwards.' }
    : { indication: 'NoGuestAgent', message: 'No guest agent was connected; the snapshot is crash-consistent, not application-consistent.' };
  return { indications: ['Online', second.indication], sourceIndications: [online, second] };
}

/** Name of a snapshot's content (`vmsnapshot-content-<snapshot uid>`). */
export function contentNameFor(snapshot: KubeObject): string {
  return `vmsnapshot-content-${snapshot.metadata.uid}`;
}

/** Name of the VolumeSnapshot of one volume (`vmsnapshot-<snapshot uid>-volume-<volume>`). */
export function volumeSnapshotNameFor(snapshot: KubeObject, volumeName: string): string {
  return `vmsnapshot-${snapshot.metadata.uid}-volume-${volumeName}`;
}

/** The snapshot's phase given the readiness of its volume snapshots. */
export function snapshotPhase(ready: boolean[], sourceExists: boolean): 'InProgress' | 'Succeeded' | 'Unknown' {
  if (!sourceExists && ready.length === 0) return 'Unknown';
  return ready.every(Boolean) ? 'Succeeded' : 'InProgress';
}
