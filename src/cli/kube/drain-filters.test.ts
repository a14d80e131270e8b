import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../api/types.js';
import { planDrain } from './drain-filters.js';

function pod(name: string, extra: { owner?: string; emptyDir?: boolean; phase?: string; mirror?: boolean } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'ns',
      ownerReferences: extra.owner ? [{ apiVersion: 'apps/v1', kind: extra.owner, name: 'o', uid: 'u', controller: true }] : undefined,
      annotations: extra.mirror ? { 'kubernetes.io/config.mirror': 'x' } : undefined,
    },
    spec: { volumes: extra.emptyDir ? [{ name: 'scratch', emptyDir: {} }] : [] },
    status: { phase: extra.phase ?? 'Running' },
  } as KubeObject;
}

const names = (ps: KubeObject[]) => ps.map((p) => p.metadata.name);

describe('planDrain()', () => {
  it('evicts replicated pods and skips mirror pods', () => {
    const plan = planDrain([pod('web', { owner: 'ReplicaSet' }), pod('static', { mirror: true, owner: 'Node' })], {});
    expect(names(plan.evict)).toEqual(['web']);
    expect(plan.errors).toEqual([]);
  });

  it('blocks on DaemonSet pods unless --ignore-daemonsets, which only warns', () => {
    const pods = [pod('ds-a', { owner: 'DaemonSet' }), pod('ds-b', { owner: 'DaemonSet' })];
    expect(planDrain(pods, {}).errors).toEqual(['cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ns/ds-a, ns/ds-b']);
    const plan = planDrain(pods, { ignoreDaemonsets: true });
    expect(plan.evict).toEqual([]);
    expect(plan.warnings).toEqual(['ignoring DaemonSet-managed Pods: ns/ds-a, ns/ds-b']);
  });

  it('blocks on emptyDir pods unless --delete-emptydir-data, and on bare pods unless --force', () => {
    const pods = [pod('cache', { owner: 'ReplicaSet', emptyDir: true }), pod('bare')];
    expect(planDrain(pods, {}).errors).toEqual([
      'cannot delete Pods with local storage (use --delete-emptydir-data to override): ns/cache',
      'cannot delete Pods declare no controller (use --force to override): ns/bare',
    ]);
    const plan = planDrain(pods, { deleteEmptydirData: true, force: true });
    expect(names(plan.evict)).toEqual(['cache', 'bare']);
    expect(plan.warnings).toEqual(['deleting Pods with local storage: ns/cache', 'deleting Pods that declare no controller: ns/bare']);
  });

  it('always lets finished pods go', () => {
    expect(names(planDrain([pod('job', { phase: 'Succeeded', emptyDir: true })], {}).evict)).toEqual(['job']);
  });
});
