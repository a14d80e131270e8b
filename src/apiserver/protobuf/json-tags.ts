/**
 * What the Go JSON tags and field types of the protobuf messages tell the converter, keyed by
 * message name. Read from the struct tags compiled into kubectl v1.32.4 (`json:"name"` without
 * `omitempty`, `json:",inline"`) and from kubernetes/api `{core,apps,batch,policy,networking,scheduling}/v1/types.go` (which scalars are pointers).
 */

/**
 * Scalars whose JSON tag has no `omitempty`: kube's JSON shows them even at their zero value.
 * (Message fields are shown whenever present; repeated fields only when non-empty.)
 */
export const ALWAYS_EMIT: Record<string, string[]> = {
  SubjectAccessReviewStatus: ['allowed'],
  SubjectRulesReviewStatus: ['resourceRules', 'nonResourceRules', 'incomplete'],
  PolicyRule: ['verbs'],
  ResourceRule: ['verbs'],
  NonResourceRule: ['verbs'],
  Subject: ['kind', 'name'],
  RoleRef: ['apiGroup', 'kind', 'name'],
  TokenRequestSpec: ['audiences'],
  OwnerReference: ['apiVersion', 'kind', 'name', 'uid'],
  LabelSelectorRequirement: ['key', 'operator'],
  FieldSelectorRequirement: ['key', 'operator'],
  NamespaceCondition: ['type', 'status'],
  // Pod template (core/v1).
  Volume: ['name'], HostPathVolumeSource: ['path'], NFSVolumeSource: ['server', 'path'], KeyToPath: ['key', 'path'],
  PersistentVolumeClaimVolumeSource: ['claimName'], DownwardAPIVolumeFile: ['path'], ObjectFieldSelector: ['fieldPath'],
  ResourceFieldSelector: ['resource'], ServiceAccountTokenProjection: ['audience', 'path'], ClusterTrustBundleProjection: ['path'],
  CSIVolumeSource: ['driver'], TypedLocalObjectReference: ['kind', 'name'], TypedObjectReference: ['kind', 'name'],
  Container: ['name'], ContainerPort: ['containerPort'], EnvVar: ['name'], ConfigMapKeySelector: ['key'], SecretKeySelector: ['key'],
  ResourceClaim: ['name'], ContainerResizePolicy: ['resourceName', 'restartPolicy'], VolumeMount: ['name', 'mountPath'],
  VolumeDevice: ['name', 'devicePath'], HTTPHeader: ['name', 'value'], GRPCAction: ['port'], SleepAction: ['seconds'],
  SeccompProfile: ['type'], AppArmorProfile: ['type'], Sysctl: ['name', 'value'], NodeSelectorRequirement: ['key', 'operator'],
  PreferredSchedulingTerm: ['weight'], PodAffinityTerm: ['topologyKey'], WeightedPodAffinityTerm: ['weight'],
  PodReadinessGate: ['conditionType'], TopologySpreadConstraint: ['maxSkew', 'topologyKey', 'whenUnsatisfiable'],
  PodOS: ['name'], PodSchedulingGate: ['name'], PodResourceClaim: ['name'],
  // Kinds.
  DeploymentCondition: ['type', 'status'], JobCondition: ['type', 'status'], PodFailurePolicyRule: ['action'],
  PodFailurePolicyOnExitCodesRequirement: ['operator'], PodFailurePolicyOnPodConditionsPattern: ['type', 'status'],
  CronJobSpec: ['schedule'], PriorityClass: ['value'],
  PodDisruptionBudgetStatus: ['disruptionsAllowed', 'currentHealthy', 'desiredHealthy', 'expectedPods'],
  IngressServiceBackend: ['name'], IngressPortStatus: ['port', 'protocol'], ServicePort: ['port'], PortStatus: ['port', 'protocol'],
  ScopedResourceSelectorRequirement: ['scopeName', 'operator'], Condition: ['type', 'status', 'reason', 'message'],
};

/**
 * Scalars that are pointers in Go (`*int32`, `*bool`, `*string`): present on the wire only when
 * set, so a present zero (`--replicas=0`, `suspend: false`) is kept rather than dropped as omitempty.
 */
