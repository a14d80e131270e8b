/**
 * ceph.rook.io/v1: CephCluster, CephBlockPool, CephFilesystem, CephObjectStore. Field names
 * from rook/rook `pkg/apis/ceph.rook.io/v1/types.go`; the deep daemon-tuning blocks are
 * declared without their inner fields.
 */
import type { JSONSchema, ResourceDef } from '../types.js';
import { conditions, pvcTemplate } from '../kubevirt/core-schemas.js';
import { col, crd } from '../kubevirt/crd-def.js';
import { arr, bool, free, int, int64, map, num, obj, str, time } from '../kubevirt/schema-kit.js';
import { placementSchema } from '../ocs/resources.js';

const G = 'ceph.rook.io';
const V = 'v1';

/** A pool spec (CephBlockPool spec, filesystem/object-store pools). */
export function poolSpecSchema(extra: Record<string, JSONSchema> = {}): JSONSchema {
  return obj({
    failureDomain: str(),
    crushRoot: str(),
    deviceClass: str(),
    compressionMode: str(),
    replicated: obj({
      size: int(), requireSafeReplicaSize: bool(), targetSizeRatio: num(), replicasPerFailureDomain: int(),
      subFailureDomain: str(), hybridStorage: free(),
    }),
    erasureCoded: obj({ dataChunks: int(), codingChunks: int(), algorithm: str() }),
    parameters: map(),
    enableRBDStats: bool(),
    mirroring: free(),
    statusCheck: free(),
    quotas: obj({ maxBytes: int64(), maxSize: str(), maxObjects: int64() }),
    application: str(),
    enableCrushUpdates: bool(),
    ...extra,
  });
}

const cephStatus = obj({
  health: str(), details: free(), lastChecked: str(), lastChanged: str(), previousHealth: str(),
  capacity: obj({ bytesTotal: int64(), bytesUsed: int64(), bytesAvailable: int64(), lastUpdated: str() }),
  versions: free(), fsid: str(),
});

/** CephCluster. */
export const cephClusterDef: ResourceDef = crd({
  group: G, version: V, kind: 'CephCluster', plural: 'cephclusters', namespaced: true, subresources: ['status'],
  spec: obj({
    cephVersion: obj({ image: str(), allowUnsupported: bool(), imagePullPolicy: str() }),
    dataDirHostPath: str(),
    skipUpgradeChecks: bool(),
    continueUpgradeAfterChecksEvenIfNotHealthy: bool(),
    mon: obj({ count: int(), allowMultiplePerNode: bool(), failureDomainLabel: str(), volumeClaimTemplate: pvcTemplate() }),
    mgr: obj({ count: int(), allowMultiplePerNode: bool(), modules: arr(obj({ name: str(), enabled: bool() })) }),
    dashboard: obj({ enabled: bool(), urlPrefix: str(), port: int(), ssl: bool() }),
    monitoring: obj({ enabled: bool(), metricsDisabled: bool(), interval: str() }),
    network: free(),
    storage: obj({
      useAllNodes: bool(), useAllDevices: bool(), deviceFilter: str(), config: map(),
      nodes: arr(free()), storageClassDeviceSets: arr(obj({
        name: str(), count: int(), portable: bool(), encrypted: bool(), placement: placementSchema(),
        preparePlacement: placementSchema(), resources: free(), config: map(), volumeClaimTemplates: arr(pvcTemplate()),
        tuneDeviceClass: bool(), tuneFastDeviceClass: bool(), schedulerName: str(),
      }, ['name', 'count', 'volumeClaimTemplates'])),
      flappingRestartIntervalHours: int(),
    }),
    placement: map(placementSchema()),
    resources: map(free()),
    priorityClassNames: map(),
    security: obj({
      kms: obj({ connectionDetails: { type: 'object', additionalProperties: str(), 'x-kubernetes-preserve-unknown-fields': true }, tokenSecretName: str() }),
      keyRotation: obj({ enabled: bool(), schedule: str() }),
    }),
    external: obj({ enable: bool() }),
    crashCollector: obj({ disable: bool(), daysToRetain: int() }),
    cleanupPolicy: free(),
    healthCheck: free(),
    disruptionManagement: obj({
      managePodBudgets: bool(), osdMaintenanceTimeout: int64(), pgHealthCheckTimeout: int64(),
    }),
    removeOSDsIfOutAndSafeToRemove: bool(),
    logCollector: obj({ enabled: bool(), periodicity: str(), maxLogSize: str() }),
    cephConfig: map(map()),
    csi: free(),
  }),
  status: obj({
    phase: str(), state: str(), message: str(), conditions: conditions(), ceph: cephStatus,
    storage: obj({ deviceClasses: arr(obj({ name: str() })), osd: obj({ storeType: map(int()) }) }),
    version: obj({ image: str(), version: str() }), observedGeneration: int64(),
  }),
  columns: [
    col('DataDirHostPath', 'string', '.spec.dataDirHostPath', 0, 'Directory used on the K8s nodes'),
    col('MonCount', 'string', '.spec.mon.count', 0, 'Number of MONs'),
    col('Age', 'date', '.metadata.creationTimestamp'),
    col('Phase', 'string', '.status.phase', 0, 'Phase'),
    col('Message', 'string', '.status.message', 0, 'Message'),
    col('Health', 'string', '.status.ceph.health', 0, 'Ceph Health'),
    col('External', 'boolean', '.spec.external.enable'),
    col('FSID', 'string', '.status.ceph.fsid', 0, 'Ceph FSID'),
  ],
});

