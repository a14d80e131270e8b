import { describe, it, expect } from 'vitest';
import { interPodAffinityFilter, interPodAffinityScore } from './inter-pod-affinity.js';
import { newCycleState } from './cycle.js';
import { podInfo } from './pod-info.js';
import { NodeSnapshot } from './snapshot.js';
import { makeNode, makePod } from './synthetic.js';
import { verdicts } from './test-verdicts.js';

const zone = 'topology.kubernetes.io/zone';
const host = 'kubernetes.io/hostname';
const nodes = [
  makeNode({ name: 'a1', labels: { [zone]: 'a' } }),
  makeNode({ name: 'a2', labels: { [zone]: 'a' } }),
  makeNode({ name: 'b1', labels: { [zone]: 'b' } }),
  makeNode({ name: 'nozone' }),
];
const db = (name: string, nodeName: string, extra: object = {}) => makePod({ name, nodeName, labels: { app: 'db' }, ...extra });
const term = (topologyKey: string, extra: object = {}) => ({ labelSelector: { matchLabels: { app: 'db' } }, topologyKey, ...extra });
const withAffinity = (kind: 'podAffinity' | 'podAntiAffinity', terms: object[], labels: Record<string, string> = { app: 'web' }) =>
  makePod({ name: 'incoming', labels, spec: { affinity: { [kind]: { requiredDuringSchedulingIgnoredDuringExecution: terms } } } });

const AFF = "UnschedulableAndUnresolvable: node(s) didn't match pod affinity rules";
const ANTI = "Unschedulable: node(s) didn't match pod anti-affinity rules";
const EXISTING = "Unschedulable: node(s) didn't satisfy existing pods anti-affinity rules";

describe('InterPodAffinity filter', () => {
  it.each([
    {
      name: 'affinity to a zone holding a matching pod',
      pod: withAffinity('podAffinity', [term(zone)]),
      pods: [db('db-0', 'a1')],
      want: { a1: 'fits', a2: 'fits', b1: AFF, nozone: AFF },
    },
    {
      name: 'no matching pod anywhere and the pod does not match itself',
      pod: withAffinity('podAffinity', [term(zone)]),
      pods: [],
      want: { a1: AFF, a2: AFF, b1: AFF, nozone: AFF },
    },
    {
      name: 'the first pod of a self-affine group may go to any node with the key',
      pod: withAffinity('podAffinity', [term(zone)], { app: 'db' }),
      pods: [],
      want: { a1: 'fits', a2: 'fits', b1: 'fits', nozone: AFF },
    },
    {
      name: 'affinity ignores pods in other namespaces',
      pod: withAffinity('podAffinity', [term(zone)]),
      pods: [db('db-0', 'a1', { namespace: 'other' })],
      want: { a1: AFF, a2: AFF, b1: AFF, nozone: AFF },
    },
    {
      name: 'affinity with namespaces named',
      pod: withAffinity('podAffinity', [term(zone, { namespaces: ['other'] })]),
      pods: [db('db-0', 'b1', { namespace: 'other' })],
      want: { a1: AFF, a2: AFF, b1: 'fits', nozone: AFF },
    },
    {
      name: 'anti-affinity per host',
      pod: withAffinity('podAntiAffinity', [term(host)]),
      pods: [db('db-0', 'a1')],
      want: { a1: ANTI, a2: 'fits', b1: 'fits', nozone: 'fits' },
    },
    {
      name: 'anti-affinity per zone',
      pod: withAffinity('podAntiAffinity', [term(zone)]),
      pods: [db('db-0', 'a1')],
      want: { a1: ANTI, a2: ANTI, b1: 'fits', nozone: 'fits' },
    },
    {
      name: "existing pods' anti-affinity repels the incoming pod",
      pod: makePod({ name: 'incoming', labels: { app: 'db' } }),
      pods: [makePod({ name: 'db-0', nodeName: 'a2', labels: { app: 'x' }, spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term(zone)] } } } })],
      want: { a1: EXISTING, a2: EXISTING, b1: 'fits', nozone: 'fits' },
    },
  ])('$name', ({ pod, pods, want }) => {
    expect(verdicts([interPodAffinityFilter], pod, nodes, pods)).toEqual(want);
  });

  it('resolves a namespaceSelector from namespace labels', () => {
    const ns = (name: string, labels: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
    const pod = withAffinity('podAntiAffinity', [term(host, { namespaceSelector: { matchLabels: { team: 'data' } } })]);
    const pods = [db('db-0', 'a1', { namespace: 'prod-data' }), db('db-1', 'b1', { namespace: 'prod-web' })];
    expect(verdicts([interPodAffinityFilter], pod, nodes, pods, [ns('prod-data', { team: 'data' }), ns('prod-web', { team: 'web' })])).toEqual({
      a1: ANTI,
      a2: 'fits',
      b1: 'fits',
      nozone: 'fits',
    });
  });
});

describe('InterPodAffinity score', () => {
  function scores(pod: ReturnType<typeof makePod>, pods: ReturnType<typeof makePod>[]) {
    const snap = NodeSnapshot.from(nodes, pods);
    const state = newCycleState(podInfo(pod), snap);
    const list = snap.list();
    if (interPodAffinityScore.preScore!(state, list) === 'skip') return 'skip';
    const raw = list.map((n) => interPodAffinityScore.score(state, n));
    interPodAffinityScore.normalize!(state, list, raw);
    return Object.fromEntries(list.map((n, i) => [n.name, raw[i]]));
  }
  const preferred = (kind: string, weight: number) =>
    makePod({ name: 'incoming', spec: { affinity: { [kind]: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight, podAffinityTerm: term(zone) }] } } } });

  it('skips when nobody has affinity', () => {
    expect(scores(makePod({ name: 'x' }), [db('db-0', 'a1')])).toBe('skip');
  });

  it('prefers the zone of matching pods, scaled min..max to 0..100', () => {
    expect(scores(preferred('podAffinity', 10), [db('db-0', 'a1'), db('db-1', 'a2'), db('db-2', 'b1')])).toEqual({ a1: 100, a2: 100, b1: 50, nozone: 0 });
  });

  it('preferred anti-affinity pushes away', () => {
    expect(scores(preferred('podAntiAffinity', 5), [db('db-0', 'a1')])).toEqual({ a1: 0, a2: 0, b1: 100, nozone: 100 });
  });

  it("existing pods' hard affinity to the incoming pod counts at weight 1", () => {
    const existing = makePod({ name: 'e', nodeName: 'b1', spec: { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: zone }] } } } });
    expect(scores(makePod({ name: 'incoming', labels: { app: 'web' } }), [existing])).toEqual({ a1: 0, a2: 0, b1: 100, nozone: 0 });
  });
});
