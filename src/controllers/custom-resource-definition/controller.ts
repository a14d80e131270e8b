/**
 * The CRD controller (kube's apiextensions establishing, naming and finalizing
 * controllers in one): serves each CRD's versions through a port into the API
 * server's registry, reports NamesAccepted and Established, and when a CRD is
 * deleted removes its custom resources before letting the CRD go.
 */
import type { KubeObject } from '../../api/types.js';
import type { Client } from '../../client/client.js';
import type { Manager } from '../../runtime/manager.js';
import { planCrdStatus, storageVersionOf, type Crd } from './plan.js';

const CRDS = { group: 'apiextensions.k8s.io', version: 'v1', plural: 'customresourcedefinitions', namespaced: false };
const CLEANUP = 'customresourcecleanup.apiextensions.k8s.io';

/** How the controller reaches the registry of served kinds. */
export interface CrdServingPort {
  /** Starts (or updates) serving the CRD's versions; returns a naming conflict message, if any. */
  serve(crd: Crd): string | undefined;
  /** Stops serving the CRD's kinds. */
  unserve(crd: Crd): void;
}

/** Registers the controller with a manager. */
export function registerCrdController(mgr: Manager, port: CrdServingPort): void {
  const informer = mgr.informer<Crd>(CRDS);
  const ctl = mgr.controller('customresourcedefinition', (name) => reconcile(mgr.client, port, informer.get(name)), 1);
  informer.on({ add: (o) => ctl.enqueue(o.metadata.name!), update: (_, o) => ctl.enqueue(o.metadata.name!), delete: (o) => port.unserve(o) });
}

async function reconcile(client: Client, port: CrdServingPort, crd: Crd | undefined): Promise<{ requeueAfterMs?: number } | void> {
  if (!crd) return;
  if (crd.metadata.deletionTimestamp) {
    const v = storageVersionOf(crd);
    const ref = { group: crd.spec.group, version: v, plural: crd.spec.names.plural, namespaced: crd.spec.scope === 'Namespaced' };
    const list = await client.list(ref).catch((e: { code?: number }) => (e.code === 404 ? { items: [] as KubeObject[] } : Promise.reject(e)));
    for (const item of list.items) {
      if (!item.metadata.deletionTimestamp) await client.delete(ref, item.metadata.namespace, item.metadata.name!).catch(ignore404);
    }
    if (list.items.length > 0) return { requeueAfterMs: 1000 };
    port.unserve(crd);
    const finalizers = (crd.metadata.finalizers ?? []).filter((f) => f !== CLEANUP);
    await client.patch(CRDS, undefined, crd.metadata.name!, 'merge', { metadata: { finalizers: finalizers.length ? finalizers : null } }).catch(ignore404);
    return;
  }
  const conflict = port.serve(crd);
  const status = planCrdStatus(crd, conflict);
  if (status) await client.updateStatus(CRDS, { ...crd, status }).catch(ignore404);
}

function ignore404(e: { code?: number }): void {
  if (e.code !== 404 && e.code !== 409) throw e;
}
