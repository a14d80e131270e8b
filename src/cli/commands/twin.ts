// `ove twin fail|repair KIND NAME` and `ove twin faults`: failures of the datacenter twin as
// twin.ove.dev/v1alpha1 Fault objects, so they are visible, auditable and scriptable.
import type { Command } from 'commander';
import type { KubeObject } from '../../api/types.js';
import type { ResourceRef } from '../../client/client.js';
import { CliError } from '../kube/cli-error.js';
import { processIo, runCommand, withAccessFlags, type CliIo } from '../kube/cli-io.js';
import { openSession } from '../kube/session.js';

/** twin.ove.dev/v1alpha1 faults. */
export const FAULTS: ResourceRef = { group: 'twin.ove.dev', version: 'v1alpha1', plural: 'faults', namespaced: false };

const KINDS: Record<string, string> = { node: 'Node', disk: 'Disk', link: 'Link', switch: 'Switch', pdu: 'PDU' };

/** The Fault object's name for a target: `<kind>-<name>` made DNS-safe. */
export function faultName(kind: string, target: string): string {
  return `${kind}-${target}`.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '');
}

function targetKind(kind: string): string {
  const k = KINDS[kind.toLowerCase()];
  if (!k) throw new CliError(`error: unknown fault target "${kind}": use node, disk, link, switch or pdu`);
  return k;
}

async function fail(io: CliIo, flags: { kubeconfig?: string; context?: string }, kind: string, name: string, why?: string): Promise<void> {
  const session = openSession(flags);
  try {
    const fault: KubeObject = { apiVersion: 'twin.ove.dev/v1alpha1', kind: 'Fault', metadata: { name: faultName(kind, name) }, spec: { target: { kind: targetKind(kind), name }, ...(why ? { description: why } : {}) } };
    await session.client.create(FAULTS, fault);
    io.out(`fault/${fault.metadata.name} created: ${kind} ${name} failed\n`);
  } finally {
    session.close();
  }
}

async function repair(io: CliIo, flags: { kubeconfig?: string; context?: string }, kind: string, name: string): Promise<void> {
  targetKind(kind);
  const session = openSession(flags);
  try {
    await session.client.delete(FAULTS, undefined, faultName(kind, name));
    io.out(`fault/${faultName(kind, name)} deleted: ${kind} ${name} repaired\n`);
  } finally {
    session.close();
  }
}

/** Adds `twin` with fail, repair and faults. */
export function registerTwinCommands(program: Command, io: CliIo = processIo): void {
  const twin = program.command('twin').description('the datacenter twin: inject and repair failures');
  withAccessFlags(twin.command('fail <kind> <name>').description('fail a node, disk (<node>/<drive>), link (<device>:<port>), switch or pdu').option('--reason <text>', 'why, for the record')).action(async (kind: string, name: string, flags: { reason?: string; kubeconfig?: string; context?: string }) => {
    process.exitCode = await runCommand(io, () => fail(io, flags, kind, name, flags.reason));
  });
  withAccessFlags(twin.command('repair <kind> <name>').description('repair what `ove twin fail` broke')).action(async (kind: string, name: string, flags: object) => {
    process.exitCode = await runCommand(io, () => repair(io, flags, kind, name));
  });
  withAccessFlags(twin.command('faults').description('list active faults (same as `ove get faults -o wide`)')).action(async (flags: object) => {
    process.exitCode = await runCommand(io, async () => {
      const session = openSession(flags);
      try {
        const list = await session.client.list(FAULTS);
        if (list.items.length === 0) return void io.err('No faults: the twin is healthy.\n');
        for (const f of list.items) {
          const s = (f.status ?? {}) as { phase?: string; message?: string };
          const t = (f.spec as { target: { kind: string; name: string } }).target;
          io.out(`${f.metadata.name}\t${t.kind} ${t.name}\t${s.phase ?? 'Pending'}\t${s.message ?? ''}\n`);
        }
      } finally {
        session.close();
      }
    });
  });
}
