import { describe, it, expect } from 'vitest';
import { StatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import { apply, validateApplied, type ApplyOptions } from './apply.js';
import { LAST_APPLIED } from './last-applied.js';
import { CONFIGMAP, DEPLOYMENT, resolve } from './test-schemas.js';
import { trackUpdate } from './track-update.js';

const T0 = '2010-10-10T00:00:00.000Z';
const T1 = '2010-10-10T00:05:00.000Z';

const cmOpts = (o: Partial<ApplyOptions> = {}): ApplyOptions => ({ manager: 'kubectl', force: false, apiVersion: 'v1', now: T0, schema: CONFIGMAP, resolve, ...o });
const dOpts = (o: Partial<ApplyOptions> = {}): ApplyOptions => ({ manager: 'kubectl', force: false, apiVersion: 'apps/v1', now: T1, schema: DEPLOYMENT, resolve, ignoredFields: [['status']], ...o });

function deployment(replicas: number, image = 'nginx:1.25', extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image, ports: [{ containerPort: 80 }] }] } },
      ...extra,
    },
  };
}

/** A Deployment as `kubectl apply` (client-side) leaves it: created with fieldManager kubectl-client-side-apply. */
function createdClientSide(obj: KubeObject, annotate: boolean): KubeObject {
  const o = structuredClone(obj);
  if (annotate) o.metadata.annotations = { [LAST_APPLIED]: JSON.stringify(obj) };
  const created = trackUpdate(undefined, o, { manager: 'kubectl-client-side-apply', apiVersion: 'apps/v1', now: T0, schema: DEPLOYMENT, resolve });
  created.metadata.uid = 'u1';
  created.metadata.resourceVersion = '1';
  return created;
}

function statusError(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('no error');
}

const managers = (o: KubeObject) => o.metadata.managedFields!.map((m) => `${m.manager}/${m.operation}`);

