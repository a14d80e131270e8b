/**
 * The container sections of kubectl describe pod (describe.go describeContainers):
 * image, ports, command, state, resources, probes, environment and mounts.
 */
import type { TabWriter } from './tab-writer.js';
import { rfc1123z } from './time-format.js';

interface Port {
  containerPort: number;
  hostPort?: number;
  protocol?: string;
}

interface Probe {
  exec?: { command?: string[] };
  httpGet?: { scheme?: string; host?: string; port: number | string; path?: string };
  tcpSocket?: { port: number | string };
  grpc?: { port: number; service?: string };
  initialDelaySeconds?: number;
  timeoutSeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
}

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    fieldRef?: { apiVersion?: string; fieldPath: string };
    resourceFieldRef?: { containerName?: string; resource: string };
    secretKeyRef?: { name: string; key: string; optional?: boolean };
    configMapKeyRef?: { name: string; key: string; optional?: boolean };
  };
}

/** A container spec, the fields describe shows. */
export interface ContainerSpec {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  ports?: Port[];
  restartPolicy?: string;
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  env?: EnvVar[];
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean; subPath?: string }[];
  volumeDevices?: { name: string; devicePath: string }[];
}

interface State {
  running?: { startedAt?: string };
  waiting?: { reason?: string };
  terminated?: { reason?: string; message?: string; exitCode?: number; signal?: number; startedAt?: string; finishedAt?: string };
}

/** A container status, the fields describe shows. */
export interface ContainerStatus {
  name: string;
  containerID?: string;
  imageID?: string;
  state?: State;
  lastState?: State;
  ready?: boolean;
  restartCount?: number;
}

/** Go's time.Duration.String() for whole seconds: `0s`, `10s`, `1m0s`, `1h0m0s`. */
export function goSeconds(total: number): string {
  if (total === 0) return '0s';
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h ? `${h}h${m}m${s}s` : m ? `${m}m${s}s` : `${s}s`;
}

/** describe.go DescribeProbe. */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${goSeconds(p.initialDelaySeconds ?? 0)} timeout=${goSeconds(p.timeoutSeconds ?? 0)} period=${goSeconds(p.periodSeconds ?? 0)} #success=${p.successThreshold ?? 0} #failure=${p.failureThreshold ?? 0}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const host = p.httpGet.host ?? '';
    return `http-get ${(p.httpGet.scheme ?? 'HTTP').toLowerCase()}://${host}:${p.httpGet.port}${p.httpGet.path ?? ''} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket :${p.tcpSocket.port} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function writeState(w: TabWriter, label: string, s: State | undefined): void {
  if (s?.running) {
    w.write(`    ${label}:\tRunning\n      Started:\t${rfc1123z(s.running.startedAt)}\n`);
  } else if (s?.terminated) {
    const t = s.terminated;
    w.write(`    ${label}:\tTerminated\n`);
    if (t.reason) w.write(`      Reason:\t${t.reason}\n`);
    if (t.message) w.write(`      Message:\t${t.message}\n`);
    w.write(`      Exit Code:\t${t.exitCode ?? 0}\n`);
    if ((t.signal ?? 0) > 0) w.write(`      Signal:\t${t.signal}\n`);
    w.write(`      Started:\t${rfc1123z(t.startedAt)}\n      Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(`    ${label}:\tWaiting\n`);
    if (s?.waiting?.reason) w.write(`      Reason:\t${s.waiting.reason}\n`);
  }
}

/** Writes `Limits:` and `Requests:` with sorted resource names at the given indent. */
export function writeResources(w: TabWriter, r: ContainerSpec['resources'], indent: string): void {
  for (const [title, list] of [['Limits', r?.limits], ['Requests', r?.requests]] as const) {
    if (!list || Object.keys(list).length === 0) continue;
    w.write(`${indent}${title}:\n`);
    for (const k of Object.keys(list).sort()) w.write(`${indent}  ${k}:\t${list[k]}\n`);
  }
}

/** Resolves a downward-API field path against the pod, as kubectl's EnvValueRetriever does. */
export type FieldResolver = (fieldPath: string) => string;

