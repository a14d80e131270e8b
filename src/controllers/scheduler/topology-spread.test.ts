import { describe, it, expect } from 'vitest';
import { newCycleState } from './cycle.js';
import { podInfo } from './pod-info.js';
import { NodeSnapshot } from './snapshot.js';
import { MASTER_TAINT, makeNode, makePod } from './synthetic.js';
import { verdicts } from './test-verdicts.js';
import { topologySpreadFilter, topologySpreadScore } from './topology-spread.js';

const zone = 'topology.kubernetes.io/zone';
const host = 'kubernetes.io/hostname';
const nodes = [
  makeNode({ name: 'a1', labels: { [zone]: 'a' } }),
  makeNode({ name: 'a2', labels: { [zone]: 'a' } }),
  makeNode({ name: 'b1', labels: { [zone]: 'b' } }),
  makeNode({ name: 'c1', labels: { [zone]: 'c', 'node-role.kubernetes.io/infra': '' }, taints: [MASTER_TAINT] }),
  makeNode({ name: 'nozone' }),
];
const web = (name: string, nodeName: string, extra: object = {}) => makePod({ name, nodeName, labels: { app: 'web' }, ...extra });
const spread = (c: object, labels: Record<string, string> = { app: 'web' }, spec: object = {}) =>
  makePod({ name: 'incoming', labels, spec: { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: zone, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } }, ...c }], ...spec } });

const SKEW = "Unschedulable: node(s) didn't match pod topology spread constraints";
const LABEL = "UnschedulableAndUnresolvable: node(s) didn't match pod topology spread constraints (missing required label)";

describe('PodTopologySpread filter', () => {
  it.each([
    {
      name: 'skew against the emptiest zone (taints ignored by default)',
      pod: spread({}),
      pods: [web('w0', 'a1'), web('w1', 'b1')],
      want: { a1: SKEW, a2: SKEW, b1: SKEW, c1: 'fits', nozone: LABEL },
    },
    {
      name: 'nodeTaintsPolicy Honor drops the tainted zone from the minimum',
      pod: spread({ nodeTaintsPolicy: 'Honor' }),
      pods: [web('w0', 'a1'), web('w1', 'b1')],
      want: { a1: 'fits', a2: 'fits', b1: 'fits', c1: 'fits', nozone: LABEL },
    },
    {
      name: 'maxSkew 2',
      pod: spread({ maxSkew: 2 }),
      pods: [web('w0', 'a1'), web('w1', 'a2')],
      want: { a1: SKEW, a2: SKEW, b1: 'fits', c1: 'fits', nozone: LABEL },
    },
    {
      name: 'a pod its own selector does not match adds no skew',
      pod: spread({}, { app: 'other' }),
      pods: [web('w0', 'a1')],
      want: { a1: 'fits', a2: 'fits', b1: 'fits', c1: 'fits', nozone: LABEL },
    },
    {
      name: 'terminating pods and other namespaces do not count',
      pod: spread({}),
      pods: [web('w0', 'a1', { namespace: 'other' }), { ...web('w1', 'a2'), metadata: { ...web('w1', 'a2').metadata, deletionTimestamp: '2026-01-01T00:00:00Z' } }],
      want: { a1: 'fits', a2: 'fits', b1: 'fits', c1: 'fits', nozone: LABEL },
    },
    {
      name: 'nodeAffinityPolicy Honor (default): only nodes the pod may use form domains',
      pod: spread({}, { app: 'web' }, { nodeSelector: { [zone]: 'a' } }),
      pods: [web('w0', 'a1'), web('w1', 'b1')],
      want: { a1: 'fits', a2: 'fits', b1: 'fits', c1: 'fits', nozone: LABEL },
    },
    {
      name: 'nodeAffinityPolicy Ignore: every zone forms a domain',
      pod: spread({ nodeAffinityPolicy: 'Ignore' }, { app: 'web' }, { nodeSelector: { [zone]: 'a' } }),
      pods: [web('w0', 'a1'), web('w1', 'b1')],
      want: { a1: SKEW, a2: SKEW, b1: SKEW, c1: 'fits', nozone: LABEL },
    },
    {
      name: 'minDomains above the domain count makes the minimum 0',
      pod: spread({ minDomains: 5, nodeTaintsPolicy: 'Honor' }),
      pods: [web('w0', 'a1'), web('w1', 'b1')],
      want: { a1: SKEW, a2: SKEW, b1: SKEW, c1: 'fits', nozone: LABEL },
    },
    {
      name: 'matchLabelKeys narrows the selector to the pod revision',
      pod: spread({ matchLabelKeys: ['rev'] }, { app: 'web', rev: '2' }),
      pods: [web('w0', 'a1', { labels: { app: 'web', rev: '1' } }), web('w1', 'a2', { labels: { app: 'web', rev: '1' } })],
      want: { a1: 'fits', a2: 'fits', b1: 'fits', c1: 'fits', nozone: LABEL },
    },
    {
      name: 'ScheduleAnyway does not filter',
      pod: spread({ whenUnsatisfiable: 'ScheduleAnyway' }),
      pods: [web('w0', 'a1'), web('w1', 'a1')],
      want: { a1: 'fits', a2: 'fits', b1: 'fits', c1: 'fits', nozone: 'fits' },
    },
  ])('$name', ({ pod, pods, want }) => {
    expect(verdicts([topologySpreadFilter], pod, nodes, pods)).toEqual(want);
  });
});

describe('PodTopologySpread score', () => {
  function scores(pod: ReturnType<typeof makePod>, pods: ReturnType<typeof makePod>[], feasible = ['a1', 'a2', 'b1', 'nozone']) {
    const snap = NodeSnapshot.from(nodes, pods);
    const state = newCycleState(podInfo(pod), snap);
    const list = feasible.map((n) => snap.get(n)!);
    if (topologySpreadScore.preScore!(state, list) === 'skip') return 'skip';
    const raw = list.map((n) => topologySpreadScore.score(state, n));
    topologySpreadScore.normalize!(state, list, raw);
    return Object.fromEntries(list.map((n, i) => [n.name, raw[i]]));
  }

  it('skips pods without ScheduleAnyway constraints', () => {
    expect(scores(spread({}), [])).toBe('skip');
  });

  it('favours the zone with fewer matching pods; nodes without the key score 0', () => {
    // zone a: 2 pods, zone b: 0 → raw a = round(2·ln(2+2)) = 3, b = 0; normalized 100·(3+0−s)/3.
    expect(scores(spread({ whenUnsatisfiable: 'ScheduleAnyway' }), [web('w0', 'a1'), web('w1', 'a2')])).toEqual({ a1: 0, a2: 0, b1: 100, nozone: 0 });
  });

  it('counts per host for the hostname key', () => {
    // 4 feasible hosts → weight ln(6); a1 has 2 pods → round(3.58) = 4, a2 has 1 → round(1.79) = 2.
    expect(scores(spread({ whenUnsatisfiable: 'ScheduleAnyway', topologyKey: host }), [web('w0', 'a1'), web('w1', 'a1'), web('w2', 'a2')])).toEqual({ a1: 0, a2: 50, b1: 100, nozone: 100 });
  });

  it('gives every node 100 when nothing matches', () => {
    expect(scores(spread({ whenUnsatisfiable: 'ScheduleAnyway', topologyKey: host }), [])).toEqual({ a1: 100, a2: 100, b1: 100, nozone: 100 });
  });
});
