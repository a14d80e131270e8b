/**
 * virt-api's expand-spec subresources (kubevirt/kubevirt `pkg/virt-api/rest/expand-spec.go`):
 * GET `virtualmachines/NAME/expand-spec` and PUT `namespaces/NS/expand-vm-spec` (a VM in the
 * body) answer the VM with its instance type and preference applied to the template and both
 * matchers removed; a VM that cannot be expanded is a 400 with the reason.
 */
import { badRequest } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import type { Client, ResourceRef } from '../../client/client.js';
import { expandVmiSpec, failureText } from '../../controllers/virtual-machine/expand.js';
import type { Vm } from '../../controllers/virtual-machine/kubevirt-types.js';
import { resolveMatcher, type SpecStore } from '../../controllers/virtual-machine/resolve-specs.js';
import type { HookHandler } from '../server.js';

/** Reads through the client; expansion never stores ControllerRevisions. */
function clientStore(client: Client): SpecStore {
  return {
    get: (ref, ns, name) => client.get(ref as ResourceRef, ns, name).catch((e: { code?: number }) => (e.code === 404 ? undefined : Promise.reject(e))),
    create: async () => undefined,
  };
}

/** The VM expanded, or a 400 saying why it cannot be. */
export async function expandVm(client: Client, vm: Vm): Promise<Vm> {
  if (!vm.spec.instancetype && !vm.spec.preference) return vm;
  const store = clientStore(client);
  const it = await resolveMatcher(store, vm, 'instancetype', { store: false });
  const pref = await resolveMatcher(store, vm, 'preference', { store: false });
  const t = vm.spec.template ?? { spec: { domain: {} } };
  const e = expandVmiSpec(t.spec, { instancetype: vm.spec.instancetype, preference: vm.spec.preference }, it.obj, pref.obj, { ...(t.metadata?.annotations ?? {}) });
  const why = failureText(e);
  if (why || 'failures' in e) throw badRequest(why ?? 'cannot expand');
  const out = structuredClone(vm);
  delete out.spec.instancetype;
  delete out.spec.preference;
  out.spec.template = { ...out.spec.template, spec: e.spec, ...(Object.keys(e.annotations).length ? { metadata: { ...(out.spec.template.metadata ?? {}), annotations: e.annotations } } : {}) };
  return out;
}

/** GET virtualmachines/NAME/expand-spec. */
export function expandSpecHook(client: () => Client, load: (ns: string, name: string) => Promise<Vm>): HookHandler {
  return async (_d, req) => ({ code: 200, body: await expandVm(client(), await load(req.info.namespace!, req.info.name!)) });
}

/** PUT namespaces/NS/expand-vm-spec with a VirtualMachine in the body. */
export function expandVmSpecHook(client: () => Client): HookHandler {
  return async (_d, req) => {
    let vm: Vm;
    try {
      vm = JSON.parse(req.body?.toString('utf8') ?? '') as Vm;
    } catch (err) {
      throw badRequest(`Can not unmarshal Request body to struct, error: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!vm || typeof vm !== 'object' || vm.kind !== 'VirtualMachine' || !vm.spec) throw badRequest('Object is not a valid VirtualMachine');
    const ns = req.info.namespace!;
    if (vm.metadata?.namespace && vm.metadata.namespace !== ns) throw badRequest(`VM namespace must be empty or ${ns}`);
    vm.metadata = { ...(vm.metadata ?? {}), namespace: ns } as KubeObject['metadata'];
    return { code: 200, body: await expandVm(client(), vm) };
  };
}
