import { describe, it, expect } from 'vitest';
import { canonicalizeQuantities, hasQuantities } from './canonicalize-quantities.js';

describe('canonicalizeQuantities()', () => {
  it('rewrites container resources and emptyDir limits of a pod template', () => {
    const d = {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x', labels: { cpu: '0.5' } },
      spec: { template: { spec: {
        containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: 0.5, memory: '1.5Gi' }, limits: { cpu: '1000m', 'example.com/gpu': 1 } } }],
        volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '1024Mi' } }],
      } } },
    };
    canonicalizeQuantities(d, 'io.k8s.api.apps.v1.Deployment');
    const c = d.spec.template.spec.containers[0];
    expect(c.resources).toEqual({ requests: { cpu: '500m', memory: '1536Mi' }, limits: { cpu: '1', 'example.com/gpu': '1' } });
    expect(d.spec.template.spec.volumes[0].emptyDir.sizeLimit).toBe('1Gi');
    expect(d.metadata.labels.cpu).toBe('0.5');
  });
  it('leaves unparseable values for validation to report', () => {
    const pvc = { spec: { resources: { requests: { storage: '10 GB' } } } };
    canonicalizeQuantities(pvc, 'io.k8s.api.core.v1.PersistentVolumeClaim');
    expect(pvc.spec.resources.requests.storage).toBe('10 GB');
  });
  it('knows which kinds hold quantities', () => {
    expect(hasQuantities('io.k8s.api.core.v1.Node')).toBe(true);
    expect(hasQuantities('io.k8s.api.core.v1.ConfigMap')).toBe(false);
  });
});
