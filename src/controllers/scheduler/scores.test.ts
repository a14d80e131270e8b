import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../api/types.js';
import { newCycleState } from './cycle.js';
import type { ScorePlugin } from './framework.js';
import { defaultNormalizeScore } from './framework.js';
import { podInfo } from './pod-info.js';
import { prioritize } from './schedule.js';
import {
  DEFAULT_SCORES,
  balancedAllocationScore,
  balancedScore,
  leastRequestedScore,
  nodeAffinityScore,
  nodeResourcesFitScore,
  taintTolerationScore,
} from './scores.js';
import { NodeSnapshot } from './snapshot.js';
import { makeNode, makePod } from './synthetic.js';

/** Normalized scores of one plugin over the given nodes ('skip' when PreScore skips). */
function run(plugin: ScorePlugin, pod: KubeObject, nodes: KubeObject[], pods: KubeObject[] = []) {
  const snap = NodeSnapshot.from(nodes, pods);
  const state = newCycleState(podInfo(pod), snap);
  const list = nodes.map((n) => snap.get(n.metadata.name!)!);
  if (plugin.preScore?.(state, list) === 'skip') return 'skip';
  const raw = list.map((n) => plugin.score(state, n));
  plugin.normalize?.(state, list, raw);
  return Object.fromEntries(list.map((n, i) => [n.name, raw[i]]));
}

describe('leastRequestedScore()', () => {
  it.each([
    [0, 4000, 100],
    [1000, 4000, 75],
    [3333, 10000, 66],
    [4000, 4000, 0],
    [5000, 4000, 0],
    [10, 0, 0],
  ])('requested %d of %d -> %d', (req, cap, want) => expect(leastRequestedScore(req, cap)).toBe(want));
});

describe('NodeResourcesFit (LeastAllocated)', () => {
  it('averages cpu and memory free shares, counting the incoming pod', () => {
    const nodes = [makeNode({ name: 'big', cpu: '8', memory: '32Gi' }), makeNode({ name: 'small', cpu: '4', memory: '16Gi' })];
    // big: cpu (8000-1000)/8000 → 87, mem (32-4)/32 → 87; small: 75 and 75.
    expect(run(nodeResourcesFitScore, makePod({ name: 'p', cpu: '1', memory: '4Gi' }), nodes)).toEqual({ big: 87, small: 75 });
  });

  it('counts pods without requests as 100m / 200MB', () => {
    const nodes = [makeNode({ name: 'n', cpu: '1', memory: '2000Mi' })];
    // cpu (1000-100)/1000 → 90; memory (2000-200)/2000 → 90.
    expect(run(nodeResourcesFitScore, makePod({ name: 'p' }), nodes)).toEqual({ n: 90 });
  });
});

describe('NodeResourcesBalancedAllocation', () => {
  it.each([
    [[0.5, 0.5], 100],
    [[0.2, 0.6], 80],
    [[1.4, 0.2], 60],
    [[0.1, 0.4, 0.7], 75],
  ])('fractions %j -> %d', (fractions, want) => expect(balancedScore(fractions)).toBe(want));

  it('uses actual requests: a pod without requests adds nothing', () => {
    const nodes = [makeNode({ name: 'n', cpu: '4', memory: '16Gi' })];
    // Requested cpu 2/4 and memory 0/16 → 1 − 0.25 → 75 (the 100m/200MB stand-ins would give 1 − |0.525 − 0.0244|/2 → 74).
    expect(run(balancedAllocationScore, makePod({ name: 'p' }), nodes, [makePod({ name: 'x', cpu: '2', nodeName: 'n' })])).toEqual({ n: 75 });
  });

  it('prefers the node where cpu and memory stay even', () => {
    const nodes = [makeNode({ name: 'even', cpu: '4', memory: '16Gi' }), makeNode({ name: 'skewed', cpu: '4', memory: '64Gi' })];
    // even: 1/4 and 4/16 → 100; skewed: 0.25 and 0.0625 → 1 − 0.09375 → 90.
    expect(run(balancedAllocationScore, makePod({ name: 'p', cpu: '1', memory: '4Gi' }), nodes)).toEqual({ even: 100, skewed: 90 });
  });
});

