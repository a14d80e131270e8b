/**
 * The event table (`printEvent`, `pkg/printers/internalversion/printers.go`). kube-apiserver
 * prints core/v1 and events.k8s.io/v1 events with the same printer and, unlike every other
 * kind, the table has no leading NAME column: NAME is the last, wide column.
 */
import type { KubeObject, PrinterColumn } from '../types.js';
import { col } from '../meta/columns.js';
import { translateTimestampSince } from '../meta/human-duration.js';
import { at, num, str } from '../meta/object-access.js';

/** All event columns, NAME (priority 1) included, in kube's order. */
export const eventColumns: PrinterColumn[] = [
  col('Last Seen', 'Deprecated field assuring backward compatibility with core.v1 Event type'),
  col('Type', 'Type of this event (Normal, Warning), new types could be added in the future.'),
  col('Reason', 'Reason is why the action was taken. It is human-readable.'),
  col('Object', 'The object that this event is about.'),
  col('Subobject', 'The field of the object this event is about.', 1),
  col('Source', 'The component reporting this event.', 1),
  col('Message', 'A human-readable description of the status of this operation.'),
  col('First Seen', 'Deprecated field assuring backward compatibility with core.v1 Event type', 1),
  col('Count', 'Deprecated field assuring backward compatibility with core.v1 Event type', 1),
  col('Name', 'Name must be unique within a namespace.', 1),
];

/** An event in the internal (core) field names. */
interface EventView {
  firstTimestamp: string; lastTimestamp: string; eventTime: string; count: number;
  seriesCount?: number; seriesLast?: string; type: string; reason: string; message: string;
  kind: string; name: string; fieldPath: string; component: string; host: string;
  reportingController: string; reportingInstance: string;
}

function view(o: KubeObject): EventView {
  const v1 = o.apiVersion === 'events.k8s.io/v1';
  const series = at(o, 'series') as Record<string, unknown> | undefined;
  const ref = v1 ? 'regarding' : 'involvedObject';
  return {
    firstTimestamp: str(o, v1 ? 'deprecatedFirstTimestamp' : 'firstTimestamp'),
    lastTimestamp: str(o, v1 ? 'deprecatedLastTimestamp' : 'lastTimestamp'),
    eventTime: str(o, 'eventTime'),
    count: num(o, v1 ? 'deprecatedCount' : 'count'),
    seriesCount: series ? num(series, 'count') : undefined,
    seriesLast: series ? str(series, 'lastObservedTime') : undefined,
    type: str(o, 'type'), reason: str(o, 'reason'), message: str(o, v1 ? 'note' : 'message'),
    kind: str(o, `${ref}.kind`), name: str(o, `${ref}.name`), fieldPath: str(o, `${ref}.fieldPath`),
    component: str(o, v1 ? 'deprecatedSource.component' : 'source.component'),
    host: str(o, v1 ? 'deprecatedSource.host' : 'source.host'),
    reportingController: str(o, v1 ? 'reportingController' : 'reportingComponent'),
    reportingInstance: str(o, 'reportingInstance'),
  };
}

/** Event cells for every column of `eventColumns` (LAST SEEN first, NAME last). */
export function eventCells(o: KubeObject, now: number): unknown[] {
  const e = view(o);
  const firstSeen = e.firstTimestamp ? translateTimestampSince(e.firstTimestamp, now) : translateTimestampSince(e.eventTime, now);
  let lastSeen = e.lastTimestamp ? translateTimestampSince(e.lastTimestamp, now) : firstSeen;
  let count = e.count;
  if (e.seriesCount !== undefined) {
    lastSeen = translateTimestampSince(e.seriesLast, now);
    count = e.seriesCount;
  } else if (count === 0) {
    // Singleton events of the new API carry no count.
    count = 1;
  }
  const target = e.name ? `${e.kind.toLowerCase()}/${e.name}` : e.kind.toLowerCase();
  const component = e.component || e.reportingController;
  const instance = e.host || e.reportingInstance;
  const source = instance ? `${component}, ${instance}` : component;
  return [lastSeen, e.type, e.reason, target, e.fieldPath, source, e.message.trim(), firstSeen, count, o.metadata.name ?? ''];
}
