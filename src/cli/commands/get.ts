// `ove get TYPE[,TYPE] [NAME...] [-n NS | -A] [-l SEL] [--field-selector SEL] [-o wide|json|yaml|name] [-w]`.
import type { Command } from 'commander';
import type { KubeObject } from '../../api/types.js';
import type { ApiResource } from '../kube/api-resources.js';
import { CliError } from '../kube/cli-error.js';
import { processIo, runCommand, withAccessFlags, type CliIo } from '../kube/cli-io.js';
import { errorMessage } from '../kube/error-message.js';
import { formatObjects, type ObjectFormat } from '../kube/object-output.js';
import { openSession, type KubeSession } from '../kube/session.js';
import { printTables, type TableInfo } from '../kube/print-tables.js';
import { noResourcesMessage } from '../kube/table-output.js';
import { getTable, listTable } from '../kube/tables.js';
import { parseTypeArgs, type TypeRequest } from '../kube/type-args.js';
import { runGetWatch } from './get-watch.js';

/** Flags of `ove get`. */
export interface GetFlags {
  allNamespaces?: boolean;
  selector?: string;
  fieldSelector?: string;
  output?: string;
  watch?: boolean;
  watchOnly?: boolean;
  outputWatchEvents?: boolean;
  showLabels?: boolean;
  headers?: boolean;
}

const FORMATS = ['wide', 'json', 'yaml', 'name'];

/** Runs `get` in a session; returns the exit code. */
export async function runGet(session: KubeSession, io: CliIo, args: string[], flags: GetFlags): Promise<number> {
  if (flags.output && !FORMATS.includes(flags.output)) throw new CliError(`error: unable to match a printer suitable for the output format "${flags.output}", allowed formats are: ${FORMATS.join(',')}`);
  const reqs = parseTypeArgs(args, await session.resources(), 'get');
  if (flags.selector && reqs.some((r) => r.names.length)) throw new CliError('error: name cannot be provided when a selector is specified');
  if (flags.watch || flags.watchOnly) return runGetWatch(session, io, reqs, flags);
  if (flags.output && flags.output !== 'wide') return printObjects(session, io, reqs, flags, flags.output as ObjectFormat);
  const errors: unknown[] = [];
  const infos: TableInfo[] = [];
  for (const req of reqs) {
    const ns = namespaceFor(session, req.resource, flags);
    if (req.names.length === 0) {
      await listTable(session.client, req.resource, ns, { labelSelector: flags.selector, fieldSelector: flags.fieldSelector }).then(
        (table) => infos.push({ resource: req.resource, table }),
        (e: unknown) => errors.push(e),
      );
    } else {
      for (const name of req.names) {
        await getTable(session.client, req.resource, ns, name).then(
          (table) => infos.push({ resource: req.resource, table }),
          (e: unknown) => errors.push(e),
        );
      }
    }
  }
  printTables(io, infos, { wide: flags.output === 'wide', allNamespaces: flags.allNamespaces, showLabels: flags.showLabels, noHeaders: flags.headers === false });
  for (const e of errors) io.err(`${errorMessage(e)}\n`);
  if (errors.length === 0 && infos.every((i) => (i.table.rows ?? []).length === 0)) {
    const allNamespaced = !flags.allNamespaces && infos.every((i) => i.resource.namespaced);
    io.err(noResourcesMessage(allNamespaced ? session.access.namespace : undefined));
  }
  return errors.length ? 1 : 0;
}

/** The namespace to ask in: none for cluster-scoped types and -A. */
export function namespaceFor(session: KubeSession, r: ApiResource, flags: { allNamespaces?: boolean }): string | undefined {
  return r.namespaced && !flags.allNamespaces ? session.access.namespace : undefined;
}

async function printObjects(session: KubeSession, io: CliIo, reqs: TypeRequest[], flags: GetFlags, format: ObjectFormat): Promise<number> {
  const objs: KubeObject[] = [];
  const errors: unknown[] = [];
  for (const req of reqs) {
    const ns = namespaceFor(session, req.resource, flags);
    const apiVersion = req.resource.group ? `${req.resource.group}/${req.resource.version}` : req.resource.version;
    if (req.names.length === 0) {
      await session.client.list(req.resource, ns, { labelSelector: flags.selector, fieldSelector: flags.fieldSelector }).then(
        (l) => objs.push(...l.items.map((o) => ({ ...o, apiVersion: o.apiVersion ?? apiVersion, kind: o.kind ?? req.resource.kind }))),
        (e: unknown) => errors.push(e),
      );
    } else {
      for (const name of req.names) await session.client.get(req.resource, ns, name).then((o) => objs.push(o), (e: unknown) => errors.push(e));
    }
  }
  const single = reqs.length === 1 && reqs[0].names.length === 1;
  if (objs.length > 0 || (format !== 'name' && !single)) io.out(formatObjects(objs, format, single));
  for (const e of errors) io.err(`${errorMessage(e)}\n`);
  if (objs.length === 0 && errors.length === 0 && format === 'name') {
    const allNamespaced = !flags.allNamespaces && reqs.every((r) => r.resource.namespaced);
    io.err(noResourcesMessage(allNamespaced ? session.access.namespace : undefined));
  }
  return errors.length ? 1 : 0;
}

/** Adds `get` to the `ove` program. */
export function registerGetCommand(program: Command): void {
  withAccessFlags(program.command('get'))
    .description('display one or many resources (the server\'s tables, as kubectl prints them)')
    .argument('[args...]', 'TYPE[,TYPE...] [NAME...] or TYPE/NAME...')
    .option('-A, --all-namespaces', 'list across all namespaces')
    .option('-l, --selector <selector>', 'label selector')
    .option('--field-selector <selector>', 'field selector')
    .option('-o, --output <format>', `output format: ${FORMATS.join('|')}`)
    .option('-w, --watch', 'after listing, watch for changes')
    .option('--watch-only', 'watch for changes without listing first')
    .option('--output-watch-events', 'print the event type (ADDED, MODIFIED, DELETED) of watch events')
    .option('--show-labels', 'add a LABELS column')
    .option('--no-headers', 'do not print headers')
    .action(async (args: string[], flags: GetFlags & { kubeconfig?: string; context?: string; namespace?: string }) => {
      process.exitCode = await runCommand(processIo, async () => {
        const session = openSession(flags);
        try {
          return await runGet(session, processIo, args, flags);
        } finally {
          session.close();
        }
      });
    });
}
