// `ove get -w`: list, then stream watch events as rows; several types at once print as the story's `get vm,vmi,dv -w`.
import type { KubeObject } from '../../api/types.js';
import type { LineStream } from '../../client/transport.js';
import { kindGroup } from '../kube/api-resources.js';
import { CliError } from '../kube/cli-error.js';
import type { CliIo } from '../kube/cli-io.js';
import { errorMessage } from '../kube/error-message.js';
import { formatObjects, type ObjectFormat } from '../kube/object-output.js';
import type { KubeSession } from '../kube/session.js';
import type { TabWriter } from '../kube/tab-writer.js';
import { TablePrinter } from '../kube/table-printer.js';
import { TableOutput } from '../kube/table-output.js';
import { getTable, listTable, watchTable } from '../kube/tables.js';
import type { TypeRequest } from '../kube/type-args.js';
import { namespaceFor, type GetFlags } from './get.js';

interface Watched {
  req: TypeRequest;
  namespace: string | undefined;
  fieldSelector: string | undefined;
  resourceVersion?: string;
  printer: TablePrinter;
  writer: TabWriter;
}

function fieldSelectorFor(req: TypeRequest, flags: GetFlags): string | undefined {
  if (req.names.length > 1) throw new CliError(`error: watch is only supported on individual resources and resource collections, but ${req.names.length} resources were found`);
  const byName = req.names.length ? `metadata.name=${req.names[0]}` : undefined;
  return [flags.fieldSelector, byName].filter(Boolean).join(',') || undefined;
}

/** Lists each type, then prints every watch event as a row until the server closes the streams. */
export async function runGetWatch(session: KubeSession, io: CliIo, reqs: TypeRequest[], flags: GetFlags): Promise<number> {
  if (flags.output && flags.output !== 'wide') return watchObjects(session, io, reqs, flags, flags.output as ObjectFormat);
  const out = new TableOutput(io);
  const multi = reqs.length > 1;
  const watched: Watched[] = [];
  let lastPrinted: Watched | undefined;
  for (const req of reqs) {
    const namespace = namespaceFor(session, req.resource, flags);
    const fieldSelector = fieldSelectorFor(req, flags);
    // A named watch fails like kubectl's when the object does not exist.
    if (req.names.length) await getTable(session.client, req.resource, namespace, req.names[0]);
    const table = await listTable(session.client, req.resource, namespace, { labelSelector: flags.selector, fieldSelector });
    const w: Watched = {
      req,
      namespace,
      fieldSelector,
      resourceVersion: table.metadata?.resourceVersion,
      printer: new TablePrinter({
        wide: flags.output === 'wide',
        withNamespace: flags.allNamespaces && req.resource.namespaced,
        kindPrefix: multi ? kindGroup(req.resource) : undefined,
        withEventType: flags.outputWatchEvents,
        noHeaders: flags.headers === false,
        showLabels: flags.showLabels,
      }),
      writer: out.newWriter(),
    };
    watched.push(w);
    if (!flags.watchOnly && (table.rows ?? []).length > 0) {
      if (lastPrinted) out.startGroup();
      w.printer.print(table, w.writer, 'ADDED');
      w.writer.flush();
      lastPrinted = w;
    } else {
      // The columns are remembered so the first event prints the header.
      w.printer.print({ ...table, rows: [] }, w.writer);
    }
  }
  const errors: unknown[] = [];
  const streams: LineStream[] = [];
  await Promise.all(
    watched.map(
      (w) =>
        new Promise<void>((done) => {
          streams.push(
            watchTable(
              session.client,
              w.req.resource,
              w.namespace,
              { labelSelector: flags.selector, fieldSelector: w.fieldSelector, resourceVersion: w.resourceVersion },
              (e) => {
                if (e.type === 'BOOKMARK') return;
                if (multi && lastPrinted !== w) {
                  if (lastPrinted) out.startGroup();
                  w.printer.forgetHeaders();
                }
                w.printer.print(e.object, w.writer, e.type);
                w.writer.flush();
                lastPrinted = w;
              },
              (err) => {
                if (err) errors.push(err);
                done();
              },
            ),
          );
        }),
    ),
  );
  for (const e of errors) io.err(`${errorMessage(e)}\n`);
  return errors.length ? 1 : 0;
}

async function watchObjects(session: KubeSession, io: CliIo, reqs: TypeRequest[], flags: GetFlags, format: ObjectFormat): Promise<number> {
  let printed = 0;
  const print = (o: KubeObject) => io.out((format === 'yaml' && printed++ > 0 ? '---\n' : '') + formatObjects([o], format, true));
  const errors: unknown[] = [];
  await Promise.all(
    reqs.map(async (req) => {
      const ns = namespaceFor(session, req.resource, flags);
      const fieldSelector = fieldSelectorFor(req, flags);
      if (req.names.length) await session.client.get(req.resource, ns, req.names[0]);
      const list = await session.client.list(req.resource, ns, { labelSelector: flags.selector, fieldSelector });
      const apiVersion = req.resource.group ? `${req.resource.group}/${req.resource.version}` : req.resource.version;
      if (!flags.watchOnly) for (const o of list.items) print({ ...o, apiVersion: o.apiVersion ?? apiVersion, kind: o.kind ?? req.resource.kind });
      await new Promise<void>((done) =>
        session.client.watch(
          req.resource,
          ns,
          { labelSelector: flags.selector, fieldSelector, resourceVersion: list.metadata.resourceVersion },
          (e) => {
            if (e.type === 'ERROR') errors.push(new Error(JSON.stringify(e.object)));
            else if (e.type !== 'BOOKMARK') print(e.object);
          },
          (err) => {
            if (err) errors.push(err);
            done();
          },
        ),
      );
    }),
  );
  for (const e of errors) io.err(`${errorMessage(e)}\n`);
  return errors.length ? 1 : 0;
}
