/**
 * `ove virt start|stop|restart|migrate|pause|unpause`: the subresource calls and the
 * words virtctl prints around them (kubevirt/kubevirt `pkg/virtctl/vm/{start,stop,restart,migrate}.go`,
 * `pkg/virtctl/vm/common.go`, `pkg/virtctl/pause/pause.go`): `VM NAME was scheduled to start`
 * on success, `Error starting VirtualMachine <server message>` on failure.
 */
import { StatusError } from '../../api/errors.js';
import type { Client } from '../../client/client.js';
import { CliError } from '../kube/cli-error.js';
import type { CliIo } from '../kube/cli-io.js';
import { dryRunField, putSubresource, type VirtParent } from './subresource.js';

/** Flags of start. */
export interface StartFlags {
  paused?: boolean;
  dryRun?: boolean;
}

/** Flags of stop and restart (`--grace-period` only together with `--force`). */
export interface ForceFlags {
  force?: boolean;
  gracePeriod?: string;
  dryRun?: boolean;
}

/** Flags of migrate. */
export interface MigrateFlags {
  addedNodeSelector?: string;
  dryRun?: boolean;
}

/** What Go's `%v` of a client error prints: a server Status's message, or the error's text. */
export function goError(err: unknown): string {
  if (err instanceof StatusError || err instanceof Error) return err.message;
  return String(err);
}

function dryRunNotice(io: CliIo, dryRun: boolean | undefined): void {
  // virtctl's setDryRunOption prints this before the request is sent.
  if (dryRun) io.out('Dry Run execution\n');
}

async function send(io: CliIo, errorPrefix: string, call: () => Promise<void>, done: string): Promise<void> {
  try {
    await call();
  } catch (err) {
    throw new CliError(`${errorPrefix}${goError(err)}`);
  }
  io.out(`${done}\n`);
}

/** Parses `--grace-period` as virtctl's Int64Var does. */
export function parseGracePeriod(v: string): number {
  if (!/^-?\d+$/.test(v.trim())) throw new CliError(`invalid argument "${v}" for "--grace-period" flag: strconv.ParseInt: parsing "${v}": invalid syntax`);
  return Number(v);
}

/** Checks the force/grace-period pairing and returns the grace period to send (undefined when not forced). */
export function forcedGracePeriod(flags: ForceFlags): number | undefined {
  const changed = flags.gracePeriod !== undefined;
  if (changed !== Boolean(flags.force)) throw new CliError('Must both use --force=true and set --grace-period.');
  return changed ? parseGracePeriod(flags.gracePeriod!) : undefined;
}

/** PUT virtualmachines/NAME/start. */
export async function startVm(client: Client, io: CliIo, ns: string, name: string, flags: StartFlags): Promise<void> {
  dryRunNotice(io, flags.dryRun);
  const body = { ...(flags.paused ? { paused: true } : {}), ...dryRunField(flags.dryRun) };
  await send(io, 'Error starting VirtualMachine ', () => putSubresource(client, 'virtualmachines', ns, name, 'start', body), `VM ${name} was scheduled to start`);
}

/** PUT virtualmachines/NAME/stop (`gracePeriod` only when forced). */
export async function stopVm(client: Client, io: CliIo, ns: string, name: string, flags: ForceFlags): Promise<void> {
  const grace = forcedGracePeriod(flags);
  dryRunNotice(io, flags.dryRun);
  const body = { ...(grace !== undefined ? { gracePeriod: grace } : {}), ...dryRunField(flags.dryRun) };
  const prefix = grace !== undefined ? 'error force stopping VirtualMachine: ' : 'error stopping VirtualMachine ';
  await send(io, prefix, () => putSubresource(client, 'virtualmachines', ns, name, 'stop', body), `VM ${name} was scheduled to stop`);
}

