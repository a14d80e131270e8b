/**
 * The DataVolume controller (CDI): renders the claim, runs the importer or upload
 * pod, clones by CSI clone, smart (snapshot) clone or host-assisted copy, and reports
 * phase, progress, restarts and the Bound / Ready / Running conditions.
 */
import type { KubeObject } from '../../api/types.js';
import { EventRecorder } from '../../client/event-recorder.js';
import { objectKeyOf } from '../../client/informer.js';
import type { Clock } from '../../lib/clock.js';
import type { Manager } from '../../runtime/manager.js';
import type { VolumeProvisioner } from '../persistent-volume/provisioner.js';
import { DATA_SOURCES, DATA_VOLUMES, isCode, PODS, PVCS, PVS, STORAGE_CLASSES, STORAGE_PROFILES, VOLUME_SNAPSHOTS } from '../persistent-volume/resources.js';
import { ANN, importerPod, renderClaim, uploadPod } from './children.js';
import { chooseCloneMethod } from './clone-method.js';
import { planDataVolume, sourceKindOf, type DvAction, type DvDecision, type DvObserved, type SourceKind } from './plan.js';
import { dvEvent, dvStatus } from './status.js';

type Any = Record<string, any>;

/** What the DataVolume controller needs besides the manager. */
export interface DataVolumeDeps {
  clock: Clock;
  provisioner: VolumeProvisioner;
  /** The running importer's progress (0–100) by pod key, as CDI reads the importer's progress metric. */
  importProgress: (podKey: string) => number | undefined;
  /** Seconds a host-assisted copy of `bytes` takes (the data plane's model). */
  hostCopySeconds: (bytes: number) => number;
}

