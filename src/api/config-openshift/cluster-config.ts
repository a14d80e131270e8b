/**
 * config.openshift.io/v1 cluster-wide settings (cluster-scoped, named `cluster`):
 * Infrastructure, Network, DNS, Ingress, FeatureGate, Proxy. Field names from openshift/api
 * `config/v1/types_{infrastructure,network,dns,ingress,feature,proxy}.go`; the per-cloud
 * platform blocks are declared without their inner fields.
 */
import type { ResourceDef } from '../types.js';
import { metaCondition } from '../kubevirt/core-schemas.js';
import { crd } from '../kubevirt/crd-def.js';
import { arr, free, int32, map, obj, str, strs } from '../kubevirt/schema-kit.js';

const G = 'config.openshift.io';
const V = 'v1';

const baremetalStatus = obj({
  apiServerInternalIP: str(), apiServerInternalIPs: strs(), ingressIP: str(), ingressIPs: strs(),
  nodeDNSIP: str(), machineNetworks: strs(), loadBalancer: obj({ type: str() }),
});

/** Infrastructure. */
export const infrastructureDef: ResourceDef = crd({
  group: G, version: V, kind: 'Infrastructure', plural: 'infrastructures', namespaced: false, subresources: ['status'],
  spec: obj({
    cloudConfig: obj({ key: str(), name: str() }),
    platformSpec: obj({
      type: str(),
      baremetal: obj({ apiServerInternalIPs: strs(), ingressIPs: strs(), machineNetworks: strs() }),
      none: free(), aws: free(), azure: free(), gcp: free(), vsphere: free(), openstack: free(), external: free(),
    }),
  }),
  status: obj({
    infrastructureName: str(),
    platform: str(),
    platformStatus: obj({
      type: str(), baremetal: baremetalStatus,
      aws: free(), azure: free(), gcp: free(), vsphere: free(), openstack: free(), external: free(), none: free(),
    }),
    etcdDiscoveryDomain: str(),
    apiServerURL: str(),
    apiServerInternalURI: str(),
    controlPlaneTopology: str(),
    infrastructureTopology: str(),
    cpuPartitioning: str(),
  }),
  required: ['spec'],
});

const clusterNetworkEntry = () => obj({ cidr: str(), hostPrefix: int32() });

/** Network (the cluster network configuration). */
export const networkDef: ResourceDef = crd({
  group: G, version: V, kind: 'Network', plural: 'networks', namespaced: false, subresources: ['status'],
  spec: obj({
    clusterNetwork: arr(clusterNetworkEntry()),
    serviceNetwork: strs(),
    networkType: str(),
    externalIP: obj({ policy: obj({ allowedCIDRs: strs(), rejectedCIDRs: strs() }), autoAssignCIDRs: strs() }),
    serviceNodePortRange: str(),
    networkDiagnostics: free(),
  }),
  status: obj({
    clusterNetwork: arr(clusterNetworkEntry()),
    serviceNetwork: strs(),
    networkType: str(),
    clusterNetworkMTU: int32(),
    migration: free(),
    conditions: arr(metaCondition()),
  }),
  required: ['spec'],
});

/** DNS. */
export const dnsDef: ResourceDef = crd({
  group: G, version: V, kind: 'DNS', plural: 'dnses', namespaced: false, subresources: ['status'],
  spec: obj({
    baseDomain: str(),
    publicZone: obj({ id: str(), tags: map() }),
    privateZone: obj({ id: str(), tags: map() }),
    platform: obj({ type: str(), aws: free() }),
  }),
  status: obj({}),
  required: ['spec'],
});

/** Ingress. */
export const ingressDef: ResourceDef = crd({
  group: G, version: V, kind: 'Ingress', plural: 'ingresses', namespaced: false, subresources: ['status'],
  spec: obj({
    domain: str(),
    appsDomain: str(),
    componentRoutes: arr(free()),
    requiredHSTSPolicies: arr(free()),
    loadBalancer: obj({ platform: free() }),
  }),
  status: obj({ componentRoutes: arr(free()), defaultPlacement: str() }),
  required: ['spec'],
});

/** FeatureGate. */
export const featureGateDef: ResourceDef = crd({
  group: G, version: V, kind: 'FeatureGate', plural: 'featuregates', namespaced: false, subresources: ['status'],
  spec: obj({
    featureSet: str(),
    customNoUpgrade: obj({ enabled: strs(), disabled: strs() }),
  }),
  status: obj({
    conditions: arr(metaCondition()),
    featureGates: arr(obj({
      version: str(), enabled: arr(obj({ name: str() }, ['name'])), disabled: arr(obj({ name: str() }, ['name'])),
    }, ['version'])),
  }),
  required: ['spec'],
});

/** Proxy. */
export const proxyDef: ResourceDef = crd({
  group: G, version: V, kind: 'Proxy', plural: 'proxies', namespaced: false, subresources: ['status'],
  spec: obj({ httpProxy: str(), httpsProxy: str(), noProxy: str(), readinessEndpoints: strs(), trustedCA: obj({ name: str() }) }),
  status: obj({ httpProxy: str(), httpsProxy: str(), noProxy: str() }),
  required: ['spec'],
});
