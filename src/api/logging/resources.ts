/**
 * logging.openshift.io/v1 ClusterLogForwarder and ClusterLogging. Field names from
 * openshift/cluster-logging-operator `api/logging/v1` (output_types.go,
 * clusterlogforwarder_types.go); the collector/store tuning blocks are free-form here.
 */
import type { ResourceDef } from '../types.js';
import { conditions, labelSelector } from '../kubevirt/core-schemas.js';
import { crd } from '../kubevirt/crd-def.js';
import { arr, bool, free, int, map, obj, str, strs } from '../kubevirt/schema-kit.js';

const G = 'logging.openshift.io';

const output = obj({
  name: str(),
  type: str(),
  url: str(),
  secret: obj({ name: str() }, ['name']),
  tls: obj({ insecureSkipVerify: bool(), securityProfile: free() }),
  limit: obj({ maxRecordsPerSecond: int() }),
  tuning: free(),
  syslog: free(),
  fluentdForward: free(),
  elasticsearch: obj({ version: int(), structuredTypeKey: str(), structuredTypeName: str(), enableStructuredContainerLogs: bool() }),
  kafka: obj({ topic: str(), brokers: strs() }),
  cloudwatch: free(),
  loki: obj({ tenantKey: str(), labelKeys: strs() }),
  googleCloudLogging: free(),
  splunk: obj({ indexKey: str(), indexName: str(), fields: strs() }),
  http: obj({ headers: map(), timeout: int(), method: str() }),
  azureMonitor: free(),
}, ['name', 'type']);

const input = obj({
  name: str(),
  application: obj({ namespaces: strs(), selector: labelSelector(), includes: arr(free()), excludes: arr(free()), containerLimit: free() }),
  infrastructure: obj({ sources: strs() }),
  audit: obj({ sources: strs() }),
  receiver: free(),
}, ['name']);

const pipeline = obj({
  name: str(),
  inputRefs: strs(),
  outputRefs: strs(),
  filterRefs: strs(),
  labels: map(),
  parse: str(),
  detectMultilineErrors: bool(),
}, ['inputRefs', 'outputRefs']);

/** ClusterLogForwarder (clf). */
export const clusterLogForwarderDef: ResourceDef = crd({
  group: G, version: 'v1', kind: 'ClusterLogForwarder', plural: 'clusterlogforwarders', namespaced: true,
  shortNames: ['clf'], categories: ['logging'], subresources: ['status'],
  spec: obj({
    inputs: arr(input),
    outputs: arr(output),
    pipelines: arr(pipeline),
    filters: arr(obj({ name: str(), type: str(), kubeAPIAudit: free(), drop: arr(free()), prune: free() }, ['name', 'type'])),
    outputDefaults: free(),
    serviceAccountName: str(),
  }),
  status: obj({
    conditions: conditions(), inputs: map(conditions()), outputs: map(conditions()),
    pipelines: map(conditions()), filters: map(conditions()),
  }),
});

/** ClusterLogging (cl). */
export const clusterLoggingDef: ResourceDef = crd({
  group: G, version: 'v1', kind: 'ClusterLogging', plural: 'clusterloggings', namespaced: true,
  shortNames: ['cl'], categories: ['logging'], subresources: ['status'],
  spec: obj({
    managementState: str(),
    visualization: free(),
    logStore: free(),
    collection: obj({ type: str(), resources: free(), nodeSelector: map(), tolerations: arr(free()), fluentd: free(), logs: free() }),
    curation: free(),
    forwarder: free(),
  }),
  status: free(),
});

/** Every logging.openshift.io kind served. */
export const loggingResources: ResourceDef[] = [clusterLogForwarderDef, clusterLoggingDef];
