/** Rendering of preflight findings: a kubectl-style table with the arithmetic, JSON, or YAML. */
import { stringify } from 'yaml';
import { summarize, type Finding } from '../../twin/preflight/index.js';

/** The output formats of `ove preflight -o`. */
export const PREFLIGHT_FORMATS = ['table', 'json', 'yaml'] as const;
/** One of `PREFLIGHT_FORMATS`. */
export type PreflightFormat = (typeof PREFLIGHT_FORMATS)[number];

/** The machine-readable report (`-o json|yaml`). */
export interface PreflightReport {
  cluster: string;
  summary: { error: number; warning: number; info: number; passed: boolean };
  findings: Finding[];
}

/** Builds the report for `-o json|yaml`. */
export function preflightReport(cluster: string, findings: Finding[]): PreflightReport {
  const s = summarize(findings);
  return { cluster, summary: { ...s, passed: s.error === 0 }, findings };
}

/** The one-line summary printed under the table. */
export function summaryLine(findings: Finding[]): string {
  const s = summarize(findings);
  const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  const verdict = s.error ? 'preflight failed' : 'preflight passed';
  return `${plural(s.error, 'error')}, ${plural(s.warning, 'warning')}, ${plural(s.info, 'info')}: ${verdict}`;
}

/** Renders findings as a table: SEVERITY, CHECK, SUBJECT, MESSAGE, each with its arithmetic below. */
export function renderTable(findings: Finding[]): string {
  const head = ['SEVERITY', 'CHECK', 'SUBJECT', 'MESSAGE'];
  const rows = findings.map((f) => [f.severity.toUpperCase(), f.id, f.subject, f.message]);
  const widths = [0, 1, 2].map((c) => Math.max(head[c].length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c)).join('   ').trimEnd();
  const indent = ' '.repeat(widths[0] + 3);
  const out = [line(head)];
  findings.forEach((f, i) => {
    out.push(line(rows[i]));
    if (f.arithmetic) out.push(`${indent}= ${f.arithmetic}`);
  });
  out.push('', summaryLine(findings));
  return `${out.join('\n')}\n`;
}

/** Renders in the chosen format. */
export function renderPreflight(format: PreflightFormat, cluster: string, findings: Finding[]): string {
  if (format === 'json') return `${JSON.stringify(preflightReport(cluster, findings), null, 2)}\n`;
  if (format === 'yaml') return stringify(preflightReport(cluster, findings));
  return renderTable(findings);
}
