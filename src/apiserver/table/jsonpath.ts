/**
 * The JSONPath subset printer columns use (k8s.io/client-go/util/jsonpath as CRD
 * `additionalPrinterColumns[].jsonPath` allows it): `.a.b`, `['a.b']`, `[0]`, `[-1]`,
 * `[*]`, and filters `[?(@.type=="Ready")]` / `[?(@.x)]`.
 */

type Step = { kind: 'field'; name: string } | { kind: 'index'; index: number } | { kind: 'all' } | { kind: 'filter'; path: string[]; op?: '==' | '!='; value?: string };

/** Compiles a path once; evaluate with `evaluate`. */
export function compileJsonPath(path: string): Step[] {
  const p = path.trim().replace(/^\{/, '').replace(/\}$/, '').replace(/^\$/, '');
  const steps: Step[] = [];
  let i = 0;
  while (i < p.length) {
    if (p[i] === '.') {
      i++;
      let j = i;
      while (j < p.length && p[j] !== '.' && p[j] !== '[') j++;
      if (j > i) steps.push({ kind: 'field', name: p.slice(i, j) });
      i = j;
    } else if (p[i] === '[') {
      const end = matchingBracket(p, i);
      const inner = p.slice(i + 1, end).trim();
      i = end + 1;
      if (inner === '*') steps.push({ kind: 'all' });
      else if (/^-?\d+$/.test(inner)) steps.push({ kind: 'index', index: Number(inner) });
      else if (/^'.*'$|^".*"$/.test(inner)) steps.push({ kind: 'field', name: inner.slice(1, -1) });
      else if (inner.startsWith('?(') && inner.endsWith(')')) steps.push(parseFilter(inner.slice(2, -1)));
      else throw new Error(`unrecognized identifier ${inner}`);
    } else {
      let j = i;
      while (j < p.length && p[j] !== '.' && p[j] !== '[') j++;
      steps.push({ kind: 'field', name: p.slice(i, j) });
      i = j;
    }
  }
  return steps;
}

function matchingBracket(s: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  throw new Error(`unclosed array expect ]`);
}

function parseFilter(expr: string): Step {
  const m = /^@((?:\.[\w.-]+)+)\s*(?:(==|!=)\s*(?:'([^']*)'|"([^"]*)"|([\w.-]+)))?$/.exec(expr.trim());
  if (!m) throw new Error(`unsupported filter ${expr}`);
  return { kind: 'filter', path: m[1].slice(1).split('.'), op: m[2] as '==' | '!=' | undefined, value: m[3] ?? m[4] ?? m[5] };
}

/** Evaluates compiled steps, returning every match in document order. */
export function evaluate(steps: Step[], root: unknown): unknown[] {
  let cur: unknown[] = [root];
  for (const s of steps) {
    const next: unknown[] = [];
    for (const v of cur) {
      if (v === null || v === undefined) continue;
      if (s.kind === 'field') {
        if (typeof v === 'object' && !Array.isArray(v) && s.name in (v as object)) next.push((v as Record<string, unknown>)[s.name]);
      } else if (s.kind === 'index') {
        if (Array.isArray(v)) {
          const idx = s.index < 0 ? v.length + s.index : s.index;
          if (idx >= 0 && idx < v.length) next.push(v[idx]);
        }
      } else if (s.kind === 'all') {
        if (Array.isArray(v)) next.push(...v);
        else if (typeof v === 'object') next.push(...Object.values(v as object));
      } else {
        const items = Array.isArray(v) ? v : [v];
        for (const item of items) if (filterMatches(s, item)) next.push(item);
      }
    }
    cur = next;
  }
  return cur;
}

function filterMatches(s: Extract<Step, { kind: 'filter' }>, item: unknown): boolean {
  let v: unknown = item;
  for (const f of s.path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[f] : undefined;
  if (!s.op) return v !== undefined && v !== null;
  const str = typeof v === 'string' ? v : v === undefined ? undefined : JSON.stringify(v);
  return s.op === '==' ? str === s.value : str !== s.value;
}
