/**
 * The VirtualMachineRestore controller: waits for a ready snapshot and a stopped
 * target (per `targetReadinessPolicy`), creates a claim from each VolumeSnapshot
 * (names per `volumeRestorePolicy`, marked pre-populated for CDI), writes the
 * snapshot's VM spec onto the target (or creates it, for clones), deletes the
 * DataVolumes the restore replaced, and reports `complete`.
 */
import type { KubeObject } from '../../api/types.js';
import { EventRecorder } from '../../client/event-recorder.js';
import { objectKeyOf } from '../../client/informer.js';
import type { Clock } from '../../lib/clock.js';
import { rfc3339 } from '../../lib/clock.js';
import type { Manager } from '../../runtime/manager.js';
import { ANN } from '../data-volume/children.js';
import { DATA_VOLUMES, isCode, PVCS, VM_RESTORES, VM_SNAPSHOT_CONTENTS, VM_SNAPSHOTS, VMIS, VMS } from '../persistent-volume/resources.js';
import { applyPatches, remapSpec, restoreClaimName, restoredAnnotations, targetReadiness } from './plan.js';

type Any = Record<string, any>;

/** On restored claims and the restored VM: which restore made them. */
export const RESTORE_NAME = 'restore.kubevirt.io/name';
/** On the target VM: the last restore applied (`<name>-<uid>`). */
export const LAST_RESTORE = 'restore.kubevirt.io/lastRestoreUID';

