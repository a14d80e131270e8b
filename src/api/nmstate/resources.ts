/**
 * nmstate.io kinds (nmstate/kubernetes-nmstate `api/v1`, `api/v1beta1`, `api/shared`):
 * NodeNetworkConfigurationPolicy (v1), NodeNetworkState and NodeNetworkConfigurationEnactment
 * (v1beta1). All cluster-scoped. `desiredState`/`currentState` are nmstate documents, which
 * the CRDs keep as given (`x-kubernetes-preserve-unknown-fields`).
 */
import type { ResourceDef } from '../types.js';
import { conditions, toleration } from '../kubevirt/core-schemas.js';
import { col, crd } from '../kubevirt/crd-def.js';
import { arr, free, int, intOrString, map, obj, str, time } from '../kubevirt/schema-kit.js';

const TRUE_TYPE = '.status.conditions[?(@.status=="True")].type';
const TRUE_REASON = '.status.conditions[?(@.status=="True")].reason';

/** NodeNetworkConfigurationPolicy (nncp). */
export const nodeNetworkConfigurationPolicyDef: ResourceDef = crd({
  group: 'nmstate.io', version: 'v1', kind: 'NodeNetworkConfigurationPolicy',
  plural: 'nodenetworkconfigurationpolicies', namespaced: false, shortNames: ['nncp'],
  subresources: ['status'],
  spec: obj({
    nodeSelector: map(),
    tolerations: arr(toleration()),
    desiredState: free(),
    maxUnavailable: intOrString(),
    capture: map(),
  }),
  status: obj({ conditions: conditions(), lastUnavailableNodeCountUpdate: time(), unavailableNodeCount: int() }),
  columns: [col('Status', 'string', TRUE_TYPE, 0, 'Status'), col('Reason', 'string', TRUE_REASON, 0, 'Reason')],
});

/** NodeNetworkState (nns), one per node, written by the handler. */
export const nodeNetworkStateDef: ResourceDef = crd({
  group: 'nmstate.io', version: 'v1beta1', kind: 'NodeNetworkState', plural: 'nodenetworkstates',
  namespaced: false, shortNames: ['nns'], subresources: ['status'],
  status: obj({
    currentState: free(),
    lastSuccessfulUpdateTime: time(),
    conditions: conditions(),
    handlerNetworkManagerVersion: str(),
    handlerNmstateVersion: str(),
    hostNetworkManagerVersion: str(),
    features: arr(str()),
  }),
});

/** NodeNetworkConfigurationEnactment (nnce), named `<node>.<policy>`. */
export const nodeNetworkConfigurationEnactmentDef: ResourceDef = crd({
  group: 'nmstate.io', version: 'v1beta1', kind: 'NodeNetworkConfigurationEnactment',
  plural: 'nodenetworkconfigurationenactments', namespaced: false, shortNames: ['nnce'],
  subresources: ['status'],
  status: obj({
    desiredState: free(),
    capturedStates: free(),
    desiredStateMetaInfo: obj({ nodeRunningUpdate: str(), version: str() }),
    policyGeneration: int(),
    conditions: conditions(),
    features: arr(str()),
  }),
  columns: [
    col('Status', 'string', TRUE_TYPE, 0, 'Status'),
    col('Status Age', 'date', '.status.conditions[?(@.status=="True")].lastTransitionTime', 0, 'Status Age'),
    col('Reason', 'string', TRUE_REASON, 0, 'Reason'),
  ],
});

/** Every nmstate.io kind. */
export const nmstateResources: ResourceDef[] = [
  nodeNetworkConfigurationPolicyDef, nodeNetworkStateDef, nodeNetworkConfigurationEnactmentDef,
];
