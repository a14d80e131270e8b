/**
 * k8s.cni.cncf.io: NetworkAttachmentDefinition (v1; `spec.config` is the CNI JSON as a
 * string, k8snetworkplumbingwg/network-attachment-definition-client) and MultiNetworkPolicy
 * (v1beta1, and v1beta2 which adds `endPort`; k8snetworkplumbingwg/multi-networkpolicy).
 */
import type { JSONSchema, ResourceDef } from '../types.js';
import { labelSelector } from '../kubevirt/core-schemas.js';
import { crd } from '../kubevirt/crd-def.js';
import { arr, int32, intOrString, obj, str, strs } from '../kubevirt/schema-kit.js';

/** NetworkAttachmentDefinition (net-attach-def). */
export const networkAttachmentDefinitionDef: ResourceDef = crd({
  group: 'k8s.cni.cncf.io', version: 'v1', kind: 'NetworkAttachmentDefinition',
  plural: 'network-attachment-definitions', singular: 'network-attachment-definition', namespaced: true, shortNames: ['net-attach-def'],
  spec: obj({ config: str() }),
});

function policySpec(withEndPort: boolean): JSONSchema {
  const port: Record<string, JSONSchema> = { protocol: str(), port: intOrString() };
  if (withEndPort) port.endPort = int32();
  const peer = obj({
    podSelector: labelSelector(),
    namespaceSelector: labelSelector(),
    ipBlock: obj({ cidr: str(), except: strs() }, ['cidr']),
  });
  return obj({
    podSelector: labelSelector(),
    ingress: arr(obj({ ports: arr(obj(port)), from: arr(peer) })),
    egress: arr(obj({ ports: arr(obj(port)), to: arr(peer) })),
    policyTypes: strs(),
  }, ['podSelector']);
}

/** MultiNetworkPolicy (multi-policy) at v1beta1 and v1beta2. */
export const multiNetworkPolicyDefs: ResourceDef[] = ['v1beta1', 'v1beta2'].map((version) => crd({
  group: 'k8s.cni.cncf.io', version, kind: 'MultiNetworkPolicy', plural: 'multi-networkpolicies', singular: 'multi-networkpolicy',
  namespaced: true, shortNames: ['multi-policy'],
  spec: policySpec(version === 'v1beta2'),
  required: ['spec'],
}));

/** Every k8s.cni.cncf.io kind. */
export const cniResources: ResourceDef[] = [networkAttachmentDefinitionDef, ...multiNetworkPolicyDefs];
