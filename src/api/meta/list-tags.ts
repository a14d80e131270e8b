/**
 * Struct-tag facts the OpenAPI generator cannot read from client-node's models: strategic
 * merge patch strategies, list types, map keys and which string fields are Quantities.
 * Source: `kubernetes/api` `core/v1/types.go`, `apps/v1/types.go`, `policy/v1/types.go`,
 * `apiextensions-apiserver` `types.go`, and apimachinery `meta/v1/types.go` (`+patchStrategy`,
 * `+patchMergeKey`, `+listType`, `+listMapKey` markers on each field).
 */

/** The OpenAPI extensions of one field. */
export interface FieldTags {
  patchStrategy?: string;
  patchMergeKey?: string;
  listType?: 'atomic' | 'set' | 'map';
  listMapKeys?: string[];
  mapType?: 'atomic' | 'granular';
}

const conditions: FieldTags = { patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] };
const byName: FieldTags = { patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] };
const atomic: FieldTags = { listType: 'atomic' };

/** Tags keyed by `<OpenAPI short name>.<json field>`, e.g. `core.v1.PodSpec.containers`. */
export const FIELD_TAGS: Record<string, FieldTags> = {
  // apimachinery meta/v1 types.go
  'meta.v1.ObjectMeta.finalizers': { patchStrategy: 'merge', listType: 'set' },
  'meta.v1.ObjectMeta.ownerReferences': { patchStrategy: 'merge', patchMergeKey: 'uid', listType: 'map', listMapKeys: ['uid'] },
  'meta.v1.ObjectMeta.managedFields': atomic,
  'meta.v1.LabelSelector.matchExpressions': atomic,
  'meta.v1.LabelSelectorRequirement.values': atomic,
  // core/v1 types.go: PodSpec
  'core.v1.PodSpec.volumes': { patchStrategy: 'merge,retainKeys', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] },
  'core.v1.PodSpec.initContainers': byName,
  'core.v1.PodSpec.containers': byName,
  'core.v1.PodSpec.ephemeralContainers': byName,
  'core.v1.PodSpec.imagePullSecrets': byName,
  'core.v1.PodSpec.hostAliases': { patchStrategy: 'merge', patchMergeKey: 'ip', listType: 'map', listMapKeys: ['ip'] },
  'core.v1.PodSpec.tolerations': atomic,
  'core.v1.PodSpec.readinessGates': atomic,
  'core.v1.PodSpec.topologySpreadConstraints': { patchStrategy: 'merge', patchMergeKey: 'topologyKey', listType: 'map', listMapKeys: ['topologyKey', 'whenUnsatisfiable'] },
  'core.v1.PodSpec.schedulingGates': byName,
  'core.v1.PodSpec.resourceClaims': { patchStrategy: 'merge,retainKeys', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] },
  // core/v1 types.go: Container and EphemeralContainer
  ...containerTags('Container'),
  ...containerTags('EphemeralContainer'),
  // core/v1 types.go: PodStatus
  'core.v1.PodStatus.conditions': conditions,
  'core.v1.PodStatus.podIPs': { patchStrategy: 'merge', patchMergeKey: 'ip', listType: 'map', listMapKeys: ['ip'] },
  'core.v1.PodStatus.hostIPs': { patchStrategy: 'merge', patchMergeKey: 'ip', listType: 'atomic' },
  'core.v1.PodStatus.initContainerStatuses': atomic,
  'core.v1.PodStatus.containerStatuses': atomic,
  'core.v1.PodStatus.ephemeralContainerStatuses': atomic,
  // Node: addresses carry merge/type but no listType (types.go warns the key is not unique)
  'core.v1.NodeSpec.podCIDRs': { patchStrategy: 'merge', listType: 'set' },
  'core.v1.NodeSpec.taints': atomic,
  'core.v1.NodeStatus.conditions': conditions,
  'core.v1.NodeStatus.addresses': { patchStrategy: 'merge', patchMergeKey: 'type' },
  'core.v1.NodeStatus.images': atomic,
  'core.v1.NodeStatus.volumesInUse': atomic,
  'core.v1.NodeStatus.volumesAttached': atomic,
  // Service
  'core.v1.ServiceSpec.ports': { patchStrategy: 'merge', patchMergeKey: 'port', listType: 'map', listMapKeys: ['port', 'protocol'] },
  'core.v1.ServiceSpec.clusterIPs': atomic,
  'core.v1.ServiceSpec.externalIPs': atomic,
  'core.v1.ServiceSpec.ipFamilies': atomic,
  'core.v1.ServiceSpec.loadBalancerSourceRanges': atomic,
  'core.v1.ServiceStatus.conditions': conditions,
  'core.v1.LoadBalancerStatus.ingress': atomic,
  // Others in core/v1
  'core.v1.ServiceAccount.secrets': byName,
  'core.v1.ServiceAccount.imagePullSecrets': atomic,
  'core.v1.NamespaceSpec.finalizers': atomic,
  'core.v1.NamespaceStatus.conditions': conditions,
  'core.v1.PersistentVolumeClaimSpec.accessModes': atomic,
  'core.v1.PersistentVolumeClaimStatus.conditions': conditions,
  'core.v1.PersistentVolumeClaimStatus.accessModes': atomic,
  'core.v1.PersistentVolumeSpec.accessModes': atomic,
  'core.v1.PersistentVolumeSpec.mountOptions': atomic,
  'core.v1.Endpoints.subsets': atomic,
  'core.v1.EndpointSubset.addresses': atomic,
  'core.v1.EndpointSubset.notReadyAddresses': atomic,
  'core.v1.EndpointSubset.ports': atomic,
  'core.v1.ResourceQuotaSpec.scopes': atomic,
  'core.v1.LimitRangeSpec.limits': atomic,
  'core.v1.ReplicationControllerStatus.conditions': conditions,
  // apps/v1 types.go
  'apps.v1.DeploymentStatus.conditions': conditions,
  'apps.v1.StatefulSetStatus.conditions': conditions,
  'apps.v1.DaemonSetStatus.conditions': conditions,
  'apps.v1.ReplicaSetStatus.conditions': conditions,
  'apps.v1.StatefulSetSpec.volumeClaimTemplates': atomic,
  // policy/v1 types.go
  'policy.v1.PodDisruptionBudgetStatus.conditions': conditions,
  // rbac/v1 types.go
  'rbac.v1.Role.rules': atomic,
  'rbac.v1.ClusterRole.rules': atomic,
  'rbac.v1.RoleBinding.subjects': atomic,
  'rbac.v1.ClusterRoleBinding.subjects': atomic,
  // networking/v1 types.go
  'networking.v1.NetworkPolicySpec.ingress': atomic,
  'networking.v1.NetworkPolicySpec.egress': atomic,
  'networking.v1.NetworkPolicySpec.policyTypes': atomic,
  'networking.v1.IngressSpec.rules': atomic,
  'networking.v1.IngressSpec.tls': atomic,
  // apiextensions/v1 types.go
  'apiextensions.v1.CustomResourceDefinitionStatus.conditions': { listType: 'map', listMapKeys: ['type'] },
  'apiextensions.v1.CustomResourceDefinitionSpec.versions': atomic,
};