const poolStatus = obj({
  phase: str(), conditions: conditions(), info: map(), poolID: int(), observedGeneration: int64(),
  mirroringStatus: free(), mirroringInfo: free(), snapshotScheduleStatus: free(),
});

/** CephBlockPool. */
export const cephBlockPoolDef: ResourceDef = crd({
  group: G, version: V, kind: 'CephBlockPool', plural: 'cephblockpools', namespaced: true, subresources: ['status'],
  spec: poolSpecSchema({ name: str() }), status: poolStatus,
  columns: [
    col('Phase', 'string', '.status.phase'),
    col('Type', 'string', '.status.info.type'),
    col('FailureDomain', 'string', '.status.info.failureDomain'),
    col('Age', 'date', '.metadata.creationTimestamp'),
  ],
});

const namedPool = () => obj({ name: str(), ...((poolSpecSchema().properties ?? {}) as Record<string, JSONSchema>) });
const gatewayStatus = obj({ phase: str(), conditions: conditions(), info: map(), observedGeneration: int64() });

/** CephFilesystem. */
export const cephFilesystemDef: ResourceDef = crd({
  group: G, version: V, kind: 'CephFilesystem', plural: 'cephfilesystems', namespaced: true, subresources: ['status'],
  spec: obj({
    metadataPool: poolSpecSchema(),
    dataPools: arr(namedPool()),
    preservePoolsOnDelete: bool(),
    preserveFilesystemOnDelete: bool(),
    metadataServer: obj({
      activeCount: int(), activeStandby: bool(), placement: placementSchema(), resources: free(),
      priorityClassName: str(), annotations: map(), labels: map(),
    }, ['activeCount']),
    mirroring: free(),
    statusCheck: free(),
  }, ['metadataPool', 'dataPools', 'metadataServer']),
  status: gatewayStatus,
  columns: [
    col('ActiveMDS', 'string', '.spec.metadataServer.activeCount', 0, 'Number of desired active MDS daemons'),
    col('Age', 'date', '.metadata.creationTimestamp'),
    col('Phase', 'string', '.status.phase'),
  ],
});

/** CephObjectStore. */
export const cephObjectStoreDef: ResourceDef = crd({
  group: G, version: V, kind: 'CephObjectStore', plural: 'cephobjectstores', namespaced: true, subresources: ['status'],
  spec: obj({
    metadataPool: poolSpecSchema(),
    dataPool: poolSpecSchema(),
    preservePoolsOnDelete: bool(),
    gateway: obj({
      port: int(), securePort: int(), instances: int(), sslCertificateRef: str(), caBundleRef: str(),
      placement: placementSchema(), resources: free(), priorityClassName: str(), hostNetwork: bool(),
      service: free(), externalRgwEndpoints: arr(free()),
    }),
    zone: obj({ name: str() }),
    healthCheck: free(),
    security: free(),
    hosting: free(),
  }),
  status: obj({
    phase: str(), message: str(), conditions: conditions(), info: map(),
    endpoints: obj({ insecure: arr(str()), secure: arr(str()) }), bucketStatus: obj({ health: str(), details: str(), lastChecked: str(), lastChanged: time() }),
    observedGeneration: int64(),
  }),
  columns: [col('Phase', 'string', '.status.phase'), col('Age', 'date', '.metadata.creationTimestamp')],
});

/** Every ceph.rook.io kind served. */
export const rookResources: ResourceDef[] = [cephClusterDef, cephBlockPoolDef, cephFilesystemDef, cephObjectStoreDef];