export const POINTER_FIELDS: Record<string, string[]> = {
  PodSpec: ['terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'automountServiceAccountToken', 'shareProcessNamespace', 'priority', 'runtimeClassName', 'enableServiceLinks', 'preemptionPolicy', 'setHostnameAsFQDN', 'hostUsers'],
  HostPathVolumeSource: ['type'], SecretVolumeSource: ['defaultMode', 'optional'], KeyToPath: ['mode'], DownwardAPIVolumeSource: ['defaultMode'],
  DownwardAPIVolumeFile: ['mode'], ConfigMapVolumeSource: ['defaultMode', 'optional'], ProjectedVolumeSource: ['defaultMode'],
  SecretProjection: ['optional'], ConfigMapProjection: ['optional'], ServiceAccountTokenProjection: ['expirationSeconds'],
  ClusterTrustBundleProjection: ['name', 'signerName', 'optional'], CSIVolumeSource: ['readOnly', 'fsType'],
  PersistentVolumeClaimSpec: ['storageClassName', 'volumeMode', 'volumeAttributesClassName'],
  TypedLocalObjectReference: ['apiGroup'], TypedObjectReference: ['apiGroup', 'namespace'],
  Container: ['restartPolicy'], ConfigMapEnvSource: ['optional'], SecretEnvSource: ['optional'], ConfigMapKeySelector: ['optional'], SecretKeySelector: ['optional'],
  VolumeMount: ['recursiveReadOnly', 'mountPropagation'], Probe: ['terminationGracePeriodSeconds'], GRPCAction: ['service'],
  SecurityContext: ['privileged', 'runAsUser', 'runAsGroup', 'runAsNonRoot', 'readOnlyRootFilesystem', 'allowPrivilegeEscalation', 'procMount'],
  WindowsSecurityContextOptions: ['gmsaCredentialSpecName', 'gmsaCredentialSpec', 'runAsUserName', 'hostProcess'],
  SeccompProfile: ['localhostProfile'], AppArmorProfile: ['localhostProfile'],
  PodSecurityContext: ['runAsUser', 'runAsGroup', 'runAsNonRoot', 'fsGroup', 'fsGroupChangePolicy', 'supplementalGroupsPolicy', 'seLinuxChangePolicy'],
  Toleration: ['tolerationSeconds'], PodDNSConfigOption: ['value'], TopologySpreadConstraint: ['minDomains', 'nodeAffinityPolicy', 'nodeTaintsPolicy'],
  PodResourceClaim: ['resourceClaimName', 'resourceClaimTemplateName'],
  DeploymentSpec: ['replicas', 'revisionHistoryLimit', 'progressDeadlineSeconds'], DeploymentStatus: ['collisionCount'],
  JobSpec: ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'backoffLimitPerIndex', 'maxFailedIndexes', 'manualSelector', 'ttlSecondsAfterFinished', 'completionMode', 'suspend', 'podReplacementPolicy', 'managedBy'],
  JobStatus: ['ready', 'terminating'], PodFailurePolicyOnExitCodesRequirement: ['containerName'], SuccessPolicyRule: ['succeededIndexes', 'succeededCount'],
  CronJobSpec: ['timeZone', 'startingDeadlineSeconds', 'suspend', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit'],
  PriorityClass: ['preemptionPolicy'], PodDisruptionBudgetSpec: ['unhealthyPodEvictionPolicy'],
  IngressSpec: ['ingressClassName'], HTTPIngressPath: ['pathType'], IngressPortStatus: ['error'],
  ServiceSpec: ['ipFamilyPolicy', 'allocateLoadBalancerNodePorts', 'loadBalancerClass', 'internalTrafficPolicy', 'trafficDistribution'],
  ServicePort: ['appProtocol'], ClientIPConfig: ['timeoutSeconds'], LoadBalancerIngress: ['ipMode'], PortStatus: ['error'],
};

/** Embedded structs (`json:",inline"`): their fields appear directly in the parent's JSON. */
export const INLINE_FIELDS: Record<string, string[]> = {
  Volume: ['volumeSource'], Probe: ['handler'], IngressRule: ['ingressRuleValue'],
  ConfigMapVolumeSource: ['localObjectReference'], SecretProjection: ['localObjectReference'], ConfigMapProjection: ['localObjectReference'],
  ConfigMapEnvSource: ['localObjectReference'], SecretEnvSource: ['localObjectReference'],
  ConfigMapKeySelector: ['localObjectReference'], SecretKeySelector: ['localObjectReference'],
};
