/**
 * PUT virtualmachines/NAME/{start,stop,restart,migrate} and GET .../expand-spec (`kubevirt-expand-spec.ts`) at
 * `subresources.kubevirt.io/v1`, as virt-api's lifecycle handlers (kubevirt/kubevirt
 * `pkg/virt-api/rest/lifecycle.go`) answer them: refusals are 409 Conflicts worded
 * as KubeVirt words them; accepted requests patch the VM's run strategy or append
 * `status.stateChangeRequests` for the VM controller, and answer 202.
 */
import { conflict, notFound } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import type { Client } from '../../client/client.js';
import type { HookHandler } from '../server.js';
import { expandSpecHook, type expandVm } from './kubevirt-expand-spec.js';

const VMS = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachines', namespaced: true };
const VMIS = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachineinstances', namespaced: true };
const VMIMS = { group: 'kubevirt.io', version: 'v1', plural: 'virtualmachineinstancemigrations', namespaced: true };

type Vm = KubeObject & { spec: { running?: boolean; runStrategy?: string; instancetype?: unknown; preference?: unknown }; status?: { stateChangeRequests?: { action: string; uid?: string }[] } };
type Request = { action: 'Start' | 'Stop'; uid?: string };

/** The effective run strategy (`running` mapped). */
function strategyOf(vm: Vm): string {
  return vm.spec.runStrategy ?? (vm.spec.running ? 'Always' : 'Halted');
}

const phaseOf = (vmi: KubeObject | undefined) => (vmi?.status as { phase?: string } | undefined)?.phase ?? '';
const final = (vmi: KubeObject | undefined) => ['Succeeded', 'Failed'].includes(phaseOf(vmi));
const accepted = { code: 202, body: '', raw: true };

/** Loads the VM and its VMI (undefined when absent). */
async function load(client: Client, ns: string, name: string): Promise<{ vm: Vm; vmi?: KubeObject }> {
  const vm = (await client.get(VMS, ns, name).catch((e: { code?: number }) => {
    throw e.code === 404 ? notFound('kubevirt.io', 'virtualmachines', name) : e;
  })) as Vm;
  const vmi = await client.get(VMIS, ns, name).catch((e: { code?: number }) => {
    if (e.code === 404) return undefined;
    throw e;
  });
  return { vm, vmi };
}

/** The options body (StartOptions, StopOptions, ...); empty when absent or not JSON. */
function bodyOf<T extends object>(req: { body?: Buffer }): T & { dryRun?: string[] } {
  if (!req.body?.length) return {} as T & { dryRun?: string[] };
  try {
    const v = JSON.parse(req.body.toString('utf8')) as unknown;
    return (v && typeof v === 'object' ? v : {}) as T & { dryRun?: string[] };
  } catch {
    return {} as T & { dryRun?: string[] };
  }
}

/** `dryRun: ["All"]` in the StartOptions/StopOptions/RestartOptions/MigrateOptions body: check, change nothing. */
function dryRun(req: { body?: Buffer }): boolean {
  const opts = bodyOf<object>(req);
  return Array.isArray(opts.dryRun) && opts.dryRun.includes('All');
}

const refuse = (name: string, msg: string) => conflict('kubevirt.io', 'virtualmachine', name, msg);

async function setStrategy(client: Client, vm: Vm, strategy: 'Always' | 'Halted'): Promise<void> {
  const patch = vm.spec.running !== undefined && vm.spec.runStrategy === undefined ? { spec: { running: strategy === 'Always' } } : { spec: { runStrategy: strategy } };
  await client.patch(VMS, vm.metadata.namespace, vm.metadata.name!, 'merge', patch);
}

async function addRequests(client: Client, vm: Vm, reqs: Request[]): Promise<void> {
  const pending = vm.status?.stateChangeRequests ?? [];
  // KubeVirt refuses a second change while one is queued ("unable to complete request: stop/start already underway").
  if (pending.length) throw refuse(vm.metadata.name!, 'unable to complete request: stop/start already underway');
  await client.patch(VMS, vm.metadata.namespace, vm.metadata.name!, 'merge', { metadata: { resourceVersion: vm.metadata.resourceVersion }, status: { stateChangeRequests: reqs } }, { subresource: 'status' });
}

