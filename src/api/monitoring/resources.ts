/**
 * monitoring.coreos.com/v1 (prometheus-operator): PrometheusRule, ServiceMonitor, PodMonitor,
 * Prometheus, Alertmanager. Field names from prometheus-operator `pkg/apis/monitoring/v1/`
 * (see observability.md). Prometheus and Alertmanager specs are very large; their main
 * fields are declared and the rest are kept as given (an approximation of the real CRDs).
 */
import type { JSONSchema, ResourceDef } from '../types.js';
import { labelSelector, metaCondition } from '../kubevirt/core-schemas.js';
import { col, crd } from '../kubevirt/crd-def.js';
import { arr, bool, free, int32, intOrString, map, obj, str, strs } from '../kubevirt/schema-kit.js';

const G = 'monitoring.coreos.com';
const V = 'v1';
const CAT = ['prometheus-operator'];

const rule = obj({
  record: str(), alert: str(), expr: intOrString(), for: str(), keep_firing_for: str(), labels: map(), annotations: map(),
}, ['expr']);

/** PrometheusRule (promrule): `spec` is a Prometheus rule file. */
export const prometheusRuleDef: ResourceDef = crd({
  group: G, version: V, kind: 'PrometheusRule', plural: 'prometheusrules', namespaced: true,
  shortNames: ['promrule'], categories: CAT,
  spec: obj({
    groups: arr(obj({
      name: str(), interval: str(), query_offset: str(), limit: int32(), labels: map(),
      partial_response_strategy: str(), rules: arr(rule),
    }, ['name'])),
  }),
  required: ['spec'],
});

const relabel = () => arr(obj({
  sourceLabels: strs(), separator: str(), targetLabel: str(), regex: str(), modulus: int32(), replacement: str(), action: str(),
}));

function endpoint(extra: Record<string, JSONSchema>): JSONSchema {
  return obj({
    port: str(), targetPort: intOrString(), path: str(), scheme: str(), params: map(strs()), interval: str(),
    scrapeTimeout: str(), tlsConfig: free(), bearerTokenFile: str(), bearerTokenSecret: free(), authorization: free(),
    honorLabels: bool(), honorTimestamps: bool(), basicAuth: free(), oauth2: free(), metricRelabelings: relabel(),
    relabelings: relabel(), proxyUrl: str(), followRedirects: bool(), enableHttp2: bool(), filterRunning: bool(),
    ...extra,
  });
}

const namespaceSelector = () => obj({ any: bool(), matchNames: strs() });
const limits = () => ({ sampleLimit: int32(), targetLimit: int32(), labelLimit: int32(), labelNameLengthLimit: int32(), labelValueLengthLimit: int32() });

/** ServiceMonitor (smon). */
export const serviceMonitorDef: ResourceDef = crd({
  group: G, version: V, kind: 'ServiceMonitor', plural: 'servicemonitors', namespaced: true,
  shortNames: ['smon'], categories: CAT,
  spec: obj({
    jobLabel: str(), targetLabels: strs(), podTargetLabels: strs(),
    endpoints: arr(endpoint({})), selector: labelSelector(), namespaceSelector: namespaceSelector(),
    attachMetadata: obj({ node: bool() }), scrapeProtocols: strs(), ...limits(),
  }, ['selector']),
  required: ['spec'],
});

/** PodMonitor (pmon). */
export const podMonitorDef: ResourceDef = crd({
  group: G, version: V, kind: 'PodMonitor', plural: 'podmonitors', namespaced: true,
  shortNames: ['pmon'], categories: CAT,
  spec: obj({
    jobLabel: str(), podTargetLabels: strs(),
    podMetricsEndpoints: arr(endpoint({})), selector: labelSelector(), namespaceSelector: namespaceSelector(),
    attachMetadata: obj({ node: bool() }), scrapeProtocols: strs(), ...limits(),
  }, ['selector']),
  required: ['spec'],
});

const workloadStatus = () => obj({
  paused: bool(), replicas: int32(), updatedReplicas: int32(), availableReplicas: int32(), unavailableReplicas: int32(),
  conditions: arr(metaCondition()), shardStatuses: arr(free()), shards: int32(), selector: str(),
});

const workloadColumns = [
  col('Version', 'string', '.spec.version'),
  col('Desired', 'integer', '.spec.replicas'),
  col('Ready', 'integer', '.status.availableReplicas'),
  col('Reconciled', 'string', ".status.conditions[?(@.type == 'Reconciled')].status"),
  col('Available', 'string', ".status.conditions[?(@.type == 'Available')].status"),
  col('Age', 'date', '.metadata.creationTimestamp'),
  col('Paused', 'boolean', '.status.paused', 1),
];

/** Prometheus (prom). */
export const prometheusDef: ResourceDef = crd({
  group: G, version: V, kind: 'Prometheus', plural: 'prometheuses', namespaced: true,
  shortNames: ['prom'], categories: CAT, subresources: ['status', 'scale'],
  spec: free({
    version: str(), image: str(), replicas: int32(), shards: int32(), retention: str(), retentionSize: str(),
    serviceAccountName: str(), serviceMonitorSelector: labelSelector(), serviceMonitorNamespaceSelector: labelSelector(),
    podMonitorSelector: labelSelector(), podMonitorNamespaceSelector: labelSelector(), ruleSelector: labelSelector(),
    ruleNamespaceSelector: labelSelector(), alerting: free(), externalLabels: map(), scrapeInterval: str(),
    evaluationInterval: str(), storage: free(), resources: free(), nodeSelector: map(), tolerations: arr(free()),
  }),
  status: workloadStatus(),
  columns: workloadColumns,
});

/** Alertmanager (am). */
export const alertmanagerDef: ResourceDef = crd({
  group: G, version: V, kind: 'Alertmanager', plural: 'alertmanagers', namespaced: true,
  shortNames: ['am'], categories: CAT, subresources: ['status', 'scale'],
  spec: free({
    version: str(), image: str(), replicas: int32(), retention: str(), storage: free(), resources: free(),
    alertmanagerConfigSelector: labelSelector(), alertmanagerConfigNamespaceSelector: labelSelector(),
    configSecret: str(), externalUrl: str(), routePrefix: str(), nodeSelector: map(), tolerations: arr(free()),
  }),
  status: workloadStatus(),
  columns: workloadColumns,
});

/** Every monitoring.coreos.com kind served. */
export const monitoringResources: ResourceDef[] = [prometheusRuleDef, serviceMonitorDef, podMonitorDef, prometheusDef, alertmanagerDef];
