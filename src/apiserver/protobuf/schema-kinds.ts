/**
 * Protobuf messages of the kinds the typed `kubectl create` commands send: apps/v1 Deployment,
 * batch/v1 Job and CronJob, scheduling.k8s.io/v1 PriorityClass, policy/v1 PodDisruptionBudget,
 * networking.k8s.io/v1 Ingress, core/v1 Service and ResourceQuota, and the apimachinery types they
 * use (meta/v1 Condition, intstr.IntOrString, resource.Quantity). Field names and numbers are those of
 * kubernetes/api `{apps,batch,scheduling,policy,networking,core}/v1/generated.proto` and apimachinery
 * `pkg/{apis/meta/v1,util/intstr,api/resource}/generated.proto`, as registered in kubectl v1.32.4
 * (its gogo file descriptors); checked against the bodies kubectl sends (fixtures/).
 */

/** proto2 text of the workload, service, quota, budget, ingress and priority messages (package k8s). */
export const KINDS_PROTO = `
message Deployment { optional ObjectMeta metadata = 1; optional DeploymentSpec spec = 2; optional DeploymentStatus status = 3; }
message DeploymentSpec {
  optional int32 replicas = 1; optional LabelSelector selector = 2; optional PodTemplateSpec template = 3; optional DeploymentStrategy strategy = 4;
  optional int32 minReadySeconds = 5; optional int32 revisionHistoryLimit = 6; optional bool paused = 7; optional int32 progressDeadlineSeconds = 9;
}
message DeploymentStrategy { optional string type = 1; optional RollingUpdateDeployment rollingUpdate = 2; }
message RollingUpdateDeployment { optional IntOrString maxUnavailable = 1; optional IntOrString maxSurge = 2; }
message DeploymentStatus {
  optional int64 observedGeneration = 1; optional int32 replicas = 2; optional int32 updatedReplicas = 3; optional int32 readyReplicas = 7;
  optional int32 availableReplicas = 4; optional int32 unavailableReplicas = 5; repeated DeploymentCondition conditions = 6;
  optional int32 collisionCount = 8;
}
message DeploymentCondition {
  optional string type = 1; optional string status = 2; optional Time lastUpdateTime = 6; optional Time lastTransitionTime = 7;
  optional string reason = 4; optional string message = 5;
}
message Job { optional ObjectMeta metadata = 1; optional JobSpec spec = 2; optional JobStatus status = 3; }
message JobSpec {
  optional int32 parallelism = 1; optional int32 completions = 2; optional int64 activeDeadlineSeconds = 3;
  optional PodFailurePolicy podFailurePolicy = 11; optional SuccessPolicy successPolicy = 16; optional int32 backoffLimit = 7;
  optional int32 backoffLimitPerIndex = 12; optional int32 maxFailedIndexes = 13; optional LabelSelector selector = 4;
  optional bool manualSelector = 5; optional PodTemplateSpec template = 6; optional int32 ttlSecondsAfterFinished = 8;
  optional string completionMode = 9; optional bool suspend = 10; optional string podReplacementPolicy = 14; optional string managedBy = 15;
}
message JobStatus {
  repeated JobCondition conditions = 1; optional Time startTime = 2; optional Time completionTime = 3; optional int32 active = 4;
  optional int32 succeeded = 5; optional int32 failed = 6; optional int32 terminating = 11; optional string completedIndexes = 7;
  optional string failedIndexes = 10; optional UncountedTerminatedPods uncountedTerminatedPods = 8; optional int32 ready = 9;
}
message JobCondition {
  optional string type = 1; optional string status = 2; optional Time lastProbeTime = 3; optional Time lastTransitionTime = 4;
  optional string reason = 5; optional string message = 6;
}
message JobTemplateSpec { optional ObjectMeta metadata = 1; optional JobSpec spec = 2; }
message PodFailurePolicy { repeated PodFailurePolicyRule rules = 1; }
message PodFailurePolicyRule {
  optional string action = 1; optional PodFailurePolicyOnExitCodesRequirement onExitCodes = 2;
  repeated PodFailurePolicyOnPodConditionsPattern onPodConditions = 3;
}
message PodFailurePolicyOnExitCodesRequirement { optional string containerName = 1; optional string operator = 2; repeated int32 values = 3; }
message PodFailurePolicyOnPodConditionsPattern { optional string type = 1; optional string status = 2; }
message SuccessPolicy { repeated SuccessPolicyRule rules = 1; }
message SuccessPolicyRule { optional string succeededIndexes = 1; optional int32 succeededCount = 2; }
message UncountedTerminatedPods { repeated string succeeded = 1; repeated string failed = 2; }
message CronJob { optional ObjectMeta metadata = 1; optional CronJobSpec spec = 2; optional CronJobStatus status = 3; }
message CronJobSpec {
  optional string schedule = 1; optional string timeZone = 8; optional int64 startingDeadlineSeconds = 2; optional string concurrencyPolicy = 3;
  optional bool suspend = 4; optional JobTemplateSpec jobTemplate = 5; optional int32 successfulJobsHistoryLimit = 6;
  optional int32 failedJobsHistoryLimit = 7;
}
message CronJobStatus { repeated ObjectReference active = 1; optional Time lastScheduleTime = 4; optional Time lastSuccessfulTime = 5; }
message PriorityClass {
  optional ObjectMeta metadata = 1; optional int32 value = 2; optional bool globalDefault = 3; optional string description = 4;
  optional string preemptionPolicy = 5;
}
message PodDisruptionBudget {
  optional ObjectMeta metadata = 1; optional PodDisruptionBudgetSpec spec = 2; optional PodDisruptionBudgetStatus status = 3;
}
message PodDisruptionBudgetSpec {
  optional IntOrString minAvailable = 1; optional LabelSelector selector = 2; optional IntOrString maxUnavailable = 3;
  optional string unhealthyPodEvictionPolicy = 4;
}
message PodDisruptionBudgetStatus {
  optional int64 observedGeneration = 1; map<string, Time> disruptedPods = 2; optional int32 disruptionsAllowed = 3;
  optional int32 currentHealthy = 4; optional int32 desiredHealthy = 5; optional int32 expectedPods = 6; repeated Condition conditions = 7;
}
message Ingress { optional ObjectMeta metadata = 1; optional IngressSpec spec = 2; optional IngressStatus status = 3; }
message IngressSpec {
  optional string ingressClassName = 4; optional IngressBackend defaultBackend = 1; repeated IngressTLS tls = 2; repeated IngressRule rules = 3;
}
message IngressBackend { optional IngressServiceBackend service = 4; optional TypedLocalObjectReference resource = 3; }
message IngressServiceBackend { optional string name = 1; optional ServiceBackendPort port = 2; }
message ServiceBackendPort { optional string name = 1; optional int32 number = 2; }
message IngressTLS { repeated string hosts = 1; optional string secretName = 2; }
message IngressRule { optional string host = 1; optional IngressRuleValue ingressRuleValue = 2; }
message IngressRuleValue { optional HTTPIngressRuleValue http = 1; }
message HTTPIngressRuleValue { repeated HTTPIngressPath paths = 1; }
message HTTPIngressPath { optional string path = 1; optional string pathType = 3; optional IngressBackend backend = 2; }
message IngressStatus { optional IngressLoadBalancerStatus loadBalancer = 1; }
message IngressLoadBalancerStatus { repeated IngressLoadBalancerIngress ingress = 1; }
message IngressLoadBalancerIngress { optional string ip = 1; optional string hostname = 2; repeated IngressPortStatus ports = 4; }
message IngressPortStatus { optional int32 port = 1; optional string protocol = 2; optional string error = 3; }
message Service { optional ObjectMeta metadata = 1; optional ServiceSpec spec = 2; optional ServiceStatus status = 3; }
message ServiceSpec {
  repeated ServicePort ports = 1; map<string, string> selector = 2; optional string clusterIP = 3; repeated string clusterIPs = 18;
  optional string type = 4; repeated string externalIPs = 5; optional string sessionAffinity = 7; optional string loadBalancerIP = 8;
  repeated string loadBalancerSourceRanges = 9; optional string externalName = 10; optional string externalTrafficPolicy = 11;
  optional int32 healthCheckNodePort = 12; optional bool publishNotReadyAddresses = 13; optional SessionAffinityConfig sessionAffinityConfig = 14;
  repeated string ipFamilies = 19; optional string ipFamilyPolicy = 17; optional bool allocateLoadBalancerNodePorts = 20;
  optional string loadBalancerClass = 21; optional string internalTrafficPolicy = 22; optional string trafficDistribution = 23;
}
message ServicePort {
  optional string name = 1; optional string protocol = 2; optional string appProtocol = 6; optional int32 port = 3;
  optional IntOrString targetPort = 4; optional int32 nodePort = 5;
}
message SessionAffinityConfig { optional ClientIPConfig clientIP = 1; }
message ClientIPConfig { optional int32 timeoutSeconds = 1; }
message ServiceStatus { optional LoadBalancerStatus loadBalancer = 1; repeated Condition conditions = 2; }
message LoadBalancerStatus { repeated LoadBalancerIngress ingress = 1; }
message LoadBalancerIngress { optional string ip = 1; optional string hostname = 2; optional string ipMode = 3; repeated PortStatus ports = 4; }
message PortStatus { optional int32 port = 1; optional string protocol = 2; optional string error = 3; }
message ResourceQuota { optional ObjectMeta metadata = 1; optional ResourceQuotaSpec spec = 2; optional ResourceQuotaStatus status = 3; }
message ResourceQuotaSpec { map<string, Quantity> hard = 1; repeated string scopes = 2; optional ScopeSelector scopeSelector = 3; }
message ScopeSelector { repeated ScopedResourceSelectorRequirement matchExpressions = 1; }
message ScopedResourceSelectorRequirement { optional string scopeName = 1; optional string operator = 2; repeated string values = 3; }
message ResourceQuotaStatus { map<string, Quantity> hard = 1; map<string, Quantity> used = 2; }
message Condition {
  optional string type = 1; optional string status = 2; optional int64 observedGeneration = 3; optional Time lastTransitionTime = 4;
  optional string reason = 5; optional string message = 6;
}
message IntOrString { optional int64 type = 1; optional int32 intVal = 2; optional string strVal = 3; }
message Quantity { optional string string = 1; }
`;
