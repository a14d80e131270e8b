/**
 * The ServiceAccount controller and root-CA publisher of kube-controller-manager:
 * every active namespace gets a `default` ServiceAccount and a `kube-root-ca.crt`
 * ConfigMap holding the cluster CA, recreated if deleted.
 */
import type { KubeObject } from '../../api/types.js';
import type { Client } from '../../client/client.js';
import type { Manager } from '../../runtime/manager.js';

const NAMESPACES = { group: '', version: 'v1', plural: 'namespaces', namespaced: false };
const SERVICE_ACCOUNTS = { group: '', version: 'v1', plural: 'serviceaccounts', namespaced: true };
const CONFIGMAPS = { group: '', version: 'v1', plural: 'configmaps', namespaced: true };

/** Registers the controller; `caPem` is the cluster CA certificate to publish. */
export function registerServiceAccountController(mgr: Manager, caPem: string): void {
  const namespaces = mgr.informer(NAMESPACES);
  const accounts = mgr.informer(SERVICE_ACCOUNTS);
  const configmaps = mgr.informer(CONFIGMAPS);
  const ctl = mgr.controller('serviceaccount', (ns) => reconcile(mgr.client, namespaces.get(ns), accounts.get(`${ns}/default`), configmaps.get(`${ns}/kube-root-ca.crt`), caPem));
  namespaces.on({ add: (o) => ctl.enqueue(o.metadata.name!), update: (_, o) => ctl.enqueue(o.metadata.name!) });
  accounts.on({ delete: (o) => ctl.enqueue(o.metadata.namespace!) });
  configmaps.on({ delete: (o) => ctl.enqueue(o.metadata.namespace!), update: (_, o) => o.metadata.name === 'kube-root-ca.crt' && ctl.enqueue(o.metadata.namespace!) });
}

async function reconcile(client: Client, ns: KubeObject | undefined, sa: KubeObject | undefined, cm: KubeObject | undefined, caPem: string): Promise<void> {
  if (!ns || ns.metadata.deletionTimestamp || (ns.status as { phase?: string } | undefined)?.phase === 'Terminating') return;
  const name = ns.metadata.name!;
  if (!sa) {
    await client.create(SERVICE_ACCOUNTS, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name } }).catch(ignoreExists);
  }
  const data = { 'ca.crt': caPem };
  if (!cm) {
    await client.create(CONFIGMAPS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace: name, annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } }, data }).catch(ignoreExists);
  } else if ((cm.data as Record<string, string> | undefined)?.['ca.crt'] !== caPem) {
    await client.update(CONFIGMAPS, { ...cm, data }).catch(ignoreExists);
  }
}

function ignoreExists(e: { code?: number }): void {
  // 409: created meanwhile; 403/404: the namespace started terminating.
  if (e.code !== 409 && e.code !== 403 && e.code !== 404) throw e;
}
