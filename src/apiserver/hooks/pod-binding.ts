/**
 * POST pods/<name>/binding: assigns a pod to a node, as kube's BindingREST does —
 * only once (a bound pod answers 409), setting spec.nodeName and the PodScheduled
 * condition in one write.
 */
import { StatusError, badRequest, conflict } from '../../api/errors.js';
import { rfc3339 } from '../../lib/clock.js';
import { decodeObjectBody } from '../http/body.js';
import { NoChange } from '../registry/object-store.js';
import type { HookHandler } from '../server.js';

/** The binding subresource of pods (also served as the `bindings` resource). */
export const podBinding: HookHandler = async (d, req) => {
  const b = decodeObjectBody(req.body ?? Buffer.alloc(0), req.headers['content-type'], d.protobuf);
  const target = (b as { target?: { kind?: string; name?: string } }).target;
  if (!target?.name) throw badRequest('Binding "" is invalid: target.name: Required value');
  if (target.kind && target.kind !== 'Node') throw badRequest(`Binding is invalid: target.kind: Unsupported value: "${target.kind}": supported values: "Node"`);
  const name = req.info.name ?? b.metadata?.name;
  if (!name) throw badRequest('name is required');
  const pods = d.registry.get('', 'v1', 'pods')!;
  await d.store.guaranteedUpdate(pods, req.info.namespace, name, (pod) => {
    const spec = pod.spec as { nodeName?: string };
    if (pod.metadata.deletionTimestamp) throw new StatusError('Conflict', `Operation cannot be fulfilled on pods/binding "${name}": pod ${name} is being deleted, cannot be assigned to a host`);
    if (spec.nodeName) {
      if (spec.nodeName === target.name) throw new NoChange(pod);
      throw conflict('', 'pods/binding', name, `pod ${name} is already assigned to node "${spec.nodeName}"`);
    }
    spec.nodeName = target.name;
    const status = (pod.status ?? {}) as { conditions?: { type: string; status: string; lastProbeTime?: null; lastTransitionTime?: string }[] };
    const conds = (status.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    conds.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(d.clock.now()) });
    pod.status = { ...status, conditions: conds };
    return pod;
  });
  return { code: 201, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } };
};
