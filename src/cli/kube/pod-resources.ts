/**
 * A pod's effective requests and limits as kubectl's resourcehelper computes them: the
 * sum over containers, at least each init container's, plus the pod overhead; and sums
 * of those over pods (for describe node's "Allocated resources").
 */
import { formatQuantity, parseQuantity, type Quantity } from '../../api/meta/quantity.js';

/** A resource name to quantity map. */
export type ResourceTotals = Map<string, Quantity>;

interface ContainerShape {
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  restartPolicy?: string;
}

/** The fields of a pod spec the computation reads. */
export interface PodSpecShape {
  containers?: ContainerShape[];
  initContainers?: ContainerShape[];
  overhead?: Record<string, string>;
}

function align(a: Quantity, b: Quantity): [bigint, bigint, number] {
  const e = Math.min(a.exponent, b.exponent);
  return [a.mantissa * 10n ** BigInt(a.exponent - e), b.mantissa * 10n ** BigInt(b.exponent - e), e];
}

/** a + b, in a's format (Go's Quantity.Add). */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  const [x, y, e] = align(a, b);
  return { mantissa: x + y, exponent: e, format: a.format };
}

function cmp(a: Quantity, b: Quantity): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The quantity as a float (for percentages). */
export function quantityNumber(q: Quantity | undefined): number {
  return q ? Number(q.mantissa) * 10 ** q.exponent : 0;
}

/** The canonical string, `0` when absent. */
export function quantityString(q: Quantity | undefined): string {
  return q ? formatQuantity(q) : '0';
}

function addList(into: ResourceTotals, list: Record<string, string> | undefined): void {
  for (const [k, v] of Object.entries(list ?? {})) {
    const q = parseQuantity(v);
    if (!q) continue;
    const cur = into.get(k);
    into.set(k, cur ? addQuantity(cur, q) : q);
  }
}

function maxList(into: ResourceTotals, list: Record<string, string> | undefined): void {
  for (const [k, v] of Object.entries(list ?? {})) {
    const q = parseQuantity(v);
    if (!q) continue;
    const cur = into.get(k);
    if (!cur || cmp(q, cur) > 0) into.set(k, q);
  }
}

/** One pod's requests and limits. */
export function podRequestsAndLimits(spec: PodSpecShape): { requests: ResourceTotals; limits: ResourceTotals } {
  const requests: ResourceTotals = new Map();
  const limits: ResourceTotals = new Map();
  for (const c of spec.containers ?? []) {
    addList(requests, c.resources?.requests);
    addList(limits, c.resources?.limits);
  }
  for (const c of spec.initContainers ?? []) {
    maxList(requests, c.resources?.requests);
    maxList(limits, c.resources?.limits);
  }
  if (spec.overhead) {
    addList(requests, spec.overhead);
    for (const k of Object.keys(spec.overhead)) if (limits.has(k)) addList(limits, { [k]: spec.overhead[k] });
  }
  return { requests, limits };
}

/** Sums of requests and limits over pods. */
export function totalRequestsAndLimits(specs: PodSpecShape[]): { requests: ResourceTotals; limits: ResourceTotals } {
  const requests: ResourceTotals = new Map();
  const limits: ResourceTotals = new Map();
  for (const s of specs) {
    const r = podRequestsAndLimits(s);
    for (const [k, q] of r.requests) addList(requests, { [k]: formatQuantity(q) });
    for (const [k, q] of r.limits) addList(limits, { [k]: formatQuantity(q) });
  }
  return { requests, limits };
}
