/**
 * Pod spec defaulting, as `pkg/apis/core/v1/defaults.go` does it (`SetDefaults_PodSpec`,
 * `SetDefaults_Container`, `SetDefaults_Probe`, volume sources, ...). Used for pods and for
 * every pod template (deployments, statefulsets, daemonsets, replicasets).
 */
import type { KubeObject } from '../types.js';

type Obj = Record<string, any>;

/** `DefaultTerminationGracePeriodSeconds` */
export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;
/** `DefaultSchedulerName` */
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';
/** File mode of projected secret/configMap/downwardAPI files (`SecretVolumeSourceDefaultMode` = 0644). */
const DEFAULT_MODE = 0o644;

/** `IfNotPresent` for images pinned by tag or digest, `Always` for `:latest` or no tag. */
export function defaultPullPolicy(image: string): string {
  if (image.includes('@')) return 'IfNotPresent';
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  const tag = colon >= 0 ? lastSegment.slice(colon + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultProbe(p: Obj | undefined): void {
  if (!p) return;
  p.timeoutSeconds ??= 1;
  p.periodSeconds ??= 10;
  p.successThreshold ??= 1;
  p.failureThreshold ??= 3;
  if (p.httpGet) {
    p.httpGet.path ??= '/';
    p.httpGet.scheme ??= 'HTTP';
  }
  if (p.grpc) p.grpc.service ??= '';
}

function defaultContainer(c: Obj, hostNetwork: boolean): void {
  if (typeof c.image === 'string' && !c.imagePullPolicy) c.imagePullPolicy = defaultPullPolicy(c.image);
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  // SetDefaults_Pod: a limit without a request makes the request equal to the limit.
  const { limits, requests } = c.resources;
  if (limits && typeof limits === 'object') {
    c.resources.requests = { ...limits, ...(requests ?? {}) };
  }
  for (const p of c.ports ?? []) {
    p.protocol ??= 'TCP';
    if (hostNetwork && p.hostPort === undefined) p.hostPort = p.containerPort;
  }
  for (const e of c.env ?? []) {
    if (e.valueFrom?.fieldRef) e.valueFrom.fieldRef.apiVersion ??= 'v1';
  }
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
}

function defaultVolume(v: Obj): void {
  const sources = ['hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image'];
  // SetDefaults_Volume: a volume with no source is an emptyDir.
  if (!sources.some((s) => v[s] !== undefined)) v.emptyDir = {};
  if (v.secret) v.secret.defaultMode ??= DEFAULT_MODE;
  if (v.configMap) v.configMap.defaultMode ??= DEFAULT_MODE;
  if (v.downwardAPI) v.downwardAPI.defaultMode ??= DEFAULT_MODE;
  if (v.projected) v.projected.defaultMode ??= DEFAULT_MODE;
  if (v.hostPath) v.hostPath.type ??= '';
  if (v.iscsi) v.iscsi.iscsiInterface ??= 'default';
  if (v.rbd) {
    v.rbd.pool ??= 'rbd';
    v.rbd.user ??= 'admin';
    v.rbd.keyring ??= '/etc/ceph/keyring';
  }
  if (v.azureDisk) {
    v.azureDisk.cachingMode ??= 'ReadWrite';
    v.azureDisk.fsType ??= 'ext4';
    v.azureDisk.readOnly ??= false;
    v.azureDisk.kind ??= 'Shared';
  }
  if (v.ephemeral?.volumeClaimTemplate?.spec) v.ephemeral.volumeClaimTemplate.spec.volumeMode ??= 'Filesystem';
}

/** Fills a PodSpec's defaults in place. */
export function defaultPodSpec(spec: Obj): void {
  spec.restartPolicy ??= 'Always';
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
  spec.schedulerName ??= DEFAULT_SCHEDULER_NAME;
  spec.enableServiceLinks ??= true;
  // The deprecated serviceAccount field mirrors serviceAccountName (pkg/apis/core/v1/conversion.go).
  if (spec.serviceAccountName && !spec.serviceAccount) spec.serviceAccount = spec.serviceAccountName;
  else if (spec.serviceAccount && !spec.serviceAccountName) spec.serviceAccountName = spec.serviceAccount;
  const hostNetwork = spec.hostNetwork === true;
  for (const c of spec.initContainers ?? []) defaultContainer(c, hostNetwork);
  for (const c of spec.containers ?? []) defaultContainer(c, hostNetwork);
  for (const c of spec.ephemeralContainers ?? []) defaultContainer(c, hostNetwork);
  for (const v of spec.volumes ?? []) defaultVolume(v);
}

/** Fills a pod template's spec defaults in place (`spec.template.spec`). */
export function defaultPodTemplate(obj: KubeObject, path: 'template' = 'template'): void {
  const spec = (obj.spec ?? {}) as Obj;
  const tpl = spec[path];
  if (tpl && typeof tpl === 'object') {
    tpl.spec ??= {};
    defaultPodSpec(tpl.spec);
  }
}

/** `qos.GetPodQOS`: BestEffort, Burstable or Guaranteed from cpu/memory requests and limits. */
export function podQOSClass(spec: Obj): string {
  const containers = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      const hasReq = req[r] !== undefined && !isZero(req[r]);
      const hasLim = lim[r] !== undefined && !isZero(lim[r]);
      if (hasReq || hasLim) any = true;
      if (!hasLim || (hasReq && String(req[r]) !== String(lim[r]))) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function isZero(q: unknown): boolean {
  return q === 0 || (typeof q === 'string' && /^[+]?0*(\.0*)?[a-zA-Z]*$/.test(q));
}
