/**
 * Label maps and selectors printed as apimachinery prints them (`labels.FormatLabels`,
 * `metav1.LabelSelectorAsSelector(...).String()`, `metav1.FormatLabelSelector`).
 */

/** A metav1.LabelSelector as JSON. */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** `labels.FormatLabels`: `k=v,k2=v2` with sorted keys, `<none>` when empty. */
export function formatLabels(map: Record<string, string> | undefined | null): string {
  const keys = Object.keys(map ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${map![k]}`).join(',');
}

/** `LabelSelectorAsSelector(s).String()`: requirements sorted by key; `''` for empty or nil. */
export function selectorString(s: LabelSelector | undefined | null): string {
  if (!s) return '';
  const reqs: [string, string][] = [];
  for (const [k, v] of Object.entries(s.matchLabels ?? {})) reqs.push([k, `${k}=${v}`]);
  for (const e of s.matchExpressions ?? []) {
    const values = [...new Set(e.values ?? [])].sort().join(',');
    switch (e.operator) {
      case 'In': reqs.push([e.key, `${e.key} in (${values})`]); break;
      case 'NotIn': reqs.push([e.key, `${e.key} notin (${values})`]); break;
      case 'Exists': reqs.push([e.key, e.key]); break;
      case 'DoesNotExist': reqs.push([e.key, `!${e.key}`]); break;
    }
  }
  // sort.Sort(ByKey) is not stable, but equal keys are rare enough that insertion order serves.
  return reqs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((r) => r[1]).join(',');
}

/** `metav1.FormatLabelSelector`: like selectorString, `<none>` when it selects everything. */
export function formatLabelSelector(s: LabelSelector | undefined | null): string {
  const str = selectorString(s);
  return str === '' ? '<none>' : str;
}

/** Whether a LabelSelector matches a label set (`metav1.LabelSelectorAsSelector(s).Matches`). */
export function selectorMatches(s: LabelSelector, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(s.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of s.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const values = e.values ?? [];
    if (e.operator === 'In' && !(has && values.includes(labels[e.key]))) return false;
    if (e.operator === 'NotIn' && has && values.includes(labels[e.key])) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}
