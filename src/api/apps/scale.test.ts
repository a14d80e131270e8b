import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../types.js';
import { applyScale, toScale } from './scale.js';

describe('scale subresource', () => {
  const d: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', resourceVersion: '42', uid: 'u' }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } } }, status: { replicas: 2 } };
  it('reads replicas and the selector string', () => {
    expect(toScale(d)).toEqual({ apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'web', namespace: 'default', uid: 'u', resourceVersion: '42', creationTimestamp: undefined }, spec: { replicas: 3 }, status: { replicas: 2, selector: 'app=web' } });
  });
  it('writes spec.replicas back', () => {
    const copy = structuredClone(d);
    applyScale(copy, { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: {}, spec: { replicas: 5 } });
    expect((copy.spec as { replicas: number }).replicas).toBe(5);
  });
});
