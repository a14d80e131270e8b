/** core/v1 Service: TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE | SELECTOR, defaults and validation. */
import type { AdmissionContext, FieldCause, KubeObject, ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { ageColumn, col } from '../meta/columns.js';
import { duplicate, invalid, notSupported, required } from '../meta/field-errors.js';
import { translateTimestampSince } from '../meta/human-duration.js';
import { formatLabels } from '../meta/label-selector.js';
import { arr, rec, str } from '../meta/object-access.js';
import { isDNS1035Label, validateObjectMeta } from '../meta/validation.js';

type Obj = Record<string, any>;
const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];

/** `getServiceExternalIP` with wide output (no truncation). */
export function serviceExternalIP(svc: KubeObject): string {
  const externalIPs = arr<string>(svc, 'spec.externalIPs');
  switch (str(svc, 'spec.type')) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = arr(svc, 'status.loadBalancer.ingress').map((i) => str(i, 'ip') || str(i, 'hostname')).filter(Boolean);
      const all = [...lb, ...externalIPs];
      return all.length > 0 ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return str(svc, 'spec.externalName');
  }
  return '<unknown>';
}

/** `makePortString`: `80/TCP`, `80:30080/TCP`, comma-joined. */
export function servicePorts(svc: KubeObject): string {
  return arr(svc, 'spec.ports').map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
}

function serviceCells(svc: KubeObject, now: number): unknown[] {
  const clusterIPs = arr<string>(svc, 'spec.clusterIPs');
  return [str(svc, 'spec.type'), clusterIPs[0] ?? '<none>', serviceExternalIP(svc), servicePorts(svc) || '<none>', translateTimestampSince(svc.metadata.creationTimestamp, now), formatLabels(rec<string>(svc, 'spec.selector'))];
}

function serviceDefaults(obj: KubeObject, ctx: AdmissionContext): void {
  if (ctx.subresource) return;
  const spec = (obj.spec ??= {}) as Obj;
  // pkg/apis/core/v1/defaults.go SetDefaults_Service
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  if (spec.sessionAffinity === 'ClientIP') {
    spec.sessionAffinityConfig ??= {};
    spec.sessionAffinityConfig.clientIP ??= {};
    spec.sessionAffinityConfig.clientIP.timeoutSeconds ??= 10800;
  }
  for (const p of spec.ports ?? []) {
    p.protocol ??= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (spec.type !== 'ExternalName') spec.internalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  if (ctx.operation === 'CREATE') obj.status ??= { loadBalancer: {} };
}

function validateService(obj: KubeObject): FieldCause[] {
  const causes = validateObjectMeta(obj.metadata, { namespaced: true, name: isDNS1035Label });
  const spec = (obj.spec ?? {}) as Obj;
  if (spec.type !== undefined && !TYPES.includes(spec.type)) causes.push(notSupported('spec.type', spec.type, TYPES));
  const ports: Obj[] = spec.ports ?? [];
  const headless = spec.clusterIP === 'None';
  if (ports.length === 0 && spec.type !== 'ExternalName' && !headless) causes.push(required('spec.ports'));
  if (spec.type === 'ExternalName' && !spec.externalName) causes.push(required('spec.externalName'));
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const path = `spec.ports[${i}]`;
    if (ports.length > 1 && !p.name) causes.push(required(`${path}.name`));
    else if (p.name) {
      if (names.has(p.name)) causes.push(duplicate(`${path}.name`, p.name));
      names.add(p.name);
    }
    if (typeof p.port !== 'number' || p.port < 1 || p.port > 65535) causes.push(invalid(`${path}.port`, p.port, 'must be between 1 and 65535, inclusive'));
    if (p.protocol && !['SCTP', 'TCP', 'UDP'].includes(p.protocol)) causes.push(notSupported(`${path}.protocol`, p.protocol, ['SCTP', 'TCP', 'UDP']));
  });
  return causes;
}

/** The services resource. */
export const serviceDef: ResourceDef = {
  group: '', version: 'v1', kind: 'Service', plural: 'services', singular: 'service', namespaced: true,
  shortNames: ['svc'], categories: ['all'], subresources: ['status'],
  ...schemaFields('io.k8s.api.core.v1.Service'),
  strategicMerge: true,
  printerColumns: [
    col('Type', 'type determines how the Service is exposed.'),
    col('Cluster-IP', 'clusterIP is the IP address of the service and is usually assigned randomly.'),
    col('External-IP', 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.'),
    col('Port(s)', 'The list of ports that are exposed by this service.'),
    ageColumn,
    col('Selector', 'Route service traffic to pods with label keys and values matching this selector.', 1),
  ],
  cells: serviceCells,
  defaults: serviceDefaults,
  validate: validateService,
  tracksGeneration: false,
};
