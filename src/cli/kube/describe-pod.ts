/**
 * kubectl describe's Pod describer (describe.go describePod): placement, status, IPs,
 * controller, containers, the Conditions table, volumes, QoS class, node selectors,
 * tolerations, topology spread and events.
 */
import { translateTimestampSince } from '../../api/meta/human-duration.js';
import type { KubeObject } from '../../api/types.js';
import { writeContainers, type ContainerSpec, type ContainerStatus } from './describe-containers.js';
import { writeAnnotations, writeEvents, writeLabels, type CoreEvent } from './describe-format.js';
import { DESCRIBE_TABWRITER, TabWriter } from './tab-writer.js';
import { rfc1123z } from './time-format.js';

interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

interface PodShape {
  spec?: {
    priority?: number;
    priorityClassName?: string;
    runtimeClassName?: string;
    serviceAccountName?: string;
    nodeName?: string;
    initContainers?: ContainerSpec[];
    containers?: ContainerSpec[];
    volumes?: ({ name: string } & Record<string, Record<string, unknown> | undefined>)[];
    nodeSelector?: Record<string, string>;
    tolerations?: Toleration[];
    topologySpreadConstraints?: { topologyKey: string; whenUnsatisfiable: string; maxSkew: number; labelSelector?: { matchLabels?: Record<string, string> } }[];
  };
  status?: {
    phase?: string;
    reason?: string;
    message?: string;
    hostIP?: string;
    podIP?: string;
    podIPs?: { ip: string }[];
    startTime?: string;
    nominatedNodeName?: string;
    qosClass?: string;
    conditions?: { type: string; status: string }[];
    initContainerStatuses?: ContainerStatus[];
    containerStatuses?: ContainerStatus[];
  };
}

