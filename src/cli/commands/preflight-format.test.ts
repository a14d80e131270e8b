import { describe, it, expect } from 'vitest';
import { renderTable, summaryLine, preflightReport } from './preflight-format.js';
import type { Finding } from '../../twin/preflight/index.js';

const findings: Finding[] = [
  { id: 'power.pdu-failover', severity: 'error', subject: 'pdu-b', message: 'overloaded', arithmetic: '9,400 W / 6,240 W = 150.6 %' },
  { id: 'dns.records', severity: 'info', subject: 'DNS', message: 'ok', arithmetic: '' },
];

describe('renderTable()', () => {
  it('aligns the columns and puts the arithmetic under its row', () => {
    expect(renderTable(findings)).toBe([
      'SEVERITY   CHECK                SUBJECT   MESSAGE',
      'ERROR      power.pdu-failover   pdu-b     overloaded',
      '           = 9,400 W / 6,240 W = 150.6 %',
      'INFO       dns.records          DNS       ok',
      '',
      '1 error, 0 warnings, 1 info: preflight failed',
      '',
    ].join('\n'));
  });
});

describe('summaryLine() and preflightReport()', () => {
  it('count severities and say whether preflight passed', () => {
    expect(summaryLine([findings[1]])).toBe('0 errors, 0 warnings, 1 info: preflight passed');
    expect(preflightReport('/x', findings).summary).toEqual({ error: 1, warning: 0, info: 1, passed: false });
  });
});
