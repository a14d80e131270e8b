/**
 * The VMI controller's pure decision (virt-controller's VMI loop): create the
 * virt-launcher pod once the VMI's volumes exist, follow the pod through scheduling
 * (Pending → Scheduling → Scheduled, mirroring unschedulable and image-pull
 * problems into conditions), fail the VMI when its pod dies, and on deletion remove
 * the pod and then the finalizer. Running and the guest belong to virt-handler.
 */
import type { KubeObject } from '../../api/types.js';
import { conditionOf, isFinal, type Vmi } from '../virtual-machine/kubevirt-types.js';
import { dvPhase, DV_READY_PHASES } from '../virtual-machine/observed.js';
import { launcherPod, LAUNCHER_IMAGE } from './launcher-pod.js';
import { launcherResources } from './launcher-resources.js';
import { liveMigratable } from './live-migratable.js';
import { dropCondition, setCondition, setPhase } from './vmi-status.js';

/** KubeVirt's VMI finalizer (`VirtualMachineInstanceFinalizer`). */
export const VMI_FINALIZER = 'foregroundDeleteVirtualMachine';

/** What the VMI controller sees. */
export interface VmiObserved {
  vmi: Vmi;
  /** Launcher pods of this VMI (label `kubevirt.io/created-by`). */
  pods: KubeObject[];
  /** A pod was created and is not yet in the informer. */
  podExpected: boolean;
  pvcs: Map<string, KubeObject | undefined>;
  dataVolumes: Map<string, KubeObject | undefined>;
  now: number;
}

/** A change to the world. */
export type VmiAction = { kind: 'createPod'; pod: KubeObject } | { kind: 'deletePod'; name: string; uid: string } | { kind: 'update'; vmi: Vmi };

