// `ove create -f FILE|DIR|-`: creates each object, printing `kind.group/name created` as kubectl does.
import type { Command } from 'commander';
import type { KubeObject } from '../../api/types.js';
import { kindGroup } from '../kube/api-resources.js';
import { processIo, runCommand, withAccessFlags, type CliIo } from '../kube/cli-io.js';
import { errorMessage, withSource } from '../kube/error-message.js';
import { manifestTarget } from '../kube/manifest-target.js';
import { readManifests } from '../kube/manifests.js';
import { openSession, type KubeSession } from '../kube/session.js';
import { FIELD_MANAGER } from './apply.js';

/** Flags of `ove create`. */
export interface CreateFlags {
  filename?: string[];
  recursive?: boolean;
}

/** Runs `create`; every object is tried, failures make the exit code 1. */
export async function runCreate(session: KubeSession, io: CliIo, flags: CreateFlags, stdin?: () => string): Promise<number> {
  const manifests = readManifests(flags.filename ?? [], { recursive: flags.recursive, stdin, verb: 'create' });
  const all = await session.resources();
  let failed = false;
  for (const m of manifests) {
    try {
      const t = manifestTarget(m, all, session.access);
      const created = await session.client.create<KubeObject>(t.resource, t.object, { fieldManager: FIELD_MANAGER }).catch((err: unknown) => {
        throw withSource(err, 'creating', t.source);
      });
      io.out(`${kindGroup(t.resource)}/${created.metadata.name} created\n`);
    } catch (err) {
      failed = true;
      io.err(`${errorMessage(err)}\n`);
    }
  }
  return failed ? 1 : 0;
}

/** Adds `create` to the `ove` program. */
export function registerCreateCommand(program: Command): void {
  withAccessFlags(program.command('create'))
    .description('create resources from a file or stdin')
    .option('-f, --filename <path>', 'file, directory or - for stdin (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('-R, --recursive', 'process directories recursively')
    .action(async (flags: CreateFlags & { kubeconfig?: string; context?: string; namespace?: string }) => {
      process.exitCode = await runCommand(processIo, async () => {
        const session = openSession(flags);
        try {
          return await runCreate(session, processIo, flags);
        } finally {
          session.close();
        }
      });
    });
}
