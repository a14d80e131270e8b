// `ove delete TYPE NAME... | TYPE/NAME... | -f FILE [--wait]`: deletes and, like kubectl, waits until the objects are gone.
import type { Command } from 'commander';
import { StatusError } from '../../api/errors.js';
import type { ApiResource } from '../kube/api-resources.js';
import { kindGroup } from '../kube/api-resources.js';
import { CliError } from '../kube/cli-error.js';
import { processIo, runCommand, withAccessFlags, type CliIo } from '../kube/cli-io.js';
import { errorMessage } from '../kube/error-message.js';
import { manifestTarget } from '../kube/manifest-target.js';
import { readManifests } from '../kube/manifests.js';
import { openSession, type KubeSession } from '../kube/session.js';
import { parseTypeArgs } from '../kube/type-args.js';
import { waitDeleted } from '../kube/wait-deleted.js';
import { namespaceFor } from './get.js';

/** Flags of `ove delete`. */
export interface DeleteFlags {
  filename?: string[];
  recursive?: boolean;
  all?: boolean;
  selector?: string;
  allNamespaces?: boolean;
  wait?: boolean;
  timeout?: string;
  ignoreNotFound?: boolean;
  gracePeriod?: string;
}

interface Target {
  resource: ApiResource;
  namespace: string | undefined;
  name: string;
}

/** Parses kubectl durations (`30s`, `5m`, `1h`, `0`) into milliseconds. */
export function parseDuration(s: string | undefined): number {
  if (!s || s === '0') return 0;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(s);
  if (!m) throw new CliError(`error: invalid duration "${s}"`);
  return Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
}

async function targets(session: KubeSession, args: string[], flags: DeleteFlags, stdin?: () => string): Promise<Target[]> {
  const all = await session.resources();
  if (flags.filename?.length) {
    if (args.length) throw new CliError('error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form or with -f');
    return readManifests(flags.filename, { recursive: flags.recursive, stdin, verb: 'delete' }).map((m) => manifestTarget(m, all, session.access));
  }
  const out: Target[] = [];
  for (const req of parseTypeArgs(args, all, 'delete')) {
    const ns = namespaceFor(session, req.resource, flags);
    if (req.names.length) {
      for (const name of req.names) out.push({ resource: req.resource, namespace: ns, name });
    } else if (flags.all || flags.selector) {
      const list = await session.client.list(req.resource, ns, { labelSelector: flags.selector });
      for (const o of list.items) out.push({ resource: req.resource, namespace: o.metadata.namespace, name: o.metadata.name! });
    } else throw new CliError('error: resource(s) were provided, but no name was specified');
  }
  return out;
}

/** Runs `delete`; returns the exit code. */
export async function runDelete(session: KubeSession, io: CliIo, args: string[], flags: DeleteFlags, stdin?: () => string): Promise<number> {
  const list = await targets(session, args, flags, stdin);
  const timeoutMs = parseDuration(flags.timeout);
  const grace = flags.gracePeriod !== undefined && Number(flags.gracePeriod) >= 0 ? Number(flags.gracePeriod) : undefined;
  let failed = false;
  const pending: { t: Target; uid?: string }[] = [];
  for (const t of list) {
    try {
      const res = await session.client.delete<{ metadata?: { uid?: string }; details?: { uid?: string } }>(t.resource, t.namespace, t.name, { propagationPolicy: 'Background', gracePeriodSeconds: grace });
      io.out(`${kindGroup(t.resource)} "${t.name}" deleted\n`);
      pending.push({ t, uid: res?.metadata?.uid ?? res?.details?.uid });
    } catch (err) {
      if (flags.ignoreNotFound && err instanceof StatusError && err.code === 404) continue;
      failed = true;
      io.err(`${errorMessage(err)}\n`);
    }
  }
  if (flags.wait !== false) {
    for (const { t, uid } of pending) await waitDeleted(session.client, t.resource, t.namespace, t.name, uid, timeoutMs);
  }
  if (list.length === 0 && !failed) io.err('No resources found\n');
  return failed ? 1 : 0;
}

/** Adds `delete` to the `ove` program. */
export function registerDeleteCommand(program: Command): void {
  withAccessFlags(program.command('delete'))
    .description('delete resources by file name, stdin, type and name, or label selector; waits until they are gone')
    .argument('[args...]', 'TYPE NAME... or TYPE/NAME...')
    .option('-f, --filename <path>', 'file, directory or - for stdin (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('-R, --recursive', 'process directories recursively')
    .option('--all', 'delete all resources of the type in the namespace')
    .option('-l, --selector <selector>', 'label selector')
    .option('-A, --all-namespaces', 'across all namespaces')
    .option('--no-wait', 'do not wait for the objects to be gone')
    .option('--timeout <duration>', 'how long to wait (0: forever)', '0')
    .option('--ignore-not-found', 'treat "not found" as a successful delete')
    .option('--grace-period <seconds>', 'seconds given to the object to terminate gracefully (-1: its default)', '-1')
    .action(async (args: string[], flags: DeleteFlags & { kubeconfig?: string; context?: string; namespace?: string }) => {
      process.exitCode = await runCommand(processIo, async () => {
        const session = openSession(flags);
        try {
          return await runDelete(session, processIo, args, flags);
        } finally {
          session.close();
        }
      });
    });
}
