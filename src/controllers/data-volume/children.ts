/**
 * The objects a DataVolume creates, as CDI renders them: its claim (from `spec.pvc`,
 * or `spec.storage` completed by the StorageProfile, with CDI's filesystem overhead),
 * the importer pod `importer-<claim>` and the upload server pod `cdi-upload-<claim>`,
 * with CDI's labels and annotations.
 */
import type { KubeObject } from '../../api/types.js';
import { quantityValue } from '../../lib/quantity.js';
import { ownerRef } from '../persistent-volume/resources.js';
import type { ClaimPropertySet } from '../storage-profile/capabilities.js';
import { resolveClaimProperties } from '../storage-profile/resolve.js';
import type { SourceKind } from './plan.js';

type Any = Record<string, any>;

/** CDI's annotations on claims and pods (pkg/controller/common/util.go). */
export const ANN = {
  endpoint: 'cdi.kubevirt.io/storage.import.endpoint',
  source: 'cdi.kubevirt.io/storage.import.source',
  contentType: 'cdi.kubevirt.io/storage.contentType',
  podPhase: 'cdi.kubevirt.io/storage.pod.phase',
  podReady: 'cdi.kubevirt.io/storage.pod.ready',
  podRestarts: 'cdi.kubevirt.io/storage.pod.restarts',
  prePopulated: 'cdi.kubevirt.io/storage.prePopulated',
  populatedFor: 'cdi.kubevirt.io/storage.populatedFor',
  createdBy: 'cdi.kubevirt.io/storage.createdByController',
  cloneRequest: 'k8s.io/CloneRequest',
  cloneType: 'cdi.kubevirt.io/cloneType',
  usePopulator: 'cdi.kubevirt.io/storage.usePopulator',
  copyStarted: 'twin.ove.dev/host-copy-started',
  copySeconds: 'twin.ove.dev/host-copy-seconds',
} as const;

/** The labels CDI puts on what it creates (common.CDILabelKey/Value, app.kubernetes.io/*). */
export const CDI_LABELS = { app: 'containerized-data-importer', 'app.kubernetes.io/component': 'storage', 'app.kubernetes.io/managed-by': 'cdi-controller' };

/** The importer image of OpenShift Virtualization 4.16 (the pod model knows `cdi-importer` images' size). */
export const IMPORTER_IMAGE = 'registry.redhat.io/container-native-virtualization/virt-cdi-importer-rhel9:v4.16.0';
/** The upload server image of the same release. */
export const UPLOAD_IMAGE = 'registry.redhat.io/container-native-virtualization/virt-cdi-uploadserver-rhel9:v4.16.0';
/** CDIConfig's default filesystem overhead (`filesystemOverhead.global`: 5.5 %). */
export const FILESYSTEM_OVERHEAD = 0.055;

/** A rendered claim, or why it cannot be rendered yet. */
export type RenderedClaim = { ok: true; pvc: KubeObject } | { ok: false; message: string };

/** Renders the DataVolume's claim. */
export function renderClaim(dv: KubeObject, source: SourceKind, sets: ClaimPropertySet[] | undefined, defaultClass: string | undefined, dataSource?: Any, sourceSize?: string): RenderedClaim {
  const spec = (dv.spec ?? {}) as Any;
  const annotations: Record<string, string> = { [ANN.contentType]: spec.contentType ?? 'kubevirt', [ANN.createdBy]: 'yes', 'cdi.kubevirt.io/createdForDataVolume': dv.metadata.uid ?? '' };
  const src = spec.source?.[source] ?? {};
  if (src.url) {
    annotations[ANN.endpoint] = src.url;
    annotations[ANN.source] = source;
  }
  if (source === 'blank') annotations[ANN.source] = 'none';
  if (source === 'upload') annotations['cdi.kubevirt.io/storage.upload.target'] = '';
  if (source === 'pvc') annotations[ANN.cloneRequest] = `${src.namespace ?? dv.metadata.namespace}/${src.name}`;
  let claimSpec: Any;
  if (spec.pvc) {
    claimSpec = structuredClone(spec.pvc);
  } else {
    const st = (spec.storage ?? {}) as Any;
    const resolved = resolveClaimProperties(st.accessModes, st.volumeMode, sets);
    if (!resolved.ok) return resolved;
    const requested = st.resources?.requests?.storage ?? sourceSize;
    if (requested === undefined) return { ok: false, message: 'DataVolume spec is missing the storage size' };
    // CDI enlarges Filesystem claims so the disk image still fits after the filesystem's own overhead.
    const size = resolved.volumeMode === 'Filesystem' ? String(Math.ceil(Number(quantityValue(String(requested))) / (1 - FILESYSTEM_OVERHEAD))) : String(requested);
    claimSpec = {
      accessModes: resolved.accessModes,
      volumeMode: resolved.volumeMode,
      resources: { requests: { storage: size } },
      ...(st.storageClassName ?? defaultClass ? { storageClassName: st.storageClassName ?? defaultClass } : {}),
      ...(st.selector ? { selector: st.selector } : {}),
    };
  }
  if (dataSource) claimSpec.dataSource = dataSource;
  return {
    ok: true,
    pvc: {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: dv.metadata.name, namespace: dv.metadata.namespace, labels: { ...CDI_LABELS, ...(dv.metadata.labels ?? {}) }, annotations, ownerReferences: [ownerRef(dv)] },
      spec: claimSpec,
    },
  };
}

