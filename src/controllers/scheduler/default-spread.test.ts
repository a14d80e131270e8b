import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../api/types.js';
import { newCycleState } from './cycle.js';
import { defaultSelector, workloadSelector } from './default-spread.js';
import { podInfo } from './pod-info.js';
import { NodeSnapshot } from './snapshot.js';
import { makeNode, makePod } from './synthetic.js';
import { topologySpreadScore } from './topology-spread.js';

const obj = (kind: string, spec: object, namespace = 'default'): KubeObject => ({ apiVersion: 'v1', kind, metadata: { name: kind.toLowerCase(), namespace }, spec });

describe('workloadSelector()', () => {
  it.each([
    { name: 'Service without selector selects nothing', o: obj('Service', {}), want: null },
    { name: 'Service with an empty selector selects all', o: obj('Service', { selector: {} }), want: { kind: 'Service', namespace: 'default', selector: { matchLabels: {} } } },
    { name: 'RC with an empty selector selects nothing', o: obj('ReplicationController', { selector: {} }), want: null },
    { name: 'ReplicaSet with an empty selector selects nothing', o: obj('ReplicaSet', { selector: {} }), want: null },
    { name: 'ReplicaSet', o: obj('ReplicaSet', { selector: { matchLabels: { app: 'web' } } }), want: { kind: 'ReplicaSet', namespace: 'default', selector: { matchLabels: { app: 'web' } } } },
  ])('$name', ({ o, want }) => expect(workloadSelector(o)).toEqual(want));
});

describe('defaultSelector()', () => {
  it('ANDs every selector that selects the pod in its namespace', () => {
    const pod = podInfo(makePod({ name: 'p', labels: { app: 'web', tier: 'front', 'pod-template-hash': 'abc' } }));
    const ws = [
      workloadSelector(obj('Service', { selector: { app: 'web' } }))!,
      workloadSelector(obj('ReplicaSet', { selector: { matchLabels: { 'pod-template-hash': 'abc' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['front'] }] } }))!,
      workloadSelector(obj('Service', { selector: { app: 'db' } }))!,
      workloadSelector(obj('Service', { selector: { app: 'web' } }, 'other'))!,
    ];
    expect(defaultSelector(pod, ws)).toEqual({ matchLabels: { app: 'web', 'pod-template-hash': 'abc' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['front'] }] });
    expect(defaultSelector(podInfo(makePod({ name: 'q', labels: { app: 'x' } })), ws)).toBeNull();
  });
});

describe('PodTopologySpread score with system defaults', () => {
  const zone = 'topology.kubernetes.io/zone';
  const nodes = [makeNode({ name: 'a1', labels: { [zone]: 'a' } }), makeNode({ name: 'b1', labels: { [zone]: 'b' } }), makeNode({ name: 'nozone' })];
  const web = (name: string, nodeName?: string) => makePod({ name, nodeName, labels: { app: 'web' } });

  function scores(withService: boolean) {
    const snap = NodeSnapshot.from(nodes, [web('w0', 'a1'), web('w1', 'a1'), web('w2', 'b1')]);
    if (withService) snap.setWorkload(obj('Service', { selector: { app: 'web' } }));
    const state = newCycleState(podInfo(web('incoming')), snap);
    const list = snap.list();
    if (topologySpreadScore.preScore!(state, list) === 'skip') return 'skip';
    const raw = list.map((n) => topologySpreadScore.score(state, n));
    topologySpreadScore.normalize!(state, list, raw);
    return Object.fromEntries(list.map((n, i) => [n.name, raw[i]]));
  }

  it('does nothing for a pod no workload selects', () => expect(scores(false)).toBe('skip'));

  it('spreads a Service’s pods by host and zone, keeping nodes without a zone', () => {
    // hostname weight ln(3+2), zone weight ln(3+2) (zones a, b and ''): a1 = round(2·1.609+2 + 2·1.609+4) = 12,
    // b1 = round(1.609+2 + 1.609+4) = 9, nozone = round(0+2) = 2 (no zone label: only the host term).
    expect(scores(true)).toEqual({ a1: 16, b1: 41, nozone: 100 });
  });
});
