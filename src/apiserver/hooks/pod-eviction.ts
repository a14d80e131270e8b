/**
 * POST pods/<name>/eviction: deletes a pod unless that would break a
 * PodDisruptionBudget covering it, answering 429 as kube's EvictionREST does. The
 * budget is evaluated from the pods that match its selector and are Ready now.
 */
import { StatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import { decodeObjectBody } from '../http/body.js';
import { deleteObject } from '../handlers/delete.js';
import { labelSelectorFromObject } from '../selectors/label-selector.js';
import { entryObject } from '../storage/watch-cache.js';
import type { HookHandler, ServerDeps } from '../server.js';
import { budgetAllows } from './disruption-budget.js';

/** The eviction subresource of pods. */
export const podEviction: HookHandler = async (d, req) => {
  const ev = req.body?.length ? decodeObjectBody(req.body, req.headers['content-type'], d.protobuf) : ({ metadata: {} } as KubeObject);
  const pods = req.res;
  const pod = await d.store.get(pods, req.info.namespace, req.info.name!);
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  // Terminal pods and pods already being deleted are not protected by budgets (eviction.go canIgnorePDB).
  if (phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp) {
    for (const pdb of budgetsFor(d, pod)) {
      const verdict = budgetAllows(pdb, podsOf(d, pdb, pod.metadata.namespace!));
      if (!verdict.allowed) {
        throw new StatusError('TooManyRequests', `Cannot evict pod as it would violate the pod's disruption budget.`, {
          causes: [{ reason: 'DisruptionBudget' as never, message: `The disruption budget ${pdb.metadata.name} needs ${verdict.desiredHealthy} healthy pods and has ${verdict.currentHealthy} currently`, field: '' }],
        });
      }
    }
  }
  const opts = (ev.deleteOptions ?? {}) as { gracePeriodSeconds?: number; preconditions?: { uid?: string; resourceVersion?: string } };
  await deleteObject(d, req, pods, req.info.namespace, req.info.name!, { ...opts, dryRun: req.query.getAll('dryRun').length > 0 });
  return { code: 201, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } };
};

function budgetsFor(d: ServerDeps, pod: KubeObject): KubeObject[] {
  const cache = d.hub.cacheFor('/registry/policy/poddisruptionbudgets/');
  return [...cache.iterate(pod.metadata.namespace)].map(entryObject).filter((pdb) => {
    const sel = (pdb.spec as { selector?: Parameters<typeof labelSelectorFromObject>[0] } | undefined)?.selector;
    return sel && !labelSelectorFromObject(sel).empty && labelSelectorFromObject(sel).matches(pod.metadata.labels);
  });
}

function podsOf(d: ServerDeps, pdb: KubeObject, namespace: string): KubeObject[] {
  const sel = labelSelectorFromObject((pdb.spec as { selector?: Parameters<typeof labelSelectorFromObject>[0] }).selector);
  return [...d.hub.cacheFor('/registry/core/pods/').iterate(namespace)].filter((e) => sel.matches(e.labels)).map(entryObject);
}
