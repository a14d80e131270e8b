/**
 * The VirtualMachineClone controller: snapshots the source VM (`tmp-snapshot-<uid>`),
 * restores it into a new VM (`tmp-restore-<uid>`, with patches for new MACs and
 * firmware identity), reports SnapshotInProgress → CreatingTargetVM →
 * RestoreInProgress → Succeeded, and removes the temporary objects.
 */
import type { KubeObject } from '../../api/types.js';
import { EventRecorder } from '../../client/event-recorder.js';
import { objectKeyOf } from '../../client/informer.js';
import type { Clock } from '../../lib/clock.js';
import { rfc3339 } from '../../lib/clock.js';
import type { Manager } from '../../runtime/manager.js';
import { isCode, VM_CLONES, VM_RESTORES, VM_SNAPSHOT_CONTENTS, VM_SNAPSHOTS, VMS } from '../persistent-volume/resources.js';
import { cloneRestoreName, clonePatches, clonePhase, cloneSnapshotName, cloneTargetName } from './plan.js';

type Any = Record<string, any>;

/** On the temporary snapshot and restore: the clone they serve. */
const CLONE_LABEL = 'clone.kubevirt.io/name';

/** Registers the VirtualMachineClone controller. */
export function registerVmCloneController(mgr: Manager, clock: Clock): void {
  const client = mgr.client;
  const clones = mgr.informer(VM_CLONES);
  const snaps = mgr.informer(VM_SNAPSHOTS);
  const contents = mgr.informer(VM_SNAPSHOT_CONTENTS);
  const restores = mgr.informer(VM_RESTORES);
  const vms = mgr.informer(VMS);
  const events = new EventRecorder(client, clock, 'clone-controller');
  const ctl = mgr.controller('vmclone', reconcile, 1);
  clones.on({ add: (o) => ctl.enqueue(objectKeyOf(o)), update: (_, o) => ctl.enqueue(objectKeyOf(o)) });
  const owner = (o: KubeObject) => {
    const n = o.metadata.labels?.[CLONE_LABEL];
    if (n) ctl.enqueue(`${o.metadata.namespace}/${n}`);
  };
  snaps.on({ update: (_, o) => owner(o) });
  restores.on({ add: owner, update: (_, o) => owner(o) });

  async function reconcile(key: string): Promise<void> {
    const clone = clones.get(key);
    if (!clone || clone.metadata.deletionTimestamp) return;
    const status = (clone.status ?? {}) as Any;
    if (status.phase === 'Succeeded' || status.phase === 'Failed') return;
    const ns = clone.metadata.namespace!;
    const spec = clone.spec as Any;
    const target = cloneTargetName(clone);
    const snapName = cloneSnapshotName(clone);
    const restoreName = cloneRestoreName(clone);
    const labels = { [CLONE_LABEL]: clone.metadata.name! };
    const ownerRefs = [{ apiVersion: clone.apiVersion, kind: clone.kind, name: clone.metadata.name!, uid: clone.metadata.uid!, controller: true, blockOwnerDeletion: true }];
    if (!status.phase && vms.get(`${ns}/${target}`)) return fail(clone, `target VirtualMachine ${target} already exists`);
    if (!vms.get(`${ns}/${spec.source.name}`) && !snaps.get(`${ns}/${snapName}`)) return fail(clone, `source VirtualMachine ${spec.source.name} does not exist`);
    let snap: KubeObject | undefined = snaps.get(`${ns}/${snapName}`);
    if (!snap) {
      snap = await client.create(VM_SNAPSHOTS, {
        apiVersion: 'snapshot.kubevirt.io/v1beta1', kind: 'VirtualMachineSnapshot',
        metadata: { name: snapName, namespace: ns, labels, ownerReferences: ownerRefs },
        spec: { source: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: spec.source.name } },
      }).catch((e) => {
        if (!isCode(e, 409)) throw e;
        return client.get(VM_SNAPSHOTS, ns, snapName);
      });
    }
    const snapStatus = (snap?.status ?? {}) as Any;
    let restore = restores.get(`${ns}/${restoreName}`);
    if (!restore && snapStatus.phase === 'Succeeded') {
      const content = contents.get(`${ns}/${snapStatus.virtualMachineSnapshotContentName}`);
      const sourceVm = (content?.spec as Any)?.source?.virtualMachine ?? {};
      restore = await client.create(VM_RESTORES, {
        apiVersion: 'snapshot.kubevirt.io/v1beta1', kind: 'VirtualMachineRestore',
        metadata: { name: restoreName, namespace: ns, labels, ownerReferences: ownerRefs },
        spec: { target: { apiGroup: 'kubevirt.io', kind: 'VirtualMachine', name: target }, virtualMachineSnapshotName: snapName, patches: [...clonePatches(clone, sourceVm), ...(spec.patches ?? [])] },
      }).catch((e) => {
        if (!isCode(e, 409)) throw e;
        return client.get(VM_RESTORES, ns, restoreName);
      });
    }
    const complete = !!(restore?.status as Any)?.complete;
    const phase = clonePhase(snapStatus.phase, !!restore && !!(restore.status as Any)?.restores, complete);
    const next: Any = { ...status, phase, snapshotName: snapName, targetName: target, ...(restore ? { restoreName } : {}) };
    if (phase === 'Succeeded') {
      next.creationTime = rfc3339(clock.now());
      next.conditions = conditions('False', 'Operation complete', 'True', 'Operation complete');
    } else next.conditions = conditions('True', `${phase}`, 'False', 'Not ready');
    if (phase !== status.phase) {
      await client.updateStatus(VM_CLONES, { ...clone, status: next });
      if (phase === 'Succeeded') await events.record(clone, 'Normal', 'CloneSucceeded', `Successfully cloned VirtualMachine ${spec.source.name} into ${target}`);
    }
    if (phase === 'Succeeded') {
      // The temporary restore and snapshot go; the restored claims are owned by the new VM.
      await client.delete(VM_RESTORES, ns, restoreName).catch((e) => { if (!isCode(e, 404)) throw e; });
      await client.delete(VM_SNAPSHOTS, ns, snapName).catch((e) => { if (!isCode(e, 404)) throw e; });
    }
  }

  async function fail(clone: KubeObject, message: string): Promise<void> {
    await client.updateStatus(VM_CLONES, { ...clone, status: { ...(clone.status as Any), phase: 'Failed', conditions: conditions('False', message, 'False', message) } });
    await events.record(clone, 'Warning', 'CloneFailed', message);
  }

  function conditions(progressing: string, pReason: string, ready: string, rReason: string): Any[] {
    const at = rfc3339(clock.now());
    return [
      { type: 'Progressing', status: progressing, reason: pReason, lastTransitionTime: at, lastProbeTime: null },
      { type: 'Ready', status: ready, reason: rReason, lastTransitionTime: at, lastProbeTime: null },
    ];
  }
}
