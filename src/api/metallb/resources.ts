/**
 * metallb.io kinds. MetalLB (the operator CR, metallb/metallb-operator `api/v1beta1`),
 * IPAddressPool, BGPAdvertisement, L2Advertisement, Community, BFDProfile (v1beta1) and
 * BGPPeer (v1beta2, the storage version; v1beta1 is served too). Field names from
 * metallb/metallb `api/v1beta1`, `api/v1beta2`; durations are strings (`"90s"`).
 */
import type { JSONSchema, ResourceDef } from '../types.js';
import { conditions, labelSelector, metaCondition, resourceRequirements, toleration } from '../kubevirt/core-schemas.js';
import { col, crd } from '../kubevirt/crd-def.js';
import { arr, bool, free, int, int32, map, obj, str, strs } from '../kubevirt/schema-kit.js';

const G = 'metallb.io';
const selectors = () => arr(labelSelector());

const componentConfig = () => obj({
  runtimeClassName: str(), annotations: map(), resources: resourceRequirements(), affinity: free(), priorityClassName: str(),
});

/** MetalLB (the operator's install CR). */
export const metalLBDef: ResourceDef = crd({
  group: G, version: 'v1beta1', kind: 'MetalLB', plural: 'metallbs', namespaced: true, subresources: ['status'],
  spec: obj({
    logLevel: str(), nodeSelector: map(), speakerNodeSelector: map(), controllerNodeSelector: map(),
    speakerTolerations: arr(toleration()), controllerTolerations: arr(toleration()),
    loadBalancerClass: str(), bgpBackend: str(), frrk8sConfig: obj({ alwaysBlock: strs() }),
    speakerConfig: componentConfig(), controllerConfig: componentConfig(),
  }),
  status: obj({ conditions: arr(metaCondition()) }),
});

/** IPAddressPool. */
export const ipAddressPoolDef: ResourceDef = crd({
  group: G, version: 'v1beta1', kind: 'IPAddressPool', plural: 'ipaddresspools', namespaced: true, subresources: ['status'],
  spec: obj({
    addresses: strs(),
    autoAssign: bool(),
    avoidBuggyIPs: bool(),
    serviceAllocation: obj({ priority: int(), namespaces: strs(), namespaceSelectors: selectors(), serviceSelectors: selectors() }),
  }, ['addresses']),
  status: obj({ assignedIPv4: int(), assignedIPv6: int(), availableIPv4: int(), availableIPv6: int() }),
  required: ['spec'],
  columns: [
    col('Auto Assign', 'boolean', '.spec.autoAssign'),
    col('Avoid Buggy IPs', 'boolean', '.spec.avoidBuggyIPs'),
    col('Addresses', 'string', '.spec.addresses'),
  ],
});

const poolCols = [
  col('IPAddressPools', 'string', '.spec.ipAddressPools'),
  col('IPAddressPool Selectors', 'string', '.spec.ipAddressPoolSelectors'),
];

/** BGPAdvertisement. */
export const bgpAdvertisementDef: ResourceDef = crd({
  group: G, version: 'v1beta1', kind: 'BGPAdvertisement', plural: 'bgpadvertisements', namespaced: true,
  spec: obj({
    aggregationLength: int32(), aggregationLengthV6: int32(), localPref: int(), communities: strs(),
    ipAddressPools: strs(), ipAddressPoolSelectors: selectors(), nodeSelectors: selectors(), peers: strs(),
  }),
  columns: [...poolCols, col('Peers', 'string', '.spec.peers'), col('Node Selectors', 'string', '.spec.nodeSelectors', 10)],
});

/** L2Advertisement. */
export const l2AdvertisementDef: ResourceDef = crd({
  group: G, version: 'v1beta1', kind: 'L2Advertisement', plural: 'l2advertisements', namespaced: true,
  spec: obj({
    ipAddressPools: strs(), ipAddressPoolSelectors: selectors(), nodeSelectors: selectors(), interfaces: strs(),
  }),
  columns: [...poolCols, col('Interfaces', 'string', '.spec.interfaces'), col('Node Selectors', 'string', '.spec.nodeSelectors', 10)],
});

/** Community (named BGP communities). */
export const communityDef: ResourceDef = crd({
  group: G, version: 'v1beta1', kind: 'Community', plural: 'communities', namespaced: true,
  spec: obj({ communities: arr(obj({ name: str(), value: str() })) }),
});

/** BFDProfile. */
export const bfdProfileDef: ResourceDef = crd({
  group: G, version: 'v1beta1', kind: 'BFDProfile', plural: 'bfdprofiles', namespaced: true,
  spec: obj({
    receiveInterval: int(), transmitInterval: int(), detectMultiplier: int(), echoInterval: int(),
    echoMode: bool(), passiveMode: bool(), minimumTtl: int(),
  }),
  columns: [
    col('Passive Mode', 'boolean', '.spec.passiveMode'),
    col('Transmit Interval', 'integer', '.spec.transmitInterval'),
    col('Receive Interval', 'integer', '.spec.receiveInterval'),
    col('Multiplier', 'integer', '.spec.detectMultiplier'),
  ],
});

const bgpPeerSpec: JSONSchema = obj({
  myASN: int(), peerASN: int(), dynamicASN: str(), peerAddress: str(), sourceAddress: str(), interface: str(),
  peerPort: int(), holdTime: str(), keepaliveTime: str(), connectTime: str(), routerID: str(),
  nodeSelectors: selectors(), password: str(), passwordSecret: obj({ name: str(), namespace: str() }),
  bfdProfile: str(), enableGracefulRestart: bool(), ebgpMultiHop: bool(), vrf: str(), disableMP: bool(),
}, ['myASN']);

/** BGPPeer at v1beta2 (storage) and v1beta1. */
export const bgpPeerDefs: ResourceDef[] = ['v1beta2', 'v1beta1'].map((version) => crd({
  group: G, version, kind: 'BGPPeer', plural: 'bgppeers', namespaced: true, subresources: ['status'],
  spec: bgpPeerSpec, status: obj({ conditions: conditions() }),
  columns: [
    col('Address', 'string', '.spec.peerAddress'),
    col('ASN', 'string', '.spec.peerASN'),
    col('BFD Profile', 'string', '.spec.bfdProfile'),
    col('Multi Hops', 'string', '.spec.ebgpMultiHop'),
  ],
}));

/** Every metallb.io kind. */
export const metallbResources: ResourceDef[] = [
  metalLBDef, ipAddressPoolDef, bgpAdvertisementDef, l2AdvertisementDef, communityDef, bfdProfileDef, ...bgpPeerDefs,
];