describe('TaintToleration score', () => {
  const soft = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `soft-${i}`, effect: 'PreferNoSchedule' }));
  const nodes = [makeNode({ name: 't0' }), makeNode({ name: 't1', taints: soft(1) }), makeNode({ name: 't2', taints: soft(2) })];
  it('scores fewer untolerated PreferNoSchedule taints higher', () => {
    expect(run(taintTolerationScore, makePod({ name: 'p' }), nodes)).toEqual({ t0: 100, t1: 50, t2: 0 });
  });
  it('only PreferNoSchedule (or effect-less) tolerations count', () => {
    const p = makePod({ name: 'p', tolerations: [{ key: 'soft-0', operator: 'Exists' }, { key: 'soft-1', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(run(taintTolerationScore, p, nodes)).toEqual({ t0: 100, t1: 100, t2: 0 });
  });
});

describe('NodeAffinity score', () => {
  const nodes = [makeNode({ name: 'ssd', labels: { disk: 'ssd', zone: 'a' } }), makeNode({ name: 'hdd', labels: { disk: 'hdd', zone: 'a' } }), makeNode({ name: 'none' })];
  const pref = (terms: object[]) => makePod({ name: 'p', spec: { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: terms } } } });
  it('sums matching weights and scales to the best', () => {
    const pod = pref([
      { weight: 80, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } },
      { weight: 20, preference: { matchExpressions: [{ key: 'zone', operator: 'Exists' }] } },
    ]);
    expect(run(nodeAffinityScore, pod, nodes)).toEqual({ ssd: 100, hdd: 20, none: 0 });
  });
  it('skips without preferred terms', () => expect(run(nodeAffinityScore, makePod({ name: 'p' }), nodes)).toBe('skip'));
});

describe('defaultNormalizeScore()', () => {
  it.each([
    { scores: [0, 5, 10], reverse: false, want: [0, 50, 100] },
    { scores: [0, 5, 10], reverse: true, want: [100, 50, 0] },
    { scores: [0, 0], reverse: true, want: [100, 100] },
    { scores: [0, 0], reverse: false, want: [0, 0] },
    { scores: [1, 3], reverse: false, want: [33, 100] },
  ])('$scores reverse=$reverse', ({ scores, reverse, want }) => {
    const s = [...scores];
    defaultNormalizeScore(s, reverse);
    expect(s).toEqual(want);
  });
});

describe('prioritize() with the default profile', () => {
  it('weights: TaintToleration 3, NodeAffinity 2, Fit 1, Spread 2, InterPodAffinity 2, Balanced 1', () => {
    expect(DEFAULT_SCORES.map((p) => [p.name, p.weight])).toEqual([
      ['TaintToleration', 3],
      ['NodeAffinity', 2],
      ['NodeResourcesFit', 1],
      ['PodTopologySpread', 2],
      ['InterPodAffinity', 2],
      ['NodeResourcesBalancedAllocation', 1],
    ]);
  });

  it('sums weighted plugin scores per node', () => {
    const nodes = [makeNode({ name: 'empty', cpu: '4', memory: '16Gi' }), makeNode({ name: 'busy', cpu: '4', memory: '16Gi', taints: [{ key: 's', effect: 'PreferNoSchedule' }] })];
    const snap = NodeSnapshot.from(nodes, [makePod({ name: 'x', cpu: '2', memory: '8Gi', nodeName: 'busy' })]);
    const state = newCycleState(podInfo(makePod({ name: 'p', cpu: '1', memory: '4Gi' })), snap);
    // empty: taint 100×3 + fit 75 + balanced 100 = 475; busy: taint 0 + fit 25 + balanced 100 = 125.
    expect(prioritize(state, snap.list(), DEFAULT_SCORES)).toEqual([475, 125]);
  });
});
