/**
 * The essentials of `ValidatePod` (`pkg/apis/core/validation/validation.go`): containers present,
 * unique DNS-1123 names, images, ports, restart/DNS/pull policies, volumes and their mounts.
 */
import type { FieldCause } from '../types.js';
import { duplicate, invalid, notFoundValue, notSupported, required } from '../meta/field-errors.js';
import { isDNS1123Label } from '../meta/validation.js';

type Obj = Record<string, any>;

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

function validatePort(port: unknown, field: string, causes: FieldCause[]): void {
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    causes.push(invalid(field, port, 'must be between 1 and 65535, inclusive'));
  }
}

function validateContainers(list: Obj[], path: string, volumes: Set<string>, names: Set<string>, causes: FieldCause[]): void {
  list.forEach((c, i) => {
    const p = `${path}[${i}]`;
    if (!c.name) causes.push(required(`${p}.name`));
    else {
      for (const e of isDNS1123Label(c.name)) causes.push(invalid(`${p}.name`, c.name, e));
      if (names.has(c.name)) causes.push(duplicate(`${p}.name`, c.name));
      names.add(c.name);
    }
    if (!c.image) causes.push(required(`${p}.image`));
    if (c.imagePullPolicy && !PULL_POLICIES.includes(c.imagePullPolicy)) causes.push(notSupported(`${p}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
    (c.ports ?? []).forEach((port: Obj, j: number) => {
      validatePort(port.containerPort, `${p}.ports[${j}].containerPort`, causes);
      if (port.hostPort !== undefined && port.hostPort !== 0) validatePort(port.hostPort, `${p}.ports[${j}].hostPort`, causes);
      if (port.protocol && !PROTOCOLS.includes(port.protocol)) causes.push(notSupported(`${p}.ports[${j}].protocol`, port.protocol, PROTOCOLS));
    });
    const mountPaths = new Set<string>();
    (c.volumeMounts ?? []).forEach((m: Obj, j: number) => {
      const mp = `${p}.volumeMounts[${j}]`;
      if (!m.name) causes.push(required(`${mp}.name`));
      else if (!volumes.has(m.name)) causes.push(notFoundValue(`${mp}.name`, m.name));
      if (!m.mountPath) causes.push(required(`${mp}.mountPath`));
      else if (mountPaths.has(m.mountPath)) causes.push(invalid(`${mp}.mountPath`, m.mountPath, 'must be unique'));
      else mountPaths.add(m.mountPath);
    });
    (c.env ?? []).forEach((e: Obj, j: number) => {
      if (!e.name) causes.push(required(`${p}.env[${j}].name`));
    });
  });
}

/** Validates a PodSpec at `path` (`spec`, or `spec.template.spec` for workloads). */
export function validatePodSpec(spec: Obj | undefined, path: string, allowedRestartPolicies = RESTART_POLICIES): FieldCause[] {
  const causes: FieldCause[] = [];
  const s = spec ?? {};
  const volumes = new Set<string>();
  (s.volumes ?? []).forEach((v: Obj, i: number) => {
    const vp = `${path}.volumes[${i}].name`;
    if (!v.name) causes.push(required(vp));
    else {
      for (const e of isDNS1123Label(v.name)) causes.push(invalid(vp, v.name, e));
      if (volumes.has(v.name)) causes.push(duplicate(vp, v.name));
      volumes.add(v.name);
    }
  });
  const containers: Obj[] = s.containers ?? [];
  if (containers.length === 0) causes.push(required(`${path}.containers`));
  const names = new Set<string>();
  validateContainers(s.initContainers ?? [], `${path}.initContainers`, volumes, names, causes);
  validateContainers(containers, `${path}.containers`, volumes, names, causes);
  if (s.restartPolicy !== undefined && !allowedRestartPolicies.includes(s.restartPolicy)) {
    causes.push(notSupported(`${path}.restartPolicy`, s.restartPolicy, allowedRestartPolicies));
  }
  if (s.dnsPolicy !== undefined && !DNS_POLICIES.includes(s.dnsPolicy)) causes.push(notSupported(`${path}.dnsPolicy`, s.dnsPolicy, DNS_POLICIES));
  if (s.terminationGracePeriodSeconds !== undefined && s.terminationGracePeriodSeconds < 0) {
    causes.push(invalid(`${path}.terminationGracePeriodSeconds`, s.terminationGracePeriodSeconds, 'must be greater than or equal to 0'));
  }
  if (s.activeDeadlineSeconds !== undefined && s.activeDeadlineSeconds <= 0) {
    causes.push(invalid(`${path}.activeDeadlineSeconds`, s.activeDeadlineSeconds, 'must be between 1 and 2147483647, inclusive'));
  }
  return causes;
}
