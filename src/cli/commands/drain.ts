// `ove adm drain NODE`: cordon, then evict the node's pods through the eviction subresource, retrying on 429 as kubectl does.
import { StatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import type { Client, ResourceRef } from '../../client/client.js';
import type { CliIo } from '../kube/cli-io.js';
import { planDrain, type DrainFilterFlags } from '../kube/drain-filters.js';
import type { KubeSession } from '../kube/session.js';
import { waitDeleted } from '../kube/wait-deleted.js';
import { setSchedulable } from './adm.js';
import { parseDuration } from './delete.js';

/** Flags of `ove adm drain`. */
export interface DrainFlags extends DrainFilterFlags {
  timeout?: string;
  gracePeriod?: string;
  disableEviction?: boolean;
}

const PODS: ResourceRef & { group: string; plural: string } = { group: '', version: 'v1', plural: 'pods', namespaced: true };

/** kubectl drain's pause before retrying an eviction a PodDisruptionBudget refused (drain.go). */
export const EVICTION_RETRY_MS = 5_000;

class DrainTimeout extends Error {}

async function evictOnce(client: Client, pod: KubeObject, grace: number | undefined, disableEviction: boolean): Promise<void> {
  const { name, namespace } = pod.metadata;
  if (disableEviction) {
    await client.delete(PODS, namespace, name!, { gracePeriodSeconds: grace });
    return;
  }
  const body = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace }, ...(grace !== undefined ? { deleteOptions: { gracePeriodSeconds: grace } } : {}) };
  await client.call('POST', `/api/v1/namespaces/${encodeURIComponent(namespace!)}/pods/${encodeURIComponent(name!)}/eviction`, body);
}

async function evictPod(client: Client, io: CliIo, pod: KubeObject, flags: DrainFlags, deadline: number): Promise<void> {
  const { name, namespace } = pod.metadata;
  const grace = flags.gracePeriod !== undefined && Number(flags.gracePeriod) >= 0 ? Number(flags.gracePeriod) : undefined;
  const verb = flags.disableEviction ? 'deleting' : 'evicting';
  for (;;) {
    if (Date.now() > deadline) throw new DrainTimeout(`error when evicting pods/"${name}" -n "${namespace}": global timeout reached: ${flags.timeout}`);
    io.out(`${verb} pod ${namespace}/${name}\n`);
    try {
      await evictOnce(client, pod, grace, flags.disableEviction ?? false);
      break;
    } catch (err) {
      if (err instanceof StatusError && err.code === 404) return;
      if (!(err instanceof StatusError) || err.code !== 429) throw new Error(`error when evicting pods/"${name}" -n "${namespace}": ${(err as Error).message}`);
      io.err(`error when evicting pods/"${name}" -n "${namespace}" (will retry after 5s): ${err.message}\n`);
      await new Promise((r) => setTimeout(r, Math.min(EVICTION_RETRY_MS, Math.max(0, deadline - Date.now()))));
    }
  }
  const left = deadline - Date.now();
  await waitDeleted(client, PODS, namespace, name!, pod.metadata.uid, Number.isFinite(left) ? Math.max(1, left) : 0).catch((err: unknown) => {
    throw new DrainTimeout(`error when waiting for pod "${name}" in namespace "${namespace}" to terminate: ${(err as Error).message.replace(/^error: /, '')}`);
  });
  io.out(`pod/${name} ${flags.disableEviction ? 'deleted' : 'evicted'}\n`);
}

/** Runs drain; returns the exit code. */
export async function runDrain(session: KubeSession, io: CliIo, node: string, flags: DrainFlags): Promise<number> {
  const client = session.client;
  await setSchedulable(client, io, node, true);
  const timeoutMs = parseDuration(flags.timeout);
  const deadline = timeoutMs > 0 ? Date.now() + timeoutMs : Infinity;
  const pods = await client.list(PODS, undefined, { fieldSelector: `spec.nodeName=${node}` });
  const plan = planDrain(pods.items, flags);
  if (plan.errors.length) {
    io.err(`error: unable to drain node "${node}" due to error: ${plan.errors.join(', ')}, continuing command...\n`);
    io.err(`There are pending nodes to be drained:\n ${node}\n`);
    for (const e of plan.errors) io.err(`error: ${e}\n`);
    return 1;
  }
  for (const w of plan.warnings) io.err(`Warning: ${w}\n`);
  const results = await Promise.allSettled(plan.evict.map((p) => evictPod(client, io, p, flags, deadline)));
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => (r.reason as Error).message);
  if (failures.length) {
    io.err(`There are pending pods in node "${node}" when an error occurred: ${failures.join(', ')}\n`);
    io.err(`error: unable to drain node "${node}" due to error: ${failures.join(', ')}, continuing command...\n`);
    io.err(`There are pending nodes to be drained:\n ${node}\n`);
    return 1;
  }
  io.out(`node/${node} drained\n`);
  return 0;
}