describe('apply()', () => {
  it('creates a ConfigMap with the managedFields of the Server-Side Apply docs example', () => {
    // https://kubernetes.io/docs/reference/using-api/server-side-apply/#field-management
    const applied: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'test-cm', namespace: 'default', labels: { 'test-label': 'test' } }, data: { key: 'some value' } };
    const out = apply(undefined, applied, cmOpts());
    expect(out.data).toEqual({ key: 'some value' });
    expect(out.metadata.managedFields).toEqual([
      { manager: 'kubectl', operation: 'Apply', apiVersion: 'v1', time: '2010-10-10T00:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:labels': { 'f:test-label': {} } }, 'f:data': { 'f:key': {} } } },
    ]);
    // Byte order as kube serializes: entry fields in ManagedFieldsEntry order, fieldsV1 keys sorted.
    expect(JSON.stringify(out.metadata.managedFields)).toBe(
      '[{"manager":"kubectl","operation":"Apply","apiVersion":"v1","time":"2010-10-10T00:00:00Z","fieldsType":"FieldsV1","fieldsV1":{"f:data":{"f:key":{}},"f:metadata":{"f:labels":{"f:test-label":{}}}}}]',
    );
  });

  it('tracks map-list items with their keys, defaulting protocol to TCP', () => {
    const out = apply(undefined, deployment(2), dOpts());
    const containers = (out.metadata.managedFields![0].fieldsV1 as any)['f:spec']['f:template']['f:spec']['f:containers'];
    expect(containers).toEqual({
      'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {}, 'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } } },
    });
  });

  it('refuses to change a field kubectl-client-side-apply owns (409, kube wording)', () => {
    const live = createdClientSide(deployment(2), false);
    const err = statusError(() => apply(live, deployment(3), dOpts()));
    expect(err.code).toBe(409);
    expect(err.reason).toBe('Conflict');
    expect(err.message).toBe('Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas');
    expect(err.details?.causes).toEqual([{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl-client-side-apply" using apps/v1', field: '.spec.replicas' }]);
  });

  it('lists several conflicts grouped by manager', () => {
    const live = createdClientSide(deployment(2), false);
    const err = statusError(() => apply(live, deployment(3, 'nginx:1.27'), dOpts()));
    expect(err.message).toBe(
      'Apply failed with 2 conflicts: conflicts with "kubectl-client-side-apply" using apps/v1:\n- .spec.replicas\n- .spec.template.spec.containers[name="nginx"].image',
    );
  });

  it('shares fields applied with the same value, without conflict', () => {
    const live = createdClientSide(deployment(2), false);
    const out = apply(live, deployment(2), dOpts());
    expect(managers(out)).toEqual(['kubectl/Apply', 'kubectl-client-side-apply/Update']);
    expect((out.metadata.managedFields![1].fieldsV1 as any)['f:spec']['f:replicas']).toEqual({});
  });

  it('moves conflicting fields to the applier with force', () => {
    const live = createdClientSide(deployment(2), false);
    const out = apply(live, deployment(3), dOpts({ force: true }));
    expect((out.spec as any).replicas).toBe(3);
    const [mine, theirs] = out.metadata.managedFields!;
    expect(mine.manager).toBe('kubectl');
    expect((mine.fieldsV1 as any)['f:spec']['f:replicas']).toEqual({});
    expect((theirs.fieldsV1 as any)['f:spec']['f:replicas']).toBeUndefined();
    expect((theirs.fieldsV1 as any)['f:spec']['f:selector']).toEqual({});
  });

  it('forgives conflicts the last-applied annotation explains, for kubectl only, and rewrites the annotation', () => {
    const live = createdClientSide(deployment(2), true);
    const out = apply(live, deployment(3), dOpts());
    expect((out.spec as any).replicas).toBe(3);
    expect(JSON.parse(out.metadata.annotations![LAST_APPLIED]).spec.replicas).toBe(3);
    expect(statusError(() => apply(live, deployment(3), dOpts({ manager: 'helm' }))).code).toBe(409);
  });

  it('still conflicts when the live value drifted from last-applied', () => {
    const live = createdClientSide(deployment(2), true);
    const scaled = trackUpdate(live, { ...structuredClone(live), spec: { ...(live.spec as object), replicas: 5 } }, { manager: 'kubectl-client-side-apply', apiVersion: 'apps/v1', now: T0, schema: DEPLOYMENT, resolve });
    expect(statusError(() => apply(scaled, deployment(3), dOpts())).message).toContain('.spec.replicas');
  });

  it('removes a field the applier dropped when nobody else owns it', () => {
    const first = apply(undefined, deployment(2, 'nginx', { minReadySeconds: 5 }), dOpts());
    const applied = deployment(2);
    delete applied.metadata.labels;
    (applied.spec as any).template.spec.containers = [{ name: 'nginx', image: 'nginx' }];
    const out = apply(first, applied, dOpts({ now: '2010-10-10T00:09:00Z' }));
    expect(out.metadata.labels).toBeUndefined();
    expect((out.spec as any).minReadySeconds).toBeUndefined();
    expect((out.spec as any).template.spec.containers).toEqual([{ name: 'nginx', image: 'nginx' }]);
    expect(out.metadata.managedFields![0].time).toBe('2010-10-10T00:09:00Z');
  });

  it('keeps a dropped field another manager also owns, and leaves it to that manager', () => {
    const first = apply(undefined, deployment(2, 'nginx', { minReadySeconds: 5 }), dOpts());
    const co = apply(first, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { minReadySeconds: 5 } }, dOpts({ manager: 'ops' }));
    const out = apply(co, deployment(2), dOpts());
    expect((out.spec as any).minReadySeconds).toBe(5);
    const ops = out.metadata.managedFields!.find((m) => m.manager === 'ops')!;
    expect(ops.fieldsV1).toEqual({ 'f:spec': { 'f:minReadySeconds': {} } });
  });

  it('deletes a container the applier no longer lists', () => {
    const two = deployment(2);
    (two.spec as any).template.spec.containers.push({ name: 'sidecar', image: 'busybox' });
    const first = apply(undefined, two, dOpts());
    const out = apply(first, deployment(2), dOpts());
    expect((out.spec as any).template.spec.containers.map((c: any) => c.name)).toEqual(['nginx']);
  });

  it('records a forced take-over and an update by another manager in separate, sorted entries', () => {
    const first = apply(undefined, deployment(2), dOpts({ now: T0 }));
    const scaled = trackUpdate(first, { ...structuredClone(first), spec: { ...(first.spec as object), replicas: 4 } }, { manager: 'kubectl-scale', apiVersion: 'apps/v1', now: T1, schema: DEPLOYMENT, resolve, subresource: 'scale' });
    expect(managers(scaled)).toEqual(['kubectl/Apply', 'kubectl-scale/Update']);
    expect(statusError(() => apply(scaled, deployment(3), dOpts())).message).toBe(
      'Apply failed with 1 conflict: conflict with "kubectl-scale" with subresource "scale" using apps/v1: .spec.replicas',
    );
  });

  it('gives the fields of an untracked object to before-first-apply', () => {
    const live = { ...deployment(2), metadata: { ...deployment(2).metadata, uid: 'u' } };
    const err = statusError(() => apply(live, deployment(3), dOpts()));
    expect(err.message).toBe('Apply failed with 1 conflict: conflict with "before-first-apply" using apps/v1: .spec.replicas');
  });

  it('never tracks ignored fields (status on the main resource)', () => {
    const out = apply(undefined, { ...deployment(1), status: { replicas: 1 } }, dOpts());
    expect((out.metadata.managedFields![0].fieldsV1 as any)['f:status']).toBeUndefined();
  });

  it('refuses a body that carries managedFields (400) and an item without its key (500)', () => {
    const withMf = deployment(1);
    withMf.metadata.managedFields = [];
    expect(statusError(() => apply(undefined, withMf, dOpts())).message).toBe('metadata.managedFields must be nil');
    const bad = deployment(1);
    (bad.spec as any).template.spec.containers = [{ image: 'x' }];
    const err = statusError(() => apply(undefined, bad, dOpts()));
    expect(err.code).toBe(500);
    expect(err.message).toBe(
      'failed to create typed patch object (default/web; apps/v1, Kind=Deployment): .spec.template.spec.containers: element 0: associative list with keys has an element that omits key field "name" (and doesn\'t have default value)',
    );
  });
});

describe('validateApplied()', () => {
  const want = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'default' };
  it.each([
    { obj: { ...deployment(1), kind: 'StatefulSet' }, message: 'invalid object type: apps/v1, Kind=StatefulSet' },
    { obj: { ...deployment(1), apiVersion: 'v1' }, message: 'invalid object type: /v1, Kind=Deployment' },
    { obj: { ...deployment(1), metadata: { name: 'other' } }, message: 'the name of the object (other) does not match the name on the URL (web)' },
    { obj: { ...deployment(1), metadata: { name: 'web', namespace: 'prod' } }, message: 'the namespace of the object (prod) does not match the namespace on the request (default)' },
  ])('answers 400: $message', ({ obj, message }) => {
    const err = statusError(() => validateApplied(obj as KubeObject, want));
    expect(err.code).toBe(400);
    expect(err.message).toBe(message);
  });

  it('accepts a matching body', () => {
    expect(() => validateApplied(deployment(1), want)).not.toThrow();
  });
});
