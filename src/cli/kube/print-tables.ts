/**
 * `get`'s human-readable output for a sequence of fetched tables: one printer per type,
 * widths reset and a blank line between types, `kind.group/` name prefixes when more
 * than one type was fetched (kubectl get.go's printing loop).
 */
import { kindGroup, type ApiResource } from './api-resources.js';
import type { CliIo } from './cli-io.js';
import { TablePrinter, type Table } from './table-printer.js';
import { TableOutput } from './table-output.js';

/** A fetched table and the type it lists. */
export interface TableInfo {
  resource: ApiResource;
  table: Table;
}

/** How `get` prints. */
export interface PrintTablesOptions {
  wide?: boolean;
  allNamespaces?: boolean;
  showLabels?: boolean;
  noHeaders?: boolean;
}

/** Prints the tables; returns how many characters were written. */
export function printTables(io: CliIo, infos: TableInfo[], o: PrintTablesOptions): number {
  const withKind = new Set(infos.map((i) => i.resource)).size > 1;
  const out = new TableOutput(io);
  const w = out.newWriter();
  let last: ApiResource | undefined;
  let printer: TablePrinter | undefined;
  for (const info of infos) {
    if (info.resource !== last || !printer) {
      w.flush();
      w.resetWidths();
      if (last) out.startGroup();
      printer = new TablePrinter({
        wide: o.wide,
        withNamespace: o.allNamespaces && info.resource.namespaced,
        kindPrefix: withKind ? kindGroup(info.resource) : undefined,
        showLabels: o.showLabels,
        noHeaders: o.noHeaders,
      });
      last = info.resource;
    }
    printer.print(info.table, w);
  }
  w.flush();
  return out.written;
}
