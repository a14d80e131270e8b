import { describe, expect, it } from 'vitest';
import { registerWorkloadScale, scaleOf, type workloadScale } from './workload-scale.js';

describe('scaleOf', () => {
  it('is the autoscaling/v1 Scale of a workload: replicas and the selector as a string', () => {
    const dep = {
      apiVersion: 'apps/v1', kind: 'Deployment',
      metadata: { name: 'web', namespace: 'n', uid: 'u', resourceVersion: '7', creationTimestamp: '2026-11-21T00:00:00Z', labels: { x: 'y' } },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }] } },
      status: { replicas: 2 },
    };
    expect(scaleOf(dep)).toEqual({
      kind: 'Scale', apiVersion: 'autoscaling/v1',
      metadata: { name: 'web', namespace: 'n', uid: 'u', resourceVersion: '7', creationTimestamp: '2026-11-21T00:00:00Z' },
      spec: { replicas: 3 },
      status: { replicas: 2, selector: 'app=web,tier in (a,b)' },
    });
  });

  it('reads missing replicas as 0', () => {
    expect(scaleOf({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 's' } }).spec).toEqual({ replicas: 0 });
  });

  it('registers the three apps workloads', () => {
    const hooks = new Map<string, typeof workloadScale>();
    registerWorkloadScale(hooks);
    expect([...hooks.keys()]).toEqual(['apps/deployments/scale', 'apps/statefulsets/scale', 'apps/replicasets/scale']);
  });
});
