/**
 * kubevirt.io/v1 VirtualMachineInstanceSpec and VirtualMachineInstanceStatus.
 * Field names from kubevirt/kubevirt `staging/src/kubevirt.io/api/core/v1/types.go`.
 */
import type { JSONSchema } from '../types.js';
import { affinity, conditions, pvcVolumeSource, toleration, topologySpread } from './core-schemas.js';
import { domainSchema } from './domain-schema.js';
import { arr, bool, free, int, int32, int64, map, obj, oneOf, quantity, str, strs, time } from './schema-kit.js';
import { accessCredentialSchema, networkSchema, probeSchema, volumeSchema } from './volumes-schema.js';

/** evictionStrategy values [KV-T]. */
export const EVICTION_STRATEGIES = ['None', 'LiveMigrate', 'LiveMigrateIfPossible', 'External'];

/** VirtualMachineInstanceSpec; `domain` has no omitempty in Go, so the CRD requires it. */
export const vmiSpecSchema: JSONSchema = obj(
  {
    priorityClassName: str(),
    domain: domainSchema,
    nodeSelector: map(),
    affinity: affinity(),
    schedulerName: str(),
    tolerations: arr(toleration()),
    topologySpreadConstraints: arr(topologySpread()),
    evictionStrategy: str(),
    startStrategy: str(),
    terminationGracePeriodSeconds: int64(),
    volumes: arr(volumeSchema, { maxItems: 256 }),
    livenessProbe: probeSchema,
    readinessProbe: probeSchema,
    hostname: str(),
    subdomain: str(),
    networks: arr(networkSchema, { maxItems: 256 }),
    accessCredentials: arr(accessCredentialSchema, { maxItems: 256 }),
    architecture: str(),
    dnsPolicy: str(),
    dnsConfig: obj({
      nameservers: strs(),
      searches: strs(),
      options: arr(obj({ name: str(), value: str() })),
    }),
    resourceClaims: arr(obj({ name: str(), resourceClaimName: str(), resourceClaimTemplateName: str() }, ['name'])),
    utilityVolumes: arr(obj({ name: str(), claimName: str(), readOnly: bool(), type: str() }, ['name', 'claimName'])),
  },
  ['domain'],
);

/** The embedded VMI template of a VM/VMIRS: metadata is kept as given (preserve-unknown-fields). */
export const vmiTemplateSchema: JSONSchema = obj({
  metadata: { type: 'object', nullable: true, 'x-kubernetes-preserve-unknown-fields': true },
  spec: vmiSpecSchema,
});

/** VirtualMachineInstanceMigrationState (in VMI and VMIM status). */
export const migrationStateSchema: JSONSchema = obj({
  startTimestamp: time(),
  endTimestamp: time(),
  targetNodeDomainReadyTimestamp: time(),
  targetNodeDomainDetected: bool(),
  targetNodeAddress: str(),
  targetDirectMigrationNodePorts: map(int()),
  targetNode: str(),
  targetPod: str(),
  targetAttachmentPodUID: str(),
  sourceNode: str(),
  sourcePod: str(),
  completed: bool(),
  failed: bool(),
  abortRequested: bool(),
  abortStatus: oneOf('Succeeded', 'Failed', 'Aborting'),
  failureReason: str(),
  migrationUid: str(),
  mode: str(),
  migrationPolicyName: str(),
  migrationConfiguration: free(),
  targetCPUSet: arr(int()),
  targetNodeTopology: str(),
  sourcePersistentStatePVCName: str(),
  targetPersistentStatePVCName: str(),
  sourceState: free(),
  targetState: free(),
});

const vmiInterfaceStatus = obj({
  ipAddress: str(),
  mac: str(),
  name: str(),
  ipAddresses: strs(),
  podInterfaceName: str(),
  interfaceName: str(),
  infoSource: str(),
  queueCount: int32(),
  linkState: str(),
});

const volumeStatus = obj(
  {
    name: str(), target: str(), phase: str(), reason: str(), message: str(),
    persistentVolumeClaimInfo: free(), hotplugVolume: obj({ attachPodName: str(), attachPodUID: str() }),
    size: int64(), memoryDumpVolume: free(), containerDiskVolume: obj({ checksum: int() }),
  },
  ['name', 'target'],
);

/** VirtualMachineInstanceStatus. */
export const vmiStatusSchema: JSONSchema = obj({
  nodeName: str(),
  reason: str(),
  conditions: conditions(),
  phase: str(),
  phaseTransitionTimestamps: arr(obj({ phase: str(), phaseTransitionTimestamp: time() })),
  interfaces: arr(vmiInterfaceStatus),
  guestOSInfo: obj({
    name: str(), kernelRelease: str(), version: str(), prettyName: str(), versionId: str(),
    kernelVersion: str(), machine: str(), id: str(),
  }),
  migrationState: migrationStateSchema,
  migrationMethod: str(),
  migrationTransport: str(),
  qosClass: str(),
  launcherContainerImageVersion: str(),
  evacuationNodeName: str(),
  activePods: map(),
  volumeStatus: arr(volumeStatus),
  kernelBootStatus: free(),
  fsFreezeStatus: str(),
  topologyHints: obj({ tscFrequency: int64() }),
  virtualMachineRevisionName: str(),
  runtimeUser: int64(),
  VSOCKCID: int64(),
  selinuxContext: str(),
  machine: obj({ type: str() }),
  currentCPUTopology: obj({ cores: int32(), sockets: int32(), threads: int32() }),
  memory: obj({ guestAtBoot: quantity(), guestCurrent: quantity(), guestRequested: quantity() }),
  migratedVolumes: arr(free()),
  deviceStatus: free(),
  changedBlockTracking: free(),
});

/** A PVC volume source as used by VMIs' hotplug requests. */
export const hotplugSourceSchema: JSONSchema = obj({
  persistentVolumeClaim: pvcVolumeSource(),
  dataVolume: obj({ name: str(), hotpluggable: bool() }, ['name']),
});
