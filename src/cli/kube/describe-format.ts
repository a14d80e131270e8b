/**
 * kubectl describe's generic describer (the one it uses for every kind it has no
 * special describer for, e.g. VirtualMachine): Name, Namespace, Labels, Annotations,
 * then every other field flattened with smart labels, then Events, aligned by the
 * describe tab writer.
 */
import type { KubeObject } from '../../api/types.js';
import { translateTimestampSince } from '../../api/meta/human-duration.js';
import { smartLabel } from './smart-label.js';
import { DESCRIBE_TABWRITER, TabWriter } from './tab-writer.js';

/** A core/v1 Event, the fields describe shows. */
export interface CoreEvent {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string } | null;
  source?: { component?: string; host?: string };
  reportingController?: string;
}

// kubectl hides these annotations in describe (describe.go skipAnnotations).
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const MAX_ANNOTATION_LEN = 140;
const SKIP = new Set(['.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations', '.metadata.managedFields']);

function indent(level: number): string {
  return '  '.repeat(level);
}

/** Writes `Title:\tk=v` lines, one label per line, `<none>` when empty. */
export function writeLabels(w: TabWriter, title: string, labels: Record<string, string> | undefined): void {
  w.write(`${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return w.write('<none>\n');
  keys.forEach((k, i) => w.write(`${i ? '\t' : ''}${k}=${labels![k]}\n`));
}

/** Writes annotations as describe does: long or multi-line values on their own lines, shortened. */
export function writeAnnotations(w: TabWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(`${title}:\t`);
  const keys = Object.keys(annotations ?? {}).filter((k) => !SKIP_ANNOTATIONS.has(k)).sort();
  if (keys.length === 0) return w.write('<none>\n');
  keys.forEach((k, i) => {
    if (i) w.write('\t');
    const value = annotations![k].replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(`${k}:\n`);
      for (const s of value.split('\n')) w.write(`\t  ${s.length > MAX_ANNOTATION_LEN - 2 ? s.slice(0, MAX_ANNOTATION_LEN - 2) + '...' : s}\n`);
    } else w.write(`${k}: ${value}\n`);
  });
}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** Flattens a map with smart labels, keys sorted, nested maps and lists indented. */
export function writeContent(w: TabWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const path = `${prefix}.${field}`;
    if (SKIP.has(path)) continue;
    const v = content[field];
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      w.write(`${indent(level)}${smartLabel(field)}:\n`);
      writeContent(w, level + 1, v as Record<string, unknown>, path);
    } else if (Array.isArray(v)) {
      w.write(`${indent(level)}${smartLabel(field)}:\n`);
      for (const child of v) {
        if (child && typeof child === 'object' && !Array.isArray(child)) writeContent(w, level + 1, child as Record<string, unknown>, path);
        else w.write(`${indent(level + 1)}${scalar(child)}\n`);
      }
    } else w.write(`${indent(level)}${smartLabel(field)}:\t${scalar(v)}\n`);
  }
}

/** The Events section (describe.go DescribeEvents). */
export function writeEvents(w: TabWriter, events: CoreEvent[] | undefined, nowMs: number): void {
  if (!events) return;
  if (events.length === 0) return w.write('Events:\t<none>\n');
  w.flush();
  const sorted = [...events].sort((a, b) => stamp(a) - stamp(b));
  w.write('Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write('  ----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? translateTimestampSince(e.eventTime, nowMs) : translateTimestampSince(e.firstTimestamp, nowMs);
    let interval = first;
    if (e.series) interval = `${translateTimestampSince(e.series.lastObservedTime, nowMs)} (x${e.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${translateTimestampSince(e.lastTimestamp, nowMs)} (x${e.count} over ${first})`;
    const source = e.source?.component || e.reportingController || '';
    w.write(`  ${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}

function stamp(e: CoreEvent): number {
  const t = Date.parse(e.lastTimestamp || e.eventTime || e.firstTimestamp || '');
  return Number.isNaN(t) ? 0 : t;
}

/** The whole generic description of an object. */
export function describeObject(obj: KubeObject, events: CoreEvent[] | undefined, nowMs: number): string {
  let text = '';
  const w = new TabWriter((t) => (text += t), DESCRIBE_TABWRITER);
  w.write(`Name:\t${obj.metadata.name ?? ''}\n`);
  w.write(`Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', obj.metadata.labels);
  writeAnnotations(w, 'Annotations', obj.metadata.annotations);
  writeContent(w, 0, obj as unknown as Record<string, unknown>, '');
  writeEvents(w, events, nowMs);
  w.flush();
  return text;
}
