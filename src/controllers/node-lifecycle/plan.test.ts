import { describe, it, expect } from 'vitest';
import { planEviction, planNode, tolerates, UNREACHABLE } from './plan.js';
import type { KubeObject } from '../../api/types.js';

const T0 = Date.UTC(2026, 0, 1);
const node = (ready: string, taints: unknown[] = []): KubeObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-3', creationTimestamp: new Date(T0).toISOString() }, spec: { taints }, status: { conditions: [{ type: 'Ready', status: ready }] } });

describe('planNode()', () => {
  it('leaves a node whose lease is fresh alone', () => {
    expect(planNode(node('True'), T0 + 30_000, T0 + 60_000)).toEqual({ markUnknown: false, addTaints: [], removeTaints: [] });
  });
  it('marks Unknown and taints unreachable once the lease is older than 40 s', () => {
    const p = planNode(node('True'), T0, T0 + 40_001);
    expect(p.markUnknown).toBe(true);
    expect(p.addTaints.map((t) => `${t.key}:${t.effect}`)).toEqual([`${UNREACHABLE}:NoSchedule`, `${UNREACHABLE}:NoExecute`]);
    expect(planNode(node('True'), T0, T0 + 40_000).markUnknown).toBe(false);
  });
  it('removes the taints when the kubelet posts Ready again', () => {
    const p = planNode(node('True', [{ key: UNREACHABLE, effect: 'NoExecute' }]), T0 + 1000, T0 + 2000);
    expect(p.removeTaints).toEqual([UNREACHABLE]);
  });
});

describe('planEviction()', () => {
  const taint = { key: UNREACHABLE, effect: 'NoExecute' as const, timeAdded: new Date(T0).toISOString() };
  const pod = (tolerations: unknown[]): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { tolerations } });
  it('evicts at once without a matching toleration', () => {
    expect(planEviction(pod([]), [taint], T0 + 5)).toEqual({ kind: 'evict', atMs: T0 + 5 });
  });
  it('evicts after the default 300 s toleration added at admission', () => {
    const p = pod([{ key: UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }]);
    expect(planEviction(p, [taint], T0 + 5)).toEqual({ kind: 'evict', atMs: T0 + 300_000 });
  });
  it('keeps a pod that tolerates forever', () => {
    expect(planEviction(pod([{ operator: 'Exists' }]), [taint], T0)).toEqual({ kind: 'keep' });
  });
  it('matches tolerations as v1.Toleration does', () => {
    expect(tolerates({ key: 'a', operator: 'Equal', value: 'x' }, { key: 'a', value: 'x', effect: 'NoSchedule' })).toBe(true);
    expect(tolerates({ key: 'a', operator: 'Equal', value: 'y' }, { key: 'a', value: 'x', effect: 'NoSchedule' })).toBe(false);
    expect(tolerates({ key: 'a', effect: 'NoExecute' }, { key: 'a', effect: 'NoSchedule' })).toBe(false);
  });
});
