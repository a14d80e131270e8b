import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../types.js';
import { podDef } from './pod.js';
import { defaultPullPolicy } from './pod-defaults.js';

function newPod(spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec };
}

describe('pod defaults', () => {
  it('fills spec, container and admission defaults on create', () => {
    const p = newPod({ containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '1', memory: '1Gi' } } }] });
    podDef.defaults!(p, { operation: 'CREATE' });
    expect(p.spec).toMatchObject({
      restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler', terminationGracePeriodSeconds: 30,
      enableServiceLinks: true, securityContext: {}, serviceAccountName: 'default', serviceAccount: 'default',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
      containers: [{ imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', ports: [{ containerPort: 80, protocol: 'TCP' }], resources: { requests: { cpu: '1', memory: '1Gi' } } }],
    });
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'Guaranteed' });
  });

  it('keeps existing tolerations of the not-ready taint and adds only the missing one', () => {
    const p = newPod({ containers: [{ name: 'a', image: 'x' }], tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }] });
    podDef.defaults!(p, { operation: 'CREATE' });
    const tolerations = (p.spec as { tolerations: { key: string; tolerationSeconds: number }[] }).tolerations;
    expect(tolerations.map((t) => [t.key, t.tolerationSeconds])).toEqual([['node.kubernetes.io/not-ready', 10], ['node.kubernetes.io/unreachable', 300]]);
  });

  it('does not re-run admission or reset status on update', () => {
    const p = newPod({ containers: [{ name: 'a', image: 'x' }] });
    p.status = { phase: 'Running' };
    podDef.defaults!(p, { operation: 'UPDATE' });
    expect(p.status).toEqual({ phase: 'Running' });
    expect((p.spec as Record<string, unknown>).tolerations).toBeUndefined();
  });

  it.each([
    ['nginx', 'Always'], ['nginx:latest', 'Always'], ['nginx:1.27', 'IfNotPresent'],
    ['registry:5000/team/app', 'Always'], ['registry:5000/team/app:v2', 'IfNotPresent'], ['quay.io/a/b@sha256:abc', 'IfNotPresent'],
  ])('pull policy of %s is %s', (image, want) => {
    expect(defaultPullPolicy(image)).toBe(want);
  });
});

describe('pod validation', () => {
  const causes = (spec: Record<string, unknown>) => podDef.validate!(newPod(spec), { operation: 'CREATE' }).map((c) => `${c.field}: ${c.message}`);

  it('requires containers', () => {
    expect(causes({})).toEqual(['spec.containers: Required value']);
  });
  it('requires names and images and refuses duplicates', () => {
    expect(causes({ containers: [{ name: 'a', image: 'x' }, { name: 'a' }, { image: 'y' }] })).toEqual([
      'spec.containers[1].name: Duplicate value: "a"', 'spec.containers[1].image: Required value', 'spec.containers[2].name: Required value',
    ]);
  });
  it('checks ports, policies and volume mounts', () => {
    expect(causes({ restartPolicy: 'Sometimes', containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 0 }], volumeMounts: [{ name: 'data', mountPath: '/d' }] }] })).toEqual([
      'spec.containers[0].ports[0].containerPort: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.containers[0].volumeMounts[0].name: Not found: "data"',
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ]);
  });
  it('accepts a minimal pod', () => {
    expect(causes({ containers: [{ name: 'a', image: 'x' }] })).toEqual([]);
  });
});

describe('pod updates', () => {
  const base = () => {
    const p = newPod({ containers: [{ name: 'a', image: 'x:1' }] });
    podDef.defaults!(p, { operation: 'CREATE' });
    return p;
  };
  const update = (mutate: (spec: Record<string, any>) => void) => {
    const old = base();
    const next = structuredClone(old);
    mutate(next.spec as Record<string, any>);
    return podDef.validate!(next, { operation: 'UPDATE', old }).map((c) => `${c.field}: ${c.message}`);
  };
  it('allow image changes and added tolerations', () => {
    expect(update((s) => { s.containers[0].image = 'x:2'; s.tolerations.push({ key: 'k', operator: 'Exists' }); })).toEqual([]);
  });
  it('forbid other spec changes', () => {
    expect(update((s) => { s.containers[0].command = ['sh']; })).toEqual([expect.stringMatching(/^spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`/)]);
    expect(update((s) => { s.tolerations = []; })).toHaveLength(1);
  });
});
