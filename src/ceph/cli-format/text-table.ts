// Ceph's TextTable (src/common/TextTable.cc): columns padded to their widest cell, two spaces apart.

/** A column heading with its cells' alignment and, where it differs, the heading's own (TextTable::define_column). */
export interface Column {
  heading: string;
  align: 'left' | 'right';
  headAlign?: 'left' | 'right';
}

/** Renders rows under their headings; every cell is padded, so lines can end in spaces as Ceph's do. */
export function textTable(columns: Column[], rows: string[][]): string {
  const widths = columns.map((c, i) => Math.max(c.heading.length, ...rows.map((r) => (r[i] ?? '').length)));
  const pad = (text: string, i: number, align: 'left' | 'right') => (align === 'left' ? text.padEnd(widths[i]!) : text.padStart(widths[i]!));
  const head = columns.map((c, i) => pad(c.heading, i, c.headAlign ?? c.align)).join('  ');
  const line = (cells: string[]) => columns.map((c, i) => pad(cells[i] ?? '', i, c.align)).join('  ');
  return [head, ...rows.map(line)].map((l) => `${l}\n`).join('');
}
