/**
 * Schemas of Kubernetes core types that platform CRDs embed (conditions, selectors,
 * references, PVC specs, tolerations), as the CRD generators inline them.
 * Source: kubernetes/api `core/v1/types.go`, apimachinery `meta/v1/types.go`.
 */
import type { JSONSchema } from '../types.js';
import { arr, bool, free, int32, int64, map, obj, oneOf, resourceList, str, strs, time } from './schema-kit.js';

/** corev1.LocalObjectReference `{name}`. */
export function localRef(): JSONSchema {
  return obj({ name: str() });
}

/** corev1.ObjectReference. */
export function objectRef(): JSONSchema {
  return obj({
    apiVersion: str(), fieldPath: str(), kind: str(), name: str(), namespace: str(),
    resourceVersion: str(), uid: str(),
  });
}

/** corev1.TypedLocalObjectReference `{apiGroup, kind, name}`. */
export function typedLocalRef(): JSONSchema {
  return obj({ apiGroup: str(), kind: str(), name: str() }, ['kind', 'name']);
}

/** corev1.TypedObjectReference (adds namespace). */
export function typedRef(): JSONSchema {
  return obj({ apiGroup: str(), kind: str(), name: str(), namespace: str() }, ['kind', 'name']);
}

/** metav1.LabelSelector. */
export function labelSelector(): JSONSchema {
  return obj({
    matchLabels: map(),
    matchExpressions: arr(obj({ key: str(), operator: str(), values: strs() }, ['key', 'operator'])),
  });
}

/** A KubeVirt/CDI style condition (status string, optional probe/transition times). */
export function condition(): JSONSchema {
  return obj(
    {
      type: str(), status: str(), reason: str(), message: str(),
      lastProbeTime: time(), lastTransitionTime: time(), lastHeartbeatTime: time(),
    },
    ['type', 'status'],
  );
}

/** metav1.Condition (with observedGeneration), used by kubebuilder operators. */
export function metaCondition(): JSONSchema {
  return obj(
    {
      type: str(), status: oneOf('True', 'False', 'Unknown'), observedGeneration: int64(),
      lastTransitionTime: time(), reason: str(), message: str(),
    },
    ['type', 'status'],
  );
}

/** A list of conditions. */
export function conditions(item: JSONSchema = condition()): JSONSchema {
  return arr(item);
}

/** corev1.ResourceRequirements. */
export function resourceRequirements(): JSONSchema {
  return obj({ limits: resourceList(), requests: resourceList(), claims: arr(obj({ name: str(), request: str() }, ['name'])) });
}

/** corev1.Toleration. */
export function toleration(): JSONSchema {
  return obj({ key: str(), operator: str(), value: str(), effect: str(), tolerationSeconds: int64() });
}

/**
 * corev1.Affinity. The real CRDs inline the full node/pod (anti-)affinity tree; here the
 * three top-level blocks are declared and their inner terms are not checked.
 */
export function affinity(): JSONSchema {
  return obj({
    nodeAffinity: free(), podAffinity: free(), podAntiAffinity: free(),
  });
}

/** corev1.NodeSelectorTerm list holder used by placement blocks (`nodeAffinity.required...`). */
export function nodeAffinity(): JSONSchema {
  const req = obj({ key: str(), operator: str(), values: strs() }, ['key', 'operator']);
  const term = obj({ matchExpressions: arr(req), matchFields: arr(req) });
  return obj({
    requiredDuringSchedulingIgnoredDuringExecution: obj({ nodeSelectorTerms: arr(term) }, ['nodeSelectorTerms']),
    preferredDuringSchedulingIgnoredDuringExecution: arr(obj({ weight: int32(), preference: term }, ['weight', 'preference'])),
  });
}

/** corev1.TopologySpreadConstraint. */
export function topologySpread(): JSONSchema {
  return obj(
    {
      maxSkew: int32(), topologyKey: str(), whenUnsatisfiable: str(), labelSelector: labelSelector(),
      minDomains: int32(), nodeAffinityPolicy: str(), nodeTaintsPolicy: str(), matchLabelKeys: strs(),
    },
    ['maxSkew', 'topologyKey', 'whenUnsatisfiable'],
  );
}

/** corev1.PersistentVolumeClaimSpec. */
export function pvcSpec(): JSONSchema {
  return obj({
    accessModes: strs(),
    selector: labelSelector(),
    resources: obj({ limits: resourceList(), requests: resourceList() }),
    volumeName: str(),
    storageClassName: str(),
    volumeMode: str(),
    dataSource: typedLocalRef(),
    dataSourceRef: typedRef(),
    volumeAttributesClassName: str(),
  });
}

/** A PVC template `{metadata, spec}` as ODF/Rook device sets embed it. */
export function pvcTemplate(): JSONSchema {
  return obj({ metadata: free(), spec: pvcSpec(), status: free() });
}

/** corev1.PersistentVolumeClaimVolumeSource `{claimName, readOnly}`. */
export function pvcVolumeSource(): JSONSchema {
  return obj({ claimName: str(), readOnly: bool() }, ['claimName']);
}
