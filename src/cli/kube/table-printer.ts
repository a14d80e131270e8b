/**
 * Prints server-side Tables the way kubectl's HumanReadablePrinter does: upper-cased
 * headers, priority > 0 columns only when wide, a NAMESPACE column for -A, names
 * prefixed `kind.group/` when several types are listed, null cells left empty, and the
 * header printed once per run of tables with the same columns.
 */
import { escapeTerminal } from './escape-terminal.js';
import type { TabWriter } from './tab-writer.js';

/** A Table column definition (meta.k8s.io/v1). */
export interface TableColumn {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
}

/** A Table row; `object` is PartialObjectMetadata or the full object. */
export interface TableRow {
  cells: unknown[];
  object?: { metadata?: { name?: string; namespace?: string; labels?: Record<string, string> } };
}

/** A meta.k8s.io/v1 Table. */
export interface Table {
  kind: 'Table';
  apiVersion?: string;
  metadata?: { resourceVersion?: string; continue?: string };
  columnDefinitions: TableColumn[] | null;
  rows: TableRow[] | null;
}

/** How one type's tables are printed. */
export interface TablePrintOptions {
  wide?: boolean;
  withNamespace?: boolean;
  /** Lower-cased `kind.group` to prefix names with (several types listed). */
  kindPrefix?: string;
  noHeaders?: boolean;
  /** Adds an EVENT column (--output-watch-events). */
  withEventType?: boolean;
  showLabels?: boolean;
}

/** Prints the tables of one resource type, remembering whether headers were printed. */
export class TablePrinter {
  #printedHeaders = false;
  #lastColumns: TableColumn[] | undefined;

  constructor(readonly options: TablePrintOptions = {}) {}

  /** Writes a table's rows (and header when due) to the tab writer. */
  print(table: Table, w: TabWriter, eventType?: string): void {
    let columns = table.columnDefinitions ?? [];
    let noHeaders = this.options.noHeaders ?? false;
    if (this.#printedHeaders && (columns.length === 0 || sameColumns(columns, this.#lastColumns))) noHeaders = true;
    // Watch events may omit column definitions; reuse the last ones, as kubectl does.
    if (columns.length === 0) columns = this.#lastColumns ?? [];
    else if (!sameColumns(columns, this.#lastColumns)) {
      this.#lastColumns = columns;
      this.#printedHeaders = false;
    }
    const rows = table.rows ?? [];
    if (rows.length > 0) this.#printedHeaders = true;
    const { columns: cols, rows: cells } = decorate(columns, rows, this.options, eventType);
    w.write(renderTable(cols, cells, this.options.wide ?? false, noHeaders));
  }

  /** Makes the next table print its header again. */
  forgetHeaders(): void {
    this.#printedHeaders = false;
  }
}

function sameColumns(a: TableColumn[], b: TableColumn[] | undefined): boolean {
  if (!b || a.length !== b.length) return false;
  return a.every((c, i) => c.name === b[i].name && c.type === b[i].type && (c.priority ?? 0) === (b[i].priority ?? 0) && (c.format ?? '') === (b[i].format ?? ''));
}

function decorate(columns: TableColumn[], rows: TableRow[], o: TablePrintOptions, eventType?: string): { columns: TableColumn[]; rows: unknown[][] } {
  const nameColumn = o.kindPrefix ? columns.findIndex((c) => c.format === 'name' && c.type === 'string') : -1;
  const cols: TableColumn[] = [];
  if (o.withEventType) cols.push({ name: 'Event', type: 'string' });
  if (o.withNamespace) cols.push({ name: 'Namespace', type: 'string' });
  cols.push(...columns);
  if (o.showLabels) cols.push({ name: 'Labels', type: 'string' });
  const out = rows.map((row) => {
    const cells = [...row.cells];
    if (nameColumn >= 0 && nameColumn < cells.length) cells[nameColumn] = `${o.kindPrefix}/${String(cells[nameColumn])}`;
    const meta = row.object?.metadata;
    const r: unknown[] = [];
    // kubectl pads the event type to the longest one, MODIFIED (printers formatEventType).
    if (o.withEventType) r.push((eventType ?? '').padEnd(8));
    if (o.withNamespace) r.push(meta?.namespace ?? '');
    r.push(...cells);
    if (o.showLabels) r.push(formatLabels(meta?.labels));
    return r;
  });
  return { columns: cols, rows: out };
}

/** `k=v,k2=v2` sorted by key, or `<none>` (kubectl's labels.FormatLabels). */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${labels![k]}`).join(',') : '<none>';
}

function renderTable(columns: TableColumn[], rows: unknown[][], wide: boolean, noHeaders: boolean): string {
  const visible = columns.map((c) => wide || (c.priority ?? 0) === 0);
  let s = '';
  if (!noHeaders) {
    // kubectl prints no header when there are no rows.
    if (rows.length === 0) return '';
    s += columns.filter((_, i) => visible[i]).map((c) => c.name.toUpperCase()).join('\t') + '\n';
  }
  for (const row of rows) {
    const cells: string[] = [];
    for (let i = 0; i < row.length && i < columns.length; i++) if (visible[i]) cells.push(formatCell(row[i]));
    s += cells.join('\t') + '\n';
  }
  return s;
}

/** One cell as kubectl prints it: null empty, strings cut at the first line break with `...`. */
export function formatCell(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') {
    const br = cell.search(/[\f\n\r]/);
    return br >= 0 ? escapeCell(cell.slice(0, br)) + '...' : escapeCell(cell);
  }
  if (typeof cell === 'object') return escapeCell(JSON.stringify(cell));
  return String(cell);
}

function escapeCell(s: string): string {
  // A tab would split the cell into two columns.
  return escapeTerminal(s).replace(/\t/g, ' ');
}
