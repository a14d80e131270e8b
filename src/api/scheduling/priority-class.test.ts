import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../types.js';
import { priorityClassDef, SYSTEM_PRIORITY_CLASSES } from './priority-class.js';

const msgs = (causes: { field: string; message: string }[]) => causes.map((c) => `${c.field}: ${c.message}`);
const pc = (name: string, value: number, extra: Record<string, unknown> = {}): KubeObject => ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name, creationTimestamp: '2026-01-01T11:00:00Z' }, value, ...extra });

describe('priority classes', () => {
  it('default the preemption policy and print VALUE GLOBAL-DEFAULT AGE PREEMPTIONPOLICY', () => {
    const p = pc('high', 1000, { globalDefault: true });
    priorityClassDef.defaults!(p, { operation: 'CREATE' });
    expect(p.preemptionPolicy).toBe('PreemptLowerPriority');
    expect(priorityClassDef.cells!(p, Date.parse('2026-01-01T12:00:00Z'))).toEqual([1000, true, '60m', 'PreemptLowerPriority']);
  });
  it('reserve the system- prefix for the two system classes, at their values', () => {
    for (const s of SYSTEM_PRIORITY_CLASSES) expect(msgs(priorityClassDef.validate!(structuredClone(s), { operation: 'CREATE' }))).toEqual([]);
    expect(SYSTEM_PRIORITY_CLASSES.map((s) => [s.metadata.name, s.value])).toEqual([['system-node-critical', 2000001000], ['system-cluster-critical', 2000000000]]);
    expect(msgs(priorityClassDef.validate!(pc('system-node-critical', 5), { operation: 'CREATE' }))).toEqual([
      "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: value of system-node-critical PriorityClass must be 2000001000",
    ]);
    expect(msgs(priorityClassDef.validate!(pc('huge', 1000000001), { operation: 'CREATE' }))).toEqual(['value: Forbidden: maximum allowed value of a user defined priority is 1000000000']);
  });
  it('refuse changing value or preemption policy, and unknown policies', () => {
    const old = pc('p', 10, { preemptionPolicy: 'Never' });
    expect(msgs(priorityClassDef.validate!(pc('p', 11, { preemptionPolicy: 'Sometimes' }), { operation: 'UPDATE', old }))).toEqual([
      'preemptionPolicy: Unsupported value: "Sometimes": supported values: "PreemptLowerPriority", "Never"',
      'value: Forbidden: may not be changed in an update.',
      'preemptionPolicy: Forbidden: may not be changed in an update.',
    ]);
    expect(msgs(priorityClassDef.validate!(pc('p', 10, { preemptionPolicy: 'Never', description: 'new' }), { operation: 'UPDATE', old }))).toEqual([]);
  });
});
