/** networking.k8s.io/v1: NetworkPolicy, Ingress, IngressClass with their printers and defaults. */
import type { KubeObject, ResourceDef } from '../types.js';
import { schemaFields } from '../meta/builtin-schema.js';
import { ageColumn, col } from '../meta/columns.js';
import { translateTimestampSince } from '../meta/human-duration.js';
import { formatLabelSelector, type LabelSelector } from '../meta/label-selector.js';
import { arr, at, str } from '../meta/object-access.js';
import { validateObjectMeta } from '../meta/validation.js';

const G = 'networking.k8s.io';
const age = (o: KubeObject, now: number) => translateTimestampSince(o.metadata.creationTimestamp, now);

function networkPolicyDefaults(obj: KubeObject): void {
  // pkg/apis/networking/v1/defaults.go: ports default to TCP; policyTypes from the rules present.
  const spec = (obj.spec ??= {}) as Record<string, any>;
  for (const rule of [...(spec.ingress ?? []), ...(spec.egress ?? [])]) for (const p of rule.ports ?? []) p.protocol ??= 'TCP';
  if (!spec.policyTypes || spec.policyTypes.length === 0) {
    spec.policyTypes = ['Ingress'];
    if (spec.egress && spec.egress.length > 0) spec.policyTypes.push('Egress');
  }
}

/** The networkpolicies resource (`printNetworkPolicy`). */
export const networkPolicyDef: ResourceDef = {
  group: G, version: 'v1', kind: 'NetworkPolicy', plural: 'networkpolicies', singular: 'networkpolicy', namespaced: true,
  shortNames: ['netpol'],
  ...schemaFields('io.k8s.api.networking.v1.NetworkPolicy'),
  strategicMerge: true,
  printerColumns: [col('Pod-Selector', 'Selects the pods to which this NetworkPolicy object applies.'), ageColumn],
  cells: (o, now) => [formatLabelSelector(at(o, 'spec.podSelector') as LabelSelector | undefined), age(o, now)],
  defaults: networkPolicyDefaults,
  validate: (obj) => validateObjectMeta(obj.metadata, { namespaced: true }),
  tracksGeneration: true,
};

/** `formatHosts`: up to three hosts, `*` when none. */
export function formatHosts(rules: Record<string, unknown>[]): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  for (const r of rules) {
    if (list.length === max) more = true;
    if (!more && typeof r.host === 'string' && r.host !== '') list.push(r.host);
  }
  if (list.length === 0) return '*';
  const ret = list.join(',');
  return more ? `${ret} + ${rules.length - max} more...` : ret;
}

/** The ingresses resource (`printIngress`). */
export const ingressDef: ResourceDef = {
  group: G, version: 'v1', kind: 'Ingress', plural: 'ingresses', singular: 'ingress', namespaced: true,
  shortNames: ['ing'], subresources: ['status'],
  ...schemaFields('io.k8s.api.networking.v1.Ingress'),
  strategicMerge: true,
  printerColumns: [
    col('Class', 'The name of the IngressClass resource.'), col('Hosts', 'Hosts that incoming requests are matched against before the ingress rule'),
    col('Address', 'Address is a list containing ingress points for the load-balancer'), col('Ports', 'Ports of TLS configurations that open'), ageColumn,
  ],
  cells: (o, now) => [
    str(o, 'spec.ingressClassName') || '<none>', formatHosts(arr(o, 'spec.rules')),
    arr(o, 'status.loadBalancer.ingress').map((i) => str(i, 'ip') || str(i, 'hostname')).filter(Boolean).join(','),
    arr(o, 'spec.tls').length > 0 ? '80, 443' : '80', age(o, now),
  ],
  validate: (obj) => validateObjectMeta(obj.metadata, { namespaced: true }),
  tracksGeneration: true,
};

/** The ingressclasses resource (`printIngressClass`). */
export const ingressClassDef: ResourceDef = {
  group: G, version: 'v1', kind: 'IngressClass', plural: 'ingressclasses', singular: 'ingressclass', namespaced: false,
  ...schemaFields('io.k8s.api.networking.v1.IngressClass'),
  strategicMerge: true,
  printerColumns: [col('Controller', 'Controller that is responsible for handling this class.'), col('Parameters', 'A reference to a resource with additional parameters.'), ageColumn],
  cells: (o, now) => {
    const p = at(o, 'spec.parameters') as Record<string, string> | undefined;
    const params = p ? `${p.kind}${p.apiGroup ? `.${p.apiGroup}` : ''}/${p.name}` : '<none>';
    return [str(o, 'spec.controller'), params, age(o, now)];
  },
  validate: (obj) => validateObjectMeta(obj.metadata, { namespaced: false }),
  tracksGeneration: true,
};

/** networking.k8s.io/v1 ResourceDefs. */
export const networkingResources: ResourceDef[] = [networkPolicyDef, ingressDef, ingressClassDef];
