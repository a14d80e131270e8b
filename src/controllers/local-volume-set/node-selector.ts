/** Kubernetes NodeSelector matching (`nodeSelectorTerms` ORed, `matchExpressions` ANDed), for labels only. */

/** One `matchExpressions` entry. */
export interface NodeSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  values?: string[];
}

/** A core/v1 NodeSelector. */
export interface NodeSelector {
  nodeSelectorTerms?: { matchExpressions?: NodeSelectorRequirement[]; matchLabels?: Record<string, string> }[];
}

function matchesRequirement(labels: Record<string, string>, r: NodeSelectorRequirement): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = labels[r.key];
  switch (r.operator) {
    case 'In':
      return has && (r.values ?? []).includes(v!);
    case 'NotIn':
      return !has || !(r.values ?? []).includes(v!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      const n = Number(v);
      const bound = Number(r.values?.[0]);
      if (!has || !Number.isInteger(n) || !Number.isInteger(bound)) return false;
      return r.operator === 'Gt' ? n > bound : n < bound;
    }
  }
}

/** True when the labels satisfy the selector; an absent selector or one with no terms selects every node. */
export function matchesNodeSelector(labels: Record<string, string>, sel: NodeSelector | undefined): boolean {
  const terms = sel?.nodeSelectorTerms ?? [];
  if (terms.length === 0) return true;
  return terms.some((t) => {
    const exprs = t.matchExpressions ?? [];
    const ml = Object.entries(t.matchLabels ?? {});
    // An empty term matches no objects (k8s.io/component-helpers nodeaffinity).
    if (exprs.length === 0 && ml.length === 0) return false;
    return exprs.every((r) => matchesRequirement(labels, r)) && ml.every(([k, v]) => labels[k] === v);
  });
}
