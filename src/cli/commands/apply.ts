// `ove apply -f FILE|DIR|-`: server-side apply (fieldManager=ove), printing created / configured / unchanged as kubectl does.
import type { Command } from 'commander';
import { StatusError } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';
import { kindGroup } from '../kube/api-resources.js';
import { CliError } from '../kube/cli-error.js';
import { processIo, runCommand, withAccessFlags, type CliIo } from '../kube/cli-io.js';
import { errorMessage, withSource } from '../kube/error-message.js';
import { manifestTarget, type ManifestTarget } from '../kube/manifest-target.js';
import { readManifests } from '../kube/manifests.js';
import { openSession, type KubeSession } from '../kube/session.js';

/** Flags of `ove apply`. */
export interface ApplyFlags {
  filename?: string[];
  recursive?: boolean;
  forceConflicts?: boolean;
  fieldManager?: string;
  dryRun?: string;
}

/** The field manager ove's writes are recorded under. */
export const FIELD_MANAGER = 'ove';

async function applyOne(session: KubeSession, t: ManifestTarget, flags: ApplyFlags): Promise<string> {
  if (!t.name) throw new CliError(`error: error when retrieving current configuration of:\nResource: "${t.resource.plural}.${t.resource.version}.${t.resource.group}", GroupVersionKind: "${t.object.apiVersion}, Kind=${t.object.kind}"\nName: "", Namespace: "${t.namespace ?? ''}"\nfrom server for: "${t.source}": resource name may not be empty`);
  let before: KubeObject | undefined;
  try {
    before = await session.client.get(t.resource, t.namespace, t.name);
  } catch (err) {
    if (!(err instanceof StatusError) || err.code !== 404) throw withSource(err, 'retrieving current configuration of', t.source);
  }
  const dryRun = flags.dryRun === 'server';
  const after = await session.client
    .patch<KubeObject>(t.resource, t.namespace, t.name, 'apply', t.object, { fieldManager: flags.fieldManager ?? FIELD_MANAGER, force: flags.forceConflicts || undefined, dryRun })
    .catch((err: unknown) => {
      throw withSource(err, before ? 'applying patch' : 'creating', t.source);
    });
  const outcome = !before ? 'created' : before.metadata.resourceVersion === after.metadata.resourceVersion ? 'unchanged' : 'configured';
  return `${kindGroup(t.resource)}/${t.name} ${outcome}${dryRun ? ' (server dry run)' : ''}`;
}

/** Runs `apply`; every object is tried, failures are printed and make the exit code 1. */
export async function runApply(session: KubeSession, io: CliIo, flags: ApplyFlags, stdin?: () => string): Promise<number> {
  if (flags.dryRun && flags.dryRun !== 'server' && flags.dryRun !== 'none') throw new CliError(`error: Invalid dry-run value (${flags.dryRun}). Must be "none" or "server".`);
  const manifests = readManifests(flags.filename ?? [], { recursive: flags.recursive, stdin, verb: 'apply' });
  const all = await session.resources();
  let failed = false;
  for (const m of manifests) {
    try {
      io.out(`${await applyOne(session, manifestTarget(m, all, session.access), flags)}\n`);
    } catch (err) {
      failed = true;
      io.err(`${errorMessage(err)}\n`);
    }
  }
  return failed ? 1 : 0;
}

/** Adds `apply` to the `ove` program. */
export function registerApplyCommand(program: Command): void {
  withAccessFlags(program.command('apply'))
    .description('apply a configuration by file name or stdin (server-side apply)')
    .option('-f, --filename <path>', 'file, directory or - for stdin (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('-R, --recursive', 'process directories recursively')
    .option('--force-conflicts', 'take ownership of fields other managers own')
    .option('--field-manager <name>', 'the field manager name', FIELD_MANAGER)
    .option('--dry-run <mode>', 'none|server')
    .option('--server-side', 'accepted for kubectl compatibility; ove always applies server-side')
    .action(async (flags: ApplyFlags & { kubeconfig?: string; context?: string; namespace?: string }) => {
      process.exitCode = await runCommand(processIo, async () => {
        const session = openSession(flags);
        try {
          return await runApply(session, processIo, flags);
        } finally {
          session.close();
        }
      });
    });
}