/** The lifecycle subresources of VMs, bound to a client that acts as virt-api. */
export function vmLifecycleHooks(client: () => Client): Record<string, HookHandler> {
  return {
    start: async (_d, req) => {
      const { vm, vmi } = await load(client(), req.info.namespace!, req.info.name!);
      const name = vm.metadata.name!;
      if (vmi && !final(vmi) && phaseOf(vmi) !== '') throw refuse(name, 'VM is already running');
      const rs = strategyOf(vm);
      if (rs === 'Always' || rs === 'Once' || rs === 'WaitAsReceiver') throw refuse(name, `${rs} does not support manual start requests`);
      if (rs === 'RerunOnFailure' && phaseOf(vmi) === 'Failed') throw refuse(name, 'RerunOnFailure does not support starting VM from failed state');
      if (dryRun(req)) return accepted;
      if (rs === 'Halted') await setStrategy(client(), vm, 'Always');
      else if (rs === 'RerunOnFailure' && phaseOf(vmi) === 'Failed') throw refuse(name, 'RerunOnFailure does not support starting VM from failed state');
      else await addRequests(client(), vm, vmi && final(vmi) ? [{ action: 'Stop', uid: vmi.metadata.uid }, { action: 'Start' }] : [{ action: 'Start' }]);
      return accepted;
    },
    stop: async (_d, req) => {
      const { vm, vmi } = await load(client(), req.info.namespace!, req.info.name!);
      const name = vm.metadata.name!;
      const live = vmi && !final(vmi);
      const rs = strategyOf(vm);
      const grace = bodyOf<{ gracePeriod?: number }>(req).gracePeriod;
      const oldGrace = (vmi?.spec as { terminationGracePeriodSeconds?: number } | undefined)?.terminationGracePeriodSeconds;
      // virt-api first sets the VMI's grace period (a forced stop: `virtctl stop --force --grace-period 0`); virt-handler kills the domain when it runs out.
      if (live && grace !== undefined && !dryRun(req)) await client().patch(VMIS, vm.metadata.namespace, name, 'merge', { spec: { terminationGracePeriodSeconds: grace } });
      if (rs === 'Halted') {
        if (!live) throw refuse(name, 'VM is not running');
        // Only a shorter grace period may be asked of a VM that is already stopping.
        if (grace === undefined || (oldGrace !== undefined && grace >= oldGrace)) throw refuse(name, 'Halted does not support manual stop requests');
        if (!dryRun(req) && !vm.status?.stateChangeRequests?.length) await addRequests(client(), vm, [{ action: 'Stop', uid: vmi!.metadata.uid }]);
        return accepted;
      }
      if ((rs === 'Manual' || rs === 'RerunOnFailure') && !live) throw refuse(name, 'VM is not running');
      if (dryRun(req)) return accepted;
      if (rs === 'Manual') await addRequests(client(), vm, [{ action: 'Stop', uid: vmi!.metadata.uid }]);
      else await setStrategy(client(), vm, 'Halted');
      return accepted;
    },
    restart: async (_d, req) => {
      const { vm, vmi } = await load(client(), req.info.namespace!, req.info.name!);
      const name = vm.metadata.name!;
      const rs = strategyOf(vm);
      if (rs === 'Halted' || rs === 'Once') throw refuse(name, `${rs} does not support manual restart requests`);
      if (!vmi || final(vmi)) throw refuse(name, 'VM is not running');
      if (dryRun(req)) return accepted;
      const grace = bodyOf<{ gracePeriodSeconds?: number }>(req).gracePeriodSeconds;
      if (grace !== undefined) await client().patch(VMIS, vm.metadata.namespace, name, 'merge', { spec: { terminationGracePeriodSeconds: grace } });
      await addRequests(client(), vm, [{ action: 'Stop', uid: vmi.metadata.uid }, { action: 'Start' }]);
      return accepted;
    },
    migrate: async (_d, req) => {
      const { vm, vmi } = await load(client(), req.info.namespace!, req.info.name!);
      const name = vm.metadata.name!;
      if (!vmi || phaseOf(vmi) !== 'Running') throw refuse(name, 'VM is not running');
      const lm = ((vmi.status as { conditions?: { type: string; status: string; reason?: string; message?: string }[] }).conditions ?? []).find((c) => c.type === 'LiveMigratable');
      if (lm?.status === 'False') throw refuse(name, `Cannot migrate VMI, Reason: ${lm.reason}, Message: ${lm.message}`);
      if (dryRun(req)) return accepted;
      const vmim = await client().create(VMIMS, { apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstanceMigration', metadata: { generateName: 'kubevirt-migrate-vm-', namespace: vm.metadata.namespace }, spec: { vmiName: name } });
      // Live migration itself is not modelled yet (day-2 issue): the migration says so and stays Pending.
      await client().updateStatus(VMIMS, { ...vmim, status: { phase: 'Pending', conditions: [{ type: 'ReadyToStart', status: 'False', reason: 'NotImplemented', message: 'live migration is not modelled by ove yet; this migration stays Pending' }] } });
      return accepted;
    },
    'expand-spec': expandSpecHook(client, async (ns, name) => (await load(client(), ns, name)).vm as Parameters<typeof expandVm>[1]),
  };
}
