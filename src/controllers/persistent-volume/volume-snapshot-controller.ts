/**
 * The CSI snapshot controller and csi-snapshotter sidecar in one: a VolumeSnapshot of
 * a bound claim gets a snapshot through the provisioner, a VolumeSnapshotContent
 * `snapcontent-<snapshot uid>` bound to it, and `readyToUse`, `restoreSize` and
 * `creationTime` in its status; deleting the snapshot applies the content's
 * deletionPolicy (kubernetes-csi/external-snapshotter).
 */
import type { KubeObject } from '../../api/types.js';
import { EventRecorder } from '../../client/event-recorder.js';
import { objectKeyOf } from '../../client/informer.js';
import type { Clock } from '../../lib/clock.js';
import { rfc3339 } from '../../lib/clock.js';
import type { Manager } from '../../runtime/manager.js';
import { bytesQuantity } from './claim-plan.js';
import type { VolumeProvisioner } from './provisioner.js';
import { isCode, PVCS, PVS, VOLUME_SNAPSHOT_CLASSES, VOLUME_SNAPSHOT_CONTENTS, VOLUME_SNAPSHOTS } from './resources.js';

type Any = Record<string, any>;

/** Registers the VolumeSnapshot controller. */
export function registerVolumeSnapshotController(mgr: Manager, clock: Clock, provisioner: VolumeProvisioner): void {
  const client = mgr.client;
  const snaps = mgr.informer(VOLUME_SNAPSHOTS);
  const contents = mgr.informer(VOLUME_SNAPSHOT_CONTENTS);
  const classes = mgr.informer(VOLUME_SNAPSHOT_CLASSES);
  const pvcs = mgr.informer(PVCS);
  const pvs = mgr.informer(PVS);
  const events = new EventRecorder(client, clock, 'snapshot-controller');
  const ctl = mgr.controller('volumesnapshot', reconcile, 1);
  const gc = mgr.controller('volumesnapshotcontent', reconcileContent, 1);
  snaps.on({ add: (o) => ctl.enqueue(objectKeyOf(o)), update: (_, o) => ctl.enqueue(objectKeyOf(o)), delete: (o) => gc.enqueue(contentName(o)) });
  pvcs.on({ update: (_, pvc) => snaps.list().forEach((s) => s.metadata.namespace === pvc.metadata.namespace && !(s.status as Any)?.readyToUse && ctl.enqueue(objectKeyOf(s))) });

  async function reconcile(key: string): Promise<void> {
    const vs = snaps.get(key);
    if (!vs || vs.metadata.deletionTimestamp) return;
    if ((vs.status as Any)?.readyToUse) return;
    const claimName = (vs.spec as Any)?.source?.persistentVolumeClaimName;
    if (!claimName) return;
    const pvc = pvcs.get(`${vs.metadata.namespace}/${claimName}`);
    const pv = pvc && pvs.get((pvc.spec as Any)?.volumeName ?? '');
    if (!pv) {
      await events.record(vs, 'Warning', 'SnapshotPending', `Failed to get snapshot source: the PVC ${claimName} is not yet bound to a PV, will not attempt to take a snapshot`);
      return;
    }
    const driver = (pv.spec as Any).csi?.driver;
    const className = (vs.spec as Any).volumeSnapshotClassName ?? classes.list().find((c) => c.driver === driver && c.metadata.annotations?.['snapshot.storage.kubernetes.io/is-default-class'] === 'true')?.metadata.name;
    const cls = className ? classes.get(className) : undefined;
    const now = clock.now();
    await events.record(vs, 'Normal', 'CreatingSnapshot', `Waiting for a snapshot ${key} to be created by the CSI driver.`);
    const info = await provisioner.snapshot((pv.spec as Any).csi.volumeHandle, `snapshot-${vs.metadata.uid}`, now);
    const name = contentName(vs);
    const creationNs = info.creationTimeMs * 1e6;
    let content: KubeObject | undefined = contents.get(name);
    if (!content) {
      try {
        content = await client.create(VOLUME_SNAPSHOT_CONTENTS, {
          apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshotContent',
          metadata: { name },
          spec: {
            deletionPolicy: (cls?.deletionPolicy as string) ?? 'Delete',
            driver,
            source: { volumeHandle: (pv.spec as Any).csi.volumeHandle },
            ...(className ? { volumeSnapshotClassName: className } : {}),
            volumeSnapshotRef: { apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshot', name: vs.metadata.name, namespace: vs.metadata.namespace, uid: vs.metadata.uid, resourceVersion: vs.metadata.resourceVersion },
          },
        });
      } catch (e) {
        if (!isCode(e, 409)) throw e;
        content = await client.get(VOLUME_SNAPSHOT_CONTENTS, undefined, name);
      }
      await client.updateStatus(VOLUME_SNAPSHOT_CONTENTS, { ...(content as KubeObject), status: { creationTime: creationNs, readyToUse: info.readyToUse, restoreSize: info.restoreSizeBytes, snapshotHandle: info.snapshotHandle } });
    }
    await client.updateStatus(VOLUME_SNAPSHOTS, { ...vs, status: { boundVolumeSnapshotContentName: name, creationTime: rfc3339(info.creationTimeMs), readyToUse: info.readyToUse, restoreSize: bytesQuantity(info.restoreSizeBytes) } });
    await events.record(vs, 'Normal', 'SnapshotCreated', `Snapshot ${key} was successfully created by the CSI driver.`);
    await events.record(vs, 'Normal', 'SnapshotReady', `Snapshot ${key} is ready to use.`);
  }

  async function reconcileContent(name: string): Promise<void> {
    const content = contents.get(name);
    if (!content) return;
    const ref = (content.spec as Any).volumeSnapshotRef as Any;
    const vs = snaps.get(`${ref.namespace}/${ref.name}`);
    if (vs && vs.metadata.uid === ref.uid) return;
    if ((content.spec as Any).deletionPolicy !== 'Delete') return;
    const handle = (content.status as Any)?.snapshotHandle;
    if (handle) await provisioner.deleteSnapshot(handle);
    await client.delete(VOLUME_SNAPSHOT_CONTENTS, undefined, name).catch((e) => {
      if (!isCode(e, 404)) throw e;
    });
  }
}

/** The content name the snapshot controller gives a dynamically created snapshot. */
export function contentName(vs: KubeObject): string {
  return `snapcontent-${vs.metadata.uid}`;
}
