import { describe, it, expect } from 'vitest';
import type { ApiResource } from './api-resources.js';
import { printTables } from './print-tables.js';
import { formatCell, TablePrinter, type Table } from './table-printer.js';
import { GET_TABWRITER, TabWriter } from './tab-writer.js';

function res(kind: string, group: string, plural: string, namespaced = true): ApiResource {
  return { kind, group, plural, version: 'v1', namespaced, singular: kind.toLowerCase(), shortNames: [], categories: [], verbs: [], preferred: true };
}

const VM = res('VirtualMachine', 'kubevirt.io', 'virtualmachines');
const CM = res('ConfigMap', '', 'configmaps');
const NS = res('Namespace', '', 'namespaces', false);
const NAME = { name: 'Name', type: 'string', format: 'name', priority: 0 };

function row(cells: unknown[], namespace?: string) {
  return { cells, object: { metadata: { name: String(cells[0]), namespace } } };
}

const vmTable: Table = {
  kind: 'Table',
  columnDefinitions: [NAME, { name: 'Age', type: 'date', priority: 0 }, { name: 'Status', type: 'string', priority: 0 }, { name: 'Ready', type: 'string', priority: 0 }],
  rows: [row(['test-linux-01', '0s', null, null], 'sandbox')],
};
const cmTable: Table = {
  kind: 'Table',
  columnDefinitions: [NAME, { name: 'Data', type: 'integer', priority: 0 }, { name: 'Age', type: 'string', priority: 0 }],
  rows: [row(['a', 1, '7s'], 'sandbox'), row(['b', 1, '0s'], 'sandbox'), row(['kube-root-ca.crt', 1, '7s'], 'sandbox')],
};
const nsTable: Table = {
  kind: 'Table',
  columnDefinitions: [NAME, { name: 'Status', type: 'string', priority: 0 }, { name: 'Age', type: 'string', priority: 0 }, { name: 'Labels', type: 'string', priority: 1 }],
  rows: [row(['default', 'Active', '12s', 'kubernetes.io/metadata.name=default']), row(['kube-system', 'Active', '12s', 'kubernetes.io/metadata.name=kube-system'])],
};

function print(infos: { resource: ApiResource; table: Table }[], o: Parameters<typeof printTables>[2] = {}): string {
  let out = '';
  printTables({ out: (t) => (out += t), err: () => {} }, infos, o);
  return out;
}

describe('printTables()', () => {
  it('prints one type as kubectl does: upper-cased headers, 3-space gaps, null cells empty', () => {
    // Golden: `kubectl get vm -n sandbox` against ove, trailing padding included.
    expect(print([{ resource: VM, table: vmTable }])).toBe('NAME            AGE   STATUS   READY\ntest-linux-01   0s             \n');
  });

  it('adds NAMESPACE with -A', () => {
    expect(print([{ resource: VM, table: vmTable }], { allNamespaces: true })).toBe('NAMESPACE   NAME            AGE   STATUS   READY\nsandbox     test-linux-01   0s             \n');
  });

  it('shows priority > 0 columns only with -o wide', () => {
    expect(print([{ resource: NS, table: nsTable }])).toBe('NAME          STATUS   AGE\ndefault       Active   12s\nkube-system   Active   12s\n');
    expect(print([{ resource: NS, table: nsTable }], { wide: true })).toBe(
      'NAME          STATUS   AGE   LABELS\ndefault       Active   12s   kubernetes.io/metadata.name=default\nkube-system   Active   12s   kubernetes.io/metadata.name=kube-system\n',
    );
  });

  it('prefixes kind.group/ for several types, separates tables with a blank line and re-measures widths', () => {
    // Golden: `kubectl get vm,cm -n sandbox` against ove.
    expect(print([{ resource: VM, table: vmTable }, { resource: CM, table: cmTable }])).toBe(
      [
        'NAME                                       AGE   STATUS   READY',
        'virtualmachine.kubevirt.io/test-linux-01   0s             ',
        '',
        'NAME                         DATA   AGE',
        'configmap/a                  1      7s',
        'configmap/b                  1      0s',
        'configmap/kube-root-ca.crt   1      7s',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing for empty tables, and no blank line for a type without rows', () => {
    const empty: Table = { ...vmTable, rows: [] };
    expect(print([{ resource: VM, table: empty }])).toBe('');
    expect(print([{ resource: VM, table: empty }, { resource: CM, table: cmTable }]).startsWith('NAME                         DATA   AGE\nconfigmap/a')).toBe(true);
  });

  it('prints the namespace column only for namespaced types with -A', () => {
    const out = print([{ resource: NS, table: nsTable }, { resource: CM, table: cmTable }], { allNamespaces: true });
    expect(out.split('\n')[0]).toBe('NAME                    STATUS   AGE');
    expect(out).toContain('\nNAMESPACE   NAME                         DATA   AGE\nsandbox     configmap/a                  1      7s\n');
  });

  it('prints one header for several tables of a type (named gets)', () => {
    const one = (n: string): Table => ({ ...cmTable, rows: [row([n, 1, '1s'], 'sandbox')] });
    expect(print([{ resource: CM, table: one('a') }, { resource: CM, table: one('bb') }])).toBe('NAME   DATA   AGE\na      1      1s\nbb     1      1s\n');
  });
});

describe('TablePrinter', () => {
  it('prints the header with the first row of a watch that started empty, and not again', () => {
    let out = '';
    const w = new TabWriter((t) => (out += t), GET_TABWRITER);
    const p = new TablePrinter();
    p.print({ ...cmTable, rows: [] }, w);
    p.print({ kind: 'Table', columnDefinitions: null, rows: [row(['s1', 1, '0s'])] }, w);
    w.flush();
    p.print({ kind: 'Table', columnDefinitions: cmTable.columnDefinitions, rows: [row(['s2', 0, '0s'])] }, w);
    w.flush();
    expect(out).toBe('NAME   DATA   AGE\ns1     1      0s\ns2     0      0s\n');
  });

  it('adds an EVENT column padded as kubectl pads event types', () => {
    let out = '';
    const w = new TabWriter((t) => (out += t), GET_TABWRITER);
    const p = new TablePrinter({ withEventType: true });
    p.print({ ...cmTable, rows: [row(['a', 1, '1s'])] }, w, 'ADDED');
    w.flush();
    p.print({ ...cmTable, rows: [row(['a', 1, '1s'])] }, w, 'MODIFIED');
    w.flush();
    expect(out).toBe('EVENT      NAME   DATA   AGE\nADDED      a      1      1s\nMODIFIED   a      1      1s\n');
  });
});

describe('formatCell()', () => {
  it('prints cells as kubectl does', () => {
    expect(formatCell(null)).toBe('');
    expect(formatCell(3)).toBe('3');
    expect(formatCell(true)).toBe('true');
    expect(formatCell('two\nlines')).toBe('two...');
    expect(formatCell('a\x1bb')).toBe('a^[b');
  });
});
