import { describe, it, expect } from 'vitest';
import { scheduleOne } from './schedule.js';
import { NodeSnapshot } from './snapshot.js';
import { makeNode, makePod } from './synthetic.js';

const nodes = () => [makeNode({ name: 'n1', cpu: '4' }), makeNode({ name: 'n2', cpu: '4' })];
const first = () => 0.999;

describe('nominated pods (after preemption)', () => {
  it('a lower-priority pod leaves room for a pod nominated to the node', () => {
    const snap = NodeSnapshot.from(nodes(), [makePod({ name: 'busy', cpu: '3', nodeName: 'n2' })]);
    snap.nominate(makePod({ name: 'urgent', cpu: '3', priority: 1000 }), 'n1');
    const r = scheduleOne(makePod({ name: 'batch', cpu: '2', priority: 0 }), snap, { rng: first, preemption: false });
    expect(r).toEqual({ error: '0/2 nodes are available: 2 Insufficient cpu.' });
  });

  it('a higher-priority pod ignores lower-priority nominations', () => {
    const snap = NodeSnapshot.from(nodes(), [makePod({ name: 'busy', cpu: '3', nodeName: 'n2' })]);
    snap.nominate(makePod({ name: 'batch', cpu: '3', priority: 0 }), 'n1');
    expect(scheduleOne(makePod({ name: 'urgent', cpu: '2', priority: 1000 }), snap, { rng: first })).toMatchObject({ node: 'n1' });
  });

  it('the nominated pod tries its nominated node first, and binding clears the nomination', () => {
    const snap = NodeSnapshot.from(nodes());
    const urgent = makePod({ name: 'urgent', cpu: '1', priority: 1000, status: { nominatedNodeName: 'n2' } });
    snap.nominate(urgent, 'n2');
    expect(scheduleOne(urgent, snap, { rng: first })).toEqual({ node: 'n2', feasibleNodes: 1, evaluatedNodes: 1 });
    snap.addPod({ ...urgent, spec: { ...(urgent.spec as object), nodeName: 'n2' } });
    expect(snap.nominatedOn('n2')).toEqual([]);
    expect(snap.hasNominations).toBe(false);
  });
});
