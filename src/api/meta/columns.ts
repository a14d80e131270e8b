/** Printer columns shared by many kinds (`pkg/printers/internalversion/printers.go`). */
import type { PrinterColumn } from '../types.js';

/** AGE: the creation timestamp printed as a human duration. */
export const ageColumn: PrinterColumn = { name: 'Age', type: 'string', description: 'CreationTimestamp is a timestamp representing the server time when this object was created.' };

/** CREATED AT: the default table convertor's column (and roles', limit ranges'). */
export const createdAtColumn: PrinterColumn = { name: 'Created At', type: 'date', description: 'CreationTimestamp is a timestamp representing the server time when this object was created.' };

/** A string column. */
export function col(name: string, description: string, priority = 0, type: PrinterColumn['type'] = 'string'): PrinterColumn {
  return priority > 0 ? { name, type, priority, description } : { name, type, description };
}

/** The `Containers` and `Images` cells of a pod template (`layoutContainerCells`). */
export function containerCells(containers: { name?: string; image?: string }[]): [string, string] {
  return [containers.map((c) => c.name ?? '').join(','), containers.map((c) => c.image ?? '').join(',')];
}
