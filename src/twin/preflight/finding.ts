/** The result of a preflight check: what was found, how bad it is, and the arithmetic behind it. */

/** How bad a finding is: errors fail `ove preflight`, warnings and infos do not. */
export type Severity = 'error' | 'warning' | 'info';

/** One finding of one check. */
export interface Finding {
  /** The check that produced it, `family.check` (`power.pdu-failover`). */
  id: string;
  severity: Severity;
  /** What it is about: a device, a rack, a network, a path. */
  subject: string;
  message: string;
  /** The numbers that lead to the verdict, written out (`9,400 W / 6,240 W = 150.6 %`). */
  arithmetic: string;
}

/** A check: a pure function of the definition. */
export type Check<D> = (def: D) => Finding[];

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sorts findings by severity (errors first), keeping each check's own order within a severity. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((x, y) => ORDER[x.f.severity] - ORDER[y.f.severity] || x.i - y.i)
    .map(({ f }) => f);
}

/** Counts findings per severity. */
export function summarize(findings: Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