/** The pod's QoS class (status.qosClass, else computed as kube's qos.GetPodQOS does for cpu and memory). */
export function podQos(pod: PodShape): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const all = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of all) {
    for (const r of ['cpu', 'memory']) {
      const req = c.resources?.requests?.[r];
      const lim = c.resources?.limits?.[r];
      if (req || lim) any = true;
      if (!lim || (req !== undefined && req !== lim)) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function writeVolumes(w: TabWriter, volumes: NonNullable<PodShape['spec']>['volumes']): void {
  if (!volumes?.length) return w.write('Volumes:\t<none>\n');
  w.write('Volumes:\n');
  for (const v of volumes) {
    w.write(`  ${v.name}:\n`);
    const opt = (x: unknown) => (x === true ? 'true' : 'false');
    if (v.hostPath) w.write(`    Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? '<none>'}\n`);
    else if (v.emptyDir) w.write(`    Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${v.emptyDir.sizeLimit && v.emptyDir.sizeLimit !== '0' ? v.emptyDir.sizeLimit : '<unset>'}\n`);
    else if (v.secret) w.write(`    Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName ?? ''}\n    Optional:\t${opt(v.secret.optional)}\n`);
    else if (v.configMap) w.write(`    Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name ?? ''}\n    Optional:\t${opt(v.configMap.optional)}\n`);
    else if (v.persistentVolumeClaim) w.write(`    Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${opt(v.persistentVolumeClaim.readOnly)}\n`);
    else w.write('  <unknown>\n');
  }
}

function writeTolerations(w: TabWriter, tolerations: Toleration[] | undefined): void {
  w.write('Tolerations:\t');
  if (!tolerations?.length) return w.write('<none>\n');
  const sorted = [...tolerations].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  sorted.forEach((t, i) => {
    let s = (i ? '\t' : '') + (t.key ?? '');
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    // An Exists toleration without a value tolerates everything matching it.
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(`${s}\n`);
  });
}

/** Resolves the downward-API field paths kubectl resolves (fieldpath.ExtractFieldPathAsString). */
export function fieldResolver(pod: KubeObject & PodShape): (path: string) => string {
  return (path) => {
    const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
    if (m) return (m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[m[2]] ?? '';
    const fields: Record<string, string | undefined> = {
      'metadata.name': pod.metadata.name,
      'metadata.namespace': pod.metadata.namespace,
      'metadata.uid': pod.metadata.uid,
      'spec.nodeName': pod.spec?.nodeName,
      'spec.serviceAccountName': pod.spec?.serviceAccountName,
      'status.hostIP': pod.status?.hostIP,
      'status.podIP': pod.status?.podIP,
      'status.podIPs': pod.status?.podIPs?.map((p) => p.ip).join(','),
    };
    return fields[path] ?? '';
  };
}

/** The whole description of a Pod. */
export function describePod(obj: KubeObject, events: CoreEvent[] | undefined, nowMs: number): string {
  const pod = obj as KubeObject & PodShape;
  const spec = pod.spec ?? {};
  const st = pod.status ?? {};
  let text = '';
  const w = new TabWriter((t) => (text += t), DESCRIBE_TABWRITER);
  w.write(`Name:\t${obj.metadata.name}\nNamespace:\t${obj.metadata.namespace}\n`);
  if (spec.priority !== undefined) w.write(`Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(`Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(`Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(`Service Account:\t${spec.serviceAccountName}\n`);
  w.write(`Node:\t${spec.nodeName ? `${spec.nodeName}/${st.hostIP ?? ''}` : '<none>'}\n`);
  if (st.startTime) w.write(`Start Time:\t${rfc1123z(st.startTime)}\n`);
  writeLabels(w, 'Labels', obj.metadata.labels);
  writeAnnotations(w, 'Annotations', obj.metadata.annotations);
  if (obj.metadata.deletionTimestamp && st.phase !== 'Failed' && st.phase !== 'Succeeded') {
    w.write(`Status:\tTerminating (lasts ${translateTimestampSince(obj.metadata.deletionTimestamp, nowMs)})\n`);
    w.write(`Termination Grace Period:\t${obj.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else w.write(`Status:\t${st.phase ?? ''}\n`);
  if (st.reason) w.write(`Reason:\t${st.reason}\n`);
  if (st.message) w.write(`Message:\t${st.message}\n`);
  w.write(`IP:\t${st.podIP ?? ''}\n`);
  if (st.podIPs?.length) {
    w.write('IPs:\n');
    for (const ip of st.podIPs) w.write(`  IP:\t${ip.ip}\n`);
  } else w.write('IPs:\t<none>\n');
  const controller = obj.metadata.ownerReferences?.find((o) => o.controller);
  if (controller) w.write(`Controlled By:\t${controller.kind}/${controller.name}\n`);
  if (st.nominatedNodeName) w.write(`NominatedNodeName:\t${st.nominatedNodeName}\n`);
  const resolve = fieldResolver(pod);
  if (spec.initContainers?.length) writeContainers(w, 'Init Containers', spec.initContainers, st.initContainerStatuses, resolve);
  writeContainers(w, 'Containers', spec.containers ?? [], st.containerStatuses, resolve);
  if (st.conditions?.length) {
    w.write('Conditions:\n  Type\tStatus\n');
    // kubectl's format puts a space before each tab and after the status (`%v \t%v \n`).
    for (const c of st.conditions) w.write(`  ${c.type} \t${c.status} \n`);
  }
  writeVolumes(w, spec.volumes);
  w.write(`QoS Class:\t${podQos(pod)}\n`);
  writeLabels(w, 'Node-Selectors', spec.nodeSelector);
  writeTolerations(w, spec.tolerations);
  const tscs = [...(spec.topologySpreadConstraints ?? [])].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : 1));
  tscs.forEach((t, i) => {
    const sel = Object.entries(t.labelSelector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>';
    w.write(`${i ? '\t' : 'Topology Spread Constraints:\t'}${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded for selector ${sel}\n`);
  });
  writeEvents(w, events, nowMs);
  w.flush();
  return text;
}