/** Registers the VirtualMachineRestore controller. */
export function registerVmRestoreController(mgr: Manager, clock: Clock): void {
  const client = mgr.client;
  const restores = mgr.informer(VM_RESTORES);
  const snaps = mgr.informer(VM_SNAPSHOTS);
  const contents = mgr.informer(VM_SNAPSHOT_CONTENTS);
  const vms = mgr.informer(VMS);
  const vmis = mgr.informer(VMIS);
  const pvcs = mgr.informer(PVCS);
  const events = new EventRecorder(client, clock, 'restore-controller');
  const ctl = mgr.controller('vmrestore', reconcile, 1);
  const all = (ns?: string) => restores.list().forEach((r) => (!ns || r.metadata.namespace === ns) && !(r.status as Any)?.complete && ctl.enqueue(objectKeyOf(r)));
  restores.on({ add: (o) => ctl.enqueue(objectKeyOf(o)), update: (_, o) => ctl.enqueue(objectKeyOf(o)) });
  snaps.on({ update: (_, o) => all(o.metadata.namespace) });
  vmis.on({ delete: (o) => all(o.metadata.namespace) });
  pvcs.on({ update: (_, o) => all(o.metadata.namespace), delete: (o) => all(o.metadata.namespace) });

  async function reconcile(key: string): Promise<{ requeueAfterMs?: number } | void> {
    const restore = restores.get(key);
    if (!restore || restore.metadata.deletionTimestamp) return;
    const status = (restore.status ?? {}) as Any;
    if (status.complete) return;
    const ns = restore.metadata.namespace!;
    const spec = restore.spec as Any;
    const snap = snaps.get(`${ns}/${spec.virtualMachineSnapshotName}`);
    const content = snap && contents.get(`${ns}/${(snap.status as Any)?.virtualMachineSnapshotContentName}`);
    if (!snap || !(snap.status as Any)?.readyToUse || !content) {
      await write(restore, { ...status, complete: false, conditions: conditions('True', 'Waiting for the snapshot to be ready', 'False', 'Waiting for the snapshot to be ready') });
      return;
    }
    const target = spec.target.name as string;
    const vm = vms.get(`${ns}/${target}`);
    const vmi = vmis.get(`${ns}/${target}`);
    const age = (clock.now() - Date.parse(restore.metadata.creationTimestamp ?? rfc3339(clock.now()))) / 1000;
    const readiness = targetReadiness(!!vmi && !vmi.metadata.deletionTimestamp, spec.targetReadinessPolicy, age);
    if (readiness === 'fail') {
      const msg = `Restore target VirtualMachine ${target} is not ready: it must be stopped (targetReadinessPolicy ${spec.targetReadinessPolicy ?? 'WaitGracePeriod'})`;
      if ((status.conditions ?? []).some((c: Any) => c.reason === msg)) return;
      await write(restore, { ...status, complete: false, conditions: conditions('False', msg, 'False', msg) });
      await events.record(restore, 'Warning', 'VirtualMachineRestoreError', msg);
      return;
    }
    if (readiness === 'stop' && vm) {
      await client.patch(VMS, ns, target, 'merge', { spec: { runStrategy: 'Halted', running: null } });
      return { requeueAfterMs: 1000 };
    }
    if (readiness !== 'ready') {
      await write(restore, { ...status, complete: false, conditions: conditions('True', `Waiting for target VirtualMachine ${target} to stop`, 'False', 'Waiting for target to be ready') });
      return { requeueAfterMs: 5000 };
    }

    const source = (content.spec as Any).source.virtualMachine as Any;
    const backups = ((content.spec as Any).volumeBackups ?? []) as Any[];
    const renames = new Map<string, string>();
    const restored: Any[] = [];
    for (const b of backups) {
      const original = b.persistentVolumeClaim.metadata.name as string;
      const name = restoreClaimName(spec.volumeRestorePolicy, restore, b.volumeName, original, target);
      renames.set(original, name);
      const isDv = ((source.spec?.template?.spec?.volumes ?? []) as Any[]).some((v) => v.name === b.volumeName && v.dataVolume);
      restored.push({ volumeName: b.volumeName, persistentVolumeClaim: name, volumeSnapshotName: b.volumeSnapshotName, ...(isDv ? { dataVolumeName: name } : {}) });
      const existing = pvcs.get(`${ns}/${name}`);
      if (existing && existing.metadata.annotations?.[RESTORE_NAME] !== restore.metadata.name) {
        // InPlace: the old claim goes first (its VM is stopped).
        if (!existing.metadata.deletionTimestamp) await client.delete(PVCS, ns, name);
        return { requeueAfterMs: 1000 };
      }
      if (!existing) {
        const { volumeName: _v, dataSourceRef: _r, dataSource: _d, ...claimSpec } = b.persistentVolumeClaim.spec as Any;
        const annotations = { ...restoredAnnotations(b.persistentVolumeClaim.metadata.annotations), [RESTORE_NAME]: restore.metadata.name!, ...(isDv ? { [ANN.prePopulated]: name } : {}) };
        await client.create(PVCS, {
          apiVersion: 'v1', kind: 'PersistentVolumeClaim',
          metadata: { name, namespace: ns, labels: b.persistentVolumeClaim.metadata.labels, annotations },
          spec: { ...claimSpec, dataSource: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: b.volumeSnapshotName } },
        }).catch((e) => {
          if (!isCode(e, 409)) throw e;
        });
      }
    }

    const stamp = `${restore.metadata.name}-${restore.metadata.uid}`;
    let targetVm = vm;
    const deleted: string[] = status.deletedDataVolumes ?? [];
    if (!vm || vm.metadata.annotations?.[LAST_RESTORE] !== stamp) {
      let newSpec = remapSpec(source.spec, renames);
      if (vm) {
        delete newSpec.running;
        delete newSpec.runStrategy;
        const cur = vm.spec as Any;
        newSpec = { ...newSpec, ...(cur.running !== undefined ? { running: cur.running } : {}), ...(cur.runStrategy !== undefined ? { runStrategy: cur.runStrategy } : {}) };
        const oldDvs = ((cur.dataVolumeTemplates ?? []) as Any[]).map((t) => t.metadata?.name as string);
        const keep = new Set(((newSpec.dataVolumeTemplates ?? []) as Any[]).map((t) => t.metadata?.name as string));
        const obj = applyPatches({ ...vm, metadata: { ...vm.metadata, annotations: { ...vm.metadata.annotations, [LAST_RESTORE]: stamp } }, spec: newSpec }, spec.patches ?? []);
        targetVm = await client.update(VMS, obj as KubeObject);
        for (const dv of oldDvs.filter((n) => !keep.has(n))) {
          await client.delete(DATA_VOLUMES, ns, dv).catch((e) => {
            if (!isCode(e, 404)) throw e;
          });
          if (!deleted.includes(dv)) deleted.push(dv);
        }
      } else {
        const obj = applyPatches({
          apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine',
          metadata: { name: target, namespace: ns, labels: source.metadata?.labels, annotations: { ...(source.metadata?.annotations ?? {}), [LAST_RESTORE]: stamp, [RESTORE_NAME]: restore.metadata.name } },
          spec: newSpec,
        }, spec.patches ?? []);
        targetVm = await client.create(VMS, obj as KubeObject).catch(async (e) => {
          if (!isCode(e, 409)) throw e;
          return client.get(VMS, ns, target);
        });
      }
    }
    let allBound = true;
    for (const r of restored) {
      const pvc = pvcs.get(`${ns}/${r.persistentVolumeClaim}`);
      if (!pvc) {
        allBound = false;
        continue;
      }
      if ((spec.volumeOwnershipPolicy ?? 'Vm') === 'Vm' && targetVm && !(pvc.metadata.ownerReferences ?? []).some((o) => o.uid === targetVm!.metadata.uid)) {
        await client.patch(PVCS, ns, pvc.metadata.name!, 'merge', { metadata: { ownerReferences: [{ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', name: target, uid: targetVm.metadata.uid, controller: true, blockOwnerDeletion: true }] } });
      }
      if ((pvc.status as Any)?.phase !== 'Bound') allBound = false;
    }
    if (!allBound) {
      await write(restore, { ...status, restores: restored, deletedDataVolumes: deleted, complete: false, conditions: conditions('True', 'Creating new PVCs', 'False', 'Waiting for new PVCs') });
      return;
    }
    await write(restore, { ...status, restores: restored, deletedDataVolumes: deleted, restoreTime: rfc3339(clock.now()), complete: true, conditions: conditions('False', 'Operation complete', 'True', 'Operation complete') });
    await events.record(restore, 'Normal', 'VirtualMachineRestoreComplete', `Successfully completed VirtualMachineRestore ${restore.metadata.name}`);
  }

  async function write(restore: KubeObject, status: Any): Promise<void> {
    const prev = (restore.status ?? {}) as Any;
    const strip = (s: Any) => JSON.stringify({ ...s, conditions: (s.conditions ?? []).map((c: Any) => ({ ...c, lastTransitionTime: undefined })) });
    if (strip(prev) === strip(status)) return;
    await client.updateStatus(VM_RESTORES, { ...restore, status });
  }

  function conditions(progressing: string, progressingReason: string, ready: string, readyReason: string): Any[] {
    const at = rfc3339(clock.now());
    return [
      { type: 'Progressing', status: progressing, reason: progressingReason, lastTransitionTime: at, lastProbeTime: null },
      { type: 'Ready', status: ready, reason: readyReason, lastTransitionTime: at, lastProbeTime: null },
    ];
  }
}
