/**
 * Label selectors as `labelSelector=` query strings carry them, with the grammar of
 * apimachinery's `pkg/labels/selector.go`: `k=v`, `k==v`, `k!=v`, `k in (a,b)`,
 * `k notin (a)`, `k`, `!k`, `k>1`, `k<1`; requirements are ANDed, separated by commas.
 */
import { badRequest } from '../../api/errors.js';

/** One parsed requirement. */
export interface LabelRequirement {
  key: string;
  op: 'in' | 'notin' | 'exists' | '!' | '=' | '!=' | 'gt' | 'lt';
  values: string[];
}

/** A parsed selector; an empty one matches everything. */
export interface LabelSelector {
  requirements: LabelRequirement[];
  matches(labels: Record<string, string> | undefined): boolean;
  /** True when the selector has no requirements. */
  empty: boolean;
}

const KEY_CHAR = /[A-Za-z0-9_./-]/;

/** Parses a `labelSelector` string; a syntax error is a 400 with the reason. */
export function parseLabelSelector(input: string | undefined | null): LabelSelector {
  const reqs = input && input.trim() ? new Parser(input).parse() : [];
  return makeSelector(reqs);
}

/** Builds a selector from a metav1.LabelSelector object (matchLabels + matchExpressions). */
export function labelSelectorFromObject(sel: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } | undefined | null): LabelSelector {
  const reqs: LabelRequirement[] = [];
  for (const [key, value] of Object.entries(sel?.matchLabels ?? {})) reqs.push({ key, op: '=', values: [value] });
  for (const e of sel?.matchExpressions ?? []) {
    const op = ({ In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' } as const)[e.operator as 'In'];
    if (!op) throw badRequest(`"${e.operator}" is not a valid label selector operator`);
    reqs.push({ key: e.key, op, values: e.values ?? [] });
  }
  return makeSelector(reqs);
}

function makeSelector(requirements: LabelRequirement[]): LabelSelector {
  return {
    requirements,
    empty: requirements.length === 0,
    matches: (labels) => requirements.every((r) => matchRequirement(r, labels ?? {})),
  };
}

function matchRequirement(r: LabelRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = labels[r.key];
  switch (r.op) {
    case '=':
    case 'in':
      return has && r.values.includes(v);
    case '!=':
    case 'notin':
      return !has || !r.values.includes(v);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || !/^-?\d+$/.test(v)) return false;
      const n = Number(v);
      const bound = Number(r.values[0]);
      return r.op === 'gt' ? n > bound : n < bound;
    }
  }
}

class Parser {
  private pos = 0;
  constructor(private readonly s: string) {}

  parse(): LabelRequirement[] {
    const out: LabelRequirement[] = [];
    for (;;) {
      this.skipSpace();
      out.push(this.requirement());
      this.skipSpace();
      if (this.pos >= this.s.length) return out;
      if (this.s[this.pos] !== ',') this.fail(`found '${this.s[this.pos]}', expected: ',' or 'end of string'`);
      this.pos++;
    }
  }

  private requirement(): LabelRequirement {
    if (this.s[this.pos] === '!') {
      this.pos++;
      this.skipSpace();
      return { key: this.key(), op: '!', values: [] };
    }
    const key = this.key();
    this.skipSpace();
    const rest = this.s.slice(this.pos);
    const sym = ['==', '!=', '=', '>', '<'].find((o) => rest.startsWith(o));
    if (sym) {
      this.pos += sym.length;
      this.skipSpace();
      const value = this.value();
      const op = sym === '==' || sym === '=' ? '=' : sym === '!=' ? '!=' : sym === '>' ? 'gt' : 'lt';
      if ((op === 'gt' || op === 'lt') && !/^-?\d+$/.test(value)) this.fail(`for 'Gt', 'Lt' operators, the value must be an integer`);
      return { key, op, values: [value] };
    }
    const word = /^(notin|in)\s*\(/.exec(rest);
    if (word) {
      this.pos += word[0].length;
      const values = this.valueSet();
      return { key, op: word[1] as 'in' | 'notin', values };
    }
    if (this.pos >= this.s.length || this.s[this.pos] === ',') return { key, op: 'exists', values: [] };
    this.fail(`found '${rest.split(/[\s,]/)[0]}', expected: in, notin, =, ==, !=, gt, lt`);
  }

  private key(): string {
    const start = this.pos;
    while (this.pos < this.s.length && KEY_CHAR.test(this.s[this.pos])) this.pos++;
    const key = this.s.slice(start, this.pos);
    if (!key) this.fail(`found '${this.s[this.pos] ?? 'end of string'}', expected: !, identifier, or 'end of string'`);
    validateKey(key);
    return key;
  }

  private value(): string {
    const start = this.pos;
    while (this.pos < this.s.length && !/[\s,()]/.test(this.s[this.pos])) this.pos++;
    const v = this.s.slice(start, this.pos);
    validateValue(v);
    return v;
  }

  private valueSet(): string[] {
    const values: string[] = [];
    for (;;) {
      this.skipSpace();
      if (this.s[this.pos] === ')') {
        this.pos++;
        return values;
      }
      values.push(this.value());
      this.skipSpace();
      if (this.s[this.pos] === ',') this.pos++;
      else if (this.s[this.pos] !== ')') this.fail(`found '${this.s[this.pos] ?? 'end of string'}', expected: ',', or ')'`);
    }
  }

  private skipSpace(): void {
    while (this.pos < this.s.length && /\s/.test(this.s[this.pos])) this.pos++;
  }

  private fail(msg: string): never {
    throw badRequest(`unable to parse requirement: ${msg}`);
  }
}

const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

function validateKey(key: string): void {
  const parts = key.split('/');
  const name = parts.length === 2 ? parts[1] : parts[0];
  if (parts.length > 2 || name.length > 63 || !NAME.test(name) || (parts.length === 2 && !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(parts[0]))) {
    throw badRequest(`unable to parse requirement: key: Invalid value: "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`);
  }
}

function validateValue(v: string): void {
  if (v !== '' && (v.length > 63 || !NAME.test(v))) {
    throw badRequest(`unable to parse requirement: values[0][${v}]: Invalid value: "${v}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`);
  }
}
