/**
 * KubeVirt's subresource API as virtctl calls it: `PUT|GET
 * /apis/subresources.kubevirt.io/v1/namespaces/NS/{virtualmachines|virtualmachineinstances}/NAME/SUB`
 * (kubevirt/kubevirt `staging/src/kubevirt.io/client-go/kubecli`), with the option
 * bodies (`StartOptions`, `StopOptions`, ...) marshalled as Go does: empty fields left out.
 */
import type { Client } from '../../client/client.js';

/** The API group and version of the subresources. */
export const SUBRESOURCE_API = '/apis/subresources.kubevirt.io/v1';

/** Which parent a subresource hangs off. */
export type VirtParent = 'virtualmachines' | 'virtualmachineinstances';

/** The URL path of a VM's or VMI's subresource. */
export function subresourcePath(parent: VirtParent, namespace: string, name: string, sub: string): string {
  return `${SUBRESOURCE_API}/namespaces/${encodeURIComponent(namespace)}/${parent}/${encodeURIComponent(name)}/${sub}`;
}

/** `dryRun: ["All"]` when asked, as virtctl's setDryRunOption builds it. */
export function dryRunField(dryRun: boolean | undefined): { dryRun?: string[] } {
  return dryRun ? { dryRun: ['All'] } : {};
}

/** PUT to a subresource with an options body; virt-api answers 202 with no body. */
export async function putSubresource(client: Client, parent: VirtParent, namespace: string, name: string, sub: string, options: object): Promise<void> {
  await client.call('PUT', subresourcePath(parent, namespace, name, sub), options);
}

/** GET a subresource's JSON. */
export function getSubresource<T>(client: Client, parent: VirtParent, namespace: string, name: string, sub: string): Promise<T> {
  return client.call<T>('GET', subresourcePath(parent, namespace, name, sub));
}
