/**
 * The namespace controller: when a namespace is being deleted (Terminating), delete
 * everything in it, keep its status conditions truthful, and once nothing is left,
 * remove the `kubernetes` finalizer through `/finalize` so the API server removes it
 * (kube's pkg/controller/namespace/deletion).
 */
import type { Client } from '../../client/client.js';
import { discoverResources } from '../../client/discovery.js';
import type { Manager } from '../../runtime/manager.js';
import type { KubeObject } from '../../api/types.js';
import { planNamespaceDeletion } from './plan.js';

const NAMESPACES = { group: '', version: 'v1', plural: 'namespaces', namespaced: false };

/** Registers the controller with a manager. */
export function registerNamespaceController(mgr: Manager): void {
  const informer = mgr.informer(NAMESPACES);
  const ctl = mgr.controller('namespace', (key) => reconcile(mgr.client, informer.get(key)), 2);
  informer.on({ add: (o) => ctl.enqueue(o.metadata.name!), update: (_, o) => ctl.enqueue(o.metadata.name!) });
}

async function reconcile(client: Client, ns: KubeObject | undefined): Promise<{ requeueAfterMs?: number } | void> {
  if (!ns?.metadata.deletionTimestamp) return;
  const name = ns.metadata.name!;
  const resources = (await discoverResources(client)).filter((r) => r.namespaced && r.verbs.includes('list') && r.verbs.includes('delete'));
  const remaining: { resource: string; count: number; finalizers: string[] }[] = [];
  for (const r of resources) {
    const list = await client.list(r, name);
    if (list.items.length === 0) continue;
    const finalizers = new Set<string>();
    for (const item of list.items) {
      for (const f of item.metadata.finalizers ?? []) finalizers.add(f);
      if (!item.metadata.deletionTimestamp) {
        await client.delete(r, name, item.metadata.name!, { propagationPolicy: 'Background' }).catch(ignoreNotFound);
      }
    }
    remaining.push({ resource: r.group ? `${r.plural}.${r.group}` : r.plural, count: list.items.length, finalizers: [...finalizers] });
  }
  const plan = planNamespaceDeletion(ns, remaining);
  if (plan.status) await client.updateStatus(NAMESPACES, { ...ns, status: plan.status }).catch(ignoreConflict);
  if (plan.finalize) {
    const spec = { ...(ns.spec as object), finalizers: [] };
    const fresh = await client.get(NAMESPACES, undefined, name).catch(() => undefined);
    if (fresh) await client.update(NAMESPACES, { ...fresh, spec }, { subresource: 'finalize' }).catch(ignoreNotFound);
    return;
  }
  return { requeueAfterMs: 1000 };
}

function ignoreNotFound(e: { code?: number }): void {
  if (e.code !== 404) throw e;
}

function ignoreConflict(e: { code?: number }): void {
  if (e.code !== 409 && e.code !== 404) throw e;
}
