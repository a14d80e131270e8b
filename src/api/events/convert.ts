/**
 * Conversion between core/v1 and events.k8s.io/v1 Events, which kube-apiserver stores as one
 * kind (field pairs from `pkg/apis/events/v1/conversion.go`). Fields absent on one side stay absent.
 */
import type { KubeObject } from '../types.js';

/** [events.k8s.io/v1 field, core/v1 field] */
const PAIRS: [string, string][] = [
  ['regarding', 'involvedObject'],
  ['note', 'message'],
  ['reportingController', 'reportingComponent'],
  ['deprecatedSource', 'source'],
  ['deprecatedFirstTimestamp', 'firstTimestamp'],
  ['deprecatedLastTimestamp', 'lastTimestamp'],
  ['deprecatedCount', 'count'],
];
const SAME = ['eventTime', 'series', 'related', 'action', 'reason', 'type', 'reportingInstance'];

function convert(o: KubeObject, apiVersion: string, from: 0 | 1): KubeObject {
  const out: KubeObject = { apiVersion, kind: 'Event', metadata: structuredClone(o.metadata) };
  for (const f of SAME) if (o[f] !== undefined) out[f] = structuredClone(o[f]);
  for (const pair of PAIRS) {
    const v = o[pair[from]];
    if (v !== undefined) out[pair[1 - from]] = structuredClone(v);
  }
  return out;
}

/** core/v1 Event -> events.k8s.io/v1 Event. */
export function coreToEventsV1(o: KubeObject): KubeObject {
  return convert(o, 'events.k8s.io/v1', 1);
}

/** events.k8s.io/v1 Event -> core/v1 Event. */
export function eventsV1ToCore(o: KubeObject): KubeObject {
  return convert(o, 'v1', 0);
}
