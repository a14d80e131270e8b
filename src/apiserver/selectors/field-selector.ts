/**
 * Field selectors (`fieldSelector=`): `field=value`, `field==value`, `field!=value`,
 * ANDed by commas, as apimachinery's `pkg/fields/selector.go` parses them. Which
 * fields a kind supports is the kind's business (ResourceDef.fieldSelectors).
 */
import { badRequest } from '../../api/errors.js';
import type { KubeObject } from '../../api/types.js';

/** One `field op value` term. */
export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

/** Extracts a selectable field's value from an object. */
export type FieldGetter = (obj: KubeObject) => string | undefined;

/** A compiled field selector. */
export interface FieldSelector {
  requirements: FieldRequirement[];
  matches(obj: KubeObject): boolean;
  /** The exact value required for a field, if the selector pins it with `=` (used to narrow lists). */
  exact(field: string): string | undefined;
}

const COMMON: Record<string, FieldGetter> = {
  'metadata.name': (o) => o.metadata?.name,
  'metadata.namespace': (o) => o.metadata?.namespace ?? '',
};

/** Parses and compiles a selector against the fields a kind supports; unknown fields are a 400 as kube words it. */
export function parseFieldSelector(input: string | undefined | null, kindFields: Record<string, FieldGetter> = {}, isCustom = false): FieldSelector {
  const requirements = input && input.trim() ? splitTerms(input).map(parseTerm) : [];
  const getters = requirements.map((r) => {
    const g = COMMON[r.field] ?? kindFields[r.field];
    if (!g) {
      // CRDs answer with the apiextensions wording, built-ins with the generic one (kube 1.32).
      throw badRequest(isCustom ? `"${r.field}" is not a known field selector: only "metadata.name", "metadata.namespace"` : `field label not supported: ${r.field}`);
    }
    return g;
  });
  return {
    requirements,
    matches: (obj) => requirements.every((r, i) => ((getters[i](obj) ?? '') === r.value) === (r.op === '=')),
    exact: (field) => requirements.find((r) => r.field === field && r.op === '=')?.value,
  };
}

function splitTerms(s: string): string[] {
  // Commas may be escaped with a backslash in values (fields.EscapeValue).
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && i + 1 < s.length) {
      cur += s[i] + s[i + 1];
      i++;
    } else if (s[i] === ',') {
      out.push(cur);
      cur = '';
    } else cur += s[i];
  }
  out.push(cur);
  return out.filter((t) => t.trim() !== '');
}

function parseTerm(term: string): FieldRequirement {
  const m = /^\s*([^=!\s]+)\s*(==|!=|=)\s*(.*?)\s*$/.exec(term);
  if (!m) throw badRequest(`invalid selector: '${term}'; can't understand '${term}'`);
  const value = m[3].replace(/\\(.)/g, '$1');
  return { field: m[1], op: m[2] === '!=' ? '!=' : '=', value };
}
