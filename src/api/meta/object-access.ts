/** Small typed readers over loosely typed API objects, for printers and field selectors. */

/** The value at a dotted path (`spec.nodeName`), or undefined. */
export function at(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const p of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

/** A string at a path, `''` when absent (Go's zero value). */
export function str(obj: unknown, path: string): string {
  const v = at(obj, path);
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

/** A number at a path, 0 when absent. */
export function num(obj: unknown, path: string): number {
  const v = at(obj, path);
  return typeof v === 'number' ? v : 0;
}

/** An array at a path, `[]` when absent. */
export function arr<T = Record<string, unknown>>(obj: unknown, path: string): T[] {
  const v = at(obj, path);
  return Array.isArray(v) ? (v as T[]) : [];
}

/** An object at a path, `{}` when absent. */
export function rec<T = unknown>(obj: unknown, path: string): Record<string, T> {
  const v = at(obj, path);
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, T>) : {};
}

/** A field-selector value: strings as is, numbers as Go prints them, `''` when absent. */
export function fieldValue(obj: unknown, path: string): string {
  const v = at(obj, path);
  return v === undefined || v === null ? '' : String(v);
}

/** A boolean field-selector value: `true` or `false` (absent is false). */
export function fieldBool(obj: unknown, path: string): string {
  return at(obj, path) === true ? 'true' : 'false';
}
