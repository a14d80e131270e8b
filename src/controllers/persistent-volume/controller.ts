/**
 * The PV controller with a built-in CSI external-provisioner: claims of StorageClasses
 * whose driver the provisioner serves get a volume (`pvc-<uid>`), are bound to it
 * (Immediate, or WaitForFirstConsumer once a pod using the claim has a node), and
 * volumes whose claims are gone are released and reclaimed (Delete or Retain).
 * Events as kube and external-provisioner write them.
 */
import type { KubeObject } from '../../api/types.js';
import { EventRecorder } from '../../client/event-recorder.js';
import { objectKeyOf } from '../../client/informer.js';
import type { Clock } from '../../lib/clock.js';
import { quantityValue } from '../../lib/quantity.js';
import type { Manager } from '../../runtime/manager.js';
import { BIND_COMPLETED, BOUND_BY_CONTROLLER, bytesQuantity, planClaim, planVolume, PROVISIONED_BY, SELECTED_NODE, STORAGE_PROVISIONER, STORAGE_PROVISIONER_BETA } from './claim-plan.js';
import { ProvisioningError, type ClonedVolume, type ProvisionedVolume, type VolumeProvisioner, type VolumeRequest } from './provisioner.js';
import { isCode, PODS, PVCS, PVS, STORAGE_CLASSES, VOLUME_SNAPSHOT_CONTENTS, VOLUME_SNAPSHOTS } from './resources.js';

/** On a PV made by cloning: the source volume handle, and whether the clone is copy-on-write. */
export const CLONE_OF = 'twin.ove.dev/clone-of';
/** On a PV made by cloning or restoring: `true` when it shares blocks with its source. */
export const COPY_ON_WRITE = 'twin.ove.dev/copy-on-write';

type Any = Record<string, any>;