/** The importer pod for a claim (`importer-<claim>`), owned by the claim, restartPolicy OnFailure. */
export function importerPod(dv: KubeObject, pvc: KubeObject, source: SourceKind): KubeObject {
  const spec = pvc.spec as Any;
  const block = spec.volumeMode === 'Block';
  const url = ((dv.spec as Any).source?.[source] ?? {}).url ?? '';
  const env = [
    { name: 'IMPORTER_SOURCE', value: source === 'blank' ? 'none' : source },
    { name: 'IMPORTER_ENDPOINT', value: url },
    { name: 'IMPORTER_CONTENTTYPE', value: (dv.spec as Any).contentType ?? 'kubevirt' },
    { name: 'IMPORTER_IMAGE_SIZE', value: String(spec.resources?.requests?.storage ?? '') },
    { name: 'OWNER_UID', value: pvc.metadata.uid ?? '' },
    { name: 'FILESYSTEM_OVERHEAD', value: block ? '0' : String(FILESYSTEM_OVERHEAD) },
  ];
  return workerPod(`importer-${pvc.metadata.name}`, pvc, 'importer', IMPORTER_IMAGE, env, block, 'OnFailure');
}

/** The upload server pod for a claim (`cdi-upload-<claim>`). */
export function uploadPod(pvc: KubeObject): KubeObject {
  const block = (pvc.spec as Any).volumeMode === 'Block';
  return workerPod(`cdi-upload-${pvc.metadata.name}`, pvc, 'cdi-upload-server', UPLOAD_IMAGE, [{ name: 'OWNER_UID', value: pvc.metadata.uid ?? '' }], block, 'OnFailure');
}

function workerPod(name: string, pvc: KubeObject, role: string, image: string, env: Any[], block: boolean, restartPolicy: string): KubeObject {
  const container: Any = {
    name: role === 'importer' ? 'importer' : 'cdi-upload-server',
    image,
    imagePullPolicy: 'IfNotPresent',
    args: ['-v=1'],
    env,
    // CDIConfig's default pod resource requirements.
    resources: { limits: { cpu: '750m', memory: '600M' }, requests: { cpu: '100m', memory: '60M' } },
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    ...(block ? { volumeDevices: [{ name: 'cdi-data-vol', devicePath: '/dev/cdi-block-volume' }] } : { volumeMounts: [{ name: 'cdi-data-vol', mountPath: '/data' }] }),
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: pvc.metadata.namespace,
      labels: { ...CDI_LABELS, 'cdi.kubevirt.io': role, 'prometheus.cdi.kubevirt.io': 'true' },
      annotations: { [ANN.createdBy]: 'yes' },
      ownerReferences: [ownerRef(pvc)],
    },
    spec: {
      containers: [container],
      restartPolicy,
      securityContext: { fsGroup: 107, runAsNonRoot: true, runAsUser: 107, seccompProfile: { type: 'RuntimeDefault' } },
      volumes: [{ name: 'cdi-data-vol', persistentVolumeClaim: { claimName: pvc.metadata.name, readOnly: false } }],
    },
  };
}