function containerTags(kind: string): Record<string, FieldTags> {
  const p = `core.v1.${kind}.`;
  return {
    [`${p}command`]: atomic,
    [`${p}args`]: atomic,
    [`${p}ports`]: { patchStrategy: 'merge', patchMergeKey: 'containerPort', listType: 'map', listMapKeys: ['containerPort', 'protocol'] },
    [`${p}envFrom`]: atomic,
    [`${p}env`]: byName,
    [`${p}resizePolicy`]: atomic,
    [`${p}volumeMounts`]: { patchStrategy: 'merge', patchMergeKey: 'mountPath', listType: 'map', listMapKeys: ['mountPath'] },
    [`${p}volumeDevices`]: { patchStrategy: 'merge', patchMergeKey: 'devicePath', listType: 'map', listMapKeys: ['devicePath'] },
  };
}

/** Struct types tagged `+structType=atomic` (types.go), replaced whole by apply. */
export const ATOMIC_STRUCTS = new Set([
  'meta.v1.LabelSelector',
  'core.v1.LocalObjectReference',
  'core.v1.ObjectReference',
  'core.v1.TypedLocalObjectReference',
  'core.v1.NodeSelector',
  'core.v1.SecretKeySelector',
  'core.v1.ConfigMapKeySelector',
  'core.v1.ObjectFieldSelector',
  'core.v1.ResourceFieldSelector',
]);

/**
 * Fields whose Go type is `resource.Quantity` (or a map of them); client-node types them
 * as plain strings. `core.v1.ResourceList` is `map[ResourceName]resource.Quantity`.
 */
export const QUANTITY_FIELDS = new Set([
  'core.v1.ResourceRequirements.limits',
  'core.v1.ResourceRequirements.requests',
  'core.v1.VolumeResourceRequirements.limits',
  'core.v1.VolumeResourceRequirements.requests',
  'core.v1.EmptyDirVolumeSource.sizeLimit',
  'core.v1.NodeStatus.allocatable',
  'core.v1.NodeStatus.capacity',
  'core.v1.PersistentVolumeSpec.capacity',
  'core.v1.PersistentVolumeClaimStatus.capacity',
  'core.v1.PersistentVolumeClaimStatus.allocatedResources',
  'core.v1.ResourceQuotaSpec.hard',
  'core.v1.ResourceQuotaStatus.hard',
  'core.v1.ResourceQuotaStatus.used',
  'core.v1.LimitRangeItem.default',
  'core.v1.LimitRangeItem.defaultRequest',
  'core.v1.LimitRangeItem.max',
  'core.v1.LimitRangeItem.min',
  'core.v1.LimitRangeItem.maxLimitRequestRatio',
  'core.v1.PodSpec.overhead',
  'core.v1.ContainerStatus.allocatedResources',
  'core.v1.ResourceFieldSelector.divisor',
  'storage.v1.CSIStorageCapacity.capacity',
  'storage.v1.CSIStorageCapacity.maximumVolumeSize',
]);
