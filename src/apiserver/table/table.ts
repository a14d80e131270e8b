/**
 * Table output (`Accept: application/json;as=Table;g=meta.k8s.io;v=v1`): kube-apiserver
 * prints rows server-side. Column 0 is always Name; the kind's printer columns follow,
 * from its `cells` function (built-ins) or by JSONPath (platform kinds and CRDs, as
 * apiextensions' tableconvertor does, dates turned into ages).
 */
import type { KubeObject, PrinterColumn } from '../../api/types.js';
import { translateTimestampSince } from '../../api/meta/human-duration.js';
import { tableNameCells, tablesWithoutNameColumn } from '../../api/builtin.js';
import type { ServedResource } from '../registry/resource-registry.js';
import { compileJsonPath, evaluate } from './jsonpath.js';

/** `includeObject` of a Table request. */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** A Table column definition on the wire. */
export interface TableColumn {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

const NAME_COLUMN: TableColumn = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description: 'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
  priority: 0,
};

/** Builds Table rows for one kind; compiled once per kind and reused. */
export class TablePrinter {
  readonly columns: TableColumn[];
  private readonly paths: (ReturnType<typeof compileJsonPath> | undefined)[];

  private readonly withName: boolean;
  private readonly nameCell?: (obj: KubeObject) => string;

  constructor(private readonly res: ServedResource) {
    // Events print NAME as their last wide column, not first (kube's printers.go).
    const key = `${res.group}/${res.plural}`;
    this.withName = !tablesWithoutNameColumn.has(key);
    this.nameCell = tableNameCells[key];
    this.columns = [...(this.withName ? [NAME_COLUMN] : []), ...res.printerColumns.map(toColumn)];
    this.paths = res.printerColumns.map((c) => (c.jsonPath ? compileJsonPath(c.jsonPath) : undefined));
  }

  /** The cells of one object's row. */
  cells(obj: KubeObject, nowMs: number): unknown[] {
    const rest = this.res.cells ? this.res.cells(obj, nowMs) : this.res.printerColumns.map((c, i) => jsonPathCell(c, this.paths[i], obj, nowMs));
    if (!this.withName) return rest;
    return [this.nameCell ? this.nameCell(obj) : (obj.metadata.name ?? ''), ...rest];
  }

  /** One row: cells plus the object in the requested form. */
  row(obj: KubeObject, nowMs: number, include: IncludeObject): Record<string, unknown> {
    const row: Record<string, unknown> = { cells: this.cells(obj, nowMs) };
    if (include === 'Object') row.object = obj;
    else if (include === 'Metadata') row.object = { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
    return row;
  }

  /** A whole Table document. */
  table(objs: KubeObject[], nowMs: number, include: IncludeObject, listMeta: Record<string, unknown>, withColumns = true): Record<string, unknown> {
    return {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: listMeta,
      columnDefinitions: withColumns ? this.columns : null,
      rows: objs.map((o) => this.row(o, nowMs, include)),
    };
  }
}

function toColumn(c: PrinterColumn): TableColumn {
  return { name: c.name, type: c.type, format: c.format ?? '', description: c.description ?? '', priority: c.priority ?? 0 };
}

function jsonPathCell(c: PrinterColumn, steps: ReturnType<typeof compileJsonPath> | undefined, obj: KubeObject, nowMs: number): unknown {
  if (!steps) return null;
  const results = evaluate(steps, obj);
  if (results.length === 0 || results[0] === undefined || results[0] === null) return null;
  // Only the first result counts, as the tableconvertor assumes simple paths.
  const v = results[0];
  switch (c.type) {
    case 'date':
      if (typeof v !== 'string') return '<invalid>';
      return Number.isNaN(Date.parse(v)) ? '<invalid>' : translateTimestampSince(v, nowMs);
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v) ? v : null;
    case 'number':
      return typeof v === 'number' ? v : null;
    case 'boolean':
      return typeof v === 'boolean' ? v : null;
    default:
      return typeof v === 'string' ? v : JSON.stringify(v);
  }
}
