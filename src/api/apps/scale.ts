/**
 * The `scale` subresource of deployments, statefulsets and replicasets as autoscaling/v1 Scale
 * (`pkg/registry/apps/deployment/storage/storage.go` `scaleFromDeployment`, and the same for the others).
 */
import type { KubeObject } from '../types.js';
import { selectorString, type LabelSelector } from '../meta/label-selector.js';
import { num } from '../meta/object-access.js';

/** The Scale object of a workload. */
export function toScale(obj: KubeObject): KubeObject {
  const spec = (obj.spec ?? {}) as { replicas?: number; selector?: LabelSelector };
  const m = obj.metadata;
  return {
    apiVersion: 'autoscaling/v1', kind: 'Scale',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: num(obj, 'status.replicas'), selector: selectorString(spec.selector) },
  };
}

/** Applies a Scale's `spec.replicas` to a workload in place. */
export function applyScale(obj: KubeObject, scale: KubeObject): void {
  const replicas = (scale.spec as { replicas?: number } | undefined)?.replicas ?? 0;
  obj.spec = { ...((obj.spec as object) ?? {}), replicas };
}