/** Registers the PV controller and provisioner; returns nothing to stop (the manager owns the loops). */
export function registerPersistentVolumeController(mgr: Manager, clock: Clock, provisioner: VolumeProvisioner): void {
  const client = mgr.client;
  const pvcs = mgr.informer(PVCS);
  const pvs = mgr.informer(PVS);
  const classes = mgr.informer(STORAGE_CLASSES);
  const pods = mgr.informer(PODS);
  const snapshots = mgr.informer(VOLUME_SNAPSHOTS);
  const contents = mgr.informer(VOLUME_SNAPSHOT_CONTENTS);
  const pvEvents = new EventRecorder(client, clock, 'persistentvolume-controller');
  const drivers = provisioner.drivers();
  const provEvents = new Map<string, EventRecorder>();
  const provRecorder = (driver: string) => {
    let r = provEvents.get(driver);
    if (!r) provEvents.set(driver, (r = new EventRecorder(client, clock, `${driver}_csi-provisioner`)));
    return r;
  };

  const claims = mgr.controller('persistentvolume-claims', reconcileClaim, 2);
  const volumes = mgr.controller('persistentvolume-volumes', reconcileVolume, 1);
  pvcs.on({ add: (o) => claims.enqueue(objectKeyOf(o)), update: (_, o) => claims.enqueue(objectKeyOf(o)), delete: (o) => {
    const vn = (o.spec as Any)?.volumeName;
    if (vn) volumes.enqueue(vn);
    volumes.enqueue(`pvc-${o.metadata.uid}`);
  } });
  const claimOfPv = (pv: KubeObject) => {
    const ref = (pv.spec as Any)?.claimRef;
    if (ref?.namespace && ref?.name) claims.enqueue(`${ref.namespace}/${ref.name}`);
    volumes.enqueue(pv.metadata.name!);
  };
  const unbound = () => pvcs.list().forEach((c) => !(c.spec as Any)?.volumeName && claims.enqueue(objectKeyOf(c)));
  pvs.on({ add: (o) => (claimOfPv(o), unbound()), update: (_, o) => claimOfPv(o), delete: claimOfPv });
  classes.on({ add: () => pvcs.list().forEach((c) => claims.enqueue(objectKeyOf(c))) });
  const podClaims = (p: KubeObject) => {
    for (const v of ((p.spec as Any)?.volumes ?? []) as Any[]) if (v.persistentVolumeClaim?.claimName) claims.enqueue(`${p.metadata.namespace}/${v.persistentVolumeClaim.claimName}`);
  };
  pods.on({ add: podClaims, update: (_, p) => podClaims(p) });
  snapshots.on({ update: () => pvcs.list().forEach((c) => !(c.spec as Any)?.volumeName && claims.enqueue(objectKeyOf(c))) });

  async function reconcileClaim(key: string): Promise<void> {
    const pvc = pvcs.get(key);
    if (!pvc) return;
    const spec = (pvc.spec ?? {}) as Any;
    const sc = spec.storageClassName ? classes.get(spec.storageClassName) : undefined;
    const pv = pvs.get(spec.volumeName ?? `pvc-${pvc.metadata.uid}`);
    const action = planClaim({ pvc, storageClass: sc, pv, drivers, volumes: pvs.list() });
    switch (action.kind) {
      case 'none':
        return;
      case 'no-class':
        await pvEvents.record(pvc, 'Warning', spec.storageClassName ? 'ProvisioningFailed' : 'FailedBinding', action.message);
        return;
      case 'external':
        await annotateProvisioner(pvc, action.provisioner);
        await pvEvents.record(pvc, 'Normal', 'ExternalProvisioning', externalMessage(action.provisioner));
        return;
      case 'wait-for-consumer': {
        const node = consumerNode(pvc);
        if (node) {
          await client.patch(PVCS, pvc.metadata.namespace, pvc.metadata.name!, 'merge', { metadata: { annotations: { [SELECTED_NODE]: node } } });
          return;
        }
        await pvEvents.record(pvc, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
        return;
      }
      case 'provision':
        return provision(pvc, sc!, action.pvName, action.provisioner);
      case 'bind': {
        const annotations = { ...pvc.metadata.annotations, [BIND_COMPLETED]: 'yes', [BOUND_BY_CONTROLLER]: 'yes' };
        await client.update(PVCS, { ...pvc, metadata: { ...pvc.metadata, annotations }, spec: { ...spec, volumeName: action.pvName } });
        return;
      }
      case 'bind-existing': {
        const target = pvs.get(action.pvName)!;
        const ref = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid: pvc.metadata.uid, resourceVersion: pvc.metadata.resourceVersion };
        await client.update(PVS, { ...target, metadata: { ...target.metadata, annotations: { ...target.metadata.annotations, [BOUND_BY_CONTROLLER]: 'yes' } }, spec: { ...(target.spec as Any), claimRef: ref } });
        const annotations = { ...pvc.metadata.annotations, [BIND_COMPLETED]: 'yes', [BOUND_BY_CONTROLLER]: 'yes' };
        await client.update(PVCS, { ...pvc, metadata: { ...pvc.metadata, annotations }, spec: { ...spec, volumeName: action.pvName } });
        return;
      }
      case 'sync-bound':
        return syncBound(pvc, pv!);
      case 'lost':
        if ((pvc.status as Any)?.phase === 'Lost') return;
        await client.updateStatus(PVCS, { ...pvc, status: { ...(pvc.status as Any), phase: 'Lost' } });
        await pvEvents.record(pvc, 'Warning', 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!');
    }
  }

  function consumerNode(pvc: KubeObject): string | undefined {
    for (const p of pods.list()) {
      if (p.metadata.namespace !== pvc.metadata.namespace) continue;
      const node = (p.spec as Any)?.nodeName;
      if (node && ((p.spec as Any).volumes ?? []).some((v: Any) => v.persistentVolumeClaim?.claimName === pvc.metadata.name)) return node;
    }
    return undefined;
  }

  async function annotateProvisioner(pvc: KubeObject, driver: string): Promise<void> {
    if (pvc.metadata.annotations?.[STORAGE_PROVISIONER] === driver) return;
    await client.patch(PVCS, pvc.metadata.namespace, pvc.metadata.name!, 'merge', { metadata: { annotations: { [STORAGE_PROVISIONER]: driver, [STORAGE_PROVISIONER_BETA]: driver } } });
  }

  async function provision(pvc: KubeObject, sc: KubeObject, pvName: string, driver: string): Promise<void> {
    const spec = pvc.spec as Any;
    await annotateProvisioner(pvc, driver);
    await pvEvents.record(pvc, 'Normal', 'ExternalProvisioning', externalMessage(driver));
    const events = provRecorder(driver);
    await events.record(pvc, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${pvc.metadata.namespace}/${pvc.metadata.name}"`);
    const req: VolumeRequest = {
      name: pvName,
      bytes: Number(quantityValue(String(spec.resources?.requests?.storage ?? '0'))),
      accessModes: spec.accessModes ?? [],
      volumeMode: spec.volumeMode === 'Block' ? 'Block' : 'Filesystem',
      parameters: (sc.parameters ?? {}) as Record<string, string>,
    };
    let vol: ProvisionedVolume | ClonedVolume;
    const annotations: Record<string, string> = { [PROVISIONED_BY]: driver, 'volume.kubernetes.io/provisioner-deletion-secret-name': '', 'volume.kubernetes.io/provisioner-deletion-secret-namespace': '' };
    try {
      const source = await dataSourceHandle(pvc);
      if (source === 'wait') return;
      if (source?.kind === 'volume') vol = await provisioner.cloneFrom(source.handle, req, sc);
      else if (source?.kind === 'snapshot') vol = await provisioner.restoreSnapshot(source.handle, req, sc);
      else vol = await provisioner.provision(req, sc);
      if (source) {
        annotations[CLONE_OF] = source.handle;
        annotations[COPY_ON_WRITE] = String((vol as ClonedVolume).copyOnWrite);
      }
    } catch (e) {
      if (!(e instanceof ProvisioningError)) throw e;
      const msg = `failed to provision volume with StorageClass "${sc.metadata.name}": rpc error: code = ${e.grpcCode} desc = ${e.message}`;
      await events.record(pvc, 'Warning', 'ProvisioningFailed', msg);
      throw e;
    }
    const pv: KubeObject = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: pvName, annotations },
      spec: {
        accessModes: req.accessModes,
        capacity: { storage: bytesQuantity(vol.capacityBytes) },
        claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid: pvc.metadata.uid, resourceVersion: pvc.metadata.resourceVersion },
        csi: {
          driver,
          volumeHandle: vol.volumeHandle,
          ...(req.volumeMode === 'Filesystem' ? { fsType: (sc.parameters as Any)?.['csi.storage.k8s.io/fstype'] ?? (sc.parameters as Any)?.fsType ?? 'ext4' } : {}),
          volumeAttributes: { ...vol.volumeAttributes, 'storage.kubernetes.io/csiProvisionerIdentity': `${driver}` },
        },
        persistentVolumeReclaimPolicy: (sc.reclaimPolicy as string) ?? 'Delete',
        storageClassName: sc.metadata.name,
        volumeMode: req.volumeMode,
        ...(sc.mountOptions ? { mountOptions: sc.mountOptions } : {}),
      },
    };
    try {
      await client.create(PVS, pv);
    } catch (e) {
      if (!isCode(e, 409)) throw e;
    }
    await events.record(pvc, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pvName}`);
  }

  /** The CSI handle of a claim's data source (a bound PVC or a ready VolumeSnapshot), or `wait`. */
  async function dataSourceHandle(pvc: KubeObject): Promise<{ kind: 'volume' | 'snapshot'; handle: string } | 'wait' | undefined> {
    const ds = ((pvc.spec as Any).dataSourceRef ?? (pvc.spec as Any).dataSource) as Any | undefined;
    if (!ds) return undefined;
    const ns = ds.namespace ?? pvc.metadata.namespace;
    if (ds.kind === 'PersistentVolumeClaim') {
      const src = pvcs.get(`${ns}/${ds.name}`);
      const srcPv = src && pvs.get((src.spec as Any)?.volumeName ?? '');
      if (!srcPv) throw new ProvisioningError('FailedPrecondition', `source PVC ${ns}/${ds.name} is not bound`);
      return { kind: 'volume', handle: (srcPv.spec as Any).csi.volumeHandle };
    }
    if (ds.kind === 'VolumeSnapshot') {
      const vs = snapshots.get(`${ns}/${ds.name}`);
      if (!vs) throw new ProvisioningError('NotFound', `snapshot ${ds.name} not found`);
      if (!(vs.status as Any)?.readyToUse) return 'wait';
      const content = contents.get((vs.status as Any).boundVolumeSnapshotContentName ?? '');
      const handle = (content?.status as Any)?.snapshotHandle;
      if (!handle) return 'wait';
      return { kind: 'snapshot', handle };
    }
    return undefined;
  }

  async function syncBound(pvc: KubeObject, pv: KubeObject): Promise<void> {
    if (await expandIfAsked(pvc, pv)) return;
    const pvSpec = pv.spec as Any;
    if ((pv.status as Any)?.phase !== 'Bound') await client.updateStatus(PVS, { ...pv, status: { phase: 'Bound', lastPhaseTransitionTime: new Date(clock.now()).toISOString().replace(/\.\d+Z$/, 'Z') } });
    const want = { phase: 'Bound', accessModes: pvSpec.accessModes, capacity: pvSpec.capacity };
    const cur = (pvc.status ?? {}) as Any;
    if (cur.phase === want.phase && JSON.stringify(cur.capacity) === JSON.stringify(want.capacity) && JSON.stringify(cur.accessModes) === JSON.stringify(want.accessModes)) return;
    await client.updateStatus(PVCS, { ...pvc, status: { ...cur, ...want } });
  }

  /** external-resizer: a bound claim asking for more than its volume has is expanded when its class allows it. */
  async function expandIfAsked(pvc: KubeObject, pv: KubeObject): Promise<boolean> {
    const want = Number(quantityValue(String((pvc.spec as Any).resources?.requests?.storage ?? '0')));
    const have = Number(quantityValue(String((pv.spec as Any).capacity?.storage ?? '0')));
    if (want <= have) return false;
    const sc = classes.get((pvc.spec as Any).storageClassName ?? '');
    const driver = (pv.spec as Any).csi?.driver;
    if (!sc?.allowVolumeExpansion || !drivers.includes(driver)) return false;
    const events = provRecorder(driver);
    await events.record(pvc, 'Normal', 'Resizing', `External resizer is resizing volume ${pv.metadata.name}`);
    const bytes = await provisioner.expand((pv.spec as Any).csi.volumeHandle, want);
    await client.update(PVS, { ...pv, spec: { ...(pv.spec as Any), capacity: { storage: bytesQuantity(bytes) } } });
    await events.record(pvc, 'Normal', 'VolumeResizeSuccessful', `Resize volume succeeded`);
    return true;
  }

  async function reconcileVolume(name: string): Promise<void> {
    const pv = pvs.get(name);
    if (!pv) return;
    const ref = (pv.spec as Any).claimRef as Any | undefined;
    const claim = ref ? pvcs.get(`${ref.namespace}/${ref.name}`) : undefined;
    let action = planVolume(pv, claim);
    // Volumes of other provisioners (local volumes: the Local Storage Operator) are only released; their owner reclaims them.
    if (action.kind === 'delete' && !drivers.includes((pv.spec as Any).csi?.driver)) action = (pv.status as Any)?.phase === 'Released' ? { kind: 'none' } : { kind: 'release' };
    if (action.kind === 'available') {
      await client.updateStatus(PVS, { ...pv, status: { ...(pv.status as Any), phase: 'Available' } });
    } else if (action.kind === 'release') {
      await client.updateStatus(PVS, { ...pv, status: { ...(pv.status as Any), phase: 'Released' } });
    } else if (action.kind === 'delete') {
      await provisioner.delete((pv.spec as Any).csi?.volumeHandle ?? '');
      await client.delete(PVS, undefined, name).catch((e) => {
        if (!isCode(e, 404)) throw e;
      });
    }
  }
}

/** The PV controller's event while a claim waits for an external provisioner (kube 1.29+ wording). */
export function externalMessage(driver: string): string {
  return `Waiting for a volume to be created either by the external provisioner '${driver}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`;
}
