/**
 * The VirtualMachineSnapshot controller: records the VM (spec and volume claims) in a
 * VirtualMachineSnapshotContent, takes a VolumeSnapshot of every claim-backed volume
 * (freezing the guest first when its agent is connected), and reports InProgress →
 * Succeeded with `readyToUse`, `creationTime` and indications.
 */
import type { KubeObject } from '../../api/types.js';
import { EventRecorder } from '../../client/event-recorder.js';
import { objectKeyOf } from '../../client/informer.js';
import type { Clock } from '../../lib/clock.js';
import { rfc3339 } from '../../lib/clock.js';
import type { Manager } from '../../runtime/manager.js';
import { isCode, ownerRef, PVCS, STORAGE_PROFILES, VM_SNAPSHOT_CONTENTS, VM_SNAPSHOTS, VMIS, VMS, VOLUME_SNAPSHOTS } from '../persistent-volume/resources.js';
import { claimVolumes, contentNameFor, indications, snapshotPhase, volumeSnapshotNameFor } from './plan.js';

type Any = Record<string, any>;

/** Registers the VirtualMachineSnapshot controller. */
export function registerVmSnapshotController(mgr: Manager, clock: Clock): void {
  const client = mgr.client;
  const snaps = mgr.informer(VM_SNAPSHOTS);
  const contents = mgr.informer(VM_SNAPSHOT_CONTENTS);
  const vss = mgr.informer(VOLUME_SNAPSHOTS);
  const vms = mgr.informer(VMS);
  const vmis = mgr.informer(VMIS);
  const pvcs = mgr.informer(PVCS);
  const profiles = mgr.informer(STORAGE_PROFILES);
  const events = new EventRecorder(client, clock, 'snapshot-controller');
  const ctl = mgr.controller('vmsnapshot', reconcile, 1);
  snaps.on({ add: (o) => ctl.enqueue(objectKeyOf(o)), update: (_, o) => ctl.enqueue(objectKeyOf(o)) });
  const byVs = (vs: KubeObject) => {
    for (const s of snaps.list()) if (s.metadata.namespace === vs.metadata.namespace && vs.metadata.name!.startsWith(`vmsnapshot-${s.metadata.uid}-`)) ctl.enqueue(objectKeyOf(s));
  };
  vss.on({ add: byVs, update: (_, o) => byVs(o) });

  async function reconcile(key: string): Promise<void> {
    const snap = snaps.get(key);
    if (!snap || snap.metadata.deletionTimestamp) return;
    const status = (snap.status ?? {}) as Any;
    if (status.phase === 'Succeeded' || status.phase === 'Failed') return;
    const ns = snap.metadata.namespace!;
    const src = (snap.spec as Any).source as Any;
    const contentName = contentNameFor(snap);
    let content: KubeObject | undefined = contents.get(`${ns}/${contentName}`);
    const vm = vms.get(`${ns}/${src.name}`);
    if (!content) {
      if (!vm) {
        await write(snap, { ...status, phase: 'InProgress', readyToUse: false, conditions: conditions('False', 'Source does not exist', 'False', 'Not ready') });
        return;
      }
      const vmi = vmis.get(`${ns}/${src.name}`);
      const ind = indications(vmi);
      const { included, excluded } = claimVolumes(vm);
      if (ind.indications.includes('GuestAgent')) await events.record(snap, 'Normal', 'FreezeGuest', `Froze the guest filesystems of VMI ${src.name} through the guest agent`);
      const backups: Any[] = [];
      const toSnapshot: { vsName: string; claimName: string; snapClass?: string }[] = [];
      for (const v of included) {
        const pvc = pvcs.get(`${ns}/${v.claimName}`);
        if (!pvc) continue;
        const vsName = volumeSnapshotNameFor(snap, v.volumeName);
        const snapClass = (profiles.get((pvc.spec as Any).storageClassName ?? '')?.status as Any)?.snapshotClass;
        toSnapshot.push({ vsName, claimName: v.claimName, snapClass });
        const { metadata: m, spec } = pvc as Any;
        backups.push({ volumeName: v.volumeName, volumeSnapshotName: vsName, persistentVolumeClaim: { metadata: { name: m.name, namespace: m.namespace, labels: m.labels, annotations: m.annotations }, spec } });
      }
      const vmCopy = { apiVersion: vm.apiVersion, kind: vm.kind, metadata: { name: vm.metadata.name, namespace: ns, uid: vm.metadata.uid, generation: vm.metadata.generation, labels: vm.metadata.labels, annotations: vm.metadata.annotations }, spec: vm.spec };
      content = await client.create(VM_SNAPSHOT_CONTENTS, {
        apiVersion: 'snapshot.kubevirt.io/v1beta1', kind: 'VirtualMachineSnapshotContent',
        metadata: { name: contentName, namespace: ns, ownerReferences: (snap.spec as Any).deletionPolicy === 'Retain' ? [] : [ownerRef(snap)] },
        spec: { virtualMachineSnapshotName: snap.metadata.name, source: { virtualMachine: vmCopy }, volumeBackups: backups },
      }).catch(async (e) => {
        if (!isCode(e, 409)) throw e;
        return client.get(VM_SNAPSHOT_CONTENTS, ns, contentName);
      });
      // The volume snapshots are taken while the guest is frozen, and belong to the content.
      for (const t of toSnapshot) {
        await client.create(VOLUME_SNAPSHOTS, {
          apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshot',
          metadata: { name: t.vsName, namespace: ns, labels: { 'snapshot.kubevirt.io/source-vm-name': src.name, 'snapshot.kubevirt.io/source-vm-namespace': ns }, ownerReferences: [ownerRef(content!)] },
          spec: { source: { persistentVolumeClaimName: t.claimName }, ...(t.snapClass ? { volumeSnapshotClassName: t.snapClass } : {}) },
        }).catch((e) => {
          if (!isCode(e, 409)) throw e;
        });
      }
      if (ind.indications.includes('GuestAgent')) await events.record(snap, 'Normal', 'ThawGuest', `Thawed the guest filesystems of VMI ${src.name}`);
      await write(snap, {
        ...status, sourceUID: vm.metadata.uid, virtualMachineSnapshotContentName: contentName, phase: 'InProgress', readyToUse: false,
        indications: ind.indications, sourceIndications: ind.sourceIndications,
        snapshotVolumes: { includedVolumes: included.map((v) => v.volumeName), excludedVolumes: excluded },
        conditions: conditions('True', 'Source locked and operation in progress', 'False', 'Not ready'),
      });
      return;
    }
    const backups = ((content.spec as Any).volumeBackups ?? []) as Any[];
    const volStatus = backups.map((b) => {
      const vs = vss.get(`${ns}/${b.volumeSnapshotName}`);
      const st = (vs?.status ?? {}) as Any;
      return { volumeSnapshotName: b.volumeSnapshotName, readyToUse: !!st.readyToUse, ...(st.creationTime ? { creationTime: st.creationTime } : {}) };
    });
    const phase = snapshotPhase(volStatus.map((v) => v.readyToUse), !!vm);
    if (phase !== 'Succeeded') return;
    const created = volStatus.map((v) => v.creationTime).filter(Boolean).sort()[0] ?? rfc3339(clock.now());
    await client.updateStatus(VM_SNAPSHOT_CONTENTS, { ...content, status: { sourceUID: status.sourceUID, creationTime: created, readyToUse: true, volumeSnapshotStatus: volStatus } });
    await write(snap, { ...status, phase: 'Succeeded', readyToUse: true, creationTime: created, conditions: conditions('False', 'Operation complete', 'True', 'Operation complete') });
    await events.record(snap, 'Normal', 'SuccessfulVirtualMachineSnapshotCreate', `Successfully created snapshot ${snap.metadata.name} of VirtualMachine ${src.name}`);
  }

  async function write(snap: KubeObject, status: Any): Promise<void> {
    if (JSON.stringify(snap.status) === JSON.stringify(status)) return;
    await client.updateStatus(VM_SNAPSHOTS, { ...snap, status });
  }

  function conditions(progressing: string, progressingReason: string, ready: string, readyReason: string): Any[] {
    const at = rfc3339(clock.now());
    return [
      { type: 'Progressing', status: progressing, reason: progressingReason, lastTransitionTime: at, lastProbeTime: null },
      { type: 'Ready', status: ready, reason: readyReason, lastTransitionTime: at, lastProbeTime: null },
    ];
  }
}
