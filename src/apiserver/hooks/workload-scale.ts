/**
 * GET, PUT and PATCH on `<deployments|statefulsets|replicasets>/<name>/scale`: the
 * autoscaling/v1 Scale view of a workload (kube's apps ScaleREST in `pkg/registry/apps/deployment/storage` and its siblings):
 * `spec.replicas` from the workload, `status.replicas` and the selector as a string. Writes
 * change only the workload's `spec.replicas`, through the normal update path.
 */
import { StatusError, conflict, invalid } from '../../api/errors.js';
import { selectorString, type LabelSelector } from '../../api/meta/label-selector.js';
import type { KubeObject } from '../../api/types.js';
import { commitUpdate } from '../handlers/update.js';
import { writeOptions } from '../handlers/write-options.js';
import { decodeObjectBody } from '../http/body.js';
import { contentTypeOf } from '../http/negotiate.js';
import type { HookHandler } from '../server.js';

type Json = Record<string, unknown>;

/** The Scale object of a workload. */
export function scaleOf(obj: KubeObject): KubeObject {
  const spec = (obj.spec ?? {}) as { replicas?: number; selector?: LabelSelector };
  const status = (obj.status ?? {}) as { replicas?: number };
  const m = obj.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: status.replicas ?? 0, selector: selectorString(spec.selector) },
  };
}

const PATCH_TYPES: Record<string, 'json' | 'merge'> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  // A Scale has no lists, so a strategic merge patch merges as a JSON merge patch does.
  'application/strategic-merge-patch+json': 'merge',
};

/** The scale subresource of apps/v1 workloads. */
export const workloadScale: HookHandler = async (d, req) => {
  const { res, info, method } = req;
  const current = await d.store.get(res, info.namespace, info.name!);
  if (method === 'GET') return { code: 200, body: scaleOf(current) };
  let wanted: KubeObject;
  if (method === 'PUT') {
    wanted = decodeObjectBody(req.body ?? Buffer.alloc(0), req.headers['content-type'], d.protobuf);
  } else if (method === 'PATCH') {
    const type = PATCH_TYPES[contentTypeOf(req.headers['content-type'])];
    if (!type) throw new StatusError('UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${Object.keys(PATCH_TYPES).join(', ')}`);
    wanted = d.patcher.patch(type, res, scaleOf(current), req.body ?? Buffer.alloc(0));
  } else {
    throw new StatusError('MethodNotAllowed', 'the server does not allow this method on the requested resource');
  }
  const rv = wanted.metadata?.resourceVersion;
  if (rv && rv !== current.metadata.resourceVersion) throw conflict(res.group, res.plural, info.name!);
  const replicas = (wanted.spec as Json | undefined)?.replicas;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    throw invalid('autoscaling', 'Scale', info.name!, [{ reason: 'FieldValueInvalid', field: 'spec.replicas', message: `Invalid value: ${JSON.stringify(replicas ?? null)}: must be greater than or equal to 0` }]);
  }
  const next = structuredClone(current);
  next.spec = { ...(next.spec as Json), replicas };
  const updated = await commitUpdate(d, req, current, next, writeOptions(req));
  return { code: 200, body: scaleOf(updated) };
};

/** Adds the scale subresource of deployments, statefulsets and replicasets to a server's hooks. */
export function registerWorkloadScale(hooks: Map<string, HookHandler>): void {
  for (const plural of ['deployments', 'statefulsets', 'replicasets']) hooks.set(`apps/${plural}/scale`, workloadScale);
}
