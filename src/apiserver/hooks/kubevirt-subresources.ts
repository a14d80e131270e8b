/**
 * Registers KubeVirt's subresource API (`subresources.kubevirt.io/v1`): the
 * lifecycle hooks of VMs, the action and guest-agent hooks of VMIs, and the console
 * and vnc websocket upgrades. The hooks act through `client` (as virt-api does with
 * its own credentials, after the caller was authorized for the subresource).
 */
import type { Client } from '../../client/client.js';
import type { HookHandler } from '../server.js';
import type { UpgradeHook } from '../upgrade.js';
import { consoleHook, vncHook } from './kubevirt-console.js';
import type { GuestModel } from './kubevirt-guest-model.js';
import { badRequest } from '../../api/errors.js';
import { vmiActionHooks } from './kubevirt-vmi-actions.js';
import { vmLifecycleHooks } from './kubevirt-vm-lifecycle.js';
import { expandVmSpecHook } from './kubevirt-expand-spec.js';

const G = 'subresources.kubevirt.io';

/** Adds the hooks; serve `kubevirtSubresourceDefs` in the registry for them to be reachable. */
export function registerKubevirtSubresources(hooks: Map<string, HookHandler>, upgrades: Map<string, UpgradeHook>, client: () => Client, guests: GuestModel): void {
  for (const [sub, h] of Object.entries(vmLifecycleHooks(client))) hooks.set(`${G}/virtualmachines/${sub}`, h);
  for (const [sub, h] of Object.entries(vmiActionHooks(client, guests))) hooks.set(`${G}/virtualmachineinstances/${sub}`, h);
  hooks.set(`${G}/expand-vm-spec`, expandVmSpecHook(client));
  upgrades.set(`${G}/virtualmachineinstances/console`, consoleHook(client, guests));
  upgrades.set(`${G}/virtualmachineinstances/vnc`, vncHook(client));
  // Without an Upgrade header these are plain requests, which gorilla/websocket refuses with 400.
  const notWebsocket: HookHandler = async () => {
    throw badRequest(`websocket: the client is not using the websocket protocol: 'upgrade' token not found in 'Connection' header`);
  };
  hooks.set(`${G}/virtualmachineinstances/console`, notWebsocket);
  hooks.set(`${G}/virtualmachineinstances/vnc`, notWebsocket);
}
