import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../api/types.js';
import { CONFIGMAP, DEPLOYMENT, resolve } from './test-schemas.js';
import { trackUpdate, type TrackOptions } from './track-update.js';

const opts = (o: Partial<TrackOptions> = {}): TrackOptions => ({ manager: 'kubectl-client-side-apply', apiVersion: 'apps/v1', now: '2024-05-01T10:00:00.123Z', schema: DEPLOYMENT, resolve, ...o });

// What a Go apps/v1 Deployment{} serializes to: kube compares a create against it.
const ZERO_DEPLOYMENT: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { creationTimestamp: null } as never,
  spec: { selector: null, template: { metadata: { creationTimestamp: null }, spec: { containers: null } }, strategy: {} },
  status: {},
};

const created = (): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'nginx', namespace: 'default', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'nginx' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    template: {
      metadata: { creationTimestamp: null, labels: { app: 'nginx' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80, protocol: 'TCP' }], resources: {} }], restartPolicy: 'Always' },
    },
  },
  status: {},
});

describe('trackUpdate()', () => {
  it('records a client-side-apply create the way kube does (compared with the zero Deployment)', () => {
    const out = trackUpdate(undefined, created(), opts({ zeroObject: ZERO_DEPLOYMENT, ignoredFields: [['status']] }));
    expect(out.metadata.managedFields).toEqual([
      {
        manager: 'kubectl-client-side-apply',
        operation: 'Update',
        apiVersion: 'apps/v1',
        time: '2024-05-01T10:00:00Z',
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:annotations': { '.': {}, 'f:kubectl.kubernetes.io/last-applied-configuration': {} } },
          'f:spec': {
            'f:replicas': {},
            'f:selector': {},
            'f:strategy': { 'f:rollingUpdate': { '.': {}, 'f:maxSurge': {}, 'f:maxUnavailable': {} }, 'f:type': {} },
            'f:template': {
              'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
              'f:spec': {
                'f:containers': {
                  'k:{"name":"nginx"}': {
                    '.': {},
                    'f:image': {},
                    'f:name': {},
                    'f:ports': { '.': {}, 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {}, 'f:protocol': {} } },
                    'f:resources': {},
                  },
                },
                'f:restartPolicy': {},
              },
            },
          },
        },
      },
    ]);
  });

  it('folds later updates by the same manager into its entry and re-stamps the time only on change', () => {
    const first = trackUpdate(undefined, created(), opts());
    const same = trackUpdate(first, structuredClone(first), opts({ now: '2024-05-01T11:00:00Z' }));
    expect(same.metadata.managedFields![0].time).toBe('2024-05-01T10:00:00Z');
    const next = structuredClone(first);
    (next.spec as any).replicas = 3;
    const out = trackUpdate(first, next, opts({ now: '2024-05-01T11:00:00Z' }));
    expect(out.metadata.managedFields).toHaveLength(1);
    expect(out.metadata.managedFields![0].time).toBe('2024-05-01T11:00:00Z');
  });

  it('takes changed fields from other managers and drops removed fields from everyone', () => {
    const first = trackUpdate(undefined, created(), opts());
    const next = structuredClone(first);
    (next.spec as any).replicas = 3;
    delete (next.spec as any).strategy.rollingUpdate;
    const out = trackUpdate(first, next, opts({ manager: 'kubectl-edit', now: '2024-05-02T00:00:00Z' }));
    const [csa, edit] = out.metadata.managedFields!;
    expect(edit).toMatchObject({ manager: 'kubectl-edit', fieldsV1: { 'f:spec': { 'f:replicas': {} } } });
    expect((csa.fieldsV1 as any)['f:spec']['f:replicas']).toBeUndefined();
    expect((csa.fieldsV1 as any)['f:spec']['f:strategy']).toEqual({ '.': {}, 'f:type': {} });
  });

  it('keeps live managedFields when the client sends none, honours edited ones, and resets on [{}]', () => {
    const first = trackUpdate(undefined, created(), opts());
    const dropped = structuredClone(first);
    delete dropped.metadata.managedFields;
    expect(trackUpdate(first, dropped, opts()).metadata.managedFields).toEqual(first.metadata.managedFields);
    const reset = structuredClone(first);
    reset.metadata.managedFields = [{} as never];
    expect(trackUpdate(first, reset, opts()).metadata.managedFields).toBeUndefined();
  });

  it('keeps the stored fieldsV1 of managers a write does not touch, and re-encodes those it does', () => {
    const first = trackUpdate(undefined, created(), opts());
    // A stored entry in a key order kube would not write: kept verbatim proves it was not re-encoded.
    const stored = { 'f:spec': { 'f:replicas': {}, 'f:paused': {} }, 'f:metadata': { 'f:labels': { 'f:x': {} } } };
    first.metadata.managedFields![0].fieldsV1 = stored;
    const status = structuredClone(first);
    status.status = { replicas: 1 };
    const out = trackUpdate(first, status, opts({ manager: 'deployment-controller', subresource: 'status' }));
    const byName = (o: KubeObject, name: string) => o.metadata.managedFields!.find((m) => m.manager === name)!;
    expect(JSON.stringify(byName(out, 'kubectl-client-side-apply').fieldsV1)).toBe(JSON.stringify(stored));
    expect(byName(out, 'deployment-controller')).toMatchObject({ subresource: 'status', fieldsV1: { 'f:status': { 'f:replicas': {} } } });
    const scaled = structuredClone(out);
    (scaled.spec as any).replicas = 9;
    const again = trackUpdate(out, scaled, opts({ manager: 'hpa' }));
    expect(JSON.stringify(byName(again, 'kubectl-client-side-apply').fieldsV1)).toBe('{"f:metadata":{"f:labels":{"f:x":{}}},"f:spec":{"f:paused":{}}}');
    expect((byName(again, 'kubectl-client-side-apply').fieldsV1 as any)['f:spec']['f:replicas']).toBeUndefined();
    expect(byName(again, 'deployment-controller').fieldsV1).toEqual({ 'f:status': { 'f:replicas': {} } });
  });

  it('keeps at most 10 update entries, folding the oldest into ancient-changes', () => {
    let cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: {} };
    for (let i = 0; i < 12; i++) {
      const next = structuredClone(cm);
      (next.data as Record<string, string>)[`k${i}`] = 'v';
      cm = trackUpdate(cm, next, { manager: `m${String(i).padStart(2, '0')}`, apiVersion: 'v1', now: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(), schema: CONFIGMAP, resolve });
    }
    const names = cm.metadata.managedFields!.map((m) => m.manager);
    expect(names).toHaveLength(10);
    expect(names[0]).toBe('ancient-changes');
    expect(cm.metadata.managedFields![0].fieldsV1).toEqual({ 'f:data': { 'f:k0': {}, 'f:k1': {}, 'f:k2': {} } });
  });

  it('keeps a writer\'s stored set when it only changes fields it owns, and re-encodes a non-canonical one', () => {
    const first = trackUpdate(undefined, created(), opts());
    const mine = () => first.metadata.managedFields![0].fieldsV1;
    const scaled = structuredClone(first);
    (scaled.spec as any).replicas = 3;
    const later = opts({ now: '2024-05-01T11:00:00Z' });
    const out = trackUpdate(first, scaled, later);
    expect(out.metadata.managedFields).toHaveLength(1);
    expect(JSON.stringify(out.metadata.managedFields![0].fieldsV1)).toBe(JSON.stringify(mine()));
    expect(out.metadata.managedFields![0].time).toBe('2024-05-01T11:00:00Z');
    // The same write over a stored form kube would not write comes back in kube's form.
    const unsorted = structuredClone(first);
    const spec = (unsorted.metadata.managedFields![0].fieldsV1 as any)['f:spec'];
    const { 'f:replicas': replicas, ...rest } = spec;
    (unsorted.metadata.managedFields![0].fieldsV1 as any)['f:spec'] = { ...rest, 'f:replicas': replicas };
    const rescaled = structuredClone(unsorted);
    (rescaled.spec as any).replicas = 3;
    const fixed = trackUpdate(unsorted, rescaled, later);
    expect(JSON.stringify(fixed.metadata.managedFields![0].fieldsV1)).toBe(JSON.stringify(mine()));
  });
});