/** PUT virtualmachines/NAME/restart (`gracePeriodSeconds` only when forced). */
export async function restartVm(client: Client, io: CliIo, ns: string, name: string, flags: ForceFlags): Promise<void> {
  const grace = forcedGracePeriod(flags);
  dryRunNotice(io, flags.dryRun);
  const body = { ...(grace !== undefined ? { gracePeriodSeconds: grace } : {}), ...dryRunField(flags.dryRun) };
  const prefix = grace !== undefined ? 'error force restarting VirtualMachine: ' : 'error restarting VirtualMachine: ';
  await send(io, prefix, () => putSubresource(client, 'virtualmachines', ns, name, 'restart', body), `VM ${name} was scheduled to restart`);
}

/** Parses `--addedNodeSelector=k=v,k2=v2` (cobra's StringToString). */
export function parseNodeSelector(s: string | undefined): Record<string, string> | undefined {
  if (!s) return undefined;
  const out: Record<string, string> = {};
  for (const pair of s.split(',')) {
    const i = pair.indexOf('=');
    if (i <= 0) throw new CliError(`invalid argument "${s}" for "--addedNodeSelector" flag: ${pair} must be formatted as key=value`);
    out[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return out;
}

/** PUT virtualmachines/NAME/migrate. */
export async function migrateVm(client: Client, io: CliIo, ns: string, name: string, flags: MigrateFlags): Promise<void> {
  const selector = parseNodeSelector(flags.addedNodeSelector);
  dryRunNotice(io, flags.dryRun);
  const body = { ...dryRunField(flags.dryRun), ...(selector ? { addedNodeSelector: selector } : {}) };
  await send(io, 'Error migrating VirtualMachine ', () => putSubresource(client, 'virtualmachines', ns, name, 'migrate', body), `VM ${name} was scheduled to migrate`);
}

const VM_TYPES = ['vm', 'vms', 'virtualmachine', 'virtualmachines'];
const VMI_TYPES = ['vmi', 'vmis', 'virtualmachineinstance', 'virtualmachineinstances'];

/** Maps pause's first argument to its parent, case-insensitively as virtctl does. */
export function pauseTarget(type: string): VirtParent {
  const t = type.toLowerCase();
  if (VM_TYPES.includes(t)) return 'virtualmachines';
  if (VMI_TYPES.includes(t)) return 'virtualmachineinstances';
  throw new CliError(`unsupported resource type '${type}': use vm or vmi`);
}

/**
 * PUT virtualmachineinstances/NAME/{pause,unpause}. For `vm` the VM is read first (its VMI
 * has the same name) so that a missing VM and a VM that is not set to run are told apart.
 */
export async function pauseOrUnpause(client: Client, io: CliIo, ns: string, type: string, name: string, pause: boolean, dryRun?: boolean): Promise<void> {
  const target = pauseTarget(type);
  const verb = pause ? 'pause' : 'unpause';
  const gerund = pause ? 'pausing' : 'unpausing';
  dryRunNotice(io, dryRun);
  const call = () => putSubresource(client, 'virtualmachineinstances', ns, name, verb, dryRunField(dryRun));
  if (target === 'virtualmachineinstances') {
    await send(io, `Error ${gerund} VirtualMachineInstance ${name}: `, call, `VMI ${name} was scheduled to ${verb}`);
    return;
  }
  const vm = await client.call<{ spec?: { running?: boolean; runStrategy?: string } }>('GET', `/apis/kubevirt.io/v1/namespaces/${encodeURIComponent(ns)}/virtualmachines/${encodeURIComponent(name)}`).catch((err: unknown) => {
    throw new CliError(`Error getting VirtualMachine ${name}: ${goError(err)}`);
  });
  try {
    await call();
  } catch (err) {
    if (pause && err instanceof StatusError && err.code === 404) {
      const strategy = vm.spec?.runStrategy ?? (vm.spec?.running ? 'Always' : 'Halted');
      if (strategy === 'Halted') throw new CliError(`Error pausing VirtualMachineInstance ${name}. VirtualMachine ${name} is not set to run`);
      throw new CliError(`Error pausing VirtualMachineInstance ${name}, it was not found`);
    }
    throw new CliError(`Error ${gerund} VirtualMachineInstance ${name}: ${goError(err)}`);
  }
  io.out(`VMI ${name} was scheduled to ${verb}\n`);
}