/** Registers the DataVolume controller. */
export function registerDataVolumeController(mgr: Manager, deps: DataVolumeDeps): void {
  const { clock, provisioner, importProgress, hostCopySeconds } = deps;
  const client = mgr.client;
  const dvs = mgr.informer(DATA_VOLUMES);
  const pvcs = mgr.informer(PVCS);
  const pvs = mgr.informer(PVS);
  const pods = mgr.informer(PODS);
  const classes = mgr.informer(STORAGE_CLASSES);
  const profiles = mgr.informer(STORAGE_PROFILES);
  const snapshots = mgr.informer(VOLUME_SNAPSHOTS);
  const dataSources = mgr.informer(DATA_SOURCES);
  const events = new EventRecorder(client, clock, 'datavolume-controller');
  const ctl = mgr.controller('datavolume', reconcile, 2);
  const invalidClaim = new Map<string, string>();
  const enqueue = (k: string) => ctl.enqueue(k);
  // Clones wait on their source claim and DataVolume.
  const dependents = (ns: string | undefined, name: string | undefined) => {
    for (const d of dvs.list()) {
      const src = (d.spec as Any)?.source?.pvc;
      if (src && (src.namespace ?? d.metadata.namespace) === ns && src.name === name) enqueue(objectKeyOf(d));
    }
  };
  dvs.on({ add: (o) => enqueue(objectKeyOf(o)), update: (_, o) => (enqueue(objectKeyOf(o)), dependents(o.metadata.namespace, o.metadata.name)) });
  const onClaim = (o: KubeObject) => (enqueue(objectKeyOf(o)), dependents(o.metadata.namespace, o.metadata.name));
  pvcs.on({ add: onClaim, update: (_, o) => onClaim(o), delete: onClaim });
  const onPod = (p: KubeObject) => {
    const role = p.metadata.labels?.['cdi.kubevirt.io'];
    const claim = ((p.spec as Any)?.volumes ?? []).find((v: Any) => v.name === 'cdi-data-vol')?.persistentVolumeClaim?.claimName;
    if ((role === 'importer' || role === 'cdi-upload-server') && claim) enqueue(`${p.metadata.namespace}/${claim}`);
  };
  pods.on({ add: onPod, update: (_, p) => onPod(p), delete: onPod });
  snapshots.on({ update: (_, s) => s.metadata.annotations?.[FOR_DV] && enqueue(s.metadata.annotations[FOR_DV]) });
  profiles.on({ add: () => dvs.list().forEach((d) => !(d.status as Any)?.phase && enqueue(objectKeyOf(d))) });

  dataSources.on({ add: (d) => dvs.list().forEach((v) => (v.spec as Any)?.sourceRef?.name === d.metadata.name && enqueue(objectKeyOf(v))) });

  async function reconcile(key: string): Promise<{ requeueAfterMs?: number } | void> {
    const stored = dvs.get(key);
    if (!stored || stored.metadata.deletionTimestamp) return;
    const dv = resolveSourceRef(stored);
    const spec = (dv.spec ?? {}) as Any;
    const source = sourceKindOf(spec);
    const ns = dv.metadata.namespace!;
    const name = dv.metadata.name!;
    if (!source && spec.sourceRef) return writeStatus(stored, undefined, { phase: 'Pending', progress: 'N/A', restartCount: 0, running: { status: 'False', reason: 'NotFound', message: `DataSource ${spec.sourceRef.name} not found or has no source` }, actions: [] });
    if (!source) return writeStatus(stored, undefined, { phase: 'Failed', progress: 'N/A', restartCount: 0, running: { status: 'False', reason: 'Error', message: 'DataVolume has no source' }, actions: [] });
    const pvc = pvcs.get(key);
    const className = (pvc?.spec as Any)?.storageClassName ?? spec.storage?.storageClassName ?? spec.pvc?.storageClassName ?? defaultClass();
    const sc = className ? classes.get(className) : undefined;
    const profile = className ? profiles.get(className) : undefined;
    const podName = source === 'upload' ? `cdi-upload-${name}` : `importer-${name}`;
    const pod = pods.get(`${ns}/${podName}`);
    const cs = ((pod?.status as Any)?.containerStatuses ?? [])[0] as Any | undefined;
    const ann = pvc?.metadata.annotations ?? {};
    const clone = source === 'pvc' ? cloneState(dv, sc, profile) : undefined;
    const observed: DvObserved = {
      source,
      pvc: pvc && {
        bound: (pvc.status as Any)?.phase === 'Bound',
        lost: (pvc.status as Any)?.phase === 'Lost',
        podPhase: ann[ANN.podPhase],
        podReady: ann[ANN.podReady],
        prePopulated: ann[ANN.prePopulated] === name || ann[ANN.populatedFor] === name,
        copyStartedMs: ann[ANN.copyStarted] ? Number(ann[ANN.copyStarted]) : undefined,
        copySeconds: ann[ANN.copySeconds] ? Number(ann[ANN.copySeconds]) : undefined,
      },
      waitForFirstConsumer: sc?.volumeBindingMode === 'WaitForFirstConsumer',
      pod: pod && !pod.metadata.deletionTimestamp ? {
        phase: (pod.status as Any)?.phase ?? 'Pending',
        restartCount: cs?.restartCount ?? 0,
        running: !!cs?.state?.running,
        waitingReason: cs?.state?.waiting?.reason,
        lastMessage: cs?.lastState?.terminated?.message,
        message: cs?.state?.terminated?.message,
      } : undefined,
      progress: pod ? importProgress(`${ns}/${podName}`) : undefined,
      clone: clone?.state,
      previousRestarts: Number(ann[ANN.podRestarts] ?? 0) || ((dv.status as Any)?.restartCount ?? 0),
      now: clock.now(),
    };
    const decision = planDataVolume(observed);
    let requeue: number | undefined;
    for (const a of decision.actions) {
      const r = await act(a, dv, source, pvc, pod, sc, profile, clone);
      if (r && (requeue === undefined || r < requeue)) requeue = r;
      if (r === -1) return writeStatus(stored, undefined, { phase: 'Pending', progress: 'N/A', restartCount: 0, running: { status: 'False', reason: 'ErrClaimNotValid', message: invalidClaim.get(key) ?? '' }, actions: [] });
    }
    await writeStatus(stored, pvcs.get(key) ?? pvc, decision);
    return requeue !== undefined ? { requeueAfterMs: requeue } : undefined;
  }

  /** A `sourceRef` to a DataSource becomes the DataSource's pvc or snapshot source (CDI resolves it the same way). */
  function resolveSourceRef(dv: KubeObject): KubeObject {
    const spec = (dv.spec ?? {}) as Any;
    const ref = spec.sourceRef;
    if (spec.source || ref?.kind !== 'DataSource') return dv;
    const ds = dataSources.get(`${ref.namespace ?? dv.metadata.namespace}/${ref.name}`);
    const src = (ds?.spec as Any)?.source ?? {};
    if (src.pvc) return { ...dv, spec: { ...spec, source: { pvc: src.pvc } } };
    if (src.snapshot) return { ...dv, spec: { ...spec, source: { snapshot: src.snapshot } } };
    return dv;
  }

  function defaultClass(): string | undefined {
    return classes.list().find((c) => c.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true')?.metadata.name;
  }

  function cloneState(dv: KubeObject, sc: KubeObject | undefined, profile: KubeObject | undefined) {
    const src = (dv.spec as Any).source.pvc as Any;
    const srcNs = src.namespace ?? dv.metadata.namespace;
    const srcPvc = pvcs.get(`${srcNs}/${src.name}`);
    const srcDv = dvs.get(`${srcNs}/${src.name}`);
    const sourceReady = (srcPvc?.status as Any)?.phase === 'Bound' && (!srcDv || (srcDv.status as Any)?.phase === 'Succeeded');
    const choice = chooseCloneMethod(dv, srcPvc, sc, profile, sc ? provisioner.capabilities(sc) : undefined);
    const temp = snapshots.get(`${srcNs}/${tempSnapshotName(dv)}`);
    const tempSnapshot: 'absent' | 'pending' | 'ready' = !temp ? 'absent' : (temp.status as Any)?.readyToUse ? 'ready' : 'pending';
    return { state: { method: choice.method, sourceReady, tempSnapshot }, srcPvc, srcNs, srcName: src.name as string, fallback: choice.fallbackReason };
  }

  async function act(a: DvAction, dv: KubeObject, source: SourceKind, pvc: KubeObject | undefined, pod: KubeObject | undefined, sc: KubeObject | undefined, profile: KubeObject | undefined, clone: ReturnType<typeof cloneState> | undefined): Promise<number | undefined> {
    const ns = dv.metadata.namespace!;
    switch (a.kind) {
      case 'requeue':
        return a.afterMs;
      case 'create-pvc': {
        let dataSource: Any | undefined;
        if (source === 'snapshot') dataSource = { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: (dv.spec as Any).source.snapshot.name };
        if (clone?.state.method === 'csi-clone') dataSource = { kind: 'PersistentVolumeClaim', name: clone.srcName };
        if (clone?.state.method === 'snapshot') dataSource = { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: tempSnapshotName(dv) };
        const srcBytes = clone?.srcPvc ? String((clone.srcPvc.status as Any)?.capacity?.storage ?? '') : undefined;
        const sets = (profile?.status as Any)?.claimPropertySets;
        const r = renderClaim(dv, source, sets, sc?.metadata.name ?? defaultClass(), dataSource, srcBytes || undefined);
        if (!r.ok) {
          invalidClaim.set(objectKeyOf(dv), r.message);
          await events.record(dv, 'Warning', 'ErrClaimNotValid', r.message);
          return -1;
        }
        if (clone) {
          r.pvc.metadata.annotations![ANN.cloneType] = clone.state.method;
          if (clone.fallback) r.pvc.metadata.annotations!['cdi.kubevirt.io/cloneFallbackReason'] = clone.fallback;
        }
        await client.create(PVCS, r.pvc).catch((e) => {
          if (!isCode(e, 409)) throw e;
        });
        return undefined;
      }
      case 'create-pod': {
        if (!pvc) return undefined;
        const p = a.pod === 'upload' ? uploadPod(pvc) : importerPod(dv, pvc, source);
        await client.create(PODS, p).catch((e) => {
          if (!isCode(e, 409)) throw e;
        });
        return undefined;
      }
      case 'annotate-pod':
        if (pvc) await client.patch(PVCS, ns, pvc.metadata.name!, 'merge', { metadata: { annotations: { [ANN.podPhase]: a.phase, [ANN.podReady]: a.ready } } });
        return undefined;
      case 'complete': {
        if (!pvc) return undefined;
        const restarts = String(((pod?.status as Any)?.containerStatuses ?? [])[0]?.restartCount ?? 0);
        await client.patch(PVCS, ns, pvc.metadata.name!, 'merge', { metadata: { annotations: { [ANN.podPhase]: 'Succeeded', [ANN.podRestarts]: restarts, ...(source === 'upload' ? { [ANN.podReady]: 'false' } : {}) } } });
        if (clone && clone.state.method === 'copy') {
          const srcHandle = volumeHandle(clone.srcPvc);
          const dstHandle = volumeHandle(pvc);
          if (srcHandle && dstHandle) provisioner.write(dstHandle, provisioner.volume(srcHandle)?.usedBytes ?? 0);
        }
        // CDI deletes its worker pods once the claim is populated.
        if (pod) await client.delete(PODS, ns, pod.metadata.name!).catch((e) => {
          if (!isCode(e, 404)) throw e;
        });
        return undefined;
      }
      case 'create-temp-snapshot': {
        const snapClass = (profile?.status as Any)?.snapshotClass;
        await client.create(VOLUME_SNAPSHOTS, {
          apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshot',
          metadata: { name: tempSnapshotName(dv), namespace: clone!.srcNs, labels: { 'app.kubernetes.io/managed-by': 'cdi-controller' }, annotations: { [FOR_DV]: objectKeyOf(dv) } },
          spec: { source: { persistentVolumeClaimName: clone!.srcName }, ...(snapClass ? { volumeSnapshotClassName: snapClass } : {}) },
        }).catch((e) => {
          if (!isCode(e, 409)) throw e;
        });
        return undefined;
      }
      case 'delete-temp-snapshot':
        await client.delete(VOLUME_SNAPSHOTS, clone!.srcNs, tempSnapshotName(dv)).catch((e) => {
          if (!isCode(e, 404)) throw e;
        });
        return undefined;
      case 'start-copy': {
        if (!pvc || !clone) return undefined;
        const handle = volumeHandle(clone.srcPvc);
        const vol = handle ? provisioner.volume(handle) : undefined;
        const bytes = vol ? Math.max(vol.usedBytes, 1) : 0;
        const seconds = hostCopySeconds(bytes);
        await client.patch(PVCS, ns, pvc.metadata.name!, 'merge', { metadata: { annotations: { [ANN.copyStarted]: String(clock.now()), [ANN.copySeconds]: String(seconds) } } });
        return undefined;
      }
    }
  }

  function volumeHandle(pvc: KubeObject | undefined): string | undefined {
    const pv = pvc ? pvs.get((pvc.spec as Any)?.volumeName ?? '') : undefined;
    return (pv?.spec as Any)?.csi?.volumeHandle;
  }

  async function writeStatus(dv: KubeObject, pvc: KubeObject | undefined, d: DvDecision): Promise<void> {
    const prev = (dv.status ?? {}) as Any;
    const next = dvStatus(prev, pvc, d, clock.now());
    if (JSON.stringify(prev) === JSON.stringify(next)) return;
    await client.updateStatus(DATA_VOLUMES, { ...dv, status: next });
    const ev = dvEvent(dv, prev, next);
    if (ev) await events.record(dv, ev.type, ev.reason, ev.message);
  }
}

/** On CDI's temporary smart-clone snapshot: the DataVolume it serves. */
const FOR_DV = 'twin.ove.dev/for-datavolume';

/** The temporary snapshot of a smart clone (`cdi-tmp-<dv uid>`). */
export function tempSnapshotName(dv: KubeObject): string {
  return `cdi-tmp-${dv.metadata.uid}`;
}
