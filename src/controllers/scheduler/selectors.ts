/**
 * Matching helpers the plugins share: label selectors (`metav1.LabelSelectorAsSelector`),
 * node selector terms (`nodeaffinity.NodeSelector`, `component-helpers/scheduling/corev1/nodeaffinity`)
 * and taint tolerations (`v1.Toleration.ToleratesTaint`).
 */
import { selectorMatches, type LabelSelector } from '../../api/meta/label-selector.js';

/** A compiled label predicate. */
export type LabelMatcher = (labels: Record<string, string>) => boolean;

const NOTHING: LabelMatcher = () => false;
const EVERYTHING: LabelMatcher = () => true;

/** `LabelSelectorAsSelector`: nil selects nothing, `{}` selects everything. */
export function compileLabelSelector(s: LabelSelector | null | undefined): LabelMatcher {
  if (s === null || s === undefined) return NOTHING;
  const ml = Object.entries(s.matchLabels ?? {});
  const me = s.matchExpressions ?? [];
  if (ml.length === 0 && me.length === 0) return EVERYTHING;
  if (me.length === 0) return (labels) => ml.every(([k, v]) => labels[k] === v);
  return (labels) => selectorMatches(s, labels);
}

/** A `NodeSelectorRequirement`. */
export interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

/** A `NodeSelectorTerm`. */
export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

const INT_RE = /^[+-]?\d+$/;

function requirementMatches(r: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = labels[r.key];
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return has && values.includes(v);
    case 'NotIn':
      return !has || !values.includes(v);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      // Gt/Lt take exactly one integer value; a non-integer label never matches.
      if (!has || values.length !== 1 || !INT_RE.test(values[0]) || !INT_RE.test(v)) return false;
      return r.operator === 'Gt' ? Number(v) > Number(values[0]) : Number(v) < Number(values[0]);
    }
    default:
      return false;
  }
}

function fieldMatches(r: NodeSelectorRequirement, nodeName: string): boolean {
  // metadata.name is the only node field selectors support (nodeFieldSelectorKeys).
  if (r.key !== 'metadata.name') return false;
  const values = r.values ?? [];
  if (r.operator === 'In') return values.includes(nodeName);
  if (r.operator === 'NotIn') return !values.includes(nodeName);
  return false;
}

/** Whether one term matches; a term without requirements matches nothing. */
export function nodeSelectorTermMatches(t: NodeSelectorTerm, nodeName: string, labels: Record<string, string>): boolean {
  const exprs = t.matchExpressions ?? [];
  const fields = t.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  for (const r of exprs) if (!requirementMatches(r, labels)) return false;
  for (const r of fields) if (!fieldMatches(r, nodeName)) return false;
  return true;
}

/** Whether any of the ORed terms matches. */
export function nodeSelectorTermsMatch(terms: NodeSelectorTerm[], nodeName: string, labels: Record<string, string>): boolean {
  for (const t of terms) if (nodeSelectorTermMatches(t, nodeName, labels)) return true;
  return false;
}

/** A `v1.Taint`. */
export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

/** A `v1.Toleration`. */
export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** `Toleration.ToleratesTaint`: effect and key match when set; Equal compares values, Exists any. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  const op = t.operator ?? '';
  if (op === '' || op === 'Equal') return (t.value ?? '') === (taint.value ?? '');
  return op === 'Exists';
}

/** Whether any toleration tolerates the taint. */
export function tolerationsTolerate(tolerations: Toleration[], taint: Taint): boolean {
  for (const t of tolerations) if (toleratesTaint(t, taint)) return true;
  return false;
}

/** `FindMatchingUntoleratedTaint`: the first taint passing `filter` that no toleration tolerates. */
export function firstUntoleratedTaint(taints: Taint[], tolerations: Toleration[], filter: (t: Taint) => boolean): Taint | undefined {
  for (const taint of taints) if (filter(taint) && !tolerationsTolerate(tolerations, taint)) return taint;
  return undefined;
}
