/**
 * kubectl describe's describers for ConfigMap and Namespace (describe.go
 * describeConfigMap, describeNamespace); other built-ins without one here use the
 * generic describer, as kubectl does for kinds it has no describer for.
 */
import type { KubeObject } from '../../api/types.js';
import { writeAnnotations, writeEvents, writeLabels, type CoreEvent } from './describe-format.js';
import { DESCRIBE_TABWRITER, TabWriter } from './tab-writer.js';

/** A ConfigMap: data keys with their values, binary data sizes, events. */
export function describeConfigMap(obj: KubeObject, events: CoreEvent[] | undefined, nowMs: number): string {
  const cm = obj as KubeObject & { data?: Record<string, string>; binaryData?: Record<string, string> };
  let text = '';
  const w = new TabWriter((t) => (text += t), DESCRIBE_TABWRITER);
  w.write(`Name:\t${obj.metadata.name}\n`);
  w.write(`Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', obj.metadata.labels);
  writeAnnotations(w, 'Annotations', obj.metadata.annotations);
  w.write('\nData\n====\n');
  for (const k of Object.keys(cm.data ?? {}).sort()) w.write(`${k}:\n----\n${cm.data![k]}\n\n`);
  w.write('\nBinaryData\n====\n');
  for (const k of Object.keys(cm.binaryData ?? {}).sort()) w.write(`${k}: ${Buffer.from(cm.binaryData![k], 'base64').length} bytes\n`);
  w.write('\n');
  writeEvents(w, events, nowMs);
  w.flush();
  return text;
}

interface QuotaShape {
  metadata: { name?: string };
  spec?: { scopes?: string[] };
  status?: { hard?: Record<string, string>; used?: Record<string, string> };
}

interface LimitRangeShape {
  metadata: { name?: string };
  spec?: { limits?: { type: string; min?: Record<string, string>; max?: Record<string, string>; default?: Record<string, string>; defaultRequest?: Record<string, string>; maxLimitRequestRatio?: Record<string, string> }[] };
}

/** A Namespace: status, then its resource quotas and limit ranges. */
export function describeNamespace(obj: KubeObject, quotas: QuotaShape[], limitRanges: LimitRangeShape[]): string {
  let text = '';
  const w = new TabWriter((t) => (text += t), DESCRIBE_TABWRITER);
  w.write(`Name:\t${obj.metadata.name}\n`);
  writeLabels(w, 'Labels', obj.metadata.labels);
  writeAnnotations(w, 'Annotations', obj.metadata.annotations);
  w.write(`Status:\t${(obj.status as { phase?: string } | undefined)?.phase ?? ''}\n`);
  if (quotas.length === 0) w.write('\nNo resource quota.\n');
  else {
    w.write('\nResource Quotas\n');
    for (const q of quotas) {
      w.write(`  Name:\t${q.metadata.name}\n`);
      if (q.spec?.scopes?.length) w.write(`  Scopes:\t${q.spec.scopes.join(', ')}\n`);
      w.write('  Resource\tUsed\tHard\n  --------\t---\t---\n');
      for (const k of Object.keys(q.status?.hard ?? {}).sort()) w.write(`  ${k}\t${q.status?.used?.[k] ?? '0'}\t${q.status!.hard![k]}\n`);
    }
  }
  if (limitRanges.length === 0) w.write('\nNo LimitRange resource.\n');
  else {
    w.write('\nResource Limits\n');
    for (const lr of limitRanges) {
      w.write(' Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
      w.write(' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
      for (const l of lr.spec?.limits ?? []) {
        const keys = new Set([...Object.keys(l.min ?? {}), ...Object.keys(l.max ?? {}), ...Object.keys(l.default ?? {}), ...Object.keys(l.defaultRequest ?? {}), ...Object.keys(l.maxLimitRequestRatio ?? {})]);
        for (const k of [...keys].sort()) {
          const v = (m?: Record<string, string>) => m?.[k] ?? '-';
          w.write(` ${l.type}\t${k}\t${v(l.min)}\t${v(l.max)}\t${v(l.defaultRequest)}\t${v(l.default)}\t${v(l.maxLimitRequestRatio)}\n`);
        }
      }
    }
  }
  w.flush();
  return text;
}
