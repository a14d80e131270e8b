/**
 * Field names as kubectl describe prints them (`smartLabelFor` over fatih/camelcase):
 * `runStrategy` → `Run Strategy`, `apiVersion` → `API Version`; names with characters
 * other than letters and `-` are printed as they are.
 */

const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

function runeClass(ch: string): number {
  if (/\p{Ll}/u.test(ch)) return 1;
  if (/\p{Lu}/u.test(ch)) return 2;
  if (/\p{Nd}/u.test(ch)) return 3;
  return 4;
}

/** Splits camelCase into words as fatih/camelcase.Split does (`HTTPServer` → `HTTP`, `Server`). */
export function splitCamelCase(s: string): string[] {
  const runs: string[][] = [];
  let last = 0;
  for (const ch of s) {
    const c = runeClass(ch);
    if (c === last && runs.length) runs[runs.length - 1].push(ch);
    else runs.push([ch]);
    last = c;
  }
  // An upper-case run followed by a lower-case one gives its last letter to the next word.
  for (let i = 0; i < runs.length - 1; i++) {
    if (runeClass(runs[i][0]) === 2 && runeClass(runs[i + 1][0]) === 1) {
      runs[i + 1].unshift(runs[i].pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

/** The describe label of a field name. */
export function smartLabel(field: string): string {
  if ([...field].some((ch) => !/\p{L}/u.test(ch) && ch !== '-')) return field;
  return splitCamelCase(field)
    .filter((p) => p !== '_')
    .map((p) => (ACRONYMS.has(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}
