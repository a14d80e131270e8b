/**
 * The FailedScheduling message (`FitError.Error()`, `pkg/scheduler/framework/types.go`):
 * `0/N nodes are available: <PreFilter msg>. <histogram>. <PostFilter msg>` where the histogram is
 * `<count> <reason>` entries sorted as strings (Go's sort.Strings: byte order, so "12 x" sorts
 * before "3 y") and joined with ", ". Since kubernetes#117588 the PostFilter (preemption)
 * message is appended without another period.
 */
import type { Status } from './framework.js';

/** What the filter phase found (`framework.Diagnosis`). */
export interface Diagnosis {
  /** Status of each node that was filtered and rejected. */
  nodeToStatus: Map<string, Status>;
  /** Status of every node absent from nodeToStatus (a PreFilter rejection or narrowing). */
  absentStatus?: Status;
  /** The PreFilter rejection message, when PreFilter rejected the pod. */
  preFilterMsg?: string;
  /** The PostFilter (preemption) message. */
  postFilterMsg?: string;
}

/** `NoNodeAvailableMsg`. */
export const NO_NODE_AVAILABLE = (n: number) => `0/${n} nodes are available`;

/** Byte-wise string comparison (Go's string ordering). */
export function goStringCompare(a: string, b: string): number {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return Buffer.compare(x, y);
}

/** `<count> <reason>` entries for the nodes' reasons, sorted as kube sorts them. */
export function reasonHistogram(numAllNodes: number, nodeToStatus: Map<string, Status>, absent?: Status): string[] {
  const counts = new Map<string, number>();
  for (const s of nodeToStatus.values()) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const missing = numAllNodes - nodeToStatus.size;
  if (absent && missing > 0) for (const r of absent.reasons) counts.set(r, (counts.get(r) ?? 0) + missing);
  return [...counts].map(([r, n]) => `${n} ${r}`).sort(goStringCompare);
}

/** The FitError message for a pod that fits no node. */
export function fitErrorMessage(numAllNodes: number, d: Diagnosis): string {
  let msg = `${NO_NODE_AVAILABLE(numAllNodes)}:`;
  if (d.preFilterMsg) msg += ` ${d.preFilterMsg}.`;
  else {
    const hist = reasonHistogram(numAllNodes, d.nodeToStatus, d.absentStatus);
    if (hist.length > 0) msg += ` ${hist.join(', ')}.`;
  }
  if (d.postFilterMsg) msg += ` ${d.postFilterMsg}`;
  return msg;
}
