/**
 * config.openshift.io/v1 ClusterVersion and ClusterOperator (cluster-scoped). Field names and
 * printer columns from openshift/api `config/v1/types_cluster_version.go`,
 * `types_cluster_operator.go`.
 */
import type { ResourceDef } from '../types.js';
import { conditions } from '../kubevirt/core-schemas.js';
import { col, crd } from '../kubevirt/crd-def.js';
import { arr, bool, free, int64, obj, str, strs, time } from '../kubevirt/schema-kit.js';

const G = 'config.openshift.io';
const cond = (type: string, field = 'status') => `.status.conditions[?(@.type=="${type}")].${field}`;

const release = () => obj({ version: str(), image: str(), url: str(), channels: strs(), architecture: str() });

/** ClusterVersion (named `version`). */
export const clusterVersionDef: ResourceDef = crd({
  group: G, version: 'v1', kind: 'ClusterVersion', plural: 'clusterversions', namespaced: false, subresources: ['status'],
  spec: obj({
    clusterID: str(),
    desiredUpdate: obj({ architecture: str(), version: str(), image: str(), force: bool(), acceptRisks: arr(obj({ name: str() })) }),
    upstream: str(),
    channel: str(),
    capabilities: obj({ baselineCapabilitySet: str(), additionalEnabledCapabilities: strs() }),
    signatureStores: arr(obj({ url: str(), ca: obj({ name: str() }) })),
    overrides: arr(obj({ kind: str(), group: str(), name: str(), namespace: str(), unmanaged: bool() },
      ['kind', 'group', 'name', 'namespace', 'unmanaged'])),
  }, ['clusterID']),
  status: obj({
    desired: release(),
    history: arr(obj({
      state: str(), startedTime: time(), completionTime: time(),
      version: str(), image: str(), verified: bool(), acceptedRisks: str(),
    }, ['state', 'startedTime', 'completionTime', 'image', 'verified'])),
    observedGeneration: int64(),
    versionHash: str(),
    capabilities: obj({ enabledCapabilities: strs(), knownCapabilities: strs() }),
    conditions: conditions(),
    availableUpdates: arr(release()),
    conditionalUpdates: arr(obj({ release: release(), risks: arr(free()), conditions: conditions() })),
  }),
  required: ['spec'],
  columns: [
    col('Version', 'string', '.status.history[?(@.state=="Completed")].version'),
    col('Available', 'string', cond('Available')),
    col('Progressing', 'string', cond('Progressing')),
    col('Since', 'date', cond('Progressing', 'lastTransitionTime')),
    col('Status', 'string', cond('Progressing', 'message')),
  ],
});

/** ClusterOperator (co). */
export const clusterOperatorDef: ResourceDef = crd({
  group: G, version: 'v1', kind: 'ClusterOperator', plural: 'clusteroperators', namespaced: false,
  shortNames: ['co'], subresources: ['status'],
  spec: obj({}),
  status: obj({
    conditions: conditions(),
    versions: arr(obj({ name: str(), version: str() }, ['name', 'version'])),
    relatedObjects: arr(obj({ group: str(), resource: str(), namespace: str(), name: str() }, ['group', 'resource', 'name'])),
    extension: free(),
  }),
  required: ['spec'],
  columns: [
    col('Version', 'string', '.status.versions[?(@.name=="operator")].version', 0, 'The version the operator is at.'),
    col('Available', 'string', cond('Available'), 0, 'Whether the operator is running and stable.'),
    col('Progressing', 'string', cond('Progressing'), 0, 'Whether the operator is processing changes.'),
    col('Degraded', 'string', cond('Degraded'), 0, 'Whether the operator is degraded.'),
    col('Since', 'date', cond('Available', 'lastTransitionTime'), 0, "The time the operator's Available status last changed."),
  ],
});