function writeEnv(w: TabWriter, env: EnvVar[] | undefined, resolve: FieldResolver): void {
  w.write(`    Environment:${env?.length ? '' : '\t<none>'}\n`);
  for (const e of env ?? []) {
    const f = e.valueFrom;
    if (!f) {
      (e.value ?? '').split('\n').forEach((s, i) => w.write(i === 0 ? `      ${e.name}:\t${s}\n` : `      \t${s}\n`));
    } else if (f.fieldRef) w.write(`      ${e.name}:\t${resolve(f.fieldRef.fieldPath)} (${f.fieldRef.apiVersion ?? 'v1'}:${f.fieldRef.fieldPath})\n`);
    else if (f.resourceFieldRef) w.write(`      ${e.name}:\t (${f.resourceFieldRef.containerName ?? ''}:${f.resourceFieldRef.resource})\n`);
    else if (f.secretKeyRef) w.write(`      ${e.name}:\t<set to the key '${f.secretKeyRef.key}' in secret '${f.secretKeyRef.name}'>\tOptional: ${f.secretKeyRef.optional ?? false}\n`);
    else if (f.configMapKeyRef) w.write(`      ${e.name}:\t<set to the key '${f.configMapKeyRef.key}' of config map '${f.configMapKeyRef.name}'>\tOptional: ${f.configMapKeyRef.optional ?? false}\n`);
  }
}

function writeMounts(w: TabWriter, c: ContainerSpec): void {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0));
  w.write(`    Mounts:${mounts.length ? '' : '\t<none>'}\n`);
  for (const m of mounts) w.write(`      ${m.mountPath} from ${m.name} (${[m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path=${JSON.stringify(m.subPath)}`] : [])].join(',')})\n`);
  if (c.volumeDevices?.length) {
    w.write(`    Devices:${mounts.length ? '' : '\t<none>'}\n`);
    for (const d of [...c.volumeDevices].sort((a, b) => (a.devicePath < b.devicePath ? -1 : 1))) w.write(`      ${d.devicePath} from ${d.name}\n`);
  }
}

/** Writes one `Containers:` (or `Init Containers:`) section. */
export function writeContainers(w: TabWriter, label: string, containers: ContainerSpec[], statuses: ContainerStatus[] | undefined, resolve: FieldResolver): void {
  w.write(`${label}:\n`);
  if (containers.length === 0) w.write('  <none>\n');
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  for (const c of containers) {
    const st = byName.get(c.name);
    w.write(`  ${c.name}:\n`);
    if (st) w.write(`    Container ID:\t${st.containerID ?? ''}\n`);
    w.write(`    Image:\t${c.image ?? ''}\n`);
    if (st) w.write(`    Image ID:\t${st.imageID ?? ''}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
    w.write(ports.includes(',') ? `    Ports:\t${ports}\n` : `    Port:\t${ports || '<none>'}\n`);
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ');
    w.write(hostPorts.includes(',') ? `    Host Ports:\t${hostPorts}\n` : `    Host Port:\t${hostPorts || '<none>'}\n`);
    if (c.restartPolicy) w.write(`    Restart Policy:\t${c.restartPolicy}\n`);
    for (const [title, list] of [['Command', c.command], ['Args', c.args]] as const) {
      if (!list?.length) continue;
      w.write(`    ${title}:\n`);
      for (const s of list.flatMap((x) => x.split('\n'))) w.write(`      ${s}\n`);
    }
    if (st) {
      writeState(w, 'State', st.state);
      if (st.lastState?.terminated) writeState(w, 'Last State', st.lastState);
      w.write(`    Ready:\t${st.ready ? 'True' : 'False'}\n    Restart Count:\t${st.restartCount ?? 0}\n`);
    }
    writeResources(w, c.resources, '    ');
    for (const [title, p] of [['Liveness', c.livenessProbe], ['Readiness', c.readinessProbe], ['Startup', c.startupProbe]] as const) {
      if (p) w.write(`    ${title}:\t${describeProbe(p)}\n`);
    }
    writeEnv(w, c.env, resolve);
    writeMounts(w, c);
  }
}
