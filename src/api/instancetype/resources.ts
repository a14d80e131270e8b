/**
 * instancetype.kubevirt.io/v1beta1: VirtualMachine{,Cluster}Instancetype and
 * VirtualMachine{,Cluster}Preference. Field names from kubevirt/kubevirt
 * `staging/src/kubevirt.io/api/instancetype/v1beta1/types.go`; names from crds.go.
 * The many `preferred*` device and feature knobs are declared as free-form blocks.
 */
import type { JSONSchema, ResourceDef } from '../types.js';
import { crd } from '../kubevirt/crd-def.js';
import { arr, bool, empty, free, int32, int64, map, obj, oneOf, quantity, str } from '../kubevirt/schema-kit.js';

const G = 'instancetype.kubevirt.io';
const V = 'v1beta1';

const instancetypeSpec: JSONSchema = obj({
  cpu: obj({
    guest: int32(), model: str(), dedicatedCPUPlacement: bool(), numa: obj({ guestMappingPassthrough: empty() }),
    isolateEmulatorThread: bool(), realtime: obj({ mask: str() }), maxSockets: int32(),
  }, ['guest']),
  memory: obj({ guest: quantity(), hugepages: obj({ pageSize: str() }), overcommitPercent: int32(), maxGuest: quantity() }, ['guest']),
  gpus: arr(free()),
  hostDevices: arr(free()),
  ioThreadsPolicy: str(),
  ioThreads: obj({ supplementalPoolThreadCount: int32() }),
  launchSecurity: free(),
  annotations: map(),
  nodeSelector: map(),
  schedulerName: str(),
}, ['cpu', 'memory']);

const preferenceSpec: JSONSchema = obj({
  clock: obj({ preferredClockOffset: free(), preferredTimer: free() }),
  cpu: obj({
    preferredCPUTopology: oneOf('sockets', 'cores', 'threads', 'spread', 'any', 'preferSockets', 'preferCores', 'preferThreads', 'preferSpread', 'preferAny'),
    spreadOptions: obj({ across: str(), ratio: int32() }),
    preferredCPUFeatures: arr(obj({ name: str(), policy: str() }, ['name'])),
  }),
  devices: free(),
  features: free(),
  firmware: obj({
    preferredUseBios: bool(), preferredUseBiosSerial: bool(), preferredUseEfi: bool(), preferredUseSecureBoot: bool(),
    preferredEfi: obj({ secureBoot: bool(), persistent: bool() }),
  }),
  machine: obj({ preferredMachineType: str() }),
  volumes: obj({ preferredStorageClassName: str() }),
  preferredSubdomain: str(),
  preferredTerminationGracePeriodSeconds: int64(),
  requirements: obj({ cpu: obj({ guest: int32() }, ['guest']), memory: obj({ guest: quantity() }, ['guest']) }),
  annotations: map(),
  preferSpreadSocketToCoreRatio: int32(),
  preferredArchitecture: str(),
});

/** The four instancetype/preference kinds. */
export const instancetypeResources: ResourceDef[] = [
  crd({
    group: G, version: V, kind: 'VirtualMachineInstancetype', plural: 'virtualmachineinstancetypes', namespaced: true,
    shortNames: ['vminstancetype', 'vminstancetypes', 'vmf', 'vmfs'], categories: ['all'],
    spec: instancetypeSpec, required: ['spec'],
  }),
  crd({
    group: G, version: V, kind: 'VirtualMachineClusterInstancetype', plural: 'virtualmachineclusterinstancetypes',
    namespaced: false, shortNames: ['vmclusterinstancetype', 'vmclusterinstancetypes', 'vmcf', 'vmcfs'],
    spec: instancetypeSpec, required: ['spec'],
  }),
  crd({
    group: G, version: V, kind: 'VirtualMachinePreference', plural: 'virtualmachinepreferences', namespaced: true,
    shortNames: ['vmpref', 'vmprefs', 'vmp', 'vmps'], categories: ['all'],
    spec: preferenceSpec, required: ['spec'],
  }),
  crd({
    group: G, version: V, kind: 'VirtualMachineClusterPreference', plural: 'virtualmachineclusterpreferences',
    namespaced: false, shortNames: ['vmcp', 'vmcps'],
    spec: preferenceSpec, required: ['spec'],
  }),
];