/** Decides what to do for one VMI. */
export function planVmi(o: VmiObserved): VmiAction[] {
  const vmi: Vmi = structuredClone(o.vmi);
  const status = (vmi.status ??= {});
  const actions: VmiAction[] = [];
  const pod = o.pods.find((p) => !p.metadata.deletionTimestamp) ?? o.pods[0];
  const podPhase = (pod?.status as { phase?: string } | undefined)?.phase;
  const deletePods = () => {
    for (const p of o.pods) if (!p.metadata.deletionTimestamp) actions.push({ kind: 'deletePod', name: p.metadata.name!, uid: p.metadata.uid! });
  };

  if (vmi.metadata.deletionTimestamp) {
    // A started domain is shut down by virt-handler, which then marks the VMI final.
    if (!isFinal(vmi) && podPhase === 'Running' && status.phase === 'Running') return changed(o.vmi, vmi, actions);
    deletePods();
    if (o.pods.length === 0 && !o.podExpected) vmi.metadata.finalizers = (vmi.metadata.finalizers ?? []).filter((f) => f !== VMI_FINALIZER);
    return changed(o.vmi, vmi, actions);
  }
  if (isFinal(vmi)) {
    deletePods();
    return changed(o.vmi, vmi, actions);
  }
  if (!(vmi.metadata.finalizers ?? []).includes(VMI_FINALIZER)) vmi.metadata.finalizers = [...(vmi.metadata.finalizers ?? []), VMI_FINALIZER];
  if (!status.phase) setPhase(status, 'Pending', o.now);
  const lm = liveMigratable(vmi.spec, vmi.metadata.annotations, (claim) => accessModes(o.pvcs.get(claim), o.dataVolumes.get(claim)));
  setCondition(status, lm.condition, o.now);
  status.migrationMethod = lm.method;

  if (!pod) {
    if (o.podExpected) return changed(o.vmi, vmi, actions);
    if (status.phase !== 'Pending') {
      setPhase(status, 'Failed', o.now);
      status.reason = 'PodFailed';
      setCondition(status, { type: 'Ready', status: 'False', reason: 'PodTerminating', message: 'virt-launcher pod has disappeared' }, o.now);
      return changed(o.vmi, vmi, actions);
    }
    const missing = claimsOf(vmi).find((c) => !o.pvcs.get(c) && !o.dataVolumes.get(c));
    if (missing) {
      setCondition(status, { type: 'Synchronized', status: 'False', reason: 'FailedPvcNotFound', message: `PVC ${vmi.metadata.namespace}/${missing} does not exist, waiting for it to appear` }, o.now);
      return changed(o.vmi, vmi, actions);
    }
    const notReady = claimsOf(vmi).filter((c) => o.dataVolumes.get(c) && !DV_READY_PHASES.has(dvPhase(o.dataVolumes.get(c))));
    if (notReady.length) {
      setCondition(status, { type: 'DataVolumesReady', status: 'False', reason: 'NotReady', message: `DataVolume(s) ${notReady.join(', ')} not ready` }, o.now);
      return changed(o.vmi, vmi, actions);
    }
    dropCondition(status, 'Synchronized');
    if (conditionOf(status.conditions, 'DataVolumesReady')) setCondition(status, { type: 'DataVolumesReady', status: 'True', reason: 'AllDVsReady', message: 'All of the VMI\'s DVs are bound and ready' }, o.now);
    setCondition(status, { type: 'Ready', status: 'False', reason: 'PodNotExists', message: 'virt-launcher pod has not yet been scheduled' }, o.now);
    actions.push({ kind: 'createPod', pod: launcherPod(vmi) });
    return changed(o.vmi, vmi, actions);
  }

  if (podPhase === 'Failed' || podPhase === 'Succeeded' || (pod.metadata.deletionTimestamp && status.phase !== 'Running')) {
    setPhase(status, podPhase === 'Succeeded' ? 'Succeeded' : 'Failed', o.now);
    if (podPhase !== 'Succeeded') status.reason = 'PodFailed';
    setCondition(status, { type: 'Ready', status: 'False', reason: 'PodTerminating', message: 'virt-launcher pod is terminating' }, o.now);
    return changed(o.vmi, vmi, actions);
  }
  const podConds = ((pod.status as { conditions?: { type: string; status: string; reason?: string; message?: string }[] } | undefined)?.conditions ?? []);
  const scheduled = podConds.find((c) => c.type === 'PodScheduled');
  if (scheduled?.status === 'False') setCondition(status, { type: 'PodScheduled', status: 'False', reason: scheduled.reason ?? 'Unschedulable', message: scheduled.message ?? '' }, o.now);
  else dropCondition(status, 'PodScheduled');
  const waiting = ((pod.status as { containerStatuses?: { name: string; state?: { waiting?: { reason?: string; message?: string } } }[] } | undefined)?.containerStatuses ?? []).find((c) => c.name === 'compute')?.state?.waiting;
  if (waiting && (waiting.reason === 'ErrImagePull' || waiting.reason === 'ImagePullBackOff')) setCondition(status, { type: 'Synchronized', status: 'False', reason: waiting.reason, message: waiting.message ?? '' }, o.now);
  else if (conditionOf(status.conditions, 'Synchronized')?.reason !== 'FailedPvcNotFound') dropCondition(status, 'Synchronized');
  if (status.phase === 'Pending') setPhase(status, 'Scheduling', o.now);
  if (podPhase === 'Running' && status.phase === 'Scheduling') {
    const node = (pod.spec as { nodeName?: string }).nodeName!;
    setPhase(status, 'Scheduled', o.now);
    status.nodeName = node;
    vmi.metadata.labels = { ...(vmi.metadata.labels ?? {}), 'kubevirt.io/nodeName': node };
    status.activePods = { [pod.metadata.uid!]: node };
    status.qosClass = (pod.status as { qosClass?: string }).qosClass ?? launcherResources(vmi.spec).qosClass;
    status.launcherContainerImageVersion = LAUNCHER_IMAGE;
  }
  return changed(o.vmi, vmi, actions);
}

/** The claims a VMI's volumes use. */
export function claimsOf(vmi: Vmi): string[] {
  return (vmi.spec.volumes ?? []).flatMap((v) => (v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : v.dataVolume ? [v.dataVolume.name] : []));
}

function accessModes(pvc: KubeObject | undefined, dv: KubeObject | undefined): string[] | undefined {
  if (pvc) return (pvc.spec as { accessModes?: string[] }).accessModes;
  const s = dv?.spec as { storage?: { accessModes?: string[] }; pvc?: { accessModes?: string[] } } | undefined;
  return s?.storage?.accessModes ?? s?.pvc?.accessModes;
}

function changed(before: Vmi, after: Vmi, actions: VmiAction[]): VmiAction[] {
  const same = JSON.stringify(before.status ?? {}) === JSON.stringify(after.status) && JSON.stringify(before.metadata) === JSON.stringify(after.metadata);
  return same ? actions : [{ kind: 'update', vmi: after }, ...actions];
}
