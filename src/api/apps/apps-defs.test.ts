import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../types.js';
import { deploymentDef } from './deployment.js';
import { statefulSetDef } from './statefulset.js';
import { daemonSetDef } from './daemonset.js';
import { replicaSetDef } from './replicaset.js';

const now = Date.parse('2026-01-01T12:00:00Z');
const msgs = (causes: { field: string; message: string }[]) => causes.map((c) => `${c.field}: ${c.message}`);

function deployment(spec: Record<string, unknown>, status: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', creationTimestamp: '2026-01-01T11:55:00Z' }, spec, status };
}
const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }, { name: 'log', image: 'busybox' }] } };

describe('deployments', () => {
  it('default replicas, strategy, history and deadline, and the pod template', () => {
    const d = deployment({ selector: { matchLabels: { app: 'web' } }, template: structuredClone(template) });
    deploymentDef.defaults!(d, { operation: 'CREATE' });
    expect(d.spec).toMatchObject({
      replicas: 1, revisionHistoryLimit: 10, progressDeadlineSeconds: 600,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      template: { spec: { restartPolicy: 'Always', containers: [{ imagePullPolicy: 'IfNotPresent' }, { imagePullPolicy: 'Always' }] } },
    });
  });
  it('print READY UP-TO-DATE AVAILABLE AGE CONTAINERS IMAGES SELECTOR', () => {
    const d = deployment({ replicas: 3, selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe', 'be'] }] }, template }, { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 });
    expect(deploymentDef.cells!(d, now)).toEqual(['2/3', 3, 2, '5m', 'web,log', 'nginx:1.27,busybox', 'app=web,tier in (be,fe)']);
  });
  it('require a selector that matches the template labels', () => {
    expect(msgs(deploymentDef.validate!(deployment({ template }), { operation: 'CREATE' }))).toEqual(['spec.selector: Required value']);
    expect(msgs(deploymentDef.validate!(deployment({ selector: { matchLabels: { app: 'db' } }, template }), { operation: 'CREATE' }))).toEqual([
      'spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
    ]);
  });
  it('refuse a selector change and a non-Always restart policy', () => {
    const old = deployment({ selector: { matchLabels: { app: 'web' } }, template });
    const changed = deployment({ selector: { matchLabels: { app: 'web', v: '2' } }, template: { ...template, metadata: { labels: { app: 'web', v: '2' } }, spec: { ...template.spec, restartPolicy: 'Never' } } });
    expect(msgs(deploymentDef.validate!(changed, { operation: 'UPDATE', old }))).toEqual([
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
      'spec.selector: Invalid value: {"matchLabels":{"app":"web","v":"2"}}: field is immutable',
    ]);
  });
});

describe('other workloads', () => {
  it('statefulsets default policies and claim templates', () => {
    const s: KubeObject = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'db' } }, template: structuredClone(template), volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } }] } };
    statefulSetDef.defaults!(s, { operation: 'CREATE' });
    expect(s.spec).toMatchObject({
      replicas: 1, podManagementPolicy: 'OrderedReady', revisionHistoryLimit: 10,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      volumeClaimTemplates: [{ spec: { volumeMode: 'Filesystem' }, status: { phase: 'Pending' } }],
    });
    expect(statefulSetDef.cells!({ ...s, status: { readyReplicas: 1 } }, now).slice(0, 1)).toEqual(['1/1']);
  });
  it('daemonsets print their node selector and default a rolling update of one', () => {
    const ds: KubeObject = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'a' } }, template: { metadata: { labels: { app: 'a' } }, spec: { nodeSelector: { 'kubernetes.io/os': 'linux' }, containers: [{ name: 'a', image: 'x:1' }] } } }, status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 } };
    daemonSetDef.defaults!(ds, { operation: 'CREATE' });
    expect((ds.spec as Record<string, unknown>).updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(daemonSetDef.cells!(ds, now).slice(0, 6)).toEqual([3, 3, 2, 3, 2, 'kubernetes.io/os=linux']);
  });
  it('replicasets select on status.replicas', () => {
    const rs: KubeObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r' }, status: { replicas: 2 } };
    expect(replicaSetDef.fieldSelectors!['status.replicas'](rs)).toBe('2');
  });
});
